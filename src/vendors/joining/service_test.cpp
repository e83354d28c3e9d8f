#include "vendors/joining/service.hpp"

#include <gtest/gtest.h>

#include "catalog/repo.hpp"
#include "db/testing.hpp"

namespace brilliant::vendors {

class ApplicationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('a@x.example', "
           "'A', 'h', 'x', 'x')";
      s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('op@x.example', "
           "'Op', 'h', 'x', 'x')";
    });
  }
  Application sample() {
    Application a;
    a.business_name = "Moon Atelier";
    a.registration_no = "220-81-62517";
    a.representative = "Kim";
    a.address = "익산시 왕궁면";
    a.phone = "063";
    a.bank_name = "Bank";
    a.bank_account = "123-456";
    a.account_holder = "Kim";
    return a;
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{}};
  Applications apps{*db, clock};
};

TEST_F(ApplicationsTest, LifecycleWithHistory) {
  auto id = apps.submit(1, sample());
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(apps.submit(1, sample()).error().code, "application_exists");
  EXPECT_EQ(apps.decide(*id, 2, Decision::reject, " ").error().field, "reason");
  ASSERT_TRUE(apps.decide(*id, 2, Decision::request_changes, "bank holder differs").ok());
  EXPECT_EQ(apps.find(*id)->status, ApplicationStatus::changes_requested);
  ASSERT_EQ(apps.submit(1, sample()).value(), *id);  // a resubmission, not a new application
  // Approval needs the registered maker's mark.
  EXPECT_EQ(apps.decide(*id, 2, Decision::approve, "").error().code, "mark_required");
  db->write([](soci::session& s) {
    s << "INSERT INTO application_files (applicant_id, kind, name, content_type, bytes, hash, created_at) "
         "VALUES (1, 'mark', 'mark.png', 'image/png', 10, 'h', 'x')";
  });
  auto slug = apps.decide(*id, 2, Decision::approve, "");
  ASSERT_TRUE(slug.ok());
  EXPECT_EQ(*slug, "moon-atelier-62517");
  // The workshop's seller particulars come from the application (shown on its pieces, issue 15).
  const auto workshop = db->read([&](soci::session& s) { return catalog::repo::find_workshop(s, *slug); });
  ASSERT_TRUE(workshop && workshop->seller);
  EXPECT_EQ(workshop->seller->company, "Moon Atelier");
  EXPECT_EQ(workshop->seller->registration_no, "2208162517");
  EXPECT_EQ(workshop->seller->representative, "Kim");
  EXPECT_EQ(workshop->seller->email, "a@x.example");
  EXPECT_EQ(apps.decide(*id, 2, Decision::reject, "late").error().kind, ErrorKind::conflict);
  auto history = apps.history(*id);
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(history[1].message, "bank holder differs");
  long long vendor_rows = db->read([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM user_roles WHERE user_id = 1 AND role = 'vendor_staff' AND workshop_id IS NOT "
         "NULL",
        soci::into(n);
    return n;
  });
  EXPECT_EQ(vendor_rows, 1);
  EXPECT_EQ(apps.by_status("approved").size(), 1u);
}

}  // namespace brilliant::vendors
