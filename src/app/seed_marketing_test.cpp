// The marketing demo (seed_marketing.cpp): a synthetic year over the demo catalog and the demo coupons,
// once.
#include "app/seed_marketing.hpp"

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"

namespace brilliant::app {

TEST(SeedMarketing, AYearOfShoppersOnce) {
  SystemClock clock;
  TempApp temp(clock, "seed-marketing");
  App& app = *temp;
  seed_demo(app, 20);  // seeds marketing too
  auto& recs = app.recommendations();
  EXPECT_FALSE(recs.empty());
  const auto stats = recs.stats();
  EXPECT_GT(stats.view_pairs, 20u);
  EXPECT_GT(stats.purchase_pairs, 5u);
  EXPECT_EQ(seed_marketing(app), 0);  // not twice
  int from_history = 0;
  for (const auto& card : app.catalog().snapshot()->cards) {
    auto list = recs.also_like(card.id, 4);
    EXPECT_EQ(list.size(), 4u);
    for (const auto& r : list) from_history += r.reason != marketing::Reason::similar;
  }
  EXPECT_GT(from_history, 0);  // the synthetic year speaks
  // The demo's coupons: WELCOME10 for a first order, the demo workshop's own, once (and the one a demo
  // trainee made as the academy's practice task).
  const auto coupons = app.coupons().list();
  ASSERT_EQ(coupons.size(), 4u);
  bool welcome = false, workshop_own = false;
  for (const auto& row : coupons) {
    welcome = welcome || (row.coupon.code == "WELCOME10" && row.coupon.first_order && !row.coupon.paused);
    workshop_own = workshop_own || (row.coupon.code == "GOLD5000" && row.coupon.workshop_id != 0);
  }
  EXPECT_TRUE(welcome);
  EXPECT_TRUE(workshop_own);
  EXPECT_EQ(seed_coupons(app, "operator@brilliant.example"), 0);
}

}  // namespace brilliant::app
