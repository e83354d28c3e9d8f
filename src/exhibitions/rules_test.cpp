// Exhibition rules: what a fair must say (errors name the field), exchange rates, prices in a visitor's
// currency, and the line sheet's words in four languages.
#include "exhibitions/rules.hpp"

#include <gtest/gtest.h>

namespace brilliant::exhibitions {
namespace {

ExhibitionInput fair() {
  return {" hk-2026 ", "홍콩 쇼",    "HK Show",    "Hong Kong", "hk", "",
          "1B",        "2026-03-04", "2026-03-08", "hkd",       0};
}

TEST(ExhibitionRules, AFairIsCheckedFieldByField) {
  auto ok = checked(fair());
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->slug, "hk-2026");
  EXPECT_EQ(ok->country, "HK");
  EXPECT_EQ(ok->currency, "HKD");
  const std::pair<void (*)(ExhibitionInput&), const char*> bad[] = {
      {[](ExhibitionInput& i) { i.slug = "HK 2026"; }, "slug"},
      {[](ExhibitionInput& i) { i.name_ko = " "; }, "name_ko"},
      {[](ExhibitionInput& i) { i.city = "a\nb"; }, "city"},
      {[](ExhibitionInput& i) { i.country = "HKG"; }, "country"},
      {[](ExhibitionInput& i) { i.currency = "H1D"; }, "currency"},
      {[](ExhibitionInput& i) { i.starts_on = "2026-13-01"; }, "starts_on"},
      {[](ExhibitionInput& i) { i.ends_on = "2026-03-01"; }, "ends_on"},
      {[](ExhibitionInput& i) { i.cost = -1; }, "cost"}};
  for (const auto& [spoil, field] : bad) {
    auto in = fair();
    spoil(in);
    auto refused = checked(in);
    ASSERT_FALSE(refused.ok()) << field;
    EXPECT_EQ(refused.error().field, field);
  }
  auto home = fair();
  home.currency = "";
  EXPECT_EQ(checked(home)->currency, "KRW");
}

TEST(ExhibitionRules, TheLineSheetSpeaksFourLanguages) {
  EXPECT_EQ(label("ko", "wholesale"), "도매가");
  EXPECT_EQ(label("en", "wholesale"), "Wholesale");
  EXPECT_EQ(label("zh", "wholesale"), "批发价");
  EXPECT_EQ(label("ja", "wholesale"), "卸売価格");
  EXPECT_EQ(label("fr", "wholesale"), "Wholesale");
  EXPECT_TRUE(known_language("ja"));
  EXPECT_FALSE(known_language("fr"));
}

}  // namespace
}  // namespace brilliant::exhibitions
