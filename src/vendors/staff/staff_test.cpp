#include "vendors/staff/staff.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::vendors {

class StaffTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      for (const std::string w : {"moon", "star"})
        s << "INSERT INTO workshops (slug, name, created_at, updated_at) VALUES (:s, :s2, 'x', 'x')",
            soci::use(w), soci::use(w);
      for (const std::string e : {"owner@x.example", "new@x.example", "other@x.example", "op@x.example"})
        s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES (:e, 'N', 'h', "
             "'x', 'x')",
            soci::use(e);
      s << "INSERT INTO user_roles (user_id, role, workshop_id, created_at) VALUES (1, 'vendor_staff', 1, "
           "'x')";
      s << "INSERT INTO user_roles (user_id, role, workshop_id, created_at) VALUES (3, 'vendor_staff', 2, "
           "'x')";
    });
  }
  web::Principal owner() const {
    return {1, "owner@x.example", "N", static_cast<uint32_t>(web::Role::vendor_staff), 1, true, false};
  }
  Staff::InviteMail composer() {
    return [this](const Invitation& i, const std::string& token) {
      last_token = token;
      return mail::Mail{i.email, "join " + i.workshop_name, "link " + token};
    };
  }
  std::string last_token;
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{} + std::chrono::hours(24 * 365 * 57)};
  Staff staff{*db, clock};
};

TEST(StaffRules, OnlyTheOwnerOfAnActiveWorkshopOrAnOperatorManagesStaff) {
  const auto vendor = static_cast<uint32_t>(web::Role::vendor_staff);
  EXPECT_TRUE(may_manage_staff({1, "", "", vendor, 7, true, false}, 7));
  EXPECT_FALSE(may_manage_staff({1, "", "", vendor, 7, false, false}, 7));  // staff, not owner
  EXPECT_FALSE(may_manage_staff({1, "", "", vendor, 7, true, false}, 8));   // another workshop
  EXPECT_FALSE(may_manage_staff({1, "", "", vendor, 7, true, true}, 7));    // suspended
  EXPECT_FALSE(may_manage_staff({1, "", "", vendor, 0, true, false}, 0));
  EXPECT_TRUE(may_manage_staff({1, "", "", static_cast<uint32_t>(web::Role::operator_), 0, false, false}, 8));
}

TEST(StaffRules, InvitationStatusFollowsItsTimes) {
  EXPECT_EQ(invitation_status("2026-12-02T00:00:00Z", "", "", "2026-11-25T00:00:00Z"), "pending");
  EXPECT_EQ(invitation_status("2026-12-02T00:00:00Z", "", "", "2026-12-02T00:00:00Z"), "expired");
  EXPECT_EQ(invitation_status("2026-12-02T00:00:00Z", "2026-11-26T00:00:00Z", "", "2026-12-09T00:00:00Z"),
            "accepted");
  EXPECT_EQ(invitation_status("2026-12-02T00:00:00Z", "", "2026-11-26T00:00:00Z", "2026-11-27T00:00:00Z"),
            "revoked");
}

TEST_F(StaffTest, InviteQueuesOneMailAndAcceptBindsTheInvitedAccountAsStaff) {
  auto invited = staff.invite(owner(), 1, " New@X.example ", composer());
  ASSERT_TRUE(invited.ok()) << invited.error().message;
  EXPECT_EQ(invited->email, "new@x.example");
  EXPECT_EQ(invited->status, "pending");
  auto mails = db->read([](soci::session& s) { return mail::recent(s, 5); });
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].mail.to, "new@x.example");
  EXPECT_NE(mails[0].mail.body.find(last_token), std::string::npos);
  // The database keeps only the token's hash.
  auto stored = db->read([](soci::session& s) {
    std::string hash;
    s << "SELECT token_hash FROM staff_invitations", soci::into(hash);
    return hash;
  });
  EXPECT_NE(stored, last_token);
  EXPECT_EQ(staff.invite(owner(), 1, "new@x.example", composer()).error().code, "invitation_pending");
  ASSERT_EQ(staff.pending(1).size(), 1u);

  EXPECT_EQ(staff.accept(last_token, 3).error().code, "invitation_other_email");
  auto accepted = staff.accept(last_token, 2);
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ(staff.accept(last_token, 2).error().code, "invitation_accepted");
  auto members = staff.members(1);
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].role, "owner");
  EXPECT_EQ(members[1].email, "new@x.example");
  EXPECT_EQ(members[1].role, "staff");
  EXPECT_TRUE(staff.pending(1).empty());
  EXPECT_EQ(staff.invite(owner(), 1, "new@x.example", composer()).error().code, "staff_exists");
  auto history = staff.history(1);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].kind, "joined");
  EXPECT_EQ(history[1].kind, "invited");
}

