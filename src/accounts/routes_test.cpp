#include "accounts/routes.hpp"

#include <gtest/gtest.h>

#include "accounts/testing.hpp"
#include "core/secret.hpp"

namespace brilliant::accounts {
namespace {

class CookieSessionsTest : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    session =
        accounts->sign_up({"jimin@example.com", "김지민", "a-long-password", "ko"}, "", "").value().token;
  }
  web::Request with_cookie(const std::string& sid) const {
    web::Request r;
    r.headers = {{"Cookie", std::string(session_cookie) + "=" + sid}};
    return r;
  }
  std::string session;
};

TEST_F(CookieSessionsTest, RecallsOnlyWhatItResolvedAMomentAgo) {
  CookieSessions sessions(*accounts);
  auto unseen = with_cookie(session);
  EXPECT_FALSE(sessions.recall(unseen)) << "never resolved: nothing to recall";
  EXPECT_FALSE(unseen.user);
  auto first = with_cookie(session);
  sessions.resolve(first);
  ASSERT_TRUE(first.user);
  auto again = with_cookie(session);
  ASSERT_TRUE(sessions.recall(again));
  EXPECT_EQ(again.user->name, "김지민");
  EXPECT_EQ(again.session_token_hash, sha256_hex(session));
  auto stranger = with_cookie("not-a-session");
  sessions.resolve(stranger);
  EXPECT_FALSE(stranger.user);
  EXPECT_FALSE(sessions.recall(stranger));
  // Logged out: the next resolve finds nothing and forgets what it recalled.
  accounts->log_out(sha256_hex(session));
  auto after = with_cookie(session);
  sessions.resolve(after);
  EXPECT_FALSE(after.user);
  auto recalled = with_cookie(session);
  EXPECT_FALSE(sessions.recall(recalled));
}

TEST_F(CookieSessionsTest, ARecollectionOlderThanItsFreshnessIsNotUsed) {
  CookieSessions sessions(*accounts, std::chrono::milliseconds(0));  // every recollection already too old
  auto first = with_cookie(session);
  sessions.resolve(first);
  ASSERT_TRUE(first.user);
  auto again = with_cookie(session);
  EXPECT_FALSE(sessions.recall(again));
  EXPECT_FALSE(again.user);
}

}  // namespace
}  // namespace brilliant::accounts
