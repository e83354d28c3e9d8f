// Brilliant Studio's route table: station routes are for station staff and operators only (stations are
// kept apart from consoles and the store), evidence is for whoever may see the order (the shopper's
// own, the workshop's console, the operator's), and fixed paths come before the patterns that would
// swallow them.
#include "studio/routes.hpp"

#include <gtest/gtest.h>

#include "studio/routes_testing.hpp"
#include "studio/testing.hpp"
#include "web/render.hpp"
#include "web/router.hpp"
#include "web/testing.hpp"

namespace brilliant::studio {

using StudioRoutes = StudioFixture;

TEST_F(StudioRoutes, StationsAreForStationStaffEvidenceForWhoeverSeesTheOrder) {
  web::TestPages pages;
  auto& renderer = pages.renderer;
  Deps deps{studio, renderer, log, "z6Mk", {}};
  web::Router router;
  add_routes(router, deps);
  const uint32_t staff =
      static_cast<uint32_t>(web::Role::station_staff) | static_cast<uint32_t>(web::Role::operator_);
  size_t intake = 0, packing = 0, returns = 0, generic = 0, evidence = 0;
  for (const auto& r : router.routes()) {
    if (r.pattern.find("/evidence") != std::string::npos) {
      ++evidence;
      if (r.pattern.starts_with("/console/") || r.pattern.starts_with("/api/v1/console/"))
        EXPECT_EQ(r.access.any_of, static_cast<uint32_t>(web::Role::vendor_staff)) << r.pattern;
      else if (r.pattern.starts_with("/operator/") || r.pattern.starts_with("/api/v1/operator/"))
        EXPECT_EQ(r.access.any_of, static_cast<uint32_t>(web::Role::operator_)) << r.pattern;
      else
        EXPECT_EQ(r.access.any_of, 0u) << r.pattern;  // the shopper's, guests with the order's key
      continue;
    }
    if (r.pattern == "/api/v1/products/{slug}/spin") {  // a product page's 360° frames, for anyone
      EXPECT_FALSE(r.access.login);
      continue;
    }
    EXPECT_TRUE(r.access.login) << r.pattern;
    EXPECT_EQ(r.access.any_of, staff) << r.pattern;
    if (r.method == web::Method::get && r.pattern == "/station/intake") intake = r.index;
    if (r.method == web::Method::post && r.pattern == "/station/packing/sessions") packing = r.index;
    if (r.method == web::Method::get && r.pattern == "/station/returns") returns = r.index;
    if (r.method == web::Method::get && r.pattern == "/station/{station}") generic = r.index;
  }
  EXPECT_EQ(evidence, 12u);
  EXPECT_GE(router.routes().size(), 40u);
  EXPECT_LT(intake, generic);
  EXPECT_LT(packing, generic);
  EXPECT_LT(returns, generic);
}

TEST_F(StudioRoutesTest, ThePackingStationListsTheParcelsWaitingWithAButtonEach) {
  const auto staff = person(3, web::Role::station_staff);
  const auto page = web::call_route(router, web::Method::get, "/station/{station}", {{"station", "packing"}},
                                    staff, "", "", false);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-order=\"B-1\""), std::string::npos);
  EXPECT_NE(page.body.find("name=\"workshop\" value=\"gongbang\""), std::string::npos);  // no slug to type
  EXPECT_NE(page.body.find("<strong>공방</strong>"), std::string::npos);
  const auto english = web::call_route(router, web::Method::get, "/station/{station}",
                                       {{"station", "packing"}}, staff, "", "", false, "en");
  EXPECT_NE(english.body.find("<strong>Workshop</strong>"), std::string::npos);
  EXPECT_NE(english.body.find("Ring · "), std::string::npos);  // the piece in English too
  const auto api = json_of(call(web::Method::get, "/api/v1/packing/waiting", {}, staff));
  const auto& parcels = api.at("parcels").as_array();
  ASSERT_EQ(parcels.size(), 1u);
  EXPECT_EQ(parcels[0].at("pieces").as_string(), "반지");
  EXPECT_EQ(parcels[0].at("paid").as_string(), "2026-11-20 10:00");  // Seoul time
  EXPECT_TRUE(json_of(call(web::Method::get, "/api/v1/packing/waiting", {}, staff, "", "order=B-2"))
                  .at("parcels")
                  .as_array()
                  .empty());
  // Each workshop waiting is a filter, after all of them.
  const auto& workshops = api.at("workshops").as_array();
  ASSERT_EQ(workshops.size(), 2u);
  EXPECT_EQ(workshops[0].at("parcels").as_int64(), 1);  // all
  EXPECT_TRUE(workshops[0].at("current").as_bool());
  EXPECT_EQ(workshops[1].at("url").as_string(), "/station/packing?workshop=gongbang");
  EXPECT_TRUE(json_of(call(web::Method::get, "/api/v1/packing/waiting", {}, staff, "", "workshop=other"))
                  .at("parcels")
                  .as_array()
                  .empty());
  EXPECT_EQ(api.at("total").as_int64(), 1);
  EXPECT_EQ(api.at("more_url").as_string(), "");  // all listed
  EXPECT_EQ(waiting_limit, 50);
  // More waiting than listed: the page says how many of how many, and links to 50 more orders.
  waiting_in_all = 120;
  const auto busy = web::call_route(router, web::Method::get, "/station/{station}", {{"station", "packing"}},
                                    staff, "", "", false);
  EXPECT_NE(busy.body.find("소포 120개 중 1개 표시"), std::string::npos);
  EXPECT_NE(busy.body.find("href=\"/station/packing?show=100#waiting-more\""), std::string::npos);
  const auto more =
      json_of(call(web::Method::get, "/api/v1/packing/waiting", {}, staff, "", "workshop=gongbang&show=100"));
  EXPECT_EQ(waiting_limit, 100);
  EXPECT_EQ(more.at("more_url").as_string(), "/station/packing?workshop=gongbang&show=150#waiting-more");
  EXPECT_EQ(call(web::Method::get, "/api/v1/packing/waiting", {}, staff, "", "show=1001").status, 400);
  EXPECT_EQ(call(web::Method::get, "/api/v1/packing/waiting", {}, staff, "", "show=many").status, 400);
  waiting_in_all = 1;
  // Once shipped, nothing waits; the page says so.
  ++shipped;
  const auto empty = web::call_route(router, web::Method::get, "/station/{station}", {{"station", "packing"}},
                                     staff, "", "", false);
  EXPECT_EQ(empty.body.find("data-order="), std::string::npos);
  EXPECT_NE(empty.body.find(pages.renderer.message("ko", "studio.waiting_none")), std::string::npos);
}

TEST_F(StudioRoutesTest, APackingSessionNamesItsPiecesInTheReadersLanguage) {
  const auto staff = person(1, web::Role::station_staff);
  auto opened = web::call_route(router, web::Method::post, "/api/v1/packing/sessions", {}, staff,
                                R"({"order":"B-1"})", "", true, "en");
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(json_of(opened).at("lines").at(0).at("title").as_string(), "Ring");
  const auto id = std::to_string(json_of(opened).at("id").as_int64());
  EXPECT_EQ(json_of(call(web::Method::get, "/api/v1/packing/sessions/{id}", {{"id", id}}, staff))
                .at("lines")
                .at(0)
                .at("title")
                .as_string(),
            "반지");
}

}  // namespace brilliant::studio
