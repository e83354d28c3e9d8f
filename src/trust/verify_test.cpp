#include "trust/verify.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/secret.hpp"
#include "trust/jcs.hpp"
#include "trust/log.hpp"
#include "trust/signing.hpp"
#include "trust/testing.hpp"

namespace brilliant::trust {
namespace {
namespace json = boost::json;

std::string failed(const Verification& v) {
  for (const auto& c : v.checks)
    if (!c.ok) return c.name;
  return "";
}

// A credential issued by `key`, logged as entry 2 of 5, and the proof bundle its page would offer.
struct Issued {
  KeyPair key = new_key();
  std::string credential, bundle;
  Issued() {
    json::object doc{{"@context", json::array{"https://www.w3.org/ns/credentials/v2"}},
                     {"type", json::array{"VerifiableCredential"}},
                     {"issuer", "did:web:brilliant.example"},
                     {"credentialSubject", json::object{{"workshop", "달빛 공방"}, {"level", 2}}}};
    auto secured = sign_jcs_2022(doc,
                                 {{"created", "2026-11-29T00:00:00Z"},
                                  {"verificationMethod", "did:web:brilliant.example#issuer-key"},
                                  {"proofPurpose", "assertionMethod"}},
                                 key)
                       .value();
    credential = json::serialize(secured);
    const auto entry = credential_entry("issued", sha256_hex(canonical_json(secured).value()));
    MerkleTree tree;
    for (int i = 0; i < 5; ++i) tree.append(leaf_hash(i == 2 ? entry : "other " + std::to_string(i)));
    json::array path;
    for (const auto& h : tree.inclusion_proof(2, 5)) path.emplace_back(base64(bytes_of(h)));
    bundle = json::serialize(json::object{
        {"leaf_index", 2},
        {"tree_size", 5},
        {"entry", base64(entry)},
        {"path", path},
        {"checkpoint",
         json::object{{"note", sign_checkpoint("brilliant.example/log", 5, tree.root(5), key)}}}});
  }
};

}  // namespace

TEST(Verify, ThePublishedCredentialVerifiesWithItsDidKeyAlone) {
  const auto v = verify_credential(vector_file("signedJCS.json"), "", "");
  EXPECT_TRUE(v.ok()) << failed(v);
  auto changed = vector_file("signedJCS.json");
  changed.replace(changed.find("Alumni Credential\""), 6, "Alumna");
  EXPECT_EQ(failed(verify_credential(changed, "", "")), "signature");
  EXPECT_EQ(failed(verify_credential("not json", "", "")), "json");
}

TEST(Verify, ACredentialWithItsProofBundleChecksEveryStepAndAnyChangeFailsByName) {
  Issued issued;
  const auto key = public_multikey(issued.key);
  const auto v = verify_credential(issued.credential, issued.bundle, key);
  ASSERT_TRUE(v.ok()) << failed(v);
  EXPECT_EQ(v.checks.size(), 6u);  // json, key, signature, checkpoint, inclusion, entry

  EXPECT_EQ(failed(verify_credential(issued.credential, issued.bundle, "")), "key");  // did:web: give the key
  EXPECT_EQ(failed(verify_credential(issued.credential, issued.bundle, public_multikey(new_key()))),
            "signature");

  auto bundle = json::parse(issued.bundle).as_object();
  auto tampered = bundle;
  tampered["leaf_index"] = 3;
  EXPECT_EQ(failed(verify_credential(issued.credential, json::serialize(tampered), key)), "inclusion");
  tampered = bundle;
  tampered["entry"] = base64(credential_entry("issued", std::string(64, '0')));
  EXPECT_EQ(failed(verify_credential(issued.credential, json::serialize(tampered), key)), "inclusion");
  tampered = bundle;
  tampered["checkpoint"] =
      json::object{{"note", sign_checkpoint("brilliant.example/log", 5, Hash{}, new_key())}};
  EXPECT_EQ(failed(verify_credential(issued.credential, json::serialize(tampered), key)), "checkpoint");
  EXPECT_EQ(failed(verify_credential(issued.credential, "{", key)), "bundle");
}

}  // namespace brilliant::trust
