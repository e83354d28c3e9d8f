// The orders' reads (order_reads.cpp): what the packing station packs, in all and by workshop.
#include "orders/orders.hpp"

#include <gtest/gtest.h>

#include "orders/testing.hpp"

namespace brilliant::orders {
namespace {

class OrderReadsTest : public OrdersFixture {};

TEST_F(OrderReadsTest, ToShipListsPaidOrdersWithAParcelWaitingTheLongestPaidFirst) {
  const auto cuff = [&](const std::string& key) {  // made to order (workshop 2): any number of them
    auto t = carts.add("", 1, {.variant_id = variant["sun-cuff"], .quantity = 1})->token;
    auto placed = orders.place(checkout(t, key));
    EXPECT_TRUE(placed.ok()) << placed.error().message;
    return placed.value();
  };
  const auto unpaid = cuff("unpaid"), later = cuff("paid-later"), earlier = cuff("paid-earlier");
  auto token = carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = 1})->token;
  ASSERT_TRUE(carts.add(token, 1, {.variant_id = variant["sun-chain"], .quantity = 1}).ok());
  const auto two = orders.place(checkout(token, "two-parcels"));
  ASSERT_TRUE(two.ok()) << two.error().message;
  const auto now = clock.now();
  clock.set(now - std::chrono::hours(2));
  ASSERT_TRUE(orders.mark_paid(earlier.number, 2).ok());
  clock.set(now - std::chrono::hours(1));
  ASSERT_TRUE(orders.mark_paid(two->number, 2).ok());
  clock.set(now);
  ASSERT_TRUE(orders.mark_paid(later.number, 2).ok());
  // One of the two parcels leaves: the order stays listed for the other.
  ASSERT_TRUE(orders.ship(two->number, 2, 2, "cj", "601234567890").ok());
  const auto waiting = orders.to_ship();
  ASSERT_EQ(waiting.size(), 3u);  // not the unpaid one
  EXPECT_EQ(waiting[0].number, earlier.number);
  EXPECT_EQ(waiting[1].number, two->number);
  EXPECT_EQ(waiting[2].number, later.number);
  // One workshop's: the two-parcel order is listed for the moon workshop only, its sun parcel gone.
  const auto moon = orders.to_ship(50, "", "w1");
  ASSERT_EQ(moon.size(), 1u);
  EXPECT_EQ(moon[0].number, two->number);
  EXPECT_EQ(orders.to_ship(50, "", "w2").size(), 2u);
  EXPECT_TRUE(orders.to_ship(50, "", "nobody").empty());
  const auto counts = orders.waiting_by_workshop();  // the most waiting first
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].slug, "w2");
  EXPECT_EQ(counts[0].parcels, 2);
  EXPECT_EQ(counts[0].name_en, "Sun");
  EXPECT_EQ(counts[1].slug, "w1");
  EXPECT_EQ(counts[1].parcels, 1);
  EXPECT_EQ(orders.to_ship(1).size(), 1u);
  ASSERT_EQ(orders.to_ship(50, later.number).size(), 1u);
  EXPECT_TRUE(orders.to_ship(50, unpaid.number).empty());
  ASSERT_TRUE(orders.ship(later.number, 2, 2, "cj", "601234567891").ok());
  EXPECT_TRUE(orders.to_ship(50, later.number).empty());  // shipped: nothing left to pack
}

}  // namespace
}  // namespace brilliant::orders
