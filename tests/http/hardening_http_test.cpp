// Issue 20 (hardening): each defect a hostile visitor or a busy workshop found, as a regression test

#include "db/database.hpp"
// against the real server on both databases. Order, stock and upload cases sit beside their modules'
// tests (orders_http_test, photos_http_test, vendors_http_test); pure functions have unit tests.
#include <boost/json.hpp>
#include <regex>

#include "core/secret.hpp"
#include "core/text.hpp"
#include "http/harness.hpp"

namespace brilliant::test {
namespace json = boost::json;

using HardeningHttp = ServerTest;

TEST_F(HardeningHttp, NextCannotSplitHeadersOrLeaveTheSite) {
  auto c = client();
  auto injected = c->get("/lang/en?next=/x%0D%0ASet-Cookie:%20sid=attacker");
  EXPECT_EQ(injected.status, 302);
  EXPECT_EQ(injected.header("location"), "/");
  for (const auto& [name, value] : injected.headers)
    EXPECT_EQ(value.find("attacker"), std::string::npos) << name;
  EXPECT_EQ(c->get("/lang/en?next=/%09/evil.example").header("location"), "/");
  EXPECT_EQ(c->get("/lang/en?next=/%5C/evil.example").header("location"), "/");
  EXPECT_EQ(c->get("/lang/en?next=/en/shop%3Fcategory%3Dring").header("location"), "/en/shop?category=ring");
  // Login and signup take the same rule.
  const std::string email = unique_email("next");
  signed_up(email);
  auto login = client();
  auto csrf = login->csrf_from("/login");
  auto r = login->post_form(
      "/login",
      {{"_csrf", csrf}, {"email", email}, {"password", "a-long-password"}, {"next", "/\t/evil.example"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/account");
}

TEST_F(HardeningHttp, AVisitorsCookieNeverReachesTheCachedPage) {
  auto attacker = client();
  const std::string markup = "<a class=\"brand\" href=\"/\">xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
  auto poisoned = attacker->get("/shop", {"Cookie: csrf=" + markup});
  ASSERT_EQ(poisoned.status, 200);
  auto victim = client();
  auto page = victim->get("/shop");
  EXPECT_EQ(page.header("x-cache"), "hit");
  const auto token = victim->cookie("csrf");
  EXPECT_TRUE(is_random_token(token));
  EXPECT_EQ(page.body.find("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), std::string::npos);
  // The victim's forms work: the page carries the victim's own token.
  EXPECT_NE(page.body.find(token), std::string::npos);
}

TEST_F(HardeningHttp, ControlCharactersNeverReachASearch) {
  auto c = client();
  for (const char* path : {"/search?q=a%00b", "/api/v1/products?q=a%00b", "/api/v1/search/suggest?q=a%00b",
                           "/en/search?q=%E2%80%AEring"}) {
    auto r = c->get(path, {"Accept: application/json"});
    EXPECT_EQ(r.status, 400) << path << " " << r.body;
    EXPECT_TRUE(valid_utf8(r.body));
  }
  auto named = json::parse(c->get("/api/v1/products?q=a%00b").body);
  EXPECT_EQ(named.at("error").at("field").as_string(), "q");
  EXPECT_EQ(c->get("/search?q=%EB%B0%98%EC%A7%80").status, 200);
}

TEST_F(HardeningHttp, NamesWithLineBreaksOrBidiOverridesAreRefused) {
  auto c = client();
  auto csrf = c->csrf_from("/signup");
  auto bidi = c->post_form("/signup", {{"_csrf", csrf},
                                       {"name", "Kim\xE2\x80\xAEnimda"},
                                       {"email", unique_email("bidi")},
                                       {"password", "a-long-password"}});
  EXPECT_EQ(bidi.status, 400);
  EXPECT_NE(bidi.body.find("name"), std::string::npos);
  auto api = c->request(
      "POST", "/api/v1/auth/signup",
      R"({"name":"Kim\r\nX","email":")" + unique_email("crlf") + R"(","password":"a-long-password"})",
      {"Content-Type: application/json"});
  EXPECT_EQ(api.status, 400);
  EXPECT_EQ(json::parse(api.body).at("error").at("field").as_string(), "name");
}

TEST_F(HardeningHttp, ATitleThatOpensACommentLeavesTheProductPageWhole) {
  const auto shop = own_workshop("ld", "주석 공방", "Comment Atelier");
  const auto ring = own_ring(shop, "Ring <!--<script>", 2);
  auto page = client()->get("/en/products/" + ring.slug);
  ASSERT_EQ(page.status, 200);
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(page.body, m, std::regex("<script type=\"application/ld\\+json\">([^<]*)</script>")));
  EXPECT_EQ(json::parse(m[1].str()).at("name").as_string(), "Ring <!--<script>");
  EXPECT_NE(page.body.find("</footer>"), std::string::npos);
}

TEST_F(HardeningHttp, TextIsNeverCutInsideACharacter) {
  const auto shop = own_workshop("cut", "자르기 공방", "Cut Atelier");
  auto c = client();
  // A meta description cut from a long Korean story, and an error quoting a long Korean value.
  app->database().write([&](soci::session& sql) {
    std::string story;
    for (int i = 0; i < 100; ++i) story += "익산보석";
    sql << "UPDATE workshops SET story_ko = :s WHERE id = :id", soci::use(story), soci::use(shop.id);
  });
  app->catalog().refresh();
  auto page = c->get("/workshops/" + shop.slug);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(valid_utf8(page.body));
  std::string value;
  for (int i = 0; i < 30; ++i) value += "반지";
  auto error = c->get("/api/v1/products?category=" + HttpClient::encode(value));
  EXPECT_EQ(error.status, 400);
  EXPECT_TRUE(valid_utf8(error.body));
}

TEST_F(HardeningHttp, OnlyPlainChunkedTransferEncodingIsRead) {
  for (const char* te : {"gzip, chunked", "chunked, chunked", "xchunked", "chunked\r\nContent-Length: 5"}) {
    auto answer = raw_exchange(port, std::string("POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ") +
                                         te + "\r\n\r\n0\r\n\r\n");
    EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << te << ": " << answer;
  }
  auto fine = raw_exchange(port,
                           "POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  EXPECT_EQ(fine.find("Transfer-Encoding"), std::string::npos) << fine;
  EXPECT_NE(fine.find("\"error\""), std::string::npos) << fine;  // read and answered by the route
}

TEST_F(HardeningHttp, AnUnknownCallerCannotMakeTheServerReadALargeUpload) {
  // 20 MB announced and never sent: answered 401 at once, before any body is read.
  auto answer = raw_exchange(port,
                             "POST /api/v1/console/products/x/photos HTTP/1.1\r\nHost: x\r\n"
                             "Content-Type: image/jpeg\r\nContent-Length: 20000000\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 401", 0), 0u) << answer;
  // More than uploads may carry: 413 from the header alone.
  auto huge = raw_exchange(port,
                           "POST /api/v1/console/products/x/photos HTTP/1.1\r\nHost: x\r\n"
                           "Content-Length: 900000000\r\n\r\n");
  EXPECT_EQ(huge.rfind("HTTP/1.1 413", 0), 0u) << huge;
  // Elsewhere the ordinary limit holds.
  auto big = raw_exchange(port, "POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 3000000\r\n\r\n");
  EXPECT_EQ(big.rfind("HTTP/1.1 413", 0), 0u) << big;
}

TEST_F(HardeningHttp, LoginTriesCountPerNormalisedAccount) {
  const std::string email = unique_email("limit");
  signed_up(email);
  auto c = client();
  auto csrf = c->csrf_from("/login");
  HttpResponse last;
  int tries = 0;
  for (const auto& spelling : {email, " " + email, ascii_lower(email), email + " ", email, email}) {
    std::string shouted = spelling;
    if (tries % 2)
      for (auto& ch : shouted) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    last = c->post_form("/login", {{"_csrf", csrf}, {"email", shouted}, {"password", "wrong-password!"}});
    ++tries;
  }
  EXPECT_EQ(tries, app->config().login_per_account_per_minute + 1);
  EXPECT_EQ(last.status, 429);
}

TEST_F(HardeningHttp, ApiTokensAreListedRevokedAndDieWithThePassword) {
  const std::string email = unique_email("tokens");
  auto c = signed_up(email);
  auto issue = [&](const std::string& name) {
    auto r = client()->request(
        "POST", "/api/v1/tokens",
        R"({"email":")" + email + R"(","password":"a-long-password","name":")" + name + "\"}",
        {"Content-Type: application/json"});
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(json::parse(r.body).at("token").as_string());
  };
  const auto first = issue("laptop"), second = issue("script");
  auto as = [&](const std::string& token) {
    return client()->get("/api/v1/me", {"Authorization: Bearer " + token}).status;
  };
  EXPECT_EQ(as(first), 200);
  auto list = json::parse(client()->get("/api/v1/tokens", {"Authorization: Bearer " + first}).body);
  const auto& tokens = list.at("tokens").as_array();
  ASSERT_GE(tokens.size(), 2u);
  EXPECT_EQ(json::serialize(list).find(first), std::string::npos);  // never the token itself
  EXPECT_NE(tokens.at(0).at("expires_at").as_string(), "9999-12-31T00:00:00Z");
  // Revoke the second by the API: it stops working at once; another user cannot revoke the first.
  long long second_id = 0;
  for (const auto& t : tokens)
    if (t.at("name").as_string() == "script") second_id = t.at("id").as_int64();
  ASSERT_GT(second_id, 0);
  auto stranger = signed_up(unique_email("stranger"));
  EXPECT_EQ(stranger
                ->request("DELETE", "/api/v1/tokens/" + std::to_string(second_id), "",
                          {"X-CSRF-Token: " + stranger->cookie("csrf")})
                .status,
            404);
  EXPECT_EQ(as(second), 200);
  EXPECT_EQ(client()
                ->request("DELETE", "/api/v1/tokens/" + std::to_string(second_id), "",
                          {"Authorization: Bearer " + first})
                .status,
            204);
  EXPECT_EQ(as(second), 401);
  // The account page lists them; a password change revokes the rest and ends other sessions.
  auto other_browser = client();
  auto csrf = other_browser->csrf_from("/login");
  ASSERT_EQ(
      other_browser->post_form("/login", {{"_csrf", csrf}, {"email", email}, {"password", "a-long-password"}})
          .status,
      303);
  auto account = c->get("/account");
  EXPECT_NE(account.body.find("id=\"token-list\""), std::string::npos);
  EXPECT_NE(account.body.find("laptop"), std::string::npos);
  auto changed = c->post_form("/account/password", {{"_csrf", c->cookie("csrf")},
                                                    {"current_password", "a-long-password"},
                                                    {"new_password", "another-long-password"}});
  EXPECT_EQ(changed.status, 303);
  EXPECT_EQ(as(first), 401);
  EXPECT_EQ(c->get("/account").status, 200);              // this browser stays logged in
  EXPECT_EQ(other_browser->get("/account").status, 303);  // the other one is logged out
  // Tokens expire: 90 days on, a token stops working.
  auto fresh =
      client()->request("POST", "/api/v1/tokens",
                        R"({"email":")" + email + R"(","password":"another-long-password","name":"later"})",
                        {"Content-Type: application/json"});
  ASSERT_EQ(fresh.status, 201) << fresh.body;
  const std::string later(json::parse(fresh.body).at("token").as_string());
  EXPECT_EQ(as(later), 200);
  clock->advance(std::chrono::hours(24 * 91));
  EXPECT_EQ(as(later), 401);
}

class MetricsTokenHttp : public ServerTest {
 protected:
  void configure(app::Config& config) override { config.metrics_token = "metrics-secret-of-this-test"; }
};

TEST_F(MetricsTokenHttp, MetricsNeedTheTokenWhenOneIsSet) {
  EXPECT_EQ(client()->get("/metrics").status, 404);
  EXPECT_EQ(client()->get("/metrics", {"Authorization: Bearer wrong"}).status, 404);
  auto r = client()->get("/metrics", {"Authorization: Bearer metrics-secret-of-this-test"});
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("brilliant_refused_connections_total"), std::string::npos);
}

class ConnectionCapHttp : public ServerTest {
 protected:
  void configure(app::Config& config) override { config.server.max_connections_per_ip = 3; }
};

TEST_F(ConnectionCapHttp, OneAddressHoldsOnlySoManyConnections) {
  std::vector<std::unique_ptr<HttpClient>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(client());
    EXPECT_EQ(held.back()->get("/healthz").status, 200);  // keep-alive: each holds its connection
  }
  auto refused = raw_exchange(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  held.pop_back();  // one closes: room again
  bool served = false;
  for (int i = 0; i < 200 && !served; ++i) {
    auto answer = raw_exchange(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    served = answer.rfind("HTTP/1.1 200", 0) == 0;
  }
  EXPECT_TRUE(served);
}

}  // namespace brilliant::test
