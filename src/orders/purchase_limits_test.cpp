// Per-customer purchase limits on the test orders (orders/testing.hpp): the moon ring limited to one per
// customer; a second order is refused and takes nothing, a cancelled order frees the count, a guest is
// counted by email, B2B orders are not counted.
#include "orders/purchase_limits.hpp"

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "orders/testing.hpp"

namespace brilliant::orders {
namespace {

class PurchaseLimitsTest : public OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    db->write(
        [](soci::session& s) { s << "UPDATE products SET per_customer_limit = 1 WHERE slug = 'moon-ring'"; });
    catalog.refresh();
  }
  Result<Order> order_of(long long user, const std::string& key, int quantity = 1,
                         const std::string& email = "") {
    auto token = carts.add("", user, {.variant_id = variant["moon-ring"], .quantity = quantity})->token;
    auto c = checkout(token, key);
    c.user_id = user;
    c.email = email;
    return orders.place(c);
  }
};

TEST_F(PurchaseLimitsTest, ASecondPieceIsRefusedAndTakesNothingUntilTheFirstOrderIsCancelled) {
  EXPECT_EQ(catalog.product("moon-ring")->per_customer_limit, 1);
  const auto first = order_of(1, "limit-key-first-1");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(stock("moon-ring"), 1);
  const auto second = order_of(1, "limit-key-second-1");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, "purchase_limit");
  EXPECT_EQ(second.error().field, "cart");
  EXPECT_NE(second.error().message.find("bought 1 already"), std::string::npos);
  EXPECT_EQ(stock("moon-ring"), 1);  // the refused order took no stock
  ASSERT_TRUE(orders.cancel(first->number, 1, CancelledBy::shopper, "").ok());
  EXPECT_TRUE(order_of(1, "limit-key-third-1").ok());
}

TEST_F(PurchaseLimitsTest, TwoInOneCartAreRefusedAndAGuestIsCountedByEmail) {
  // The cart says so first (the order's transaction would too).
  const auto two = carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = 2});
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().code, "purchase_limit");
  EXPECT_TRUE(order_of(0, "limit-key-guest-12345", 1, "guest@x.kr").ok());
  const auto again = order_of(0, "limit-key-guest-67890", 1, "GUEST@x.kr");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "purchase_limit");
  EXPECT_EQ(purchase_limits::buyer_key(0, "guest@x.kr"), "e:guest@x.kr");
  EXPECT_EQ(purchase_limits::buyer_key(7, "a@x.kr"), "u:7");
}

}  // namespace
}  // namespace brilliant::orders