TEST_F(StaffTest, ExpiredRevokedAndForeignInvitationsAreRefused) {
  ASSERT_TRUE(staff.invite(owner(), 1, "new@x.example", composer()).ok());
  const auto first = last_token;
  clock.advance(std::chrono::hours(24 * 7));
  EXPECT_EQ(staff.accept(first, 2).error().code, "invitation_expired");
  EXPECT_EQ(staff.accept("not-a-token", 2).error().kind, ErrorKind::not_found);

  auto second = staff.invite(owner(), 1, "new@x.example", composer());  // the expired one no longer blocks
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(staff.revoke(owner(), 2, second->id).error().kind, ErrorKind::forbidden);
  web::Principal star_owner{
      3, "other@x.example", "N", static_cast<uint32_t>(web::Role::vendor_staff), 2, true, false};
  EXPECT_EQ(staff.revoke(star_owner, 2, second->id).error().kind, ErrorKind::not_found);
  ASSERT_TRUE(staff.revoke(owner(), 1, second->id).ok());
  EXPECT_EQ(staff.accept(last_token, 2).error().code, "invitation_revoked");

  // Someone who already works for a workshop cannot join a second one.
  ASSERT_TRUE(staff.invite(owner(), 1, "other@x.example", composer()).ok());
  EXPECT_EQ(staff.accept(last_token, 3).error().code, "already_staff");
  // Staff (not owners) cannot invite.
  web::Principal plain{2, "", "", static_cast<uint32_t>(web::Role::vendor_staff), 1, false, false};
  EXPECT_EQ(staff.invite(plain, 1, "x@x.example", composer()).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(staff.invite(owner(), 1, "not an email", composer()).error().field, "email");
}

TEST_F(StaffTest, OwnerRemovesStaffButNotThemselves) {
  ASSERT_TRUE(staff.invite(owner(), 1, "new@x.example", composer()).ok());
  ASSERT_TRUE(staff.accept(last_token, 2).ok());
  EXPECT_EQ(staff.remove(owner(), 1, 1).error().code, "owner_stays");
  EXPECT_EQ(staff.remove(owner(), 1, 3).error().kind, ErrorKind::not_found);  // star's staff
  ASSERT_TRUE(staff.remove(owner(), 1, 2).ok());
  EXPECT_EQ(staff.members(1).size(), 1u);
}

TEST_F(StaffTest, SuspendNeedsAReasonAndReinstateRestores) {
  EXPECT_EQ(staff.set_suspended(4, "moon", true, "  ").error().field, "reason");
  EXPECT_EQ(staff.set_suspended(4, "nowhere", true, "x").error().kind, ErrorKind::not_found);
  auto suspended = staff.set_suspended(4, "moon", true, "hallmark missing on three pieces");
  ASSERT_TRUE(suspended.ok());
  EXPECT_EQ(suspended->status, "suspended");
  EXPECT_EQ(staff.set_suspended(4, "moon", true, "again").error().code, "workshop_already_suspended");
  EXPECT_EQ(staff.workshops().front().slug, "moon");  // suspended ones first
  ASSERT_TRUE(staff.set_suspended(4, "moon", false, "").ok());
  EXPECT_EQ(staff.workshop("moon")->status, "active");
  auto history = staff.history(1);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].message, "hallmark missing on three pieces");
}

}  // namespace brilliant::vendors
