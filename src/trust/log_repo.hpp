// The transparency log's rows (trust_log, trust_log_head, trust_checkpoints). See migrations/016.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "trust/merkle.hpp"

namespace brilliant::trust::repo {

// Appends in the caller's transaction: the head row's lock orders concurrent appends. Returns the index.
uint64_t append(soci::session& sql, std::string_view entry, const Hash& leaf, const std::string& now);
// Appends a batch in the caller's transaction with two statements for up to 100 entries (the head moved
// once, the rows as multi-row VALUES); returns the first entry's index, the rest follow in order.
uint64_t append_all(soci::session& sql, const std::vector<std::string>& entries,
                    const std::vector<Hash>& leaves, const std::string& now);
// The leaf hashes from index `from` on, in order.
std::vector<Hash> leaves_from(db::Database& db, uint64_t from);
std::optional<std::string> entry(db::Database& db, uint64_t index);

struct StoredCheckpoint {
  uint64_t size = 0;
  std::string root_hex, note;
};
void save_checkpoint(db::Database& db, const StoredCheckpoint& checkpoint, const std::string& now);
std::optional<StoredCheckpoint> latest_checkpoint(db::Database& db);
std::vector<StoredCheckpoint> checkpoints(db::Database& db);

std::string to_hex(const Hash& hash);
std::optional<Hash> from_hex(std::string_view hex);

}  // namespace brilliant::trust::repo
