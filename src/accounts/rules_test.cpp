#include "accounts/rules.hpp"

#include <gtest/gtest.h>

namespace brilliant::accounts {

TEST(Email, NormalisesAndRejects) {
  EXPECT_EQ(normalize_email("  Kim@Example.COM ").value(), "kim@example.com");
  EXPECT_EQ(normalize_email("").error().code, "email_required");
  for (auto bad : {"no-at.example", "@x.com", "a@b", "a@@b.com", "a b@c.com", "a@b.com."})
    EXPECT_EQ(normalize_email(bad).error().field, "email") << bad;
}

TEST(Password, LengthCountsCharacters) {
  EXPECT_FALSE(check_password("short").ok());
  EXPECT_TRUE(check_password("열자리비밀번호입니다").ok());  // 10 Korean characters
  EXPECT_EQ(check_password(std::string(300, 'a')).error().code, "password_long");
  EXPECT_EQ(check_password("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", "new_password").error().field,
            "new_password");
}

TEST(Signup, ChecksEveryField) {
  EXPECT_EQ(check_signup({"a@b.co", "", "longenough1", "ko"}).error().field, "name");
  auto ok = check_signup({"A@B.co", " 김지민 ", "longenough1", "fr"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->email, "a@b.co");
  EXPECT_EQ(ok->name, "김지민");
  EXPECT_EQ(ok->locale, "ko");
}

TEST(Principal, VendorScope) {
  User vendor;
  vendor.roles = static_cast<uint32_t>(web::Role::vendor_staff);
  vendor.workshop_id = 7;
  auto p = to_principal(vendor);
  EXPECT_TRUE(p.may_act_for_workshop(7));
  EXPECT_FALSE(p.may_act_for_workshop(8));
  User op;
  op.roles = static_cast<uint32_t>(web::Role::operator_);
  EXPECT_TRUE(to_principal(op).may_act_for_workshop(8));
}

}  // namespace brilliant::accounts
