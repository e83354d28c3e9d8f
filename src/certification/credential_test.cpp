#include "certification/credential.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "trust/jcs.hpp"
#include "trust/verify.hpp"

namespace brilliant::certification {
namespace json = boost::json;

CredentialFacts facts() {
  return {"https://brilliant.example",
          "did:web:brilliant.example",
          "ECO-ABCD-EFGH",
          "달빛 공방",
          "Moonlight Atelier",
          "moonlight",
          3,
          86,
          1,
          "은 반지, 목걸이",
          {"recycled_silver", "cyanide_free_plating"},
          7,
          "2026-11-29T00:00:00Z",
          "2029-11-29T00:00:00Z"};
}

TEST(Credential, IsASignedVerifiableCredentialThatVerifiesOffline) {
  const auto key = trust::new_key();
  const auto vc = issue_credential(facts(), key).value();
  EXPECT_EQ(vc.at("type").as_array().at(1).as_string(), "EcoJewelryWorkshopCertificate");
  EXPECT_EQ(vc.at("credentialSubject").at("level").as_int64(), 3);
  EXPECT_EQ(vc.at("credentialStatus").as_array().size(), 2u);
  EXPECT_EQ(vc.at("proof").at("cryptosuite").as_string(), "eddsa-jcs-2022");
  ASSERT_TRUE(trust::verify_jcs_2022(vc, key.public_key).ok());
  // As a downloaded file with `brilliant verify`'s checks, the issuer key given.
  const auto text = json::serialize(vc);
  EXPECT_TRUE(trust::verify_credential(text, "", trust::public_multikey(key)).ok());
  // Any change to a signed fact breaks it.
  auto tampered = vc;
  tampered["credentialSubject"].as_object()["level"] = 2;
  EXPECT_FALSE(trust::verify_jcs_2022(tampered, key.public_key).ok());
  EXPECT_FALSE(trust::verify_credential(text, "", trust::public_multikey(trust::new_key())).ok());
}

TEST(Credential, LogEntriesNameTheCredentialsHash) {
  const auto vc = issue_credential(facts(), trust::new_key()).value();
  const auto hash = credential_hash(vc);
  EXPECT_EQ(hash.size(), 64u);
  const auto entry = json::parse(certificate_entry("issued", hash, "ECO-ABCD-EFGH", "2026-11-29T00:00:00Z"));
  EXPECT_EQ(entry.at("credential_sha256").as_string(), hash);
  EXPECT_EQ(entry.at("event").as_string(), "certificate.issued");
  // Canonical: the same facts give the same bytes.
  EXPECT_EQ(certificate_entry("issued", hash, "N", "T"), certificate_entry("issued", hash, "N", "T"));
  const auto evidence = json::parse(evidence_entry(std::string(64, 'a'), "wastewater", 4, "T"));
  EXPECT_EQ(evidence.at("criterion").as_string(), "wastewater");
}

TEST(Credential, StatusListsRoundTripAndHideTheirSize) {
  const std::vector<long long> set{0, 7, 8, 1000, 131071};
  const auto encoded = encode_status_list(set);
  ASSERT_TRUE(encoded.starts_with("u"));
  EXPECT_EQ(decode_status_list(encoded).value(), set);
  EXPECT_TRUE(decode_status_list(encode_status_list({})).value().empty());
  // A list past the minimum grows to hold its highest index.
  EXPECT_EQ(decode_status_list(encode_status_list({200000})).value(), std::vector<long long>{200000});
  EXPECT_EQ(decode_status_list("zabc").error().code, "multibase_invalid");
  EXPECT_EQ(decode_status_list("uAAAA").error().code, "gzip_invalid");
}

TEST(Credential, StatusListCredentialIsSigned) {
  const auto key = trust::new_key();
  const auto vc = status_list_credential("https://b.example", "did:web:b.example", "suspension", {3},
                                         "2026-11-29T00:00:00Z", key)
                      .value();
  EXPECT_EQ(vc.at("credentialSubject").at("statusPurpose").as_string(), "suspension");
  EXPECT_EQ(decode_status_list(std::string(vc.at("credentialSubject").at("encodedList").as_string())).value(),
            std::vector<long long>{3});
  EXPECT_TRUE(trust::verify_jcs_2022(vc, key.public_key).ok());
}

}  // namespace brilliant::certification
