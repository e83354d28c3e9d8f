#include "trust/verify.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/secret.hpp"
#include "trust/jcs.hpp"
#include "trust/log.hpp"
#include "trust/merkle.hpp"
#include "trust/signing.hpp"

namespace brilliant::trust {
namespace json = boost::json;
namespace {

std::string text_at(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

// The key to check with: the one given, or a did:key verificationMethod's own.
std::string key_for(const json::object& credential, const std::string& given) {
  if (!given.empty()) return given;
  const auto* proof = credential.if_contains("proof");
  if (!proof || !proof->is_object()) return "";
  const auto method = text_at(proof->get_object(), "verificationMethod");
  if (!method.starts_with("did:key:")) return "";
  return method.substr(8, method.find('#') == std::string::npos ? std::string::npos : method.find('#') - 8);
}

// The bundle's checkpoint, checked with the key; the check is reported either way.
std::optional<Checkpoint> checked_checkpoint(Verification& v, const json::object& b,
                                             const std::array<unsigned char, 32>& key) {
  const auto* cp = b.if_contains("checkpoint");
  const std::string note =
      cp && cp->is_object() ? text_at(cp->get_object(), "note") : text_at(b, "checkpoint");
  auto checkpoint = read_checkpoint(note, key);
  v.checks.push_back({"checkpoint", checkpoint.ok(),
                      checkpoint ? "signed by the issuer: " + checkpoint->origin + ", " +
                                       std::to_string(checkpoint->size) + " entries"
                                 : checkpoint.error().message});
  if (!checkpoint) return std::nullopt;
  return *checkpoint;
}

// An entry's inclusion {leaf_index, entry, path} under the checkpoint: the entry's text when it holds.
Result<std::pair<uint64_t, std::string>> included(const json::object& b, const Checkpoint& checkpoint) {
  const auto entry = from_base64(text_at(b, "entry"));
  std::vector<std::string> path;
  bool path_ok = b.contains("path") && b.at("path").is_array();
  if (path_ok)
    for (const auto& h : b.at("path").get_array()) {
      auto bytes = h.is_string() ? from_base64(h.get_string()) : std::nullopt;
      path_ok = path_ok && bytes;
      if (bytes) path.push_back(*bytes);
    }
  const auto* index = b.if_contains("leaf_index");
  if (!entry || !path_ok || !index || !index->is_number())
    return Error::invalid("entry", "bundle_incomplete",
                          "the bundle lacks leaf_index, entry or path (base64)");
  const auto leaf_index = index->to_number<uint64_t>();
  TRY(verify_inclusion(leaf_index, checkpoint.size, bytes_of(leaf_hash(*entry)), path,
                       bytes_of(checkpoint.root)));
  return std::pair{leaf_index, *entry};
}

void check_bundle(Verification& v, const std::string& bundle_json, const std::array<unsigned char, 32>& key,
                  const std::string& credential_hash) {
  auto parsed = parse_json_exact(bundle_json);
  if (!parsed || !parsed->is_object()) {
    v.checks.push_back({"bundle", false, "the proof bundle is not a JSON object"});
    return;
  }
  const auto& b = parsed->get_object();
  auto checkpoint = checked_checkpoint(v, b, key);
  if (!checkpoint) return;
  auto entry = included(b, *checkpoint);
  v.checks.push_back({"inclusion", entry.ok(),
                      entry ? "entry " + std::to_string(entry->first) + " is in the log under the checkpoint"
                            : entry.error().message});
  if (!entry) return;
  auto logged = parse_json_exact(entry->second);
  const bool names =
      logged && logged->is_object() && text_at(logged->get_object(), "credential_sha256") == credential_hash;
  v.checks.push_back(
      {"entry", names,
       names ? "the logged entry names this credential" : "the logged entry does not name this credential"});
}

// Every entry of an evidence bundle in the log: their texts by index.
std::optional<std::map<uint64_t, std::string>> check_entries(Verification& v, const json::object& b,
                                                             const Checkpoint& checkpoint) {
  std::map<uint64_t, std::string> out;
  const auto* entries = b.if_contains("entries");
  if (!entries || !entries->is_array() || entries->get_array().empty()) {
    v.checks.push_back({"entries", false, "the bundle has no entries"});
    return std::nullopt;
  }
  for (const auto& e : entries->get_array()) {
    auto entry = e.is_object() ? included(e.get_object(), checkpoint)
                               : Result<std::pair<uint64_t, std::string>>(Error::invalid(
                                     "entry", "bundle_incomplete", "an entry is not an object"));
    if (!entry) {
      v.checks.push_back({"entries", false, entry.error().message});
      return std::nullopt;
    }
    out.emplace(entry->first, entry->second);
  }
  v.checks.push_back(
      {"entries", true, std::to_string(out.size()) + " entries are in the log under the checkpoint"});
  return out;
}

// Each photo the bundle lists is named (by its SHA-256) by the logged entry it points at; returns what
// each hash is ("piece photo of IT-...").
std::optional<std::map<std::string, std::string>> check_photos(
    Verification& v, const json::object& b, const std::map<uint64_t, std::string>& entries) {
  std::map<std::string, std::string> out;
  const auto* photos = b.if_contains("photos");
  if (photos && photos->is_array())
    for (const auto& p : photos->get_array()) {
      if (!p.is_object()) continue;
      const auto& photo = p.get_object();
      const auto sha = text_at(photo, "sha256");
      const auto* index = photo.if_contains("leaf_index");
      auto it = index && index->is_number() ? entries.find(index->to_number<uint64_t>()) : entries.end();
      auto logged = parse_json_exact(it == entries.end() ? "" : it->second);
      if (it == entries.end() || !logged || !logged->is_object() ||
          text_at(logged->get_object(), "sha256") != sha) {
        v.checks.push_back({"photos", false, "the photo " + sha + " is not named by its logged entry"});
        return std::nullopt;
      }
      const auto serial = text_at(photo, "serial");
      out[sha] = text_at(photo, "view") + " photo" + (serial.empty() ? "" : " of " + serial);
    }
  v.checks.push_back({"photos", true, std::to_string(out.size()) + " photos are named by logged entries"});
  return out;
}

}  // namespace

bool Verification::ok() const {
  if (checks.empty()) return false;
  for (const auto& c : checks)
    if (!c.ok) return false;
  return true;
}

std::string credential_entry(const std::string& event, const std::string& credential_sha256_hex) {
  return canonical_json(json::object{{"event", event}, {"credential_sha256", credential_sha256_hex}}).value();
}

Verification verify_credential(const std::string& credential_json, const std::string& proof_bundle_json,
                               const std::string& given_key) {
  Verification v;
  auto parsed = parse_json_exact(credential_json);
  if (!parsed || !parsed->is_object()) {
    v.checks.push_back({"json", false, "the credential is not a JSON object"});
    return v;
  }
  const auto& credential = parsed->get_object();
  v.checks.push_back({"json", true, "read"});
  auto key = public_key_of(key_for(credential, given_key));
  v.checks.push_back(
      {"key", key.ok(), key ? "the issuer's Ed25519 key" : "no usable issuer key: " + key.error().message});
  if (!key) return v;
  auto signed_ok = verify_jcs_2022(credential, *key);
  v.checks.push_back({"signature", signed_ok.ok(),
                      signed_ok ? "eddsa-jcs-2022 over the JCS form verifies" : signed_ok.error().message});
  if (!proof_bundle_json.empty())
    check_bundle(v, proof_bundle_json, *key, sha256_hex(canonical_json(credential).value()));
  return v;
}

Verification verify_evidence(const std::string& bundle_json, const std::string& given_key,
                             const std::vector<std::pair<std::string, std::string>>& files) {
  Verification v;
  auto parsed = parse_json_exact(bundle_json);
  if (!parsed || !parsed->is_object() || !parsed->get_object().contains("entries")) {
    v.checks.push_back({"json", false, "the file is not an evidence bundle (JSON with entries)"});
    return v;
  }
  const auto& b = parsed->get_object();
  const auto key_text = given_key.empty() ? text_at(b, "public_key") : given_key;
  auto key = public_key_of(key_text);
  v.checks.push_back({"key", key.ok(),
                      !key ? "no usable key: " + key.error().message
                      : given_key.empty()
                          ? "the bundle's own key " + key_text +
                                " (compare it with the hub's /.well-known/did.json, or pass --key)"
                          : "the key given"});
  if (!key) return v;
  auto checkpoint = checked_checkpoint(v, b, *key);
  if (!checkpoint) return v;
  auto entries = check_entries(v, b, *checkpoint);
  if (!entries) return v;
  auto photos = check_photos(v, b, *entries);
  if (!photos) return v;
  for (const auto& [name, bytes] : files) {
    auto it = photos->find(sha256_hex(bytes));
    v.checks.push_back({name, it != photos->end(),
                        it != photos->end()
                            ? "is the logged " + it->second
                            : "is not a photo of this evidence (its SHA-256 is not logged here)"});
  }
  return v;
}

}  // namespace brilliant::trust
