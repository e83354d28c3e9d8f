// Accounts end to end over HTTP: pages in both languages, forms with CSRF, sessions, reset by mail,
// rate limits, and the JSON API with tokens.
#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <regex>
#include <thread>

#include "accounts/repo.hpp"
#include "http/harness.hpp"
#include "mail/outbox.hpp"

namespace brilliant::test {
namespace json = boost::json;

using AccountsHttp = ServerTest;

TEST_F(AccountsHttp, SignupPageInKoreanAndEnglish) {
  auto c = client();
  auto ko = c->get("/signup");
  EXPECT_EQ(ko.status, 200);
  EXPECT_NE(ko.body.find("회원가입"), std::string::npos);
  EXPECT_NE(ko.body.find("name=\"_csrf\""), std::string::npos);
  auto en = c->get("/en/signup");
  EXPECT_NE(en.body.find("Create your account"), std::string::npos);
  EXPECT_NE(en.body.find("action=\"/en/signup\""), std::string::npos);
}

TEST_F(AccountsHttp, SignupLogsInAndShowsAccount) {
  const auto email = unique_email("signup");
  auto c = signed_up(email, "a-long-password", "김지민");
  EXPECT_FALSE(c->cookie("sid").empty());
  auto account = c->get("/account?welcome=1");
  EXPECT_EQ(account.status, 200);
  EXPECT_NE(account.body.find("김지민"), std::string::npos);
  EXPECT_NE(account.body.find(email), std::string::npos);
  EXPECT_NE(account.body.find("가입을 환영합니다"), std::string::npos);
}

TEST_F(AccountsHttp, SignupErrorsNameTheFieldAndKeepInput) {
  auto c = client();
  auto csrf = c->csrf_from("/en/signup");
  auto bad = c->post_form(
      "/en/signup",
      {{"_csrf", csrf}, {"email", "not-an-email"}, {"name", "Kim"}, {"password", "a-long-password"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("That is not a valid email address."), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"email-error\""), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"Kim\""), std::string::npos);
  const auto email = unique_email("taken");
  signed_up(email);
  auto taken = c->post_form(
      "/en/signup", {{"_csrf", csrf}, {"email", email}, {"name", "Kim"}, {"password", "a-long-password"}});
  EXPECT_EQ(taken.status, 409);
  EXPECT_NE(taken.body.find("exists already"), std::string::npos);
}

// Signing up from a page that asked for it (an invitation) returns there; never to another site.
TEST_F(AccountsHttp, SignupReturnsToTheNextPageOnThisSiteOnly) {
  auto c = client();
  auto page = c->get("/en/signup?next=%2Finvitations%2Fabc");
  EXPECT_NE(page.body.find("name=\"next\" value=\"/invitations/abc\""), std::string::npos);
  auto done = c->post_form("/en/signup", {{"_csrf", c->cookie("csrf")},
                                          {"email", unique_email("next")},
                                          {"name", "Kim"},
                                          {"password", "a-long-password"},
                                          {"next", "/invitations/abc"}});
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(done.header("location"), "/invitations/abc");
  auto other = client();
  auto away = other->post_form("/en/signup", {{"_csrf", other->csrf_from("/en/signup")},
                                              {"email", unique_email("away")},
                                              {"name", "Kim"},
                                              {"password", "a-long-password"},
                                              {"next", "//evil.example/"}});
  EXPECT_EQ(away.status, 303);
  EXPECT_EQ(away.header("location"), "/en/account");
}

TEST_F(AccountsHttp, FormWithoutCsrfIsRefused) {
  auto c = client();
  c->get("/signup");
  auto r = c->post_form("/signup",
                        {{"email", unique_email("nocsrf")}, {"name", "x"}, {"password", "a-long-password"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("보안 토큰"), std::string::npos);
}

TEST_F(AccountsHttp, LoginRotatesSessionAndLogoutEndsIt) {
  const auto email = unique_email("login");
  auto c = signed_up(email);
  const auto first = c->cookie("sid");
  auto other = client();
  auto token = other->csrf_from("/login");
  auto wrong =
      other->post_form("/login", {{"_csrf", token}, {"email", email}, {"password", "wrong-password"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("이메일 또는 비밀번호가 올바르지 않습니다"), std::string::npos);
  auto ok = other->post_form(
      "/login", {{"_csrf", token}, {"email", email}, {"password", "a-long-password"}, {"next", "/account"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("location"), "/account");
  EXPECT_NE(other->cookie("sid"), first);
  EXPECT_EQ(other->get("/account").status, 200);
  auto logout_token = other->csrf_from("/account");
  EXPECT_EQ(other->post_form("/logout", {{"_csrf", logout_token}}).status, 303);
  auto after = other->get("/account");
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.header("location"), "/login?next=%2Faccount");
}

TEST_F(AccountsHttp, OpenRedirectIsRefused) {
  const auto email = unique_email("redirect");
  signed_up(email);
  auto c = client();
  auto token = c->csrf_from("/login");
  auto r = c->post_form(
      "/login",
      {{"_csrf", token}, {"email", email}, {"password", "a-long-password"}, {"next", "//evil.example/"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/account");
}

TEST_F(AccountsHttp, ExpiredSessionAsksToLogInAgain) {
  auto c = signed_up(unique_email("expiry"));
  auto token = c->csrf_from("/account");
  clock->advance(std::chrono::hours(24 * 31));
  EXPECT_EQ(c->get("/account").status, 303);
  auto post = c->post_form(
      "/account/password",
      {{"_csrf", token}, {"current_password", "a-long-password"}, {"new_password", "another-password"}});
  EXPECT_EQ(post.status, 401);
  EXPECT_NE(post.body.find("로그인이 필요합니다"), std::string::npos);
}

TEST_F(AccountsHttp, ChangePassword) {
  const auto email = unique_email("change");
  auto c = signed_up(email);
  auto token = c->csrf_from("/account");
  auto wrong = c->post_form(
      "/account/password",
      {{"_csrf", token}, {"current_password", "nope-nope-nope"}, {"new_password", "another-password"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("현재 비밀번호가 올바르지 않습니다"), std::string::npos);
  auto ok = c->post_form(
      "/account/password",
      {{"_csrf", token}, {"current_password", "a-long-password"}, {"new_password", "another-password"}});
  EXPECT_EQ(ok.status, 303);
  auto fresh = client();
  auto t2 = fresh->csrf_from("/login");
  EXPECT_EQ(
      fresh->post_form("/login", {{"_csrf", t2}, {"email", email}, {"password", "another-password"}}).status,
      303);
}

TEST_F(AccountsHttp, PasswordResetByMail) {
  const auto email = unique_email("reset");
  signed_up(email);
  auto c = client();
  auto token = c->csrf_from("/en/password/forgot");
  auto sent = c->post_form("/en/password/forgot", {{"_csrf", token}, {"email", email}});
  EXPECT_EQ(sent.status, 303);
  EXPECT_EQ(sent.header("location"), "/en/password/forgot?sent=1");
  auto mails = app->database().read([](soci::session& s) { return mail::recent(s, 50); });
  std::string body;
  for (const auto& m : mails)
    if (m.mail.to == email) body = m.mail.body;
  ASSERT_FALSE(body.empty());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(body, m, std::regex("/en/password/reset\\?token=([A-Za-z0-9_-]+)")));
  const std::string reset = m[1];
  auto form = c->get("/en/password/reset?token=" + reset);
  EXPECT_NE(form.body.find("Choose a new password"), std::string::npos);
  auto short_pw =
      c->post_form("/en/password/reset", {{"_csrf", token}, {"token", reset}, {"password", "short"}});
  EXPECT_EQ(short_pw.status, 400);
  EXPECT_NE(short_pw.body.find("at least 10 characters"), std::string::npos);
  auto done = c->post_form("/en/password/reset",
                           {{"_csrf", token}, {"token", reset}, {"password", "brand-new-password"}});
  EXPECT_EQ(done.status, 303);
  auto again = c->post_form("/en/password/reset",
                            {{"_csrf", token}, {"token", reset}, {"password", "brand-new-password"}});
  EXPECT_EQ(again.status, 400);
  auto t2 = c->csrf_from("/login");
  EXPECT_EQ(
      c->post_form("/login", {{"_csrf", t2}, {"email", email}, {"password", "brand-new-password"}}).status,
      303);
}

TEST_F(AccountsHttp, LoginIsRateLimitedPerAccount) {
  const auto email = unique_email("limited");
  signed_up(email);
  auto c = client();
  auto token = c->csrf_from("/login");
  HttpResponse last;
  for (int i = 0; i < 6; ++i)
    last = c->post_form("/login", {{"_csrf", token}, {"email", email}, {"password", "wrong-password"}});
  EXPECT_EQ(last.status, 429);
  EXPECT_FALSE(last.header("retry-after").empty());
  EXPECT_GT(std::stoi(last.header("retry-after")), 0);
}

TEST_F(AccountsHttp, JsonApiWithTokens) {
  auto c = client();
  const auto email = unique_email("api");
  auto created = c->request(
      "POST", "/api/v1/auth/signup",
      json::serialize(json::object{{"email", email}, {"name", "API"}, {"password", "a-long-password"}}),
      {"Content-Type: application/json"});
  ASSERT_EQ(created.status, 201) << created.body;
  auto token = std::string(json::parse(created.body).at("token").as_string());
  auto me = client()->get("/api/v1/me", {"Authorization: Bearer " + token});
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(json::parse(me.body).at("email").as_string(), email);
  auto anonymous = client()->get("/api/v1/me");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(json::parse(anonymous.body).at("error").at("code").as_string(), "unauthenticated");
  auto forged = client()->get("/api/v1/me", {"Authorization: Bearer brl_forged"});
  EXPECT_EQ(forged.status, 401);
  auto issued = client()->request(
      "POST", "/api/v1/tokens",
      json::serialize(json::object{{"email", email}, {"password", "a-long-password"}, {"name", "cli"}}),
      {"Content-Type: application/json"});
  EXPECT_EQ(issued.status, 201);
  // A token's name is one line of at most 60 characters (60 Korean ones fit), on the API and the page.
  std::string sixty;
  for (int i = 0; i < 60; ++i) sixty += "토";
  const auto named = [&](const std::string& name) {
    return client()->request(
        "POST", "/api/v1/tokens",
        json::serialize(json::object{{"email", email}, {"password", "a-long-password"}, {"name", name}}),
        {"Content-Type: application/json"});
  };
  EXPECT_EQ(named(sixty).status, 201);
  auto too_long = named(sixty + "큰");
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(json::parse(too_long.body).at("error").at("field").as_string(), "name");
  EXPECT_EQ(named("two\nlines").status, 400);
  auto browser = logged_in(web::Role::shopper);
  auto page =
      browser->post_form("/account/tokens", {{"_csrf", browser->cookie("csrf")}, {"name", sixty + "큰"}});
  EXPECT_EQ(page.status, 400);
  EXPECT_EQ(page.body.find("brl_"), std::string::npos);  // no token was made
  auto bad_login = client()->request("POST", "/api/v1/tokens", R"({"email":"x@y.example","password":"nope"})",
                                     {"Content-Type: application/json"});
  EXPECT_EQ(bad_login.status, 401);
}

// Two tabs signing up with one email at once: one account, the other tab told the email is taken (409),
// never a server error (on PostgreSQL the loser's insert meets the unique key; its write runs again).
TEST_F(AccountsHttp, TwoTabsSigningUpOneEmailAtOnceGetOneAccountAndAConflict) {
  for (int round = 0; round < 3; ++round) {
    const auto email = unique_email("two-tabs");
    const auto body =
        json::serialize(json::object{{"email", email}, {"name", "두 탭"}, {"password", "a-long-password"}});
    std::array<int, 2> statuses{};
    std::vector<std::thread> tabs;
    for (int i = 0; i < 2; ++i)
      tabs.emplace_back([&, i] {
        statuses[i] =
            client()->request("POST", "/api/v1/auth/signup", body, {"Content-Type: application/json"}).status;
      });
    for (auto& tab : tabs) tab.join();
    std::sort(statuses.begin(), statuses.end());
    EXPECT_EQ(statuses[0], 201) << round;
    EXPECT_EQ(statuses[1], 409) << round;
  }
}

TEST_F(AccountsHttp, JsonApiErrorsNameTheField) {
  auto c = client();
  auto broken = c->request("POST", "/api/v1/auth/signup", "{not json", {"Content-Type: application/json"});
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(json::parse(broken.body).at("error").at("field").as_string(), "body");
  auto wrong_type =
      c->request("POST", "/api/v1/auth/signup", R"({"email":5})", {"Content-Type: application/json"});
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(json::parse(wrong_type.body).at("error").at("field").as_string(), "email");
  auto short_pw = c->request(
      "POST", "/api/v1/auth/signup",
      json::serialize(json::object{{"email", unique_email("pw")}, {"name", "x"}, {"password", "short"}}),
      {"Content-Type: application/json"});
  EXPECT_EQ(short_pw.status, 400);
  EXPECT_EQ(json::parse(short_pw.body).at("error").at("field").as_string(), "password");
}

TEST_F(AccountsHttp, BrowserJsonCallNeedsCsrfHeader) {
  auto c = signed_up(unique_email("browserjson"));
  auto without = c->request("POST", "/api/v1/tokens", "{}", {"Content-Type: application/json"});
  EXPECT_EQ(without.status, 403);
  auto token = c->cookie("csrf");
  auto with = c->request("POST", "/api/v1/tokens", "{}",
                         {"Content-Type: application/json", "X-CSRF-Token: " + token});
  EXPECT_NE(with.status, 403);
}

TEST_F(AccountsHttp, RolesGateOtherUsers) {
  auto added = app->accounts().add_user({unique_email("op"), "Operator", "operator-password", "ko"},
                                        web::Role::operator_, "");
  ASSERT_TRUE(added.ok());
  auto c = client();
  auto token = c->csrf_from("/login");
  ASSERT_EQ(
      c->post_form("/login", {{"_csrf", token}, {"email", added->email}, {"password", "operator-password"}})
          .status,
      303);
  auto me = c->get("/api/v1/me");
  EXPECT_NE(me.body.find("\"operator\""), std::string::npos);
}

}  // namespace brilliant::test
