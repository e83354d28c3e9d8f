#include "accounts/service.hpp"

#include <gtest/gtest.h>

#include "accounts/testing.hpp"
#include "core/secret.hpp"

namespace brilliant::accounts {

TEST_F(AccountsTest, SignUpLogInAndSessionExpiry) {
  auto created = accounts->sign_up({"Jimin@Example.com", "김지민", "a-long-password", "ko"}, "1.2.3.4", "ua");
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->user.roles & static_cast<uint32_t>(web::Role::shopper));
  auto again = accounts->sign_up({"jimin@example.com", "X", "a-long-password", "ko"}, "", "");
  EXPECT_EQ(again.error().code, "email_taken");
  EXPECT_EQ(accounts->log_in("jimin@example.com", "wrong-password", "", "").error().code, "bad_credentials");
  EXPECT_EQ(accounts->log_in("nobody@example.com", "a-long-password", "", "").error().code,
            "bad_credentials");
  auto session = accounts->log_in("JIMIN@example.com", "a-long-password", "", "");
  ASSERT_TRUE(session.ok());
  EXPECT_NE(session->token, created->token);
  EXPECT_TRUE(accounts->user_for_session(sha256_hex(session->token)));
  clock->advance(std::chrono::hours(24 * 31));
  EXPECT_FALSE(accounts->user_for_session(sha256_hex(session->token)));
}

TEST_F(AccountsTest, PasswordResetThroughOutbox) {
  ASSERT_TRUE(accounts->sign_up({"r@example.com", "R", "first-password", "en"}, "", "").ok());
  std::string token;
  accounts->request_reset("r@example.com", [&](const User& user, const std::string& t) {
    token = t;
    return mail::Mail{user.email, "reset", "link " + t};
  });
  accounts->request_reset("unknown@example.com", [](const User&, const std::string&) -> mail::Mail {
    ADD_FAILURE() << "no mail for unknown accounts";
    return {};
  });
  auto mails = db->read([](soci::session& s) { return mail::recent(s, 10); });
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].mail.body.find(token), std::string::npos);
  EXPECT_EQ(accounts->reset_password(token, "short").error().field, "password");
  ASSERT_TRUE(accounts->reset_password(token, "second-password").ok());
  EXPECT_EQ(accounts->reset_password(token, "third-password!").error().code, "reset_token_invalid");
  EXPECT_FALSE(accounts->log_in("r@example.com", "first-password", "", "").ok());
  EXPECT_TRUE(accounts->log_in("r@example.com", "second-password", "", "").ok());
}

TEST_F(AccountsTest, ChangePasswordAndApiTokens) {
  auto created = accounts->sign_up({"c@example.com", "C", "first-password", "ko"}, "", "");
  ASSERT_TRUE(created.ok());
  const auto id = created->user.id;
  EXPECT_EQ(accounts->change_password(id, "wrong", "second-password", "").error().field, "current_password");
  EXPECT_EQ(accounts->change_password(id, "first-password", "short", "").error().field, "new_password");
  EXPECT_TRUE(accounts->change_password(id, "first-password", "second-password", "").ok());
  auto token = accounts->create_api_token(id, "script");
  auto user = accounts->user_for_api_token(sha256_hex(token));
  ASSERT_TRUE(user);
  EXPECT_EQ(user->email, "c@example.com");
  EXPECT_FALSE(accounts->user_for_api_token(sha256_hex("brl_forged")));
}

// A shopper's token is kept between requests, and what ends it here ends it at once: a revocation, a
// password change. A token of anyone with more rights is read every time: a role taken away behind
// Accounts' back (as the workshop's staff page does) counts on the next request.
TEST_F(AccountsTest, KeptTokensEndAtOnceAndOnlyShoppersAreKept) {
  auto created = accounts->sign_up({"k@example.com", "K", "first-password", "ko"}, "", "");
  ASSERT_TRUE(created.ok());
  const auto id = created->user.id;
  const auto first = sha256_hex(accounts->create_api_token(id, "one"));
  const auto second = sha256_hex(accounts->create_api_token(id, "two"));
  ASSERT_TRUE(accounts->user_for_api_token(first));
  ASSERT_TRUE(accounts->user_for_api_token(first));  // kept
  const auto listed = accounts->api_tokens(id);
  ASSERT_EQ(listed.size(), 2u);
  for (const auto& t : listed) {
    if (t.name == "one") {
      ASSERT_TRUE(accounts->revoke_api_token(id, t.id).ok());
    }
  }
  EXPECT_FALSE(accounts->user_for_api_token(first));  // revoked here: at once
  ASSERT_TRUE(accounts->user_for_api_token(second));
  ASSERT_TRUE(accounts->change_password(id, "first-password", "second-password", "").ok());
  EXPECT_FALSE(accounts->user_for_api_token(second));  // every token revoked with the password
  // A kept token still expires on the clock's time.
  const auto third = sha256_hex(accounts->create_api_token(id, "three"));
  ASSERT_TRUE(accounts->user_for_api_token(third));
  clock->advance(std::chrono::hours(24 * 91));
  EXPECT_FALSE(accounts->user_for_api_token(third));

  db->write([](soci::session& s) {
    s << "INSERT INTO workshops (slug, name, created_at, updated_at) VALUES ('kw', 'W', 'x', 'x')";
  });
  auto vendor =
      accounts->add_user({"kv@example.com", "V", "vendor-password", "ko"}, web::Role::vendor_staff, "kw");
  ASSERT_TRUE(vendor.ok());
  const auto staff = sha256_hex(accounts->create_api_token(vendor->id, "console"));
  ASSERT_TRUE(accounts->user_for_api_token(staff)->roles & static_cast<uint32_t>(web::Role::vendor_staff));
  db->write([&](soci::session& s) {
    s << "DELETE FROM user_roles WHERE user_id = :u AND role = 'vendor_staff'", soci::use(vendor->id);
  });
  const auto after = accounts->user_for_api_token(staff);
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->roles & static_cast<uint32_t>(web::Role::vendor_staff));  // not kept: read again
}

