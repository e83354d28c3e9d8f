// Marketing's wiring (marketing_wiring.cpp): a paid order teaches the recommendations through the whole
// app.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"
#include "db/database.hpp"
#include "marketing/copy_routes.hpp"

namespace brilliant::app {

namespace {
double score_of(const std::vector<marketing::Recommendation>& list, long long id) {
  for (const auto& r : list)
    if (r.id == id) return r.score;
  return 0;
}
}  // namespace

TEST(MarketingWiring, APaidOrderTeachesBoughtTogether) {
  SystemClock clock;
  TempApp temp(clock, "marketing-wiring");
  App& app = *temp;
  seed_demo(app, 12);
  auto& recs = app.recommendations();
  std::vector<std::pair<long long, long long>> pieces;  // (product, variant) with stock
  for (const auto& card : app.catalog().snapshot()->cards) {
    const auto product = app.catalog().product(card.slug);
    for (const auto& v : product->variants)
      if (v.stock > 0 && pieces.size() < 2) {
        pieces.emplace_back(card.id, v.id);
        break;
      }
  }
  ASSERT_EQ(pieces.size(), 2u);
  app.database().write([&](soci::session& sql) {  // still on sale after this order
    for (const auto& [product, variant] : pieces)
      sql << "UPDATE variants SET stock = 5 WHERE id = :v", soci::use(variant);
  });
  app.catalog().refresh();
  const auto [a, b] = std::pair{pieces[0].first, pieces[1].first};
  const double before = score_of(recs.also_like(a, 400), b);
  auto token = app.carts().add("", 0, {.variant_id = pieces[0].second, .quantity = 1})->token;
  ASSERT_TRUE(app.carts().add(token, 0, {.variant_id = pieces[1].second, .quantity = 1}));
  auto placed = app.orders().place({.cart_token = token,
                                    .email = "wiring@example.com",
                                    .address = {"김보석", "01012345678", "54538", "익산시 보석로 1", "", ""},
                                    .key = "marketing-wiring-order-key"});
  ASSERT_TRUE(placed) << placed.error().message;
  EXPECT_EQ(score_of(recs.also_like(a, 400), b), before);  // placed is not bought
  ASSERT_TRUE(app.orders().mark_paid(placed->number, 1));
  EXPECT_GT(score_of(recs.also_like(a, 400), b), before);
}

// Our generator on every piece of the demo catalog (gold, silver, platinum; plated; lab-grown, natural and
// simulant stones; workshops named "... Goldsmiths"): nothing it writes contradicts the piece.
TEST(MarketingWiring, EveryDemoPiecesCopyPassesItsOwnFactCheck) {
  SystemClock clock;
  TempApp temp(clock, "marketing-copy");
  App& app = *temp;
  seed_demo(app, 120);
  const catalog::Messages t = [](const std::string& key) { return key; };
  int checked = 0;
  for (const auto& card : app.catalog().snapshot()->cards) {
    const auto p = app.catalog().product(card.slug);
    const auto facts = marketing::copy_facts(*p, app.catalog().workshop_by_id(p->workshop_id), t, t);
    const auto problems = marketing::check_drafts(facts, marketing::write_copy(facts));
    EXPECT_TRUE(problems.empty()) << card.slug << ": " << problems[0].field << " " << problems[0].message;
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

}  // namespace brilliant::app
