#include "audit/routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "db/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::audit {
namespace {

using web::Method;

struct AuditRoutesTest : ::testing::Test {
  AuditRoutesTest() { add_routes(router, {log, pages.renderer}); }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{}};
  Log log{*db, clock};
  web::TestPages pages;
  web::Router router;
};

TEST_F(AuditRoutesTest, AWorkshopsOwnerSeesOnlyItsOwnStaffsEntries) {
  log.record({0, "", 7, "kim@w1.example", "vendor_staff", 1, "change", "POST", "/console/stock",
              "/console/stock", "stock=4", 303, ""});
  log.record({0, "", 8, "lee@w2.example", "vendor_staff", 2, "change", "POST", "/console/stock",
              "/console/stock", "stock=9", 303, ""});
  auto owner = web::person(7, web::Role::vendor_staff, 1);
  owner.workshop_owner = true;
  const auto mine = web::call_route(router, Method::get, "/api/v1/console/audit", {}, owner);
  ASSERT_EQ(mine.status, 200);
  const auto entries = boost::json::parse(mine.body).at("entries").as_array();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].at("actor"), "kim@w1.example");
  const auto staff = web::person(9, web::Role::vendor_staff, 1);
  EXPECT_EQ(web::call_route(router, Method::get, "/api/v1/console/audit", {}, staff).status, 403);
  const auto all = web::call_route(router, Method::get, "/api/v1/operator/audit", {},
                                   web::person(2, web::Role::operator_));
  EXPECT_EQ(boost::json::parse(all.body).at("entries").as_array().size(), 2u);
  const auto views = web::call_route(router, Method::get, "/api/v1/operator/audit", {},
                                     web::person(2, web::Role::operator_), "", "kind=view");
  EXPECT_TRUE(boost::json::parse(views.body).at("entries").as_array().empty());
}

}  // namespace
}  // namespace brilliant::audit
