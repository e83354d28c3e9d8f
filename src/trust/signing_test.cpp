#include "trust/signing.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "trust/jcs.hpp"
#include "trust/testing.hpp"

namespace brilliant::trust {
namespace {

namespace json = boost::json;

json::object vector_json(const std::string& name) {
  return parse_json_exact(vector_file(name)).value().as_object();
}

std::string hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  out.pop_back();
  return out;
}

KeyPair vector_key() {
  return key_of_private_multikey(vector_json("keyPair.json").at("privateKeyMultibase").as_string()).value();
}

json::object unsigned_credential() {
  auto doc = vector_json("signedJCS.json");
  doc.erase("proof");
  return doc;
}

}  // namespace

TEST(Signing, TheVectorsKeyPairReadsBackAsItsPublicMultikey) {
  const auto key = vector_key();
  EXPECT_EQ(public_multikey(key),
            std::string(vector_json("keyPair.json").at("publicKeyMultibase").as_string()));
  EXPECT_EQ(private_multikey(key),
            std::string(vector_json("keyPair.json").at("privateKeyMultibase").as_string()));
  EXPECT_EQ(public_key_of(public_multikey(key)).value(), key.public_key);
  EXPECT_EQ(public_key_of("z6Mk").error().code, "multikey_invalid");
  EXPECT_EQ(public_key_of("x6Mk").error().code, "multibase_invalid");
  EXPECT_EQ(from_base58btc("0OIl").error().code, "base58_invalid");
  EXPECT_EQ(base58btc(std::string("\0\0\1", 3)), "112");
  EXPECT_EQ(from_base58btc("112").value(), std::string("\0\0\1", 3));
}

// W3C vc-di-eddsa's eddsa-jcs-2022 vectors: every intermediate value and the signature itself.
TEST(Signing, Eddsa2022JcsVectorsEveryStepAndTheSignature) {
  const auto doc = unsigned_credential();
  const auto options = vector_json("proofConfigJCS.json");
  EXPECT_EQ(canonical_json(doc).value(), vector_file("canonDocJCS.txt"));
  const auto data = jcs_2022_hash_data(doc, options).value();
  EXPECT_EQ(hex(data.substr(0, 32)), vector_file("proofHashJCS.txt"));
  EXPECT_EQ(hex(data.substr(32)), vector_file("docHashJCS.txt"));
  EXPECT_EQ(hex(data), vector_file("combinedHashJCS.txt"));

  json::object plain_options = options;
  plain_options.erase("@context");  // the proof takes the document's contexts itself
  const auto signed_doc = sign_jcs_2022(doc, plain_options, vector_key()).value();
  const auto& proof = signed_doc.at("proof").as_object();
  EXPECT_EQ(std::string(proof.at("proofValue").as_string()), vector_file("sigBTC58JCS.txt"));
  EXPECT_EQ(hex(from_base58btc(vector_file("sigBTC58JCS.txt").substr(1)).value()),
            vector_file("sigHexJCS.txt"));
  EXPECT_EQ(canonical_json(signed_doc).value(), canonical_json(vector_json("signedJCS.json")).value());
}

TEST(Signing, ThePublishedSignedCredentialVerifiesAndAnyChangeFails) {
  const auto key = vector_key().public_key;
  const auto secured = vector_json("signedJCS.json");
  ASSERT_TRUE(verify_jcs_2022(secured, key).ok());

  auto changed = secured;
  changed["name"] = "Alumni Credential!";
  EXPECT_EQ(verify_jcs_2022(changed, key).error().code, "signature_invalid");
  changed = secured;
  changed["proof"].as_object()["created"] = "2023-02-24T23:36:39Z";
  EXPECT_EQ(verify_jcs_2022(changed, key).error().code, "signature_invalid");
  changed = secured;
  std::string value(secured.at("proof").at("proofValue").as_string());
  value[10] = value[10] == 'a' ? 'b' : 'a';
  changed["proof"].as_object()["proofValue"] = value;
  EXPECT_FALSE(verify_jcs_2022(changed, key).ok());
  changed = secured;
  changed["proof"].as_object()["cryptosuite"] = "eddsa-rdfc-2022";
  EXPECT_EQ(verify_jcs_2022(changed, key).error().code, "cryptosuite_unknown");
  changed = secured;
  changed.erase("proof");
  EXPECT_EQ(verify_jcs_2022(changed, key).error().code, "proof_missing");
  changed = secured;
  changed["@context"].as_array().erase(changed["@context"].as_array().begin());
  EXPECT_EQ(verify_jcs_2022(changed, key).error().code, "context_mismatch");
  EXPECT_EQ(verify_jcs_2022(secured, new_key().public_key).error().code, "signature_invalid");
}

TEST(Signing, ANewKeySignsAndVerifiesItsOwnCredential) {
  const auto key = new_key();
  json::object doc{{"@context", json::array{"https://www.w3.org/ns/credentials/v2"}},
                   {"type", json::array{"VerifiableCredential"}},
                   {"issuer", "did:web:brilliant.example"},
                   {"credentialSubject", json::object{{"name", "달빛 공방"}, {"level", 3}}}};
  auto secured = sign_jcs_2022(doc,
                               {{"created", "2026-11-29T00:00:00Z"},
                                {"verificationMethod", "did:web:brilliant.example#key-1"},
                                {"proofPurpose", "assertionMethod"}},
                               key)
                     .value();
  EXPECT_TRUE(verify_jcs_2022(secured, key.public_key).ok());
  // Through text and back, as a downloaded file is.
  EXPECT_TRUE(
      verify_jcs_2022(parse_json_exact(json::serialize(secured)).value().as_object(), key.public_key).ok());
}

}  // namespace brilliant::trust
