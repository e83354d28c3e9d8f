// Exhibitions as JSON: the line sheet carries wholesale fields only when they may be seen; participation
// states as flags for the pages.
#include "exhibitions/views_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::exhibitions {
namespace {

Sheet japanese_sheet(bool wholesale) {
  Sheet s{"ja",      "Show", "Tokyo", "JP", "", "A1", "2026-05-01", "JPY", "https://b/ja/exhibitions/s",
          wholesale, {}};
  SheetLine l;
  l.product_id = 1;
  l.title = "リング";
  l.retail = "₩1,000";
  l.wholesale = wholesale ? "₩800" : "";
  l.min_quantity = wholesale ? "3" : "";
  s.lines.push_back(l);
  return s;
}

TEST(ExhibitionJson, WholesaleOnlyWhenAllowed) {
  auto hidden = sheet_json(japanese_sheet(false));
  EXPECT_FALSE(hidden.at("pieces").as_array().at(0).as_object().contains("wholesale"));
  EXPECT_EQ(hidden.at("words").at("wholesale").as_string(), "卸売価格");
  auto shown = sheet_json(japanese_sheet(true));
  EXPECT_EQ(shown.at("pieces").as_array().at(0).at("wholesale").as_string(), "₩800");
  EXPECT_EQ(shown.at("pieces").as_array().at(0).at("min_quantity").as_string(), "3");
  EXPECT_TRUE(shown.at("has_pieces").as_bool());
}

TEST(ExhibitionJson, FairsAndParticipants) {
  Exhibition e{7, {"s", "쇼", "Show", "Seoul", "KR", "", "", "2026-05-01", "2026-05-02", "KRW", 0}};
  EXPECT_EQ(exhibition_json(e, "en").at("name").as_string(), "Show");
  EXPECT_EQ(exhibition_json(e, "en").at("url").as_string(), "/en/exhibitions/s");
  EXPECT_EQ(exhibition_json(e, "ko").at("url").as_string(), "/exhibitions/s");
  const auto p = participant_json({1, "gold", "금 공방", "Gold", "selected", "", ""}, "en");
  EXPECT_EQ(p.at("workshop").as_string(), "Gold");
  EXPECT_TRUE(p.at("selected").as_bool());
  EXPECT_FALSE(p.at("applied").as_bool());
}

}  // namespace
}  // namespace brilliant::exhibitions
