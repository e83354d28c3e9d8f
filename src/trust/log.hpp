// The transparency log (issue 11): every certificate event and evidence hash is an entry, appended in the
// same transaction as what it records, hashed as RFC 9162 says (merkle.hpp). The issuer signs
// checkpoints (origin, tree size, root hash) in the C2SP signed-note text form; anyone can then check an
// inclusion or consistency proof against a checkpoint with the issuer's public key and nothing of ours.
#pragma once
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "db/fwd.hpp"
#include "trust/merkle.hpp"
#include "trust/signing.hpp"

namespace brilliant::trust {

struct Checkpoint {
  std::string origin;
  uint64_t size = 0;
  Hash root{};
  std::string note;  // "origin\nsize\nbase64(root)\n\n— origin base64(signature)\n"
};

// The text a checkpoint signs: origin, size and base64 root, one per line (C2SP tlog-checkpoint).
std::string checkpoint_body(const std::string& origin, uint64_t size, const Hash& root);
// The checkpoint of a tree as a signed note: the body, a blank line and "— origin base64(key hint ||
// Ed25519 signature)".
std::string sign_checkpoint(const std::string& origin, uint64_t size, const Hash& root, const KeyPair& key);
// Checks a signed note with the issuer's key: its body's signature, and returns the checkpoint it states.
Result<Checkpoint> read_checkpoint(std::string_view note, const std::array<unsigned char, 32>& public_key);

class TransparencyLog {
 public:
  TransparencyLog(db::Database& db, KeyPair key, std::string origin);

  // Appends an entry in the caller's transaction; returns its index.
  static uint64_t append(soci::session& sql, std::string_view entry, const std::string& now);
  // Appends a batch in the caller's transaction; returns the first index (the rest follow in order).
  static uint64_t append_all(soci::session& sql, const std::vector<std::string>& entries,
                             const std::string& now);
  // Appends in a transaction of its own.
  uint64_t append(std::string_view entry, const std::string& now);

  uint64_t size();
  // Whether the log has at least `size` entries; asks the database only when this process has seen fewer.
  bool covers(uint64_t size);
  // Signs (and stores) a checkpoint of the log as it is now; the latest stored one when nothing changed.
  Checkpoint checkpoint(const std::string& now);
  std::vector<Hash> inclusion_proof(uint64_t index, uint64_t size);
  std::vector<Hash> consistency_proof(uint64_t from, uint64_t to);
  std::string entry(uint64_t index);  // from a bounded in-memory cache (entries never change)
  // Recomputes every stored checkpoint's root from the entries and checks its signature (at start).
  Result<void> check();

 private:
  void load();  // the leaves appended since the last load (under mutex_)
  db::Database& db_;
  KeyPair key_;
  std::string origin_;
  std::mutex mutex_;
  MerkleTree tree_;
  static constexpr size_t max_cached_entries = 16384;
  std::mutex entries_mutex_;
  std::unordered_map<uint64_t, std::string> entries_;
};

}  // namespace brilliant::trust
