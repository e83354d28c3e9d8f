// Coupons with a real database and checkout: the best coupon is applied and claimed with the order, a
// cancelled order gives it back, limits per shopper hold, and a budget is never overspent by orders
// placed at once. The workshop's share shows in its ledger.
#include "marketing/coupons.hpp"

#include <soci/soci.h>

#include <atomic>
#include <thread>

#include "marketing/customer_repo.hpp"
#include "orders/ledger.hpp"
#include "orders/testing.hpp"

namespace brilliant::marketing {
namespace {

class CouponsTest : public orders::OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    orders.set_discounts(&coupons);
  }
  Coupon make(CouponInput in, long long workshop = 0) {
    if (in.name_ko.empty()) in.name_ko = "할인", in.name_en = "Discount";
    if (in.starts_at.empty()) in.starts_at = "2026-01-01";
    auto made = coupons.create(in, workshop, 2);
    EXPECT_TRUE(made.ok()) << made.error().message;
    return *made;
  }
  std::string cart_with(const std::string& slug, long long user = 1) {
    return carts.add("", user, {.variant_id = variant[slug], .quantity = 1})->token;
  }
  long long spent(long long id) { return coupons.find(id)->coupon.spent; }

  Coupons coupons{*db, clock};
};

TEST_F(CouponsTest, TheBestAutomaticCouponIsAppliedClaimedAndGivenBackOnCancel) {
  const auto small = make({.kind = "fixed", .value = 5000, .automatic = true});
  const auto big = make({.kind = "percent", .value = 10, .automatic = true});
  const auto token = cart_with("moon-ring");
  auto preview = orders.preview(token, "", "", {1, ""});
  ASSERT_TRUE(preview.ok());
  ASSERT_TRUE(preview->plan.coupon);
  EXPECT_EQ(preview->plan.coupon->coupon_id, big.id);  // 12,000 beats 5,000
  EXPECT_EQ(preview->plan.discount, 12000);
  EXPECT_EQ(preview->plan.total, 120000 - 12000);  // the ring ships free
  auto order = orders.place(checkout(token));
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(order->discount, 12000);
  EXPECT_EQ(order->total, 108000);
  EXPECT_EQ(order->lines.at(0).discount, 12000);
  EXPECT_EQ(order->fulfilments.at(0).discount, 12000);
  EXPECT_EQ(order->discount_bearer, "hub");
  EXPECT_EQ(spent(big.id), 12000);
  EXPECT_EQ(spent(small.id), 0);
  EXPECT_EQ(coupons.find(big.id)->results.orders, 1);
  ASSERT_TRUE(orders.cancel(order->number, 1, orders::CancelledBy::shopper, "").ok());
  EXPECT_EQ(spent(big.id), 0);
  EXPECT_EQ(coupons.find(big.id)->results.orders, 0);
}

TEST_F(CouponsTest, ATypedCodeThatDoesNotApplyIsRefusedWithItsReasonAndNothingIsWritten) {
  make({.code = "RINGS20", .kind = "percent", .categories = "necklace", .value = 20});
  const auto token = cart_with("moon-ring");
  auto preview = orders.preview(token, "", "rings20", {1, ""});
  ASSERT_TRUE(preview.ok());
  ASSERT_TRUE(preview->coupon_refused);
  EXPECT_EQ(preview->coupon_refused->code, "coupon_no_pieces");
  EXPECT_FALSE(preview->plan.coupon);
  auto in = checkout(token);
  in.coupon_code = "rings20";
  auto refused = orders.place(in);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "coupon_code");
  in.coupon_code = "NOSUCH";
  EXPECT_EQ(orders.place(in).error().code, "coupon_unknown");
  EXPECT_EQ(stock("moon-ring"), 2);  // no order was made
}

TEST_F(CouponsTest, AShopperUsesACouponAsOftenAsItAllowsAndAFirstOrderCouponOnce) {
  const auto once = make({.code = "ONCE", .kind = "fixed", .value = 3000});
  auto in = checkout(cart_with("sun-cuff"), "key-a");
  in.coupon_code = "once";
  ASSERT_TRUE(orders.place(in).ok());
  in = checkout(cart_with("sun-cuff"), "key-b");
  in.coupon_code = "ONCE";
  EXPECT_EQ(orders.place(in).error().code, "coupon_used");
  EXPECT_EQ(spent(once.id), 3000);
  make({.code = "FIRST", .kind = "fixed", .value = 3000, .first_order = true});
  in.coupon_code = "FIRST";
  EXPECT_EQ(orders.place(in).error().code, "coupon_first_order");
}

TEST_F(CouponsTest, OrdersPlacedAtOnceNeverOverspendABudget) {
  const auto c = make({.code = "FLASH", .kind = "fixed", .value = 10000, .budget = 30000, .per_customer = 0});
  std::vector<std::string> tokens;
  for (int i = 0; i < 8; ++i) tokens.push_back(cart_with("sun-cuff"));
  std::atomic<int> with_coupon{0}, refused{0};
  std::vector<std::thread> shoppers;
  for (int i = 0; i < 8; ++i)
    shoppers.emplace_back([&, i] {
      auto in = checkout(tokens[i], "flash-key-" + std::to_string(i));
      in.coupon_code = "FLASH";
      auto placed = orders.place(in);
      if (placed.ok() && placed->discount == 10000) ++with_coupon;
      if (!placed.ok() && placed.error().field == "coupon_code") ++refused;
    });
  for (auto& t : shoppers) t.join();
  EXPECT_EQ(with_coupon.load(), 3);
  EXPECT_EQ(refused.load(), 5);
  EXPECT_EQ(spent(c.id), 30000);
  EXPECT_EQ(coupons.find(c.id)->results.orders, 3);
}

