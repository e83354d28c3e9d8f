#include "vendors/console/console_repo.hpp"

#include <gtest/gtest.h>

#include "catalog/repo.hpp"
#include "catalog/testing.hpp"
#include "db/testing.hpp"

namespace brilliant::vendors::repo {

class ConsoleRepoTest : public ::testing::Test {
 protected:
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  long long mine = 0, theirs = 0;
  void SetUp() override {
    db->write([&](soci::session& sql) {
      mine = catalog::repo::insert_workshop(sql, {0, "mine", "내 공방", "Mine", "", "", "", "", 0, "active"},
                                            "x");
      theirs = catalog::repo::insert_workshop(
          sql, {0, "theirs", "남 공방", "Theirs", "", "", "", "", 0, "active"}, "x");
      add(sql, mine, "moon-ring-a1", "published", 3, 1);
      add(sql, mine, "old-ring-a2", "archived", 0, 0);
      add(sql, theirs, "sun-ring-a3", "published", 0, 0);
    });
  }
  void add(soci::session& sql, long long workshop, const std::string& slug, const std::string& status,
           int stock_a, int stock_b) {
    auto p = catalog::sample_ring();
    p.id = 0;
    p.workshop_id = workshop;
    p.slug = slug;
    p.status = catalog::product_status(status).value();
    for (auto& v : p.variants) {
      v.id = 0;
      v.sku = slug + "-" + v.sku;
    }
    p.variants[0].stock = stock_a;
    p.variants[1].stock = stock_b;
    catalog::repo::insert_product(sql, p, "x");
  }
};

TEST_F(ConsoleRepoTest, AWorkshopSeesOnlyItsOwnPiecesAndOperatorsSeeAll) {
  auto own = console_products(*db, mine);
  ASSERT_EQ(own.size(), 2u);
  EXPECT_EQ(own[0].slug, "old-ring-a2");  // newest first
  EXPECT_EQ(own[1].workshop, "내 공방");
  EXPECT_EQ(console_products(*db, 0).size(), 3u);
  auto pieces = dashboard_pieces(*db, mine);  // archived pieces left out
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].slug, "moon-ring-a1");
  EXPECT_EQ(workshop_slugs(*db, mine), std::vector<std::string>{"moon-ring-a1"});
}

TEST_F(ConsoleRepoTest, StockRowsAndLowStockAreTheWorkshopsOwn) {
  auto rows = stock_rows(*db, mine);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].sku, "moon-ring-a1-MR-11");
  EXPECT_EQ(rows[0].stock, 3);
  EXPECT_FALSE(rows[0].fixed);
  auto low = low_stock(*db, mine);
  ASSERT_EQ(low.size(), 1u);
  EXPECT_EQ(low[0].sku, "moon-ring-a1-MR-13");
  EXPECT_EQ(low[0].stock, 1);
  EXPECT_TRUE(low_stock(*db, theirs).size() == 2u);  // both of its sizes are out
}

}  // namespace brilliant::vendors::repo
