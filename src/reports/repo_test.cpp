// The program report's facts read from a real database: paid orders' parcels with their channel (a live
// deal, a feed's link, the store), not unpaid or cancelled ones; joined workshops; published pieces; the
// parts in use.
#include "reports/repo.hpp"

#include <gtest/gtest.h>

#include "reports/testing.hpp"

namespace brilliant::reports {
namespace {

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
  EXPECT_EQ(f.sales[0].workshop_en, "Gold Workshop");  // for English readers of the report
  EXPECT_EQ(f.sales[1].channel, "marketplaces");
  EXPECT_EQ(f.workshops.size(), 1u);  // the suspended one does not take part
  EXPECT_FALSE(f.in_use.live);
  EXPECT_FALSE(f.in_use.academy);
  EXPECT_FALSE(f.in_use.exhibitions);
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
  EXPECT_TRUE(f.in_use.live);
  EXPECT_EQ(f.published, std::vector<std::string>{"2026-03-01T00:00:00Z"});
}

TEST_F(ReportRepoTest, AnOrderFromABuyersQuoteIsB2bAndFairsCountLeadsAndContracts) {
  const auto id = order("paid", "2026-04-01T00:00:00Z", 10000);
  order("paid", "2026-04-02T00:00:00Z", 20000);
  db->write([&](soci::session& sql) {
    sql << "INSERT INTO products (workshop_id, slug, category, title_ko, title_en, metal, purity, weight_mg, "
           "status, created_at, updated_at) VALUES (1, 'p', 'ring', 'p', 'p', 'gold', 585, 1, 'published', "
           "'x', "
           "'x')";
    sql << "INSERT INTO quotes (number, buyer_id, workshop_id, product_id, variant_id, quantity, status, "
           "order_id, requested_at, updated_at) VALUES ('Q-260401-AAAAAA', 1, 1, 1, 1, 10, 'ordered', :o, "
           "'x', "
           "'x')",
        soci::use(id);
    sql << "INSERT INTO quote_events (quote_id, status, at) VALUES (1, 'ordered', '2026-04-01T01:00:00Z')";
    sql << "INSERT INTO exhibitions (slug, name_ko, name_en, city, country, starts_on, ends_on, created_at, "
           "updated_at) VALUES ('f', 'F', 'F', 'Bangkok', 'TH', '2026-03-01', '2026-03-03', 'x', 'x')";
    for (const std::string at : {"2026-03-01T02:00:00Z", "2026-03-02T02:00:00Z", "2025-03-02T02:00:00Z"})
      sql << "INSERT INTO exhibition_leads (exhibition_id, client_id, name, source, captured_at, created_at, "
             "updated_at) VALUES (1, :c, 'Lead', 'booth', :a, 'x', 'x')",
          soci::use(at), soci::use(at);
  });
  const auto f = db->read([](soci::session& sql) { return repo::facts(sql, 2026); });
  ASSERT_EQ(f.sales.size(), 2u);
  EXPECT_EQ(f.sales[0].channel, "b2b");
  EXPECT_EQ(f.sales[1].channel, "store");
  EXPECT_TRUE(f.in_use.b2b);
  EXPECT_TRUE(f.in_use.exhibitions);
  EXPECT_EQ(f.leads.size(), 2u);  // not last year's
  EXPECT_EQ(f.contracts, std::vector<std::string>{"2026-04-01T01:00:00Z"});
}

}  // namespace
}  // namespace brilliant::reports
