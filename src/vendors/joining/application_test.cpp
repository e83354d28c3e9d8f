#include "vendors/joining/application.hpp"

#include <gtest/gtest.h>

namespace brilliant::vendors {

TEST(RegistrationNumber, ChecksumAndFormat) {
  // 220-81-62517 is a published example of a valid number; its last digit is the checksum.
  EXPECT_EQ(check_registration_number("220-81-62517").value(), "2208162517");
  EXPECT_EQ(check_registration_number(" 2208162517 ").value(), "2208162517");
  EXPECT_EQ(check_registration_number("220-81-62518").error().code, "registration_checksum");
  EXPECT_EQ(check_registration_number("220-81-625").error().code, "registration_format");
  EXPECT_EQ(check_registration_number("22O-81-62517").error().code, "registration_format");
  EXPECT_EQ(check_registration_number("220-81-62517").ok(), true);
  EXPECT_EQ(format_registration_number("2208162517"), "220-81-62517");
}

Application sample_application() {
  Application a;
  a.business_name = "달빛 공방";
  a.registration_no = "220-81-62517";
  a.representative = "김장인";
  a.address = "전북 익산시 왕궁면 보석로 1";
  a.phone = "063-123-4567";
  a.bank_name = "전북은행";
  a.bank_account = "1234-567-890";
  a.account_holder = "김장인";
  return a;
}

TEST(Application, NamesTheField) {
  EXPECT_TRUE(check_application(sample_application()).ok());
  auto a = sample_application();
  a.business_name = "  ";
  EXPECT_EQ(check_application(a).error().field, "business_name");
  a = sample_application();
  a.address = "서울시 강남구";
  EXPECT_EQ(check_application(a).error().code, "address_outside_iksan");
  a = sample_application();
  a.bank_account = "12ab";
  EXPECT_EQ(check_application(a).error().field, "bank_account");
}

TEST(Application, OnlySubmittedApplicationsAreDecided) {
  EXPECT_EQ(status_after(ApplicationStatus::submitted, Decision::approve).value(),
            ApplicationStatus::approved);
  EXPECT_EQ(status_after(ApplicationStatus::submitted, Decision::request_changes).value(),
            ApplicationStatus::changes_requested);
  EXPECT_EQ(status_after(ApplicationStatus::approved, Decision::reject).error().kind, ErrorKind::conflict);
}

}  // namespace brilliant::vendors
