// The program report's facts read from a real database: paid orders' parcels with their channel (a live
// deal, a feed's link, the store), not unpaid or cancelled ones; joined workshops; published pieces; the
// parts in use.
#include "reports/repo.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::reports {
namespace {

class ReportRepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& sql) {
      sql << "INSERT INTO workshops (slug, name, status, created_at, updated_at) VALUES ('g', '금 공방', "
             "'active', "
             "'2026-01-01T00:00:00Z', 'x')";
      sql << "INSERT INTO workshops (slug, name, status, created_at, updated_at) VALUES ('s', '은 공방', "
             "'suspended', '2026-01-01T00:00:00Z', 'x')";
      sql << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('u@x', 'U', '', "
             "'x', "
             "'x')";
    });
  }
  // An order of `amount` won from workshop 1, in that status, paid at `paid` (empty: unpaid).
  long long order(const std::string& status, const std::string& paid, long long amount,
                  const std::string& source = "", const std::string& medium = "") {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      const std::string number = "BR-" + std::to_string(++n_), key = "k" + std::to_string(n_);
      soci::indicator paid_ind = paid.empty() ? soci::i_null : soci::i_ok;
      sql << "INSERT INTO orders (number, user_id, checkout_key, request_hash, status, payment_method, "
             "subtotal, "
             "shipping_fee, total, recipient, phone, postcode, address, locale, pay_by, paid_at, created_at, "
             "updated_at, utm_source, utm_medium) VALUES (:n, 1, :k, '', :st, 'bank_transfer', :s, 0, :t, "
             "'R', "
             "'010', '1', 'A', 'ko', 'x', :p, 'x', 'x', :us, :um) RETURNING id",
          soci::use(number), soci::use(key), soci::use(status), soci::use(amount), soci::use(amount),
          soci::use(paid, paid_ind), soci::use(source), soci::use(medium), soci::into(id);
      sql << "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, created_at, "
             "updated_at) VALUES (:o, 1, 'to_ship', :s, 0, 'x', 'x')",
          soci::use(id), soci::use(amount);
      return id;
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  int n_ = 0;
};

TEST_F(ReportRepoTest, PaidOrdersAreSalesWithTheirChannel) {
  order("paid", "2026-02-01T00:00:00Z", 10000);
  order("paid", "2026-02-02T00:00:00Z", 20000, "naver", "shopping_feed");
  order("awaiting_payment", "", 30000);
  order("cancelled", "2026-02-03T00:00:00Z", 40000);
  order("paid", "2025-05-01T00:00:00Z", 50000);  // another year
  const auto f = db->read([](soci::session& sql) { return repo::facts(sql, 2026); });
  ASSERT_EQ(f.sales.size(), 2u);
  EXPECT_EQ(f.sales[0].amount, 10000);
  EXPECT_EQ(f.sales[0].channel, "store");
  EXPECT_EQ(f.sales[0].workshop, "금 공방");
  EXPECT_EQ(f.sales[1].channel, "marketplaces");
  EXPECT_EQ(f.workshops.size(), 1u);  // the suspended one does not take part
  EXPECT_FALSE(f.live_in_use);
  EXPECT_FALSE(f.academy_in_use);
  EXPECT_FALSE(f.exhibitions_in_use);
}

TEST_F(ReportRepoTest, ALiveDealsOrderIsLive) {
  const auto id = order("paid", "2026-02-01T00:00:00Z", 10000);
  db->write([&](soci::session& sql) {
    sql << "INSERT INTO products (workshop_id, slug, category, title_ko, title_en, metal, purity, weight_mg, "
           "status, created_at, updated_at, published_at) VALUES (1, 'p', 'ring', 'p', 'p', 'gold', 585, 1, "
           "'published', 'x', 'x', '2026-03-01T00:00:00Z')";
    sql << "INSERT INTO variants (product_id, sku, position, stock, price, created_at, updated_at) VALUES "
           "(1, "
           "'p-1', 0, 1, 1000, 'x', 'x')";
    sql << "INSERT INTO live_shows (slug, workshop_id, title_ko, title_en, scheduled_at, state, "
           "stream_key_hash, "
           "created_by, created_at) VALUES ('s', 1, 'S', 'S', 'x', 'ended', 'k', 1, 'x')";
    sql << "INSERT INTO live_deals (show_id, variant_id, price, quantity, sold, duration_seconds, "
           "created_at) "
           "VALUES (1, 1, 900, 5, 1, 60, 'x')";
    sql << "INSERT INTO live_deal_orders (deal_id, user_id, order_id, quantity, created_at) VALUES (1, 1, "
           ":o, "
           "1, 'x')",
        soci::use(id);
  });
  const auto f = db->read([](soci::session& sql) { return repo::facts(sql, 2026); });
  ASSERT_EQ(f.sales.size(), 1u);
  EXPECT_EQ(f.sales[0].channel, "live");
  EXPECT_TRUE(f.live_in_use);
  EXPECT_EQ(f.published, std::vector<std::string>{"2026-03-01T00:00:00Z"});
}

}  // namespace
}  // namespace brilliant::reports
