#include "trust/log.hpp"

#include <sodium.h>

#include <cstring>

#include "core/secret.hpp"
#include "db/database.hpp"
#include "trust/log_repo.hpp"

namespace brilliant::trust {
namespace {

// The signed note's signature line carries a 4-byte key hint before the signature (C2SP signed-note).
std::string key_hint(const std::string& origin, const std::array<unsigned char, 32>& public_key) {
  std::string data = origin + "\n\x01";  // name, newline, signature type 0x01 (Ed25519)
  data.append(reinterpret_cast<const char*>(public_key.data()), public_key.size());
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return std::string(reinterpret_cast<const char*>(hash), 4);
}

}  // namespace

std::string checkpoint_body(const std::string& origin, uint64_t size, const Hash& root) {
  return origin + "\n" + std::to_string(size) + "\n" + base64(bytes_of(root)) + "\n";
}

std::string sign_checkpoint(const std::string& origin, uint64_t size, const Hash& root, const KeyPair& key) {
  const auto body = checkpoint_body(origin, size, root);
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                       key.secret_key.data());
  return body + "\n\xE2\x80\x94 " + origin + " " +
         base64(key_hint(origin, key.public_key) +
                std::string(reinterpret_cast<const char*>(signature), sizeof signature)) +
         "\n";
}

Result<Checkpoint> read_checkpoint(std::string_view note, const std::array<unsigned char, 32>& public_key) {
  const auto split = note.find("\n\n");
  if (split == std::string_view::npos)
    return Error::invalid("checkpoint", "note_invalid",
                          "a signed note is a body, a blank line and signatures");
  const std::string body(note.substr(0, split + 1));
  std::string_view line = note.substr(split + 2);
  if (!line.starts_with("\xE2\x80\x94 "))  // "— name base64"
    return Error::invalid("checkpoint", "note_invalid", "the signature line does not start with an em dash");
  line.remove_prefix(4);
  const auto space = line.find(' ');
  const auto end = line.find('\n');
  if (space == std::string_view::npos || end == std::string_view::npos || end < space)
    return Error::invalid("checkpoint", "note_invalid", "the signature line is not 'name signature'");
  const auto blob = from_base64(line.substr(space + 1, end - space - 1));
  if (!blob || blob->size() != 4 + crypto_sign_BYTES)
    return Error::invalid("checkpoint", "signature_invalid",
                          "the signature is not base64 of a key hint and 64 bytes");
  if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(blob->data() + 4),
                                  reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                                  public_key.data()) != 0)
    return Error::invalid("checkpoint", "signature_invalid", "the checkpoint's signature does not verify");
  // The body: origin, size, base64 root.
  Checkpoint c;
  c.note = std::string(note);
  const auto first = body.find('\n'), second = body.find('\n', first + 1),
             third = body.find('\n', second + 1);
  if (third == std::string::npos)
    return Error::invalid("checkpoint", "note_invalid", "the body is not three lines");
  c.origin = body.substr(0, first);
  c.size = std::stoull(body.substr(first + 1, second - first - 1));
  const auto root = from_base64(std::string_view(body).substr(second + 1, third - second - 1));
  if (!root || root->size() != 32)
    return Error::invalid("checkpoint", "note_invalid", "the root is not 32 bytes");
  std::memcpy(c.root.data(), root->data(), 32);
  return c;
}

TransparencyLog::TransparencyLog(db::Database& db, KeyPair key, std::string origin)
    : db_(db), key_(key), origin_(std::move(origin)) {}

uint64_t TransparencyLog::append(soci::session& sql, std::string_view entry, const std::string& now) {
  return repo::append(sql, entry, leaf_hash(entry), now);
}

uint64_t TransparencyLog::append_all(soci::session& sql, const std::vector<std::string>& entries,
                                     const std::string& now) {
  std::vector<Hash> leaves;
  leaves.reserve(entries.size());
  for (const auto& e : entries) leaves.push_back(leaf_hash(e));
  return repo::append_all(sql, entries, leaves, now);
}

uint64_t TransparencyLog::append(std::string_view entry, const std::string& now) {
  return db_.write([&](soci::session& sql) { return append(sql, entry, now); });
}

void TransparencyLog::load() {
  for (const auto& leaf : repo::leaves_from(db_, tree_.size())) tree_.append(leaf);
}

uint64_t TransparencyLog::size() {
  std::lock_guard lock(mutex_);
  load();
  return tree_.size();
}

bool TransparencyLog::covers(uint64_t size) {
  std::lock_guard lock(mutex_);
  if (size <= tree_.size()) return true;  // the log only grows: no need to ask the database
  load();
  return size <= tree_.size();
}

Checkpoint TransparencyLog::checkpoint(const std::string& now) {
  std::lock_guard lock(mutex_);
  load();
  const auto size = tree_.size();
  if (auto latest = repo::latest_checkpoint(db_); latest && latest->size == size)
    return {origin_, latest->size, *repo::from_hex(latest->root_hex), latest->note};
  const auto root = tree_.root(size);
  const auto note = sign_checkpoint(origin_, size, root, key_);
  repo::save_checkpoint(db_, {size, repo::to_hex(root), note}, now);
  return {origin_, size, root, note};
}

std::vector<Hash> TransparencyLog::inclusion_proof(uint64_t index, uint64_t size) {
  std::lock_guard lock(mutex_);
  if (size > tree_.size()) load();
  if (size > tree_.size() || index >= size) return {};
  return tree_.inclusion_proof(index, size);
}

std::vector<Hash> TransparencyLog::consistency_proof(uint64_t from, uint64_t to) {
  std::lock_guard lock(mutex_);
  if (to > tree_.size()) load();
  if (to > tree_.size() || from > to) return {};
  return tree_.consistency_proof(from, to);
}

std::string TransparencyLog::entry(uint64_t index) {
  {
    std::lock_guard lock(entries_mutex_);
    if (auto it = entries_.find(index); it != entries_.end()) return it->second;
  }
  auto text = repo::entry(db_, index);
  if (!text) return "";
  std::lock_guard lock(entries_mutex_);
  if (entries_.size() >= max_cached_entries) entries_.clear();  // entries never change: any may be kept
  entries_.emplace(index, *text);
  return *text;
}

Result<void> TransparencyLog::check() {
  std::lock_guard lock(mutex_);
  load();
  for (const auto& stored : repo::checkpoints(db_)) {
    auto read = read_checkpoint(stored.note, key_.public_key);
    if (!read)
      return Error::conflict("log", "checkpoint_key",
                             "the log's checkpoint of size " + std::to_string(stored.size) +
                                 " does not verify with this issuer key (" + read.error().message +
                                 "): restore the key file the log was signed with");
    if (stored.size > tree_.size() || read->size != stored.size || tree_.root(stored.size) != read->root)
      return Error::conflict(
          "log", "log_tampered",
          "the log's entries no longer give checkpoint " + std::to_string(stored.size) + "'s root");
  }
  return {};
}

}  // namespace brilliant::trust
