// A person's own data over HTTP on both databases (issue 15): consents recorded at sign-up with the
// texts' versions, marketing off unless ticked and withdrawn at once, the export of everything held, and
// closing the account (refused with an open order or a wrong password; afterwards no log-in, the session
// gone, the orders kept for the operator with the personal data reduced, a confirming mail queued).
#include <boost/json.hpp>

#include "db/database.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace json = boost::json;

class PrivacyHttp : public ShopTest {
 protected:
  std::unique_ptr<HttpClient> join(const std::string& email, bool marketing) {
    auto c = client();
    std::vector<std::pair<std::string, std::string>> form{{"_csrf", c->csrf_from("/signup")},
                                                          {"email", email},
                                                          {"name", "김지민"},
                                                          {"password", "a-long-password"}};
    if (marketing) form.push_back({"marketing", "1"});
    EXPECT_EQ(c->post_form("/signup", form).status, 303);
    return c;
  }
  // A new account (email) with an order awaiting payment, for a ring of a workshop of the test's own:
  // its client and the order's number.
  std::pair<std::unique_ptr<HttpClient>, std::string> joined_with_order(const std::string& hint,
                                                                        const std::string& email) {
    const auto workshop = own_workshop(hint, "개인정보 공방", "Privacy Atelier");
    const auto ring = own_ring(workshop, "Privacy Ring " + hint, 5);
    auto c = join(email, false);
    add_to_cart(*c, ring.variants[0].id);
    auto placed = place(*c, hint + "-order-key-0001");
    EXPECT_EQ(placed.status, 201) << placed.body;
    return {std::move(c), placed.status == 201
                              ? json::value_to<std::string>(json::parse(placed.body).at("number"))
                              : std::string()};
  }
  long long mails_to(const std::string& email, const std::string& subject_part) {
    return app->database().read([&](soci::session& s) {
      long long n = 0;
      const std::string like = "%" + subject_part + "%";
      s << "SELECT COUNT(*) FROM outbox WHERE to_address = :a AND subject LIKE :s", soci::use(email),
          soci::use(like), soci::into(n);
      return n;
    });
  }
};

TEST_F(PrivacyHttp, SignUpRecordsConsentsAndMarketingIsOffUnlessTickedAndWithdrawnAtOnce) {
  auto plain = join(unique_email("consent"), false);
  auto consents = json::parse(plain->get("/api/v1/me/consents").body);
  const auto& list = consents.at("consents").as_array();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].at("item"), "terms");
  EXPECT_EQ(list[0].at("agreed"), true);
  EXPECT_EQ(list[0].at("version"), "2026-11-29");
  EXPECT_EQ(list[2].at("item"), "marketing");
  EXPECT_EQ(list[2].at("agreed"), false);
  EXPECT_EQ(consents.at("marketing"), false);

  auto keen = join(unique_email("keen"), true);
  EXPECT_EQ(json::parse(keen->get("/api/v1/me/marketing").body).at("agreed"), true);
  auto page = keen->get("/account");
  EXPECT_NE(page.body.find("id=\"consent-list\""), std::string::npos);
  auto off = keen->post_form("/account/marketing", {{"_csrf", keen->cookie("csrf")}, {"agreed", "0"}});
  ASSERT_EQ(off.status, 303);
  EXPECT_EQ(json::parse(keen->get("/api/v1/me/marketing").body).at("agreed"), false);
  EXPECT_NE(keen->get(off.header("location")).body.find("id=\"marketing-off-notice\""), std::string::npos);
  auto on = keen->request("PUT", "/api/v1/me/marketing", R"({"agreed":true})", json_headers(*keen));
  ASSERT_EQ(on.status, 200);
  EXPECT_EQ(json::parse(on.body).at("agreed"), true);
  auto bad = keen->request("PUT", "/api/v1/me/marketing", R"({"agreed":"yes"})", json_headers(*keen));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body).at("error").at("field"), "agreed");
  EXPECT_EQ(json::parse(keen->get("/api/v1/me/consents").body).at("consents").as_array().size(), 5u);
  EXPECT_EQ(client()->get("/api/v1/me/consents").status, 401);
}

