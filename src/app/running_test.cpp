#include <gtest/gtest.h>

#include "app/testing.hpp"
#include "vendors/brand/brand.hpp"
#include "web/testing.hpp"

namespace brilliant::app {
namespace {

TEST(AuditRequest, StaffChangesAndViewsOfPersonalDataAreKeptShoppersAndRefusalsAreNot) {
  FixedClock clock{TimePoint{} + std::chrono::hours(24 * 365 * 57)};
  TempApp app(clock, "running");
  web::Route change{web::Method::put, "/api/v1/operator/brand"};
  web::Route orders{web::Method::get, "/operator/orders"};
  orders.personal_data = true;
  web::Request req;
  req.method = web::Method::put;
  req.path = "/api/v1/operator/brand";
  req.headers.push_back({"content-type", "application/json"});
  req.body = R"({"name_ko":"새 이름","secret_key":"sk"})";
  req.remote_ip = "10.1.2.3";
  req.user = web::person(2, web::Role::operator_);
  app->audit_request(req, change, 200);
  app->audit_request(req, change, 400);  // refused: nothing changed
  auto shopper = req;
  shopper.user = web::person(1, web::Role::shopper);
  app->audit_request(shopper, change, 200);
  auto view = req;
  view.method = web::Method::get;
  view.path = "/operator/orders";
  view.query = "q=BR-1";
  view.body.clear();
  view.user = web::person(3, web::Role::vendor_staff, 5);
  app->audit_request(view, orders, 200);
  const auto entries = app->audit().search({});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].kind, "view");
  EXPECT_EQ(entries[0].workshop_id, 5);
  EXPECT_EQ(entries[0].detail, "q=BR-1");
  EXPECT_EQ(entries[1].kind, "change");
  EXPECT_EQ(entries[1].route, "/api/v1/operator/brand");
  EXPECT_EQ(entries[1].detail, "name_ko=새 이름\nsecret_key=***");
  EXPECT_EQ(entries[1].ip, "10.1.2.3");
  EXPECT_EQ(entries[1].roles, "operator");
}

// The brand's commission rates are there once the database is migrated, before start(): the demo's
// seeding places its orders then, and each line keeps the rate it was sold under (it had kept 0 %).
TEST(AppBrand, RatesAreLoadedWhenTheDatabaseIsMigrated) {
  FixedClock clock{TimePoint{} + std::chrono::hours(24 * 365 * 57)};
  TempApp app(clock, "brand-rates");
  const auto rates = app->brand().current()->rates;
  ASSERT_FALSE(rates.empty());
  EXPECT_EQ(vendors::commission_bp(rates, 7, "ring"), 1500);  // migrations/008_brand.sql's default
}

}  // namespace
}  // namespace brilliant::app
