// Coupon rules: what a coupon takes off, how it is split over lines and parcels, why it does not apply,
// and what the operator may type.
#include "marketing/coupon_rules.hpp"

#include <gtest/gtest.h>

namespace brilliant::marketing {
namespace {

const std::string now = "2026-12-05T03:00:00Z";

Coupon coupon(CouponKind kind, long long value) {
  Coupon c;
  c.id = 7;
  c.code = "WELCOME10";
  c.name_ko = "환영";
  c.name_en = "Welcome";
  c.kind = kind;
  c.value = value;
  c.starts_at = "2026-12-01T00:00:00Z";
  return c;
}

// Two workshops: a ring (100,001 won) and earrings (50,000) from workshop 1, a necklace (30,000) from 2,
// each parcel with a 3,000 won shipping fee.
Basket basket() {
  Basket b;
  b.lines = {{1, "ring", 100001}, {1, "earring", 50000}, {2, "necklace", 30000}};
  b.parcels = {{.workshop_id = 1, .subtotal = 150001, .shipping_fee = 3000, .lines = {0, 1}},
               {.workshop_id = 2, .subtotal = 30000, .shipping_fee = 3000, .lines = {2}}};
  return b;
}

TEST(CouponRules, APercentageIsSplitOverTheLinesAndAddsUpExactly) {
  auto d = discount_for(coupon(CouponKind::percent, 10), basket(), {}, now);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(amount_of(*d), 18000);  // 10 % of 180,001, rounded down
  long long sum = 0;
  for (auto part : d->lines) sum += part;
  EXPECT_EQ(sum, 18000);
  EXPECT_EQ(d->lines[2], 3000);  // in proportion: 30,000 of 180,001
  EXPECT_EQ(d->lines[0] + d->lines[1], 15000);
  EXPECT_EQ(d->shipping, (std::vector<long long>{0, 0}));
  EXPECT_FALSE(d->workshop_bears);
  EXPECT_EQ(d->code, "WELCOME10");
}

TEST(CouponRules, CapsCategoriesAndAWorkshopsOwnCoupon) {
  auto c = coupon(CouponKind::percent, 50);
  c.max_discount = 20000;
  c.categories = {"ring", "necklace"};
  auto d = discount_for(c, basket(), {}, now);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(amount_of(*d), 20000);
  EXPECT_EQ(d->lines[1], 0);  // earrings are not covered
  auto own = coupon(CouponKind::fixed, 10000);
  own.workshop_id = 2;
  d = discount_for(own, basket(), {}, now);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->lines, (std::vector<long long>{0, 0, 10000}));
  EXPECT_TRUE(d->workshop_bears);  // a workshop's coupon is its own cost
  own.value = 50000;               // never more than 90 % of the pieces it covers
  EXPECT_EQ(amount_of(discount_for(own, basket(), {}, now).value()), 27000);
}

TEST(CouponRules, FreeShippingCoversTheParcelsThatHoldCoveredPieces) {
  auto c = coupon(CouponKind::free_shipping, 0);
  c.categories = {"necklace"};
  auto d = discount_for(c, basket(), {}, now);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->shipping, (std::vector<long long>{0, 3000}));
  EXPECT_EQ(amount_of(*d), 3000);
  auto free_already = basket();
  free_already.parcels[1].shipping_fee = 0;
  EXPECT_EQ(discount_for(c, free_already, {}, now).error().code, "coupon_no_pieces");
}

