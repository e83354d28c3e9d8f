#include "live/deal.hpp"

#include <gtest/gtest.h>

#include "core/testing.hpp"

namespace brilliant::live {
namespace {

const TimePoint deal_t0 = at("2026-12-01T00:00:00Z");

Deal open_deal() {
  Deal d;
  d.quantity = 5;
  d.sold = 3;
  d.per_customer = 2;
  d.starts_at = format_utc(deal_t0);
  d.ends_at = format_utc(deal_t0 + std::chrono::seconds(300));
  return d;
}

TEST(Deal, InputMustUndercutTheRegularPriceWithinBounds) {
  DealInput in{7, 90000, 50, 1, 300};
  EXPECT_TRUE(check_deal(in, 100000));
  EXPECT_EQ(check_deal(in, 90000).error().field, "price");
  auto bad = in;
  bad.quantity = 0;
  EXPECT_EQ(check_deal(bad, 100000).error().field, "quantity");
  bad = in;
  bad.per_customer = 11;
  EXPECT_EQ(check_deal(bad, 100000).error().field, "per_customer");
  bad = in;
  bad.duration_seconds = 5;
  EXPECT_EQ(check_deal(bad, 100000).error().field, "duration_seconds");
  bad = in;
  bad.variant_id = 0;
  EXPECT_EQ(check_deal(bad, 100000).error().field, "variant_id");
}

TEST(Deal, PhaseFollowsTheServerClock) {
  Deal d = open_deal();
  EXPECT_EQ(phase_of(d, deal_t0 - std::chrono::seconds(1)), DealPhase::waiting);
  EXPECT_EQ(phase_of(d, deal_t0), DealPhase::open);
  EXPECT_EQ(seconds_left(d, deal_t0 + std::chrono::milliseconds(500)), 300);
  EXPECT_EQ(phase_of(d, deal_t0 + std::chrono::seconds(300)), DealPhase::closed);
  EXPECT_EQ(seconds_left(d, deal_t0 + std::chrono::seconds(300)), 0);
  d.sold = d.quantity;
  EXPECT_EQ(phase_of(d, deal_t0), DealPhase::sold_out);
  Deal waiting;
  EXPECT_EQ(phase_of(waiting, deal_t0), DealPhase::waiting);
  EXPECT_EQ(phase_name(DealPhase::sold_out), "sold_out");
}

TEST(Deal, PurchasesAreRefusedWithTheReason) {
  const Deal d = open_deal();
  EXPECT_TRUE(check_purchase(d, 0, 2, deal_t0));
  EXPECT_EQ(check_purchase(d, 0, 3, deal_t0).error().code, "deal_too_few_left");
  EXPECT_EQ(check_purchase(d, 1, 2, deal_t0).error().code, "deal_limit_reached");
  EXPECT_EQ(check_purchase(d, 0, 1, deal_t0 - std::chrono::seconds(1)).error().code, "deal_not_started");
  EXPECT_EQ(check_purchase(d, 0, 1, deal_t0 + std::chrono::seconds(301)).error().code, "deal_over");
  auto gone = d;
  gone.sold = gone.quantity;
  EXPECT_EQ(check_purchase(gone, 0, 1, deal_t0).error().code, "deal_sold_out");
  EXPECT_EQ(check_purchase(d, 0, 0, deal_t0).error().field, "quantity");
}

}  // namespace
}  // namespace brilliant::live
