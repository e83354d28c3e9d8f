// A workshop in its console: applies by form and JSON, then, once selected, brings pieces and translates
// them; another workshop's pieces and a bad value are refused by name.
#include <gtest/gtest.h>

#include "exhibitions/routes_testing.hpp"

namespace brilliant::exhibitions {
namespace {
using web::Method;

TEST_F(ExhibitionRoutesTest, AWorkshopAppliesBringsAndTranslates) {
  ASSERT_TRUE(exhibitions.create(hong_kong()).ok());
  auto r = call(Method::post, "/console/exhibitions/{slug}/application", {{"slug", "hk-2026"}}, gold,
                "note=%EC%8B%A0%EC%9E%91", false);
  EXPECT_EQ(r.status, 303);
  r = call(Method::post, "/api/v1/console/exhibitions/{slug}/application", {{"slug", "hk-2026"}}, silver,
           R"({"note":"은 공방"})");
  EXPECT_EQ(r.status, 201);
  r = call(Method::get, "/api/v1/console/exhibitions", {}, gold);
  auto mine = body_of(r).at("exhibitions").as_array().at(0).as_object();
  EXPECT_TRUE(mine.at("applied").as_bool());
  EXPECT_FALSE(mine.contains("own_pieces"));
  EXPECT_EQ(call(Method::put, "/api/v1/console/exhibitions/{slug}/pieces/{id}",
                 {{"slug", "hk-2026"}, {"id", "1"}}, gold, R"({"wholesale_price":90000})")
                .status,
            403);  // not selected yet
  ASSERT_TRUE(exhibitions.decide("hk-2026", 1, "selected").ok());
  r = call(Method::put, "/api/v1/console/exhibitions/{slug}/pieces/{id}", {{"slug", "hk-2026"}, {"id", "1"}},
           gold, R"({"wholesale_price":90000,"min_quantity":5})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(call(Method::put, "/api/v1/console/exhibitions/{slug}/pieces/{id}",
                 {{"slug", "hk-2026"}, {"id", "2"}}, gold, "{}")
                .status,
            404);  // silver's piece
  r = call(Method::post, "/console/exhibitions/{slug}/pieces", {{"slug", "hk-2026"}}, gold,
           "listed_1=1&bring_1=1&wholesale_1=80000&min_1=0", false);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("alert-error"), std::string::npos);  // said on the page, nothing saved
  EXPECT_EQ(exhibitions.pieces(exhibitions.find("hk-2026")->id).at(0).wholesale_price, 90000);
  r = call(Method::post, "/console/exhibitions/{slug}/translations", {{"slug", "hk-2026"}}, gold,
           "title_ja_1=%E5%A4%AA%E9%99%BD&story_ja_1=", false);
  EXPECT_EQ(r.status, 303);
  r = call(Method::put, "/api/v1/console/products/{id}/translations/{lang}", {{"id", "1"}, {"lang", "zh"}},
           gold, R"({"title":"太阳戒指","story":"故事","machine_draft":true})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(call(Method::put, "/api/v1/console/products/{id}/translations/{lang}",
                 {{"id", "1"}, {"lang", "zh"}}, silver, R"({"title":"x"})")
                .status,
            404);
  r = call(Method::get, "/api/v1/console/exhibitions", {}, gold);
  const auto pieces = body_of(r).at("exhibitions").as_array().at(0).at("own_pieces").as_array();
  ASSERT_EQ(pieces.size(), 1u);  // the draft is not offered
  EXPECT_TRUE(pieces.at(0).at("brought").as_bool());
  EXPECT_EQ(pieces.at(0).at("title_ja").as_string(), "太陽");
  EXPECT_EQ(pieces.at(0).at("min_quantity").as_int64(), 5);
  for (const char* locale : {"ko", "en"}) {
    r = call(Method::get, "/console/exhibitions", {}, gold, "", false, "", locale);
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("title_zh_1"), std::string::npos);
  }
}

}  // namespace
}  // namespace brilliant::exhibitions
