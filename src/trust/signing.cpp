#include "trust/signing.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstring>

#include "trust/jcs.hpp"

namespace brilliant::trust {
namespace json = boost::json;
namespace {

constexpr std::string_view alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr unsigned char ed25519_pub[] = {0xed, 0x01};   // multicodec ed25519-pub, varint
constexpr unsigned char ed25519_priv[] = {0x80, 0x26};  // multicodec ed25519-priv (0x1300), varint

std::string sha256_digest(std::string_view bytes) {
  std::string out(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return out;
}

Result<std::string> multikey_bytes(std::string_view multikey, const unsigned char (&prefix)[2]) {
  if (multikey.empty() || multikey[0] != 'z')
    return Error::invalid("key", "multibase_invalid", "a Multikey starts with z (base58btc)");
  auto bytes = TRY(from_base58btc(multikey.substr(1)));
  if (bytes.size() != 34 || static_cast<unsigned char>(bytes[0]) != prefix[0] ||
      static_cast<unsigned char>(bytes[1]) != prefix[1])
    return Error::invalid("key", "multikey_invalid", "not an Ed25519 Multikey");
  return bytes.substr(2);
}

}  // namespace

KeyPair key_from_seed(const std::array<unsigned char, 32>& seed) {
  KeyPair key;
  crypto_sign_seed_keypair(key.public_key.data(), key.secret_key.data(), seed.data());
  return key;
}

KeyPair new_key() {
  KeyPair key;
  crypto_sign_keypair(key.public_key.data(), key.secret_key.data());
  return key;
}

std::string base58btc(std::string_view bytes) {
  std::string digits;  // base 58, least significant first
  for (const char ch : bytes) {
    int carry = static_cast<unsigned char>(ch);
    for (auto& d : digits) {
      carry += d * 256;
      d = static_cast<char>(carry % 58);
      carry /= 58;
    }
    for (; carry; carry /= 58) digits.push_back(static_cast<char>(carry % 58));
  }
  std::string out;
  for (size_t i = 0; i < bytes.size() && bytes[i] == 0; ++i) out += '1';
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) out += alphabet[static_cast<size_t>(*it)];
  return out;
}

Result<std::string> from_base58btc(std::string_view text) {
  std::string bytes;  // base 256, least significant first
  for (const char ch : text) {
    const auto at = alphabet.find(ch);
    if (at == std::string_view::npos)
      return Error::invalid("base58", "base58_invalid", std::string("not a base58btc character: ") + ch);
    int carry = static_cast<int>(at);
    for (auto& b : bytes) {
      carry += static_cast<unsigned char>(b) * 58;
      b = static_cast<char>(carry & 0xff);
      carry >>= 8;
    }
    for (; carry; carry >>= 8) bytes.push_back(static_cast<char>(carry & 0xff));
  }
  std::string out;
  for (size_t i = 0; i < text.size() && text[i] == '1'; ++i) out += '\0';
  out.append(bytes.rbegin(), bytes.rend());
  return out;
}

std::string public_multikey(const KeyPair& key) {
  std::string bytes(reinterpret_cast<const char*>(ed25519_pub), 2);
  bytes.append(reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size());
  return "z" + base58btc(bytes);
}

std::string private_multikey(const KeyPair& key) {
  std::string bytes(reinterpret_cast<const char*>(ed25519_priv), 2);
  bytes.append(reinterpret_cast<const char*>(key.secret_key.data()), 32);  // the seed
  return "z" + base58btc(bytes);
}

Result<std::array<unsigned char, 32>> public_key_of(std::string_view multikey) {
  const auto bytes = TRY(multikey_bytes(multikey, ed25519_pub));
  std::array<unsigned char, 32> out;
  std::memcpy(out.data(), bytes.data(), 32);
  return out;
}

Result<KeyPair> key_of_private_multikey(std::string_view multikey) {
  const auto bytes = TRY(multikey_bytes(multikey, ed25519_priv));
  std::array<unsigned char, 32> seed;
  std::memcpy(seed.data(), bytes.data(), 32);
  return key_from_seed(seed);
}

Result<std::string> jcs_2022_hash_data(const json::object& document, const json::object& options) {
  json::object config = options;
  config.erase("proofValue");
  if (const auto* context = document.if_contains("@context"); context && !config.contains("@context"))
    config["@context"] = *context;
  json::object unsecured = document;
  unsecured.erase("proof");
  return sha256_digest(TRY(canonical_json(config))) + sha256_digest(TRY(canonical_json(unsecured)));
}

Result<json::object> sign_jcs_2022(json::object document, json::object options, const KeyPair& key) {
  options["type"] = "DataIntegrityProof";
  options["cryptosuite"] = "eddsa-jcs-2022";
  const auto data = TRY(jcs_2022_hash_data(document, options));
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                       key.secret_key.data());
  if (const auto* context = document.if_contains("@context")) options["@context"] = *context;
  options["proofValue"] = "z" + base58btc(signature);
  document["proof"] = std::move(options);
  return document;
}

Result<void> verify_jcs_2022(const json::object& secured, const std::array<unsigned char, 32>& public_key) {
  const auto* proof = secured.if_contains("proof");
  if (!proof || !proof->is_object())
    return Error::invalid("proof", "proof_missing", "the document has no proof");
  const auto& options = proof->get_object();
  const auto* suite = options.if_contains("cryptosuite");
  if (!suite || !suite->is_string() || suite->get_string() != "eddsa-jcs-2022" ||
      options.if_contains("type") == nullptr || options.at("type") != "DataIntegrityProof")
    return Error::invalid("proof", "cryptosuite_unknown",
                          "the proof is not a DataIntegrityProof of eddsa-jcs-2022");
  const auto* value = options.if_contains("proofValue");
  if (!value || !value->is_string() || value->get_string().empty() || value->get_string()[0] != 'z')
    return Error::invalid("proofValue", "proof_value_invalid", "the proof value is not base58btc multibase");
  const auto signature = TRY(from_base58btc(std::string_view(value->get_string()).substr(1)));
  if (signature.size() != crypto_sign_BYTES)
    return Error::invalid("proofValue", "proof_value_invalid", "the proof value is not an Ed25519 signature");
  // A proof that names contexts holds for a document that starts with them, in order.
  if (const auto* pc = options.if_contains("@context")) {
    const auto* dc = secured.if_contains("@context");
    const bool prefix = dc && pc->is_array() && dc->is_array() &&
                        pc->get_array().size() <= dc->get_array().size() &&
                        std::equal(pc->get_array().begin(), pc->get_array().end(), dc->get_array().begin());
    if (!prefix && !(dc && *pc == *dc))
      return Error::invalid("@context", "context_mismatch", "the proof's @context is not the document's");
  }
  const auto data = TRY(jcs_2022_hash_data(secured, options));
  if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                  reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                                  public_key.data()) != 0)
    return Error::invalid("proof", "signature_invalid", "the signature does not match the document and key");
  return {};
}

json::object issuer_proof_options(const std::string& did, const std::string& created) {
  return {{"type", "DataIntegrityProof"},
          {"cryptosuite", "eddsa-jcs-2022"},
          {"created", created},
          {"verificationMethod", did + "#issuer-key"},
          {"proofPurpose", "assertionMethod"}};
}

}  // namespace brilliant::trust
