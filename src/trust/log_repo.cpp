#include "trust/log_repo.hpp"

#include <sodium.h>

#include <cstring>

namespace brilliant::trust::repo {

std::string to_hex(const Hash& hash) {
  char out[65];
  sodium_bin2hex(out, sizeof out, hash.data(), hash.size());
  return out;
}

std::optional<Hash> from_hex(std::string_view hex) {
  Hash h;
  size_t len = 0;
  if (hex.size() != 64 ||
      sodium_hex2bin(h.data(), h.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 || len != 32)
    return std::nullopt;
  return h;
}

uint64_t append(soci::session& sql, std::string_view entry, const Hash& leaf, const std::string& now) {
  long long size = 0;
  sql << "UPDATE trust_log_head SET size = size + 1 WHERE id = 1";
  sql << "SELECT size FROM trust_log_head WHERE id = 1", soci::into(size);
  const long long index = size - 1;
  const std::string text(entry), hash = to_hex(leaf);
  sql << "INSERT INTO trust_log (idx, entry, leaf_hash, created_at) VALUES (:i, :e, :h, :c)",
      soci::use(index), soci::use(text), soci::use(hash), soci::use(now);
  return static_cast<uint64_t>(index);
}

std::vector<Hash> leaves_from(db::Database& db, uint64_t from) {
  return db.read([&](soci::session& sql) {
    std::vector<Hash> out;
    const long long start = static_cast<long long>(from);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT leaf_hash FROM trust_log WHERE idx >= :f ORDER BY idx", soci::use(start));
    for (const auto& row : rows)
      if (auto h = from_hex(db::row_text(row, 0))) out.push_back(*h);
    return out;
  });
}

std::optional<std::string> entry(db::Database& db, uint64_t index) {
  return db.read([&](soci::session& sql) -> std::optional<std::string> {
    std::string text;
    const long long i = static_cast<long long>(index);
    sql << "SELECT entry FROM trust_log WHERE idx = :i", soci::use(i), soci::into(text);
    if (!sql.got_data()) return std::nullopt;
    return text;
  });
}

void save_checkpoint(db::Database& db, const StoredCheckpoint& c, const std::string& now) {
  db.write([&](soci::session& sql) {
    long long size = static_cast<long long>(c.size);
    // One checkpoint per size: a second signer of the same size keeps the first.
    sql << "INSERT INTO trust_checkpoints (size, root_hash, note, created_at) VALUES (:s, :r, :n, :c) "
           "ON CONFLICT (size) DO NOTHING",
        soci::use(size), soci::use(c.root_hex), soci::use(c.note), soci::use(now);
  });
}

namespace {

std::vector<StoredCheckpoint> select_checkpoints(db::Database& db, const std::string& tail) {
  return db.read([&](soci::session& sql) {
    std::vector<StoredCheckpoint> out;
    soci::rowset<soci::row> rows = sql.prepare
                                   << "SELECT size, root_hash, note FROM trust_checkpoints " + tail;
    for (const auto& row : rows)
      out.push_back({static_cast<uint64_t>(db::row_int(row, 0)), db::row_text(row, 1), db::row_text(row, 2)});
    return out;
  });
}

}  // namespace

std::optional<StoredCheckpoint> latest_checkpoint(db::Database& db) {
  auto found = select_checkpoints(db, "ORDER BY size DESC LIMIT 1");
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<StoredCheckpoint> checkpoints(db::Database& db) {
  return select_checkpoints(db, "ORDER BY size");
}

}  // namespace brilliant::trust::repo
