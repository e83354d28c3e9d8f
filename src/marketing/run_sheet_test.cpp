// A live show's run-sheet (run_sheet.cpp): the line-up in order with prices, talking points from the
// facts in both languages, and each piece's deals; pieces no longer on sale are left out.
#include "marketing/run_sheet.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "catalog/testing.hpp"
#include "marketing/copy_routes.hpp"

namespace brilliant::marketing {
namespace {

TEST(RunSheet, TheLineUpInOrderWithWhatToSayAndTheDeals) {
  live::Show show;
  show.slug = "friday-live";
  show.title_ko = "금요 라이브";
  show.scheduled_at = "2026-12-04T11:00:00Z";
  show.lineup = {11, 99};  // 99: no longer on sale
  live::Deal deal;
  deal.product_id = 11;
  deal.price = 300000;
  deal.regular_price = 412000;
  deal.quantity = 20;
  deal.per_customer = 2;
  deal.duration_seconds = 290;
  show.deals = {deal};
  const catalog::Messages t = [](const std::string& key) { return key; };
  auto sheet = run_sheet_json(
      show,
      [](long long id) -> std::optional<catalog::Product> {
        if (id != 11) return std::nullopt;
        auto p = catalog::sample_ring();
        p.price = 412000;
        return p;
      },
      [&t](const catalog::Product& p) {
        catalog::Workshop w;
        w.name_ko = "달빛 공방";
        return copy_facts(p, w, t, t);
      },
      "ko");
  EXPECT_EQ(sheet.at("title"), "금요 라이브");
  EXPECT_EQ(sheet.at("starts"), "2026-12-04 20:00");
  const auto& pieces = sheet.at("pieces").as_array();
  ASSERT_EQ(pieces.size(), 1u);
  const auto& ring = pieces[0].as_object();
  EXPECT_EQ(ring.at("order"), 1);
  EXPECT_EQ(ring.at("name"), "달빛 반지");
  EXPECT_EQ(ring.at("price_text"), "412,000원");
  EXPECT_EQ(ring.at("title"), "14K 로즈 골드 랩그로운 다이아몬드 반지");
  bool weight = false, lab = false;
  for (const auto& p : ring.at("points_ko").as_array()) {
    weight |= std::string(p.as_string()).find("2.45 g") != std::string::npos;
    lab |= std::string(p.as_string()).find("랩그로운") != std::string::npos;
  }
  EXPECT_TRUE(weight && lab);
  EXPECT_FALSE(ring.at("points_en").as_array().empty());
  const auto& deals = ring.at("deals").as_array();
  ASSERT_EQ(deals.size(), 1u);
  EXPECT_EQ(deals[0].at("price_text"), "300,000원");
  EXPECT_EQ(deals[0].at("minutes"), 5);
  EXPECT_EQ(deals[0].at("per_customer"), 2);
}

}  // namespace
}  // namespace brilliant::marketing
