// The copy assistant's view of a piece (copy_routes.cpp); the routes themselves are tested over HTTP
// (tests/http/copy_http_test.cpp).
#include "marketing/copy_routes.hpp"

#include <gtest/gtest.h>

#include "catalog/testing.hpp"

namespace brilliant::marketing {
namespace {

TEST(CopyFacts, FromThePieceAndItsWorkshop) {
  auto p = catalog::sample_ring();
  catalog::Workshop w;
  w.name_ko = "달빛 공방";
  w.story_en = "Three generations.";
  const catalog::Messages t = [](const std::string& key) { return key; };
  const auto f = copy_facts(p, w, t, t);
  EXPECT_EQ(f.metal, "gold");
  EXPECT_EQ(f.purity, 585);
  EXPECT_EQ(f.weight_mg, 2450);
  ASSERT_EQ(f.stones.size(), 2u);
  EXPECT_EQ(f.stones[0].origin, "lab_grown");
  EXPECT_EQ(f.stones[0].carat_x1000, 300);
  EXPECT_EQ(f.sizes_ko.size(), 2u);
  EXPECT_EQ(f.workshop_en, "달빛 공방");  // no English name: the Korean one
  EXPECT_TRUE(f.engraving);
  EXPECT_EQ(f.plating_metal, "rhodium");
  // And what is written from them passes their check.
  EXPECT_TRUE(check_drafts(f, write_copy(f)).empty());
}

TEST(CopyJson, CopyAndProblemsAsTheApiGivesThem) {
  auto c = copy_json({"T", "D", "ST", "SD", {"#a", "#b"}});
  EXPECT_EQ(c.at("seo_description"), "SD");
  EXPECT_EQ(c.at("hashtags").as_array().size(), 2u);
  auto p = problems_json({{"title_en", "karat", "says 18K"}});
  EXPECT_EQ(p[0].at("code"), "karat");
  EXPECT_EQ(p[0].at("field"), "title_en");
}

}  // namespace
}  // namespace brilliant::marketing
