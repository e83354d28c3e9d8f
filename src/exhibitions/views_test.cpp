// The line sheet per language: the piece's own Korean and English, the workshop's Chinese, the English
// (marked) where a Japanese translation is missing, prices in won and in the fair's currency, and the
// wholesale price only when allowed.
#include "exhibitions/views.hpp"

#include <gtest/gtest.h>

#include "exhibitions/testing.hpp"

namespace brilliant::exhibitions {
namespace {

class SheetTest : public ExhibitionsTest {
 protected:
  std::vector<SheetSource> sources(const std::string& lang) {
    auto product = catalog.product("sun-ring").value();
    std::optional<Translation> t;
    if (lang == "zh") t = Translation{"太阳戒指", "太阳的故事", false};
    return {{{product.id, 1, "sun-ring", 90000, 5}, product, catalog.workshop_by_id(1), t}};
  }
  Exhibition fair() { return {1, checked(hong_kong()).value()}; }
};

TEST_F(SheetTest, EachLanguageHasItsOwnWords) {
  auto ko = make_sheet(fair(), sources("ko"), "ko", 176500, false, "https://b.example");
  EXPECT_EQ(ko.name, "홍콩 주얼리 쇼");
  EXPECT_EQ(ko.url, "https://b.example/exhibitions/hk-2026");
  ASSERT_EQ(ko.lines.size(), 1u);
  EXPECT_EQ(ko.lines[0].title, "해 반지");
  EXPECT_EQ(ko.lines[0].material, "14K 금");
  EXPECT_EQ(ko.lines[0].retail, "₩120,000");
  EXPECT_EQ(ko.lines[0].retail_foreign, "HK$679.89");
  EXPECT_TRUE(ko.lines[0].wholesale.empty());
  EXPECT_EQ(ko.dates, "2026-03-04 – 2026-03-08");
  auto zh = make_sheet(fair(), sources("zh"), "zh", 176500, true, "https://b.example");
  EXPECT_EQ(zh.url, "https://b.example/zh/exhibitions/hk-2026");
  EXPECT_EQ(zh.lines[0].title, "太阳戒指");
  EXPECT_EQ(zh.lines[0].material, "14K 金");
  EXPECT_FALSE(zh.lines[0].fallback);
  EXPECT_EQ(zh.lines[0].wholesale, "₩90,000");
  EXPECT_EQ(zh.lines[0].min_quantity, "5");
  EXPECT_EQ(zh.name, "Hong Kong Jewellery Show");
  auto ja = make_sheet(fair(), sources("ja"), "ja", 0, false, "https://b.example");
  EXPECT_EQ(ja.lines[0].title, "Sun ring");
  EXPECT_TRUE(ja.lines[0].fallback);
  EXPECT_EQ(ja.lines[0].material, "14K ゴールド");
  EXPECT_TRUE(ja.lines[0].retail_foreign.empty());  // no rate yet
  EXPECT_NE(ja.lines[0].url.find("utm_source=exhibition"), std::string::npos);
}

TEST_F(SheetTest, TitlesDraftedFromFacts) {
  const auto ring = catalog.product("sun-ring").value();
  EXPECT_EQ(draft_title(ring, "zh"), "14K 金 戒指");
  EXPECT_EQ(draft_title(ring, "ja"), "14K ゴールド リング");
}

TEST_F(SheetTest, PathsPerLanguage) {
  EXPECT_EQ(sheet_path("hk", "ko"), "/exhibitions/hk");
  EXPECT_EQ(sheet_path("hk", "en"), "/en/exhibitions/hk");
  EXPECT_EQ(sheet_path("hk", "ja"), "/ja/exhibitions/hk");
}

}  // namespace
}  // namespace brilliant::exhibitions
