#include "orders/workshop_sales_repo.hpp"

#include <gtest/gtest.h>

#include "catalog/repo.hpp"
#include "catalog/testing.hpp"
#include "db/testing.hpp"

namespace brilliant::orders::repo {

class WorkshopSalesTest : public ::testing::Test {
 protected:
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  long long mine = 0, theirs = 0, product = 0, variant = 0, cart = 0;
  int orders = 0;
  void SetUp() override {
    db->write([&](soci::session& sql) {
      mine = catalog::repo::insert_workshop(sql, {0, "mine", "내 공방", "Mine", "", "", "", "", 0, "active"},
                                            "x");
      theirs = catalog::repo::insert_workshop(
          sql, {0, "theirs", "남 공방", "Theirs", "", "", "", "", 0, "active"}, "x");
      auto p = catalog::sample_ring();
      p.id = 0;
      p.workshop_id = mine;
      for (auto& v : p.variants) v.id = 0;
      product = catalog::repo::insert_product(sql, p, "x");
      sql << "SELECT MIN(id) FROM variants WHERE product_id = :p", soci::use(product), soci::into(variant);
      sql << "INSERT INTO carts (token_hash, created_at, updated_at) VALUES ('h', 'x', 'x') RETURNING id",
          soci::into(cart);
    });
  }
  // An order with one parcel of `workshop`, placed at `at` (and paid then, when paid); with `lines` lines
  // of the product.
  void order(long long workshop, const std::string& status, const std::string& at, long long subtotal,
             const std::string& parcel = "to_ship", int lines = 0) {
    db->write([&](soci::session& sql) {
      const std::string number = "BR-" + std::to_string(++orders);
      long long id = 0;
      soci::indicator paid = status == "paid" ? soci::i_ok : soci::i_null;
      sql << "INSERT INTO orders (number, checkout_key, status, subtotal, shipping_fee, total, recipient, "
             "phone, "
             "postcode, address, pay_by, paid_at, created_at, updated_at) VALUES (:n, :k, :s, :st, 0, :t, "
             "'r', "
             "'p', '54500', 'a', :pb, :pa, :c, :u) RETURNING id",
          soci::use(number), soci::use(number), soci::use(status), soci::use(subtotal), soci::use(subtotal),
          soci::use(at), soci::use(at, paid), soci::use(at), soci::use(at), soci::into(id);
      sql << "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, created_at, "
             "updated_at) VALUES (:o, :w, :s, :st, 0, :c, :u)",
          soci::use(id), soci::use(workshop), soci::use(parcel), soci::use(subtotal), soci::use(at),
          soci::use(at);
      long long fulfilment = 0;
      sql << "SELECT id FROM fulfilments WHERE order_id = :o", soci::use(id), soci::into(fulfilment);
      for (int i = 0; i < lines; ++i)
        sql << "INSERT INTO order_lines (order_id, fulfilment_id, product_id, variant_id, slug, title_ko, "
               "title_en, sku, quantity, unit_price, line_total, pricing, created_at) VALUES (:o, :f, :p, "
               ":v, "
               "'s', 't', 't', 'sku', 1, 1000, 1000, 'fixed', :c)",
            soci::use(id), soci::use(fulfilment), soci::use(product), soci::use(variant), soci::use(at);
    });
  }
  void add_to_cart(const std::string& at) {
    db->write([&](soci::session& sql) {
      sql << "INSERT INTO cart_lines (cart_id, product_id, variant_id, quantity, unit_price, created_at, "
             "updated_at) VALUES (:c, :p, :v, 1, 1000, :a, :u)",
          soci::use(cart), soci::use(product), soci::use(variant), soci::use(at), soci::use(at);
    });
  }
};

TEST_F(WorkshopSalesTest, CountsTheWorkshopsOrdersRevenueParcelsAndCartAdds) {
  const std::string since_7 = "2026-11-22T00:00:00Z", since_30 = "2026-10-30T00:00:00Z";
  order(mine, "paid", "2026-11-28T00:00:00Z", 100000);
  order(mine, "awaiting_payment", "2026-11-10T00:00:00Z", 50000, "awaiting_payment");
  order(mine, "cancelled", "2026-11-27T00:00:00Z", 70000, "cancelled");
  order(mine, "paid", "2026-09-01T00:00:00Z", 900000, "shipped");  // too old
  order(theirs, "paid", "2026-11-28T00:00:00Z", 300000);
  add_to_cart("2026-11-28T00:00:00Z");
  add_to_cart("2026-11-01T00:00:00Z");
  add_to_cart("2026-09-01T00:00:00Z");

  auto s = workshop_sales(*db, mine, since_7, since_30);
  EXPECT_EQ(s.orders_7, 1);
  EXPECT_EQ(s.orders_30, 2);
  EXPECT_EQ(s.revenue_30, 100000);
  EXPECT_EQ(s.to_ship, 1);
  EXPECT_EQ(s.adds_7, 1);
  EXPECT_EQ(s.adds_30, 2);
  EXPECT_EQ(s.adds_by_product.at(product), 2);
  auto other = workshop_sales(*db, theirs, since_7, since_30);
  EXPECT_EQ(other.revenue_30, 300000);
  EXPECT_EQ(other.adds_30, 0);
}

// A piece bought was put in a cart first: placing the order empties the cart, and the line still counts as
// added, so the add-to-cart rate is never below the orders' (an exchange's replacement line is not counted).
TEST_F(WorkshopSalesTest, LinesThatLeftTheCartForAnOrderCountAsAdded) {
  const std::string since_7 = "2026-11-22T00:00:00Z", since_30 = "2026-10-30T00:00:00Z";
  order(mine, "paid", "2026-11-28T00:00:00Z", 2000, "to_ship", 2);
  order(mine, "cancelled", "2026-11-10T00:00:00Z", 1000, "cancelled", 1);
  order(mine, "paid", "2026-09-01T00:00:00Z", 1000, "shipped", 1);  // too old
  add_to_cart("2026-11-28T00:00:00Z");
  db->write([&](soci::session& sql) {
    sql << "UPDATE order_lines SET replaces_line_id = (SELECT MIN(id) FROM order_lines) WHERE id = (SELECT "
           "MAX(id) FROM order_lines WHERE order_id = (SELECT id FROM orders WHERE number = 'BR-1'))";
  });

  auto s = workshop_sales(*db, mine, since_7, since_30);
  EXPECT_EQ(s.adds_7, 2);   // one line of BR-1 and the cart's
  EXPECT_EQ(s.adds_30, 3);  // and the cancelled order's
  EXPECT_EQ(s.adds_by_product.at(product), 3);
  EXPECT_EQ(workshop_sales(*db, theirs, since_7, since_30).adds_30, 0);
}

}  // namespace brilliant::orders::repo