TEST_F(PrivacyHttp, TheExportHoldsTheAccountItsConsentsSignInsAndOrders) {
  const auto email = unique_email("export");
  auto [c, number] = joined_with_order("export", email);
  ASSERT_FALSE(number.empty());
  auto download = c->get("/account/data");
  ASSERT_EQ(download.status, 200);
  EXPECT_NE(download.header("content-disposition").find("attachment"), std::string::npos);
  const auto data = json::parse(download.body);
  EXPECT_EQ(json::value_to<std::string>(data.at("account").at("email")), email);
  EXPECT_EQ(data.at("consents").as_array().size(), 3u);
  EXPECT_GE(data.at("sign_ins").as_array().size(), 1u);
  ASSERT_EQ(data.at("orders").as_array().size(), 1u);
  EXPECT_EQ(json::value_to<std::string>(data.at("orders").at(0).at("number")), number);
  const auto api = json::parse(c->get("/api/v1/me/data").body);
  EXPECT_EQ(json::value_to<std::string>(api.at("orders").at(0).at("number")), number);
}

TEST_F(PrivacyHttp, ClosingTheAccountKeepsTheOrderReducedAndNobodyCanLogInAgain) {
  const auto email = unique_email("close");
  auto [c, number] = joined_with_order("close", email);
  ASSERT_FALSE(number.empty());
  // A wrong password, then an open order: refused, said on the account page.
  auto wrong = c->post_form(
      "/account/close", {{"_csrf", c->cookie("csrf")}, {"password", "not-the-password"}, {"confirm", "1"}});
  ASSERT_EQ(wrong.status, 303);
  EXPECT_NE(c->get(wrong.header("location")).body.find("id=\"privacy-error\""), std::string::npos);
  auto open = c->request("POST", "/api/v1/me/close", R"({"password":"a-long-password"})", json_headers(*c));
  EXPECT_EQ(open.status, 409);
  EXPECT_EQ(json::parse(open.body).at("error").at("code"), "orders_open");
  ASSERT_EQ(c->request("POST", "/api/v1/orders/" + number + "/cancel", "", json_headers(*c)).status, 200);
  auto unticked =
      c->post_form("/account/close", {{"_csrf", c->cookie("csrf")}, {"password", "a-long-password"}});
  EXPECT_NE(unticked.header("location").find("privacy_error=close_unconfirmed"), std::string::npos);
  auto closed = c->post_form(
      "/account/close", {{"_csrf", c->cookie("csrf")}, {"password", "a-long-password"}, {"confirm", "1"}});
  ASSERT_EQ(closed.status, 303);
  EXPECT_NE(closed.header("location").find("/account/closed"), std::string::npos);
  EXPECT_NE(c->get("/account/closed").body.find("id=\"account-closed\""), std::string::npos);
  EXPECT_EQ(c->get("/account").status, 303);  // logged out
  auto again = client();
  auto login = again->post_form(
      "/login", {{"_csrf", again->csrf_from("/login")}, {"email", email}, {"password", "a-long-password"}});
  EXPECT_EQ(login.status, 401);
  EXPECT_EQ(mails_to(email, "탈퇴"), 1);
  // The operator still has the order, its money whole, the person reduced to a masked name.
  const auto order = app->orders().find(number);
  ASSERT_TRUE(order);
  EXPECT_EQ(order->address.recipient, "K**");
  EXPECT_EQ(order->address.phone, "");
  EXPECT_EQ(order->address.postcode, "");
  EXPECT_GT(order->total, 0);
  auto op = logged_in(web::Role::operator_);
  const auto list = op->get("/operator/orders?q=" + number);
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find(number), std::string::npos);
}

TEST_F(PrivacyHttp, ClosingOverTheApi) {
  auto c = client();
  const auto email = unique_email("api-close");
  auto signup =
      c->request("POST", "/api/v1/auth/signup",
                 R"({"email":")" + email + R"(","name":"API","password":"a-long-password","marketing":true})",
                 {"Content-Type: application/json"});
  ASSERT_EQ(signup.status, 201) << signup.body;
  const auto token = json::value_to<std::string>(json::parse(signup.body).at("token"));
  const std::vector<std::string> bearer{"Authorization: Bearer " + token, "Content-Type: application/json"};
  EXPECT_EQ(json::parse(c->get("/api/v1/me/marketing", bearer).body).at("agreed"), true);
  auto wrong = c->request("POST", "/api/v1/me/close", R"({"password":"nope-nope-nope"})", bearer);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(json::parse(wrong.body).at("error").at("field"), "password");
  auto closed = c->request("POST", "/api/v1/me/close", R"({"password":"a-long-password"})", bearer);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(c->get("/api/v1/me", bearer).status, 401);  // the token went with the account
}

}  // namespace brilliant::test
