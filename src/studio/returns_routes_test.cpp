// The returns station's routes: for station staff and operators only, the fixed /station/returns before
// the /station/{station} pattern, and a return received, shot and decided over the JSON API.
#include <gtest/gtest.h>

#include "studio/routes_testing.hpp"

namespace brilliant::studio {

using ReturnsRoutes = StudioRoutesTest;

TEST_F(ReturnsRoutes, StationStaffReceiveShootAndDecideAReturn) {
  size_t returns = 0, generic = 0, found = 0;
  for (const auto& r : router.routes()) {
    if (r.pattern.find("/returns") == std::string::npos && r.pattern != "/station/{station}") continue;
    if (r.pattern == "/station/{station}") generic = r.index;
    if (r.pattern == "/station/returns" && r.method == web::Method::get) returns = r.index;
    if (r.pattern.find("/returns") != std::string::npos) {
      ++found;
      EXPECT_EQ(r.access.any_of, bit(web::Role::station_staff) | bit(web::Role::operator_)) << r.pattern;
    }
  }
  EXPECT_EQ(found, 9u);
  EXPECT_LT(returns, generic);

  const auto serial = packed_order();
  const auto staff = person(1, web::Role::station_staff);
  auto opened = call(web::Method::post, "/api/v1/returns", {}, staff,
                     R"({"serial":")" + serial + R"(","weight":"3.20"})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(json_of(opened).at("order").as_string(), "B-1");
  const auto id = std::to_string(json_of(opened).at("id").as_int64());
  auto shot = call(web::Method::post, "/api/v1/returns/{id}/photos", {{"id", id}}, staff,
                   piece_photo(300, 320, 120), "view=piece");
  ASSERT_EQ(shot.status, 201) << shot.body;
  EXPECT_EQ(json_of(shot).at("views").at(0).at("has_returned").as_bool(), true);
  EXPECT_EQ(
      call(web::Method::post, "/api/v1/returns/{id}/decision", {{"id", id}}, staff, R"({"decision":"maybe"})")
          .status,
      400);
  auto escalated = call(web::Method::post, "/api/v1/returns/{id}/decision", {{"id", id}}, staff,
                        R"({"decision":"escalate","reason":"serial shot missing"})");
  ASSERT_EQ(escalated.status, 200) << escalated.body;
  EXPECT_TRUE(json_of(escalated).at("open").as_bool());
  EXPECT_EQ(call(web::Method::get, "/api/v1/returns/{id}", {{"id", "999"}}, staff).status, 404);
  // The piece in the reader's language: the return, the latest returns and an order's pieces.
  EXPECT_EQ(
      json_of(call(web::Method::get, "/api/v1/returns/{id}", {{"id", id}}, staff)).at("title").as_string(),
      "반지");
  const auto en = json_of(web::call_route(router, web::Method::get, "/api/v1/returns/{id}", {{"id", id}},
                                          staff, "", "", true, "en"));
  EXPECT_EQ(en.at("title").as_string(), "Ring");
  const auto page =
      web::call_route(router, web::Method::get, "/station/returns", {}, staff, "", "order=B-1", false, "en");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<td>Ring</td>"), std::string::npos);  // the latest returns
  EXPECT_NE(page.body.find(" · Ring · "), std::string::npos);     // B-1's pieces
  EXPECT_EQ(page.body.find("반지"), std::string::npos);
}

TEST_F(ReturnsRoutes, TheStationListsTheReturnsOnTheirWayBack) {
  const auto staff = person(1, web::Role::station_staff);
  const auto page = web::call_route(router, web::Method::get, "/station/returns", {}, staff, "", "", false);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-order=\"B-9\""), std::string::npos);
  EXPECT_NE(page.body.find("/station/returns?order=B-9"), std::string::npos);  // lists its pieces
  EXPECT_NE(page.body.find("CJ대한통운 520000000001"), std::string::npos);
  const auto api = json_of(call(web::Method::get, "/api/v1/returns/coming", {}, staff));
  const auto& coming = api.at("returns").as_array();
  ASSERT_EQ(coming.size(), 1u);
  EXPECT_EQ(coming[0].at("status").as_string(), "shipped_back");
  EXPECT_EQ(coming[0].at("pieces").as_string(), "반지");
  const auto en = json_of(
      web::call_route(router, web::Method::get, "/api/v1/returns/coming", {}, staff, "", "", true, "en"));
  EXPECT_EQ(en.at("returns").at(0).at("workshop").as_string(), "Workshop");
  EXPECT_EQ(en.at("returns").at(0).at("status_text").as_string(), "On its way back");
  EXPECT_EQ(en.at("returns").at(0).at("pieces").as_string(), "Ring");
  EXPECT_EQ(en.at("more_url").as_string(), "");  // all of them shown
}

TEST_F(ReturnsRoutes, PastFiftyReturnsOnTheirWayTheStationShowsFiftyMore) {
  const auto staff = person(1, web::Role::station_staff);
  returning_in_all = 120;
  const auto page = web::call_route(router, web::Method::get, "/station/returns", {}, staff, "", "", false);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(returning_limit, 51);  // one more than shown, to know whether there are more
  EXPECT_NE(page.body.find("data-order=\"B-149\""), std::string::npos);
  EXPECT_EQ(page.body.find("data-order=\"B-150\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/station/returns?show=100#returns-coming\""), std::string::npos);
  const auto more = json_of(call(web::Method::get, "/api/v1/returns/coming", {}, staff, "", "show=100"));
  EXPECT_EQ(more.at("returns").as_array().size(), 100u);
  EXPECT_EQ(more.at("more_url").as_string(), "/station/returns?show=150#returns-coming");
  const auto all = json_of(call(web::Method::get, "/api/v1/returns/coming", {}, staff, "", "show=150"));
  EXPECT_EQ(all.at("returns").as_array().size(), 120u);
  EXPECT_EQ(all.at("more_url").as_string(), "");
  EXPECT_EQ(call(web::Method::get, "/api/v1/returns/coming", {}, staff, "", "show=0").status, 400);
  EXPECT_EQ(call(web::Method::get, "/station/returns", {}, staff, "", "show=lots").status, 400);
}

}  // namespace brilliant::studio
