#include "catalog/rules.hpp"

#include <gtest/gtest.h>

namespace brilliant::catalog {

TEST(Slug, Rules) {
  EXPECT_TRUE(valid_slug("18k-rose-gold-ring"));
  EXPECT_FALSE(valid_slug("ab"));
  EXPECT_FALSE(valid_slug("-ring"));
  EXPECT_FALSE(valid_slug("gold--ring"));
  EXPECT_FALSE(valid_slug("Gold-Ring"));
  EXPECT_FALSE(valid_slug("반지"));
  EXPECT_EQ(slugify("18K Rose Gold  Ring!"), "18k-rose-gold-ring");
  EXPECT_EQ(slugify("반지"), "item");
  EXPECT_EQ(slugify("x"), "x-item");
  EXPECT_TRUE(valid_slug(slugify("  --Moon & Stars-- ")));
}

TEST(RingSize, KoreanAndUsFromCircumference) {
  EXPECT_EQ(korean_ring_size(520), 13);  // 52.0 mm
  EXPECT_EQ(circumference_for_korean_size(13), 520);
  EXPECT_EQ(korean_ring_size(circumference_for_korean_size(7)), 7);
  EXPECT_DOUBLE_EQ(us_ring_size(519), 6.0);  // 51.9 mm is US 6
  EXPECT_DOUBLE_EQ(us_ring_size(571), 8.0);  // 57.1 mm is US 8
  EXPECT_DOUBLE_EQ(us_ring_size(545), 7.0);
}

TEST(Weight, GramsAndDon) {
  EXPECT_EQ(grams_text(3750), "3.75 g");
  EXPECT_EQ(don_text(3750, "ko"), "1.00돈");
  EXPECT_EQ(don_text(1875, "ko"), "0.50돈");
  EXPECT_EQ(don_text(5590, "en"), "1.49 don");  // an English page spells the Korean unit out
}

TEST(Purity, LabelsAndVocabulary) {
  EXPECT_EQ(purity_label("gold", 585), "14K");
  EXPECT_EQ(purity_label("platinum", 950), "Pt950");
  EXPECT_EQ(purity_label("silver", 925), "925");
  EXPECT_EQ(purities_for("silver"), (std::vector<int>{999, 925}));
}

Product valid_ring() {
  Product p;
  p.slug = "gold-ring";
  p.category = "ring";
  p.title_ko = "금반지";
  p.title_en = "Gold ring";
  p.metal = "gold";
  p.purity = 585;
  p.weight_mg = 2000;
  p.variants.push_back({0, "R-13", 0, 520, 0, "", 0, 3, 0});
  return p;
}

TEST(CheckProduct, NamesTheField) {
  EXPECT_TRUE(check_product(valid_ring()).ok());
  auto p = valid_ring();
  p.purity = 925;
  EXPECT_EQ(check_product(p).error().field, "purity");
  p = valid_ring();
  p.stones.push_back({"diamond", "", 1});
  EXPECT_EQ(check_product(p).error().code, "stone_origin_required");
  p = valid_ring();
  p.variants[0].ring_circ_x10 = 100;
  EXPECT_EQ(check_product(p).error().code, "ring_size_range");
  p = valid_ring();
  p.made_to_order = true;
  EXPECT_EQ(check_product(p).error().field, "lead_days");
}

TEST(CheckProduct, TitlesAreOneLineWithoutControlsOrBidiOverrides) {
  auto p = valid_ring();
  p.title_en = "Ring\r\nSet-Cookie: x";
  EXPECT_EQ(check_product(p).error().field, "title_en");
  p = valid_ring();
  p.title_ko = "반지\xe2\x80\xae";
  EXPECT_EQ(check_product(p).error().field, "title_ko");
}

}  // namespace brilliant::catalog
