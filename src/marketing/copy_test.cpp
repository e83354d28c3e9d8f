#include "marketing/copy.hpp"

#include <gtest/gtest.h>

namespace brilliant::marketing {
namespace {

CopyFacts ring() {
  CopyFacts f;
  f.category = "ring";
  f.metal = "gold";
  f.colour = "yellow";
  f.purity = 585;
  f.weight_mg = 2450;
  f.plating_metal = "rhodium";
  f.stones = {{"diamond", "lab_grown", 1, 300}, {"sapphire", "natural", 2, 0}};
  f.sizes_ko = {"11호", "13호"};
  f.sizes_en = {"US 5.5", "US 6.5"};
  f.workshop_ko = "달빛 공방";
  f.workshop_en = "Moonlight Atelier";
  f.story_ko = "삼대째 금을 다룹니다. 둘째 문장.";
  f.story_en = "Three generations of goldsmiths. A second sentence.";
  f.engraving = true;
  return f;
}

bool has_code(const std::vector<Problem>& problems, const std::string& code) {
  for (const auto& p : problems)
    if (p.code == code) return true;
  return false;
}

TEST(WriteCopy, TitlesAndDescriptionsSayTheFactsInBothLanguages) {
  const auto d = write_copy(ring());
  EXPECT_EQ(d.ko.title, "14K 옐로 골드 랩그로운 다이아몬드 반지");
  EXPECT_EQ(d.en.title, "14K Yellow Gold Lab-Grown Diamond Ring");
  for (const char* part : {"달빛 공방의 장인이", "2.45 g(약 0.65돈)",
                           "랩그로운 다이아몬드(개당 0.30캐럿) 1개, 천연 사파이어 2개를", "로듐 도금",
                           "11호, 13호", "새겨 드립니다", "공방 이야기: 삼대째 금을 다룹니다."})
    EXPECT_NE(d.ko.description.find(part), std::string::npos) << part << "\n" << d.ko.description;
  for (const char* part :
       {"made by hand at Moonlight Atelier", "It weighs 2.45 g.", "1 Lab-Grown Diamond (0.30 ct each)",
        "2 Natural Sapphires", "rhodium plating", "US 5.5, US 6.5"})
    EXPECT_NE(d.en.description.find(part), std::string::npos) << part << "\n" << d.en.description;
  EXPECT_EQ(d.ko.seo_title, d.ko.title + " | 달빛 공방");
  EXPECT_LE(d.ko.seo_description.size(), 150u * 3);
  EXPECT_NE(std::find(d.ko.hashtags.begin(), d.ko.hashtags.end(), "#옐로골드"), d.ko.hashtags.end());
  EXPECT_NE(std::find(d.en.hashtags.begin(), d.en.hashtags.end(), "#14KGold"), d.en.hashtags.end());
}

TEST(WriteCopy, NeverStatesAFactThePieceDoesNotHave) {
  auto f = ring();
  f.weight_mg = 0;
  f.stones.clear();
  f.plating_metal.clear();
  f.sizes_ko.clear();
  f.story_ko.clear();
  f.engraving = false;
  const auto d = write_copy(f);
  EXPECT_EQ(d.ko.title, "14K 옐로 골드 반지");
  for (const char* absent : {"무게", "세팅", "도금", "사이즈", "새겨", "공방 이야기", "랩그로운"})
    EXPECT_EQ(d.ko.description.find(absent), std::string::npos) << absent;
}

TEST(WriteCopy, OurOwnCopyPassesTheFactCheckForEveryKindOfPiece) {
  std::vector<CopyFacts> pieces{ring()};
  auto silver = ring();
  silver.metal = "silver";
  silver.purity = 925;
  silver.stones = {{"cubic_zirconia", "simulant", 5, 0}};
  pieces.push_back(silver);
  auto platinum = ring();
  platinum.metal = "platinum";
  platinum.purity = 950;
  platinum.category = "necklace";
  platinum.stones = {{"pearl", "natural", 1, 0}};
  platinum.made_to_order = true;
  platinum.lead_days = 14;
  pieces.push_back(platinum);
  auto pure = ring();
  pure.purity = 999;
  pure.colour = "rose";
  pure.eco = true;
  pure.stones = {{"moissanite", "lab_grown", 3, 50}};
  pieces.push_back(pure);
  for (const auto& f : pieces) {
    const auto problems = check_drafts(f, write_copy(f));
    EXPECT_TRUE(problems.empty()) << f.metal << ": "
                                  << (problems.empty() ? "" : problems[0].field + " " + problems[0].message);
  }
}

TEST(CheckCopy, AnotherKaratIsRefusedNamingBoth) {
  auto problems = check_copy(ring(), "title_en", "18K Gold Lab-Grown Diamond Ring");
  ASSERT_TRUE(has_code(problems, "karat"));
  EXPECT_NE(problems[0].message.find("18K"), std::string::npos);
  EXPECT_NE(problems[0].message.find("14K"), std::string::npos);
  EXPECT_EQ(problems[0].field, "title_en");
  EXPECT_TRUE(has_code(check_copy(ring(), "title_ko", "18금 반지"), "karat"));
  EXPECT_FALSE(has_code(check_copy(ring(), "title_ko", "14k 골드 반지"), "karat"));
  EXPECT_TRUE(has_code(check_copy(ring(), "title_ko", "스털링 실버 반지"), "fineness"));
  EXPECT_TRUE(has_code(check_copy(ring(), "title_ko", "순금 반지"), "fineness"));
  EXPECT_TRUE(has_code(check_copy(ring(), "title_en", "Pt950 ring"), "fineness"));
}

TEST(CheckCopy, ALabGrownStoneMustBeSaidToBeLabGrown) {
  EXPECT_TRUE(has_code(check_copy(ring(), "description_ko", "14K 골드 다이아몬드 반지입니다."), "lab_grown"));
  EXPECT_TRUE(has_code(check_copy(ring(), "title_en", "14K Gold Diamond Ring"), "lab_grown"));
  EXPECT_FALSE(has_code(check_copy(ring(), "title_en", "14K Gold Ring"), "lab_grown"));  // names no stone
  EXPECT_FALSE(
      has_code(check_copy(ring(), "description_en", "A lab-grown diamond on 14K gold."), "lab_grown"));
  EXPECT_FALSE(has_code(check_copy(ring(), "description_ko", "랩그로운 다이아몬드"), "lab_grown"));
}

TEST(CheckCopy, StonesMetalsWeightsAndNaturalMustBeThePieces) {
  EXPECT_TRUE(has_code(check_copy(ring(), "description_en", "lab-grown, with a ruby"), "stone"));
  EXPECT_TRUE(has_code(check_copy(ring(), "title_en", "Silver ring"), "metal"));
  EXPECT_FALSE(has_code(check_copy(ring(), "title_en", "Gold ring"), "metal"));
  EXPECT_TRUE(has_code(check_copy(ring(), "description_en", "lab-grown; weighs 3.2 g"), "weight"));
  EXPECT_FALSE(has_code(check_copy(ring(), "description_en", "lab-grown; weighs 2.45g"), "weight"));
  EXPECT_FALSE(has_code(check_copy(ring(), "description_ko", "랩그로운, 약 0.65돈"), "weight"));
  auto only_lab = ring();
  only_lab.stones = {{"diamond", "lab_grown", 1, 300}};
  EXPECT_TRUE(has_code(check_copy(only_lab, "description_en", "A natural lab-grown diamond"), "natural"));
  EXPECT_FALSE(
      has_code(check_copy(ring(), "description_en", "lab-grown diamond and natural sapphires"), "natural"));
  auto plated = ring();
  plated.metal = "silver";
  plated.purity = 925;
  plated.plating_metal = "gold";
  plated.stones.clear();
  EXPECT_TRUE(check_copy(plated, "title_en", "Gold-plated 925 Silver Ring").empty());
  EXPECT_TRUE(check_copy(plated, "title_en", "18K gold plated 925 Silver Ring").empty());
  EXPECT_TRUE(
      has_code(check_copy(plated, "title_ko", "18K 925 실버 반지"), "karat"));  // not said to be plated
  EXPECT_TRUE(has_code(check_copy(plated, "title_en", "Gold Ring"), "metal"));
}

}  // namespace
}  // namespace brilliant::marketing
