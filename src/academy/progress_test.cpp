// The completion credential (progress.cpp): a W3C Verifiable Credential naming the trainee, their
// workshop and the course in both languages, signed with eddsa-jcs-2022 by the hub's key so that anyone
// checks it with the public key alone; a changed word breaks the signature.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "academy/academy.hpp"

namespace brilliant::academy {
namespace {

TEST(CompletionCredential, NamesTraineeAndCourseAndVerifiesWithTheHubsKey) {
  const Issuer issuer{"https://brilliant.example", "did:web:brilliant.example", trust::new_key()};
  Certificate c;
  c.number = "AC-7K2M-Q9PX";
  c.name = "김하늘";
  c.workshop = "익산 금세공방";
  c.issued_at = "2026-12-10T06:00:00Z";
  c.course_slug = "campaigns-and-coupons";
  c.title_ko = "캠페인과 쿠폰";
  c.title_en = "Campaigns and coupons";
  auto signed_credential = completion_credential(issuer, c);
  ASSERT_TRUE(signed_credential.ok()) << signed_credential.error().message;
  const auto& vc = *signed_credential;
  EXPECT_EQ(vc.at("id").as_string(), "https://brilliant.example/academy/certificates/AC-7K2M-Q9PX");
  EXPECT_EQ(vc.at("type").as_array().at(1).as_string(), "CourseCompletionCredential");
  EXPECT_EQ(vc.at("issuer").at("id").as_string(), "did:web:brilliant.example");
  const auto& subject = vc.at("credentialSubject");
  EXPECT_EQ(subject.at("name").as_string(), "김하늘");
  EXPECT_EQ(subject.at("course").at("name").at("en").as_string(), "Campaigns and coupons");
  EXPECT_EQ(vc.at("proof").at("cryptosuite").as_string(), "eddsa-jcs-2022");
  EXPECT_TRUE(trust::verify_jcs_2022(vc, issuer.key.public_key).ok());
  auto forged = vc;
  forged["credentialSubject"].as_object()["name"] = "다른 사람";
  EXPECT_FALSE(trust::verify_jcs_2022(forged, issuer.key.public_key).ok());
  EXPECT_FALSE(trust::verify_jcs_2022(vc, trust::new_key().public_key).ok());  // another key
}

}  // namespace
}  // namespace brilliant::academy
