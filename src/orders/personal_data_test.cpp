#include "orders/personal_data.hpp"

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "orders/testing.hpp"

namespace brilliant::orders {
namespace {

TEST(ReducedName, KeepsTheFirstLetterOnly) {
  EXPECT_EQ(reduced_name("김지민"), "김**");
  EXPECT_EQ(reduced_name("  Kim Jimin "), "K********");
  EXPECT_EQ(reduced_name("이"), "이**");  // never tells the length of a short name
  EXPECT_EQ(reduced_name(""), "");
}

TEST(ReducedAddress, KeepsTheProvinceAndCity) {
  EXPECT_EQ(reduced_address("전북 익산시 왕궁면 보석로 7"), "전북 익산시");
  EXPECT_EQ(reduced_address("  서울특별시   강남구 테헤란로 1 "), "서울특별시 강남구");
  EXPECT_EQ(reduced_address("제주"), "제주");
  EXPECT_EQ(reduced_address(""), "");
}

struct ForgetCustomer : OrdersFixture {};

TEST_F(ForgetCustomer, AnOpenOrderIsRefusedThenTheRecordKeepsOnlyWhatItNeeds) {
  const auto order = one_ring_order("key-forget");  // the shopper's, awaiting payment
  ASSERT_EQ(orders.open_orders_of(1), 1);
  auto refused = orders.forget_customer(1);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "orders_open");
  EXPECT_EQ(refused.error().field, "orders");
  ASSERT_TRUE(orders.cancel(order.number, 1, CancelledBy::shopper, ""));
  ASSERT_EQ(orders.open_orders_of(1), 0);
  auto reduced = orders.forget_customer(1);
  ASSERT_TRUE(reduced) << reduced.error().message;
  EXPECT_EQ(*reduced, 1);
  const auto after = orders.find(order.number);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->address.recipient, "김**");
  EXPECT_EQ(after->address.phone, "");
  EXPECT_EQ(after->address.postcode, "");
  EXPECT_EQ(after->address.address, "익산시 보석로");
  EXPECT_EQ(after->total, order.total);  // the record of the contract stays whole
  EXPECT_EQ(after->lines.size(), order.lines.size());
  EXPECT_EQ(after->events.back().kind, "personal_data_reduced");
  auto again = orders.forget_customer(1);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);  // once
}

TEST_F(ForgetCustomer, GuestOrdersArePastTheirRetentionOnlyAfterFiveYears) {
  auto token = carts.add("", 0, {.variant_id = variant["moon-ring"], .quantity = 1})->token;
  auto guest = checkout(token, "guest-key-0123456789");
  guest.user_id = 0;
  guest.email = "guest@example.com";
  auto placed = orders.place(guest);
  ASSERT_TRUE(placed) << placed.error().message;
  const auto& order = *placed;
  EXPECT_EQ(orders.reduce_old_guest_orders(), 0);
  clock.advance(std::chrono::hours(24) * (guest_retention_days + 1));
  EXPECT_EQ(orders.reduce_old_guest_orders(), 1);
  const auto after = orders.find(order.number);
  EXPECT_EQ(after->address.phone, "");
  EXPECT_EQ(after->customer_email, "");
  EXPECT_EQ(orders.reduce_old_guest_orders(), 0);
}

}  // namespace
}  // namespace brilliant::orders