TEST_F(CouponsTest, AWorkshopsCouponCoversItsPiecesAndItsLedgerBearsIt) {
  // Workshop 2's coupon: the cuff is its piece, the ring (workshop 1) is not.
  make({.code = "SUN10", .kind = "percent", .value = 10}, 2);
  auto token = cart_with("moon-ring");
  ASSERT_TRUE(carts.add(token, 1, {.variant_id = variant["sun-cuff"], .quantity = 1}).ok());
  auto in = checkout(token);
  in.coupon_code = "SUN10";
  auto order = orders.place(in);
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(order->discount, 8000);
  EXPECT_EQ(order->discount_bearer, "workshop");
  for (const auto& f : order->fulfilments) {
    EXPECT_EQ(f.discount, f.workshop_id == 2 ? 8000 : 0);
    long long discount = 0, commission = 0;
    for (const auto& e : orders::confirmation_entries(*order, f)) {
      if (e.kind == "discount") discount += e.amount;
      if (e.kind == "commission") commission += e.amount;
    }
    EXPECT_EQ(discount, f.workshop_id == 2 ? -8000 : 0);
    EXPECT_LE(commission, 0);
  }
  // The workshop's share of the order: its parcel's total less its discount.
  const auto part = orders::workshop_part(*order, 2);
  EXPECT_EQ(part.discount, 8000);
  EXPECT_EQ(part.total, part.subtotal + part.shipping_fee - 8000);
}

TEST_F(CouponsTest, ASegmentsCouponIsOnlyForItsMembers) {
  db->write([](soci::session& s) {
    s << "INSERT INTO user_roles (user_id, role, created_at) VALUES (1, 'shopper', 'x')";
  });
  const auto segment = db->write(
      [](soci::session& sql) { return repo::save_segment(sql, "반지 고객", "category = ring", 2, "x"); });
  make({.code = "RINGFANS", .kind = "fixed", .value = 5000, .segment_id = segment});
  EXPECT_FALSE(coupons
                   .create({.code = "NOSEG",
                            .name_ko = "x",
                            .name_en = "x",
                            .kind = "fixed",
                            .starts_at = "2026-01-01",
                            .value = 5000,
                            .segment_id = segment + 9},
                           0, 2)
                   .ok());
  auto before = orders.preview(cart_with("sun-cuff"), "", "RINGFANS", {1, ""});
  EXPECT_EQ(before->coupon_refused->code, "coupon_segment");  // has not bought a ring yet
  const auto ring = one_ring_order("ring-first");
  ASSERT_TRUE(orders.mark_paid(ring.number, 2).ok());
  auto after = orders.preview(cart_with("sun-cuff"), "", "RINGFANS", {1, ""});
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->coupon_refused) << after->coupon_refused->message;
  EXPECT_EQ(after->plan.discount, 5000);
  auto guest = orders.preview(cart_with("sun-cuff", 0), "", "RINGFANS", {0, "guest@x.kr"});
  EXPECT_EQ(guest->coupon_refused->code, "coupon_segment");  // a guest is nobody's member
}

TEST_F(CouponsTest, PausedCouponsAreOnlyTheirOwnersToResume) {
  const auto c = make({.code = "OWN", .kind = "fixed", .value = 1000}, 1);
  EXPECT_FALSE(coupons.set_paused(c.id, true, 2).ok());  // another workshop's: not found
  ASSERT_TRUE(coupons.set_paused(c.id, true, 1).ok());
  auto preview = orders.preview(cart_with("moon-ring"), "", "OWN", {1, ""});
  EXPECT_EQ(preview->coupon_refused->code, "coupon_paused");
  EXPECT_EQ(coupons.list(1).size(), 1u);
  EXPECT_TRUE(coupons.list(2).empty());
  EXPECT_EQ(coupons.set_paused(c.id, false, 0)->coupon.paused, false);  // the operator
}

// The automatic coupons are kept between previews: a change made through Coupons is seen at once, and
// their dates are checked against the clock on every preview, not when they were read.
TEST_F(CouponsTest, KeptAutomaticCouponsFollowChangesAndTheirDates) {
  const auto token = cart_with("moon-ring");
  const auto discount = [&] { return orders.preview(token, "", "", {1, ""})->plan.discount; };
  EXPECT_EQ(discount(), 0);  // none yet (and that "none" is kept)
  const auto later = format_utc(clock.now() + std::chrono::hours(2));
  const auto c = make({.kind = "fixed", .value = 5000, .automatic = true});
  EXPECT_EQ(discount(), 5000);  // made here: offered at once
  ASSERT_TRUE(coupons.set_paused(c.id, true, 0).ok());
  EXPECT_EQ(discount(), 0);  // paused: at once
  const auto soon = make({.kind = "fixed", .starts_at = later, .value = 7000, .automatic = true});
  EXPECT_EQ(discount(), 0);  // kept, but not started
  clock.advance(std::chrono::hours(3));
  EXPECT_EQ(discount(), 7000);  // started: the kept copy is read against the clock
  EXPECT_GT(soon.id, c.id);
}

}  // namespace
}  // namespace brilliant::marketing
