#include "legal/business.hpp"

#include <gtest/gtest.h>

namespace brilliant::legal {
namespace {

TEST(CheckBusiness, TheDemoParticularsPassAndAreNormalised) {
  auto b = demo_business();
  b.registration_no = "120-81-47521";
  b.company = "  " + b.company + " ";
  const auto checked = check_business(b);
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->registration_no, "1208147521");
  EXPECT_EQ(checked->company, "(주)브릴리언트 공동브랜드");
}

TEST(CheckBusiness, EachMissingOrWrongFieldIsNamed) {
  struct Case {
    void (*spoil)(BusinessInfo&);
    const char* field;
  };
  const Case cases[] = {
      {[](BusinessInfo& b) { b.company = " "; }, "company"},
      {[](BusinessInfo& b) { b.representative.clear(); }, "representative"},
      {[](BusinessInfo& b) { b.registration_no = "120-81-47522"; }, "registration_no"},
      {[](BusinessInfo& b) { b.mail_order_no.clear(); }, "mail_order_no"},
      {[](BusinessInfo& b) { b.address.clear(); }, "address"},
      {[](BusinessInfo& b) { b.phone.clear(); }, "phone"},
      {[](BusinessInfo& b) { b.email = "help at brilliant"; }, "email"},
      {[](BusinessInfo& b) { b.hosting.clear(); }, "hosting"},
      {[](BusinessInfo& b) { b.privacy_officer.clear(); }, "privacy_officer"},
      {[](BusinessInfo& b) { b.privacy_email = "x@y"; }, "privacy_email"},
      {[](BusinessInfo& b) { b.company = std::string(101, 'a'); }, "company"},
  };
  for (const auto& c : cases) {
    auto b = demo_business();
    c.spoil(b);
    const auto checked = check_business(b);
    ASSERT_FALSE(checked) << c.field;
    EXPECT_EQ(checked.error().field, c.field);
  }
}

}  // namespace
}  // namespace brilliant::legal