TEST_F(AccountsTest, AddUserBindsVendorToWorkshop) {
  EXPECT_EQ(
      accounts->add_user({"v@example.com", "V", "vendor-password", "ko"}, web::Role::vendor_staff, "nope")
          .error()
          .field,
      "workshop");
  db->write([](soci::session& s) {
    s << "INSERT INTO workshops (slug, name, created_at, updated_at) VALUES ('w1', 'W', 'x', 'x')";
  });
  auto vendor =
      accounts->add_user({"v@example.com", "V", "vendor-password", "ko"}, web::Role::vendor_staff, "w1");
  ASSERT_TRUE(vendor.ok());
  EXPECT_TRUE(vendor->roles & static_cast<uint32_t>(web::Role::vendor_staff));
  EXPECT_GT(vendor->workshop_id, 0);
}

TEST_F(AccountsTest, ConsentsAtSignUpMarketingOffUnlessTickedAndWithdrawnAtOnce) {
  SignupInput input{"consent@example.com", "동의", "a-long-password", "ko", "2026-11-29",
                    "2026-11-29",          false};
  auto created = accounts->sign_up(input, "", "");
  ASSERT_TRUE(created.ok());
  const auto id = created->user.id;
  auto consents = accounts->consents(id);
  ASSERT_EQ(consents.size(), 3u);
  EXPECT_EQ(consents[0].item, "terms");
  EXPECT_TRUE(consents[0].agreed);
  EXPECT_EQ(consents[0].version, "2026-11-29");
  EXPECT_EQ(consents[2].item, "marketing");
  EXPECT_FALSE(consents[2].agreed);
  EXPECT_FALSE(accounts->marketing_allowed(id));
  accounts->set_marketing(id, true, "2026-11-29", "account");
  EXPECT_TRUE(accounts->marketing_allowed(id));
  accounts->set_marketing(id, false, "2026-11-29", "account");
  EXPECT_FALSE(accounts->marketing_allowed(id));
  EXPECT_EQ(accounts->consents(id).size(), 5u);  // every decision kept
  // A command-line account records none.
  auto added =
      accounts->add_user({"cli@example.com", "CLI", "a-long-password", "ko"}, web::Role::operator_, "");
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(accounts->consents(added->id).empty());
}

TEST_F(AccountsTest, ClosingAnAccountNeedsThePasswordAndLeavesNothingToLogInWith) {
  auto created = accounts->sign_up({"bye@example.com", "작별", "a-long-password", "ko"}, "9.9.9.9", "ua");
  ASSERT_TRUE(created.ok());
  const auto id = created->user.id;
  accounts->create_api_token(id, "script");
  int before_calls = 0;
  auto wrong = accounts->close_account(id, "not-my-password",
                                       [&] {
                                         ++before_calls;
                                         return Result<int>(0);
                                       },
                                       {});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "password");
  EXPECT_EQ(before_calls, 0);
  // The orders' step refusing (an open order) stops the closing.
  auto blocked = accounts->close_account(
      id, "a-long-password", [] { return Result<int>(Error::conflict("orders", "orders_open", "open")); },
      {});
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code, "orders_open");
  ASSERT_TRUE(accounts->log_in("bye@example.com", "a-long-password", "", ""));
  std::string mailed_to;
  auto closed = accounts->close_account(
      id, "a-long-password", [] { return Result<int>(2); },
      [&](const User& u) {
        mailed_to = u.email;
        return mail::Mail{u.email, "closed", "text"};
      });
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_EQ(mailed_to, "bye@example.com");
  EXPECT_EQ(accounts->log_in("bye@example.com", "a-long-password", "", "").error().code, "bad_credentials");
  EXPECT_TRUE(accounts->api_tokens(id).empty());
  EXPECT_FALSE(accounts->own_data(id));  // a closed account is no one's to read
  const auto row = db->read([&](soci::session& s) {
    std::string email, name, status;
    long long events = 0;
    s << "SELECT email, name, status FROM users WHERE id = :id", soci::use(id), soci::into(email),
        soci::into(name), soci::into(status);
    s << "SELECT COUNT(*) FROM account_events WHERE user_id = :id", soci::use(id), soci::into(events);
    return std::make_tuple(email, name, status, events);
  });
  EXPECT_EQ(std::get<0>(row), "deleted-" + std::to_string(id) + "@deleted.invalid");
  EXPECT_EQ(std::get<1>(row), "");
  EXPECT_EQ(std::get<2>(row), "deleted");
  EXPECT_EQ(std::get<3>(row), 0);  // the sign-in history with its addresses went too
  const long long queued = db->read([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM outbox WHERE to_address = 'bye@example.com' AND subject = 'closed'",
        soci::into(n);
    return n;
  });
  EXPECT_EQ(queued, 1);
  EXPECT_EQ(accounts->close_account(id, "a-long-password", {}, {}).error().kind, ErrorKind::not_found);
}

}  // namespace brilliant::accounts
