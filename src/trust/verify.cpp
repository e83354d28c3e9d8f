#include "trust/verify.hpp"

#include <boost/json.hpp>

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

void check_bundle(Verification& v, const std::string& bundle_json, const std::array<unsigned char, 32>& key,
                  const std::string& credential_hash) {
  auto parsed = parse_json_exact(bundle_json);
  if (!parsed || !parsed->is_object()) {
    v.checks.push_back({"bundle", false, "the proof bundle is not a JSON object"});
    return;
  }
  const auto& b = parsed->get_object();
  const auto* cp = b.if_contains("checkpoint");
  const std::string note =
      cp && cp->is_object() ? text_at(cp->get_object(), "note") : text_at(b, "checkpoint");
  auto checkpoint = read_checkpoint(note, key);
  v.checks.push_back({"checkpoint", checkpoint.ok(),
                      checkpoint ? "signed by the issuer: " + checkpoint->origin + ", " +
                                       std::to_string(checkpoint->size) + " entries"
                                 : checkpoint.error().message});
  if (!checkpoint) return;
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
  if (!entry || !path_ok || !index || !index->is_number()) {
    v.checks.push_back({"inclusion", false, "the bundle lacks leaf_index, entry or path (base64)"});
    return;
  }
  const auto leaf_index = index->to_number<uint64_t>();
  auto included = verify_inclusion(leaf_index, checkpoint->size, bytes_of(leaf_hash(*entry)), path,
                                   bytes_of(checkpoint->root));
  v.checks.push_back({"inclusion", included.ok(),
                      included ? "entry " + std::to_string(leaf_index) + " is in the log under the checkpoint"
                               : included.error().message});
  auto logged = parse_json_exact(*entry);
  const bool names =
      logged && logged->is_object() && text_at(logged->get_object(), "credential_sha256") == credential_hash;
  v.checks.push_back(
      {"entry", names,
       names ? "the logged entry names this credential" : "the logged entry does not name this credential"});
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

}  // namespace brilliant::trust
