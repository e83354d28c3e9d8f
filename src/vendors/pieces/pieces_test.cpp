#include "vendors/pieces/pieces.hpp"

#include <gtest/gtest.h>

#include <map>

namespace brilliant::vendors {

Fields from(std::map<std::string, std::string> m) {
  return [m](const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? std::string() : it->second;
  };
}

std::map<std::string, std::string> ring() {
  return {{"title_ko", "달빛 반지"}, {"title_en", "Moonlight Ring"},
          {"category", "ring"},      {"metal", "gold"},
          {"purity", "585"},         {"colour", "rose"},
          {"weight_g", "3.75"},      {"labour_fee", "80000"},
          {"margin_pct", "20"},      {"loss_pct", "10"},
          {"sizes", "9, 11,13"},     {"stock", "2"},
          {"stone_kind", "diamond"}, {"stone_origin", "lab_grown"}};
}

TEST(PieceForm, BuildsAProductWithSizes) {
  auto p = piece_from_form(from(ring()), 7, "ab12");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->slug, "moonlight-ring-ab12");
  EXPECT_EQ(p->weight_mg, 3750);
  EXPECT_EQ(p->margin_bp, 2000);
  EXPECT_EQ(p->loss_bp, 1000);
  ASSERT_EQ(p->variants.size(), 3u);
  EXPECT_EQ(p->variants[2].ring_circ_x10, 520);
  EXPECT_EQ(p->stones.front().origin, "lab_grown");
  EXPECT_EQ(p->status, catalog::ProductStatus::draft);
}

TEST(PieceForm, ErrorsNameTheField) {
  auto bad = ring();
  bad["weight_g"] = "heavy";
  EXPECT_EQ(piece_from_form(from(bad), 7, "x1").error().field, "weight_g");
  bad = ring();
  bad["sizes"] = "9, huge";
  EXPECT_EQ(piece_from_form(from(bad), 7, "x1").error().field, "sizes");
  bad = ring();
  bad["stone_origin"] = "";
  EXPECT_EQ(piece_from_form(from(bad), 7, "x1").error().code, "stone_origin_required");
  bad = ring();
  bad["purity"] = "925";
  EXPECT_EQ(piece_from_form(from(bad), 7, "x1").error().field, "purity");
}

TEST(Checklist, FlagsWhatIsMissing) {
  auto p = piece_from_form(from(ring()), 7, "ab12").value();
  p.price = 10;  // far below the metal's worth
  auto items = brand_checklist(p, 100000);
  auto find = [&](const std::string& key) {
    for (const auto& i : items)
      if (i.key == key) return i.ok;
    return true;
  };
  EXPECT_FALSE(find("photos"));
  EXPECT_TRUE(find("materials"));
  EXPECT_TRUE(find("stones"));
  EXPECT_FALSE(find("bilingual"));  // no stories yet
  EXPECT_FALSE(find("price"));
  p.price = 500000;
  p.photos.push_back({});
  p.story_ko = "이야기";
  p.story_en = "Story";
  for (const auto& i : brand_checklist(p, 100000)) EXPECT_TRUE(i.ok) << i.key;
  // An eco claim shown without the certificate that backs it is flagged.
  p.eco_claims = {"recycled_silver"};
  items = brand_checklist(p, 100000);
  EXPECT_FALSE(find("eco"));
  p.eco_certificate = "ECO-ABCD-EFGH";
  items = brand_checklist(p, 100000);
  EXPECT_TRUE(find("eco"));
}

}  // namespace brilliant::vendors

namespace brilliant::vendors {

// Decimals are read exactly (no floating point): 2.005 g is 2,005 mg, 12.35 % is 1,235 bp; more
// decimals than the unit holds, or an empty required field, are refused naming the field.
TEST(PieceForm, DecimalsAreExact) {
  auto fine = ring();
  fine["weight_g"] = "2.005";
  fine["margin_pct"] = "12.35";
  fine["loss_pct"] = "0.1";
  auto p = piece_from_form(from(fine), 7, "d1");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->weight_mg, 2005);
  EXPECT_EQ(p->margin_bp, 1235);
  EXPECT_EQ(p->loss_bp, 10);
  auto bad = ring();
  bad["weight_g"] = "2.0005";
  EXPECT_EQ(piece_from_form(from(bad), 7, "d1").error().field, "weight_g");
  bad = ring();
  bad["weight_g"] = "";
  EXPECT_EQ(piece_from_form(from(bad), 7, "d1").error().code, "field_required");
  bad = ring();
  bad["margin_pct"] = "1e2";
  EXPECT_EQ(piece_from_form(from(bad), 7, "d1").error().field, "margin_pct");
}

}  // namespace brilliant::vendors
