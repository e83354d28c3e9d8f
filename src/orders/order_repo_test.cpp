#include "orders/order_repo.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::orders::repo {
namespace {

// Orders written straight into the tables (placing them is orders_test's business): reading them back
// many at once keeps the asked order, skips ids that are not there, and joins parcels, lines and events
// (the first, "placed", told by the order's own row).
TEST(OrderRepo, ReadsManyOrdersWholeInTheAskedOrder) {
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  db->write([](soci::session& s) {
    s << "INSERT INTO workshops (slug, name, name_en, created_at, updated_at) VALUES ('w', '공방', 'W', 'x', "
         "'x')";
    s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('a@x.kr', '김', "
         "'h', 'x', "
         "'x')";
    s << "INSERT INTO products (workshop_id, slug, status, category, title_ko, title_en, metal, purity, "
         "weight_mg, "
         "pricing, created_at, updated_at) VALUES (1, 'p', 'published', 'ring', 'p', 'p', 'gold', 585, 1000, "
         "'fixed', 'x', 'x')";
    s << "INSERT INTO variants (product_id, sku, created_at, updated_at) VALUES (1, 'P-1', 'x', 'x')";
    for (int i = 1; i <= 3; ++i) {
      const std::string n = std::to_string(i);
      s << "INSERT INTO orders (number, user_id, checkout_key, status, subtotal, shipping_fee, total, "
           "recipient, "
           "phone, postcode, address, pay_by, created_at, updated_at) VALUES ('BR-261126-AAAAAAA" +
               n + "', 1, 'k" + n + "', 'awaiting_payment', " + n + "000, 0, " + n +
               "000, '김', '010-1-1', '54538', '익산', 'x', 'x', 'x')";
      s << "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, created_at, "
           "updated_at) "
           "VALUES (" +
               n + ", 1, 'awaiting_payment', " + n + "000, 0, 'x', 'x')";
      s << "INSERT INTO order_lines (order_id, fulfilment_id, product_id, variant_id, slug, title_ko, "
           "title_en, sku, "
           "quantity, unit_price, line_total, pricing, created_at) VALUES (" +
               n + ", " + n + ", 1, 1, 'p', 'p', 'p', 'P-1', " + n + ", 1000, " + n + "000, 'fixed', 'x')";
    }
  });
  db->write([](soci::session& s) { record(s, 2, 0, "cancelled", "by the system", "2026-11-27T00:00:00Z"); });
  auto orders = db->read([](soci::session& s) { return load_many(s, {3, 99, 1, 2}); });
  ASSERT_EQ(orders.size(), 3u);
  EXPECT_EQ(orders[0].number, "BR-261126-AAAAAAA3");
  EXPECT_EQ(orders[1].number, "BR-261126-AAAAAAA1");
  EXPECT_EQ(orders[2].lines.at(0).quantity, 2);
  EXPECT_EQ(orders[2].fulfilments.at(0).workshop_slug, "w");
  ASSERT_EQ(orders[2].events.size(), 2u);
  EXPECT_EQ(orders[2].events[0].kind, "placed");  // told by the order's row: by its customer, at its making
  EXPECT_EQ(orders[2].events[0].actor, "김");
  EXPECT_EQ(orders[2].events[0].created_at, orders[2].created_at);
  EXPECT_EQ(orders[2].events[1].kind, "cancelled");
  EXPECT_EQ(orders[2].events[1].actor, "");  // the system
  EXPECT_EQ(orders[0].events.size(), 1u);
  EXPECT_EQ(orders[0].customer_email, "a@x.kr");
  EXPECT_TRUE(db->read([](soci::session& s) { return load_many(s, {}); }).empty());
  EXPECT_FALSE(db->read([](soci::session& s) { return load(s, "BR-261126-NOTTHERE"); }).has_value());
  EXPECT_EQ(db->read([](soci::session& s) { return load(s, "BR-261126-AAAAAAA2"); })->total, 2000);
}

}  // namespace
}  // namespace brilliant::orders::repo
