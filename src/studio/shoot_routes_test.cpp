// The studio shoot's routes: shots, the shoot list, zips and publishing for station staff and
// operators; a product's 360° frames for anyone, without a session.
#include <gtest/gtest.h>

#include "studio/routes_testing.hpp"

namespace brilliant::studio {

using ShootRoutes = StudioRoutesTest;

TEST_F(ShootRoutes, StaffShootAnyoneSeesTheSpin) {
  const auto* spin = route(web::Method::get, "/api/v1/products/{slug}/spin");
  ASSERT_NE(spin, nullptr);
  EXPECT_FALSE(spin->access.login);
  EXPECT_FALSE(spin->session);
  for (const char* pattern : {"/api/v1/items/{serial}/shots", "/api/v1/products/{slug}/shoot/publish",
                              "/station/studio/products/{slug}/publish"}) {
    const auto* r = route(web::Method::post, pattern);
    ASSERT_NE(r, nullptr) << pattern;
    EXPECT_EQ(r->access.any_of, bit(web::Role::station_staff) | bit(web::Role::operator_)) << pattern;
  }

  const auto staff = person(1, web::Role::station_staff);
  const auto item = studio.intake(1, "BR-1-13", "3.20", "", "").value();
  auto shot = call(web::Method::post, "/api/v1/items/{serial}/shots", {{"serial", item.serial}}, staff,
                   piece_photo(300, 300, 120), "name=BR-1-13_front_1.jpg");
  ASSERT_EQ(shot.status, 201) << shot.body;
  EXPECT_EQ(json_of(shot).at("view").as_string(), "front");
  EXPECT_EQ(call(web::Method::post, "/api/v1/items/{serial}/shots", {{"serial", item.serial}}, staff,
                 piece_photo(300, 300, 120), "view=spin&n=x")
                .status,
            400);
  auto list = call(web::Method::get, "/api/v1/products/{slug}/shoot", {{"slug", "ring"}}, staff, "",
                   "serial=" + item.serial);
  ASSERT_EQ(list.status, 200);
  EXPECT_FALSE(json_of(list).at("ready").as_bool());
  auto zip = call(web::Method::get, "/station/studio/products/{slug}/shoot.zip", {{"slug", "ring"}}, staff,
                  "", "channel=naver");
  ASSERT_EQ(zip.status, 200);
  EXPECT_EQ(zip.header("content-type"), "application/zip");
  EXPECT_EQ(call(web::Method::post, "/api/v1/products/{slug}/shoot/publish", {{"slug", "ring"}}, staff, "{}")
                .status,
            422);  // side, back and detail are missing
  auto frames = call(web::Method::get, "/api/v1/products/{slug}/spin", {{"slug", "ring"}}, std::nullopt);
  ASSERT_EQ(frames.status, 200);
  EXPECT_TRUE(json_of(frames).at("frames").as_array().empty());
}

}  // namespace brilliant::studio