TEST(CouponRules, SaysWhyItDoesNotApply) {
  auto c = coupon(CouponKind::percent, 10);
  const auto why = [&](const Coupon& x, ShopperRecord s = {}) {
    auto d = discount_for(x, basket(), s, now);
    return d.ok() ? std::string("applies") : d.error().code + "/" + d.error().field;
  };
  EXPECT_EQ(why(c), "applies");
  auto paused = c;
  paused.paused = true;
  EXPECT_EQ(why(paused), "coupon_paused/coupon_code");
  auto later = c;
  later.starts_at = "2026-12-06T00:00:00Z";
  EXPECT_EQ(why(later), "coupon_not_started/coupon_code");
  auto ended = c;
  ended.ends_at = now;
  EXPECT_EQ(why(ended), "coupon_expired/coupon_code");
  auto first = c;
  first.first_order = true;
  EXPECT_EQ(why(first, {.earlier_orders = 1}), "coupon_first_order/coupon_code");
  EXPECT_EQ(why(first, {.earlier_orders = 1, .anonymous = true}), "applies");  // checked when they order
  EXPECT_EQ(why(c, {.uses = 1}), "coupon_used/coupon_code");
  auto unlimited = c;
  unlimited.per_customer = 0;
  EXPECT_EQ(why(unlimited, {.uses = 9}), "applies");
  auto minimum = c;
  minimum.min_subtotal = 200000;
  EXPECT_EQ(why(minimum), "coupon_minimum/coupon_code");
  auto bracelets = c;
  bracelets.categories = {"bracelet"};
  EXPECT_EQ(why(bracelets), "coupon_no_pieces/coupon_code");
  auto members = c;
  members.segment_id = 4;
  EXPECT_EQ(why(members, {.in_segment = false}), "coupon_segment/coupon_code");
  EXPECT_EQ(why(members, {.in_segment = true}), "applies");
  auto spent = c;
  spent.budget = 100000;
  spent.spent = 100000;
  EXPECT_EQ(why(spent), "coupon_budget_used/coupon_code");
}

TEST(CouponRules, TheLastOfABudgetStillGivesWhatIsLeft) {
  auto c = coupon(CouponKind::percent, 10);
  c.budget = 100000;
  c.spent = 95000;
  EXPECT_EQ(amount_of(discount_for(c, basket(), {}, now).value()), 5000);
}

TEST(CouponRules, CodesAndInputAreChecked) {
  EXPECT_EQ(coupon_code("  welcome10 ").value(), "WELCOME10");
  EXPECT_EQ(coupon_code("ab").error().field, "coupon_code");
  EXPECT_FALSE(coupon_code("WELCOME 10").ok());
  EXPECT_FALSE(coupon_code("할인쿠폰").ok());
  CouponInput in{.code = "xmas-5000",
                 .name_ko = "성탄 할인",
                 .name_en = "Christmas",
                 .kind = "fixed",
                 .categories = "Ring, necklace,",
                 .starts_at = "2026-12-20",
                 .ends_at = "2026-12-25",
                 .value = 5000};
  auto c = check_coupon(in);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->code, "XMAS-5000");
  EXPECT_EQ(c->categories, (std::vector<std::string>{"ring", "necklace"}));
  EXPECT_EQ(c->starts_at, "2026-12-19T15:00:00Z");  // Seoul midnight
  EXPECT_EQ(c->ends_at, "2026-12-25T15:00:00Z");    // through the 25th, Seoul time
  const auto field_of = [&](auto change) {
    auto x = in;
    change(x);
    auto r = check_coupon(x);
    return r.ok() ? std::string("ok") : r.error().field;
  };
  EXPECT_EQ(field_of([](CouponInput& x) { x.kind = "bogo"; }), "kind");
  EXPECT_EQ(field_of([](CouponInput& x) { x.value = 50; }), "value");
  EXPECT_EQ(field_of([](CouponInput& x) { x.kind = "percent", x.value = 95; }), "value");
  EXPECT_EQ(field_of([](CouponInput& x) { x.name_ko = " "; }), "name_ko");
  EXPECT_EQ(field_of([](CouponInput& x) { x.ends_at = "2026-12-10"; }), "ends_at");
  EXPECT_EQ(field_of([](CouponInput& x) { x.starts_at = "soon"; }), "starts_at");
  EXPECT_EQ(field_of([](CouponInput& x) { x.budget = -1; }), "budget");
  EXPECT_EQ(field_of([](CouponInput& x) { x.categories = "rings; chains"; }), "categories");
  EXPECT_EQ(field_of([](CouponInput& x) { x.automatic = true, x.code = ""; }), "ok");
}

TEST(CouponRules, DescribesItselfInBothLanguages) {
  auto c = coupon(CouponKind::percent, 10);
  c.max_discount = 30000;
  c.min_subtotal = 50000;
  c.first_order = true;
  EXPECT_EQ(describe(c, "en"), "10% off (up to ₩30,000) · from ₩50,000 · first order");
  EXPECT_EQ(describe(c, "ko"), "10% 할인 (최대 30,000원) · 50,000원 이상 · 첫 주문");
  EXPECT_EQ(describe(coupon(CouponKind::free_shipping, 0), "en"), "Free shipping");
}

}  // namespace
}  // namespace brilliant::marketing
