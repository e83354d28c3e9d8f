#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accounts/routes.hpp"
#include "db/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::accounts {
namespace {

using web::Method;
using namespace std::chrono_literals;

struct PrivacyRoutesTest : ::testing::Test {
  PrivacyRoutesTest() {
    deps.terms_version = deps.privacy_version = "2026-11-29";
    deps.orders_export = [](long long, const std::string&) {
      return boost::json::array{boost::json::object{{"number", "BR-1"}}};
    };
    deps.forget_orders = [this](long long) -> Result<int> {
      if (open_orders) return Error::conflict("orders", "orders_open", "open");
      return 1;
    };
    add_routes(router, deps);
    auto created = accounts.sign_up(
        {"me@example.com", "나", "a-long-password", "ko", "2026-11-29", "2026-11-29", false}, "", "");
    EXPECT_TRUE(created.ok());
    me = web::person(created->user.id, web::Role::shopper);
  }
  web::Response call(Method method, const std::string& path, const std::string& body = "") {
    return web::call_route(router, method, path, {}, me, body);
  }

  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{} + 24h * 365 * 57};
  Accounts accounts{*db, clock, {.password_cost = Cost::minimum}};
  web::TestPages pages;
  RateLimits limits{web::RateLimiter(clock, 100, 60s), web::RateLimiter(clock, 100, 60s),
                    web::RateLimiter(clock, 100, 60s)};
  WebDeps deps{accounts, pages.renderer, limits, "http://127.0.0.1:8080"};
  web::Router router;
  web::Principal me;
  bool open_orders = false;
};

TEST_F(PrivacyRoutesTest, MarketingIsReadAndChangedAndABadValueNamesTheField) {
  EXPECT_EQ(boost::json::parse(call(Method::get, "/api/v1/me/marketing").body).at("agreed"), false);
  EXPECT_EQ(call(Method::put, "/api/v1/me/marketing", R"({"agreed":true})").status, 200);
  EXPECT_TRUE(accounts.marketing_allowed(me.user_id));
  const auto bad = call(Method::put, "/api/v1/me/marketing", R"({"agreed":1})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(boost::json::parse(bad.body).at("error").at("field"), "agreed");
}

TEST_F(PrivacyRoutesTest, TheExportCarriesTheOrdersHookAndClosingAsksTheOrdersFirst) {
  const auto data = boost::json::parse(call(Method::get, "/api/v1/me/data").body);
  EXPECT_EQ(data.at("account").at("email"), "me@example.com");
  EXPECT_EQ(data.at("orders").at(0).at("number"), "BR-1");
  EXPECT_EQ(data.at("consents").as_array().size(), 3u);
  open_orders = true;
  EXPECT_EQ(call(Method::post, "/api/v1/me/close", R"({"password":"a-long-password"})").status, 409);
  open_orders = false;
  EXPECT_EQ(call(Method::post, "/api/v1/me/close", R"({"password":"wrong-password"})").status, 400);
  EXPECT_EQ(call(Method::post, "/api/v1/me/close", R"({"password":"a-long-password"})").status, 200);
  EXPECT_FALSE(accounts.log_in("me@example.com", "a-long-password", "", ""));
}

}  // namespace
}  // namespace brilliant::accounts
