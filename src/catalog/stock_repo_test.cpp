#include "catalog/stock_repo.hpp"

#include <gtest/gtest.h>

#include "catalog/repo.hpp"
#include "db/testing.hpp"

namespace brilliant::catalog::repo {

class StockRepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    variant = db->write([&](soci::session& sql) {
      const auto workshop =
          insert_workshop(sql, {0, "w", "공방", "Atelier", "", "", "", "", 0, "active"}, "x");
      Product p;
      p.workshop_id = workshop;
      p.slug = "stock-ring";
      p.category = "ring";
      p.title_ko = "반지";
      p.title_en = "Ring";
      p.metal = "silver";
      p.purity = 925;
      p.weight_mg = 2000;
      p.variants.push_back({0, "stock-ring-13", 0, 520, 0, "", 0, 8, 0});
      insert_product(sql, p, "x");
      long long id = 0;
      sql << "SELECT id FROM variants WHERE sku = 'stock-ring-13'", soci::into(id);
      return id;
    });
  }
  Result<void> set(int seen, int wanted) {
    return db->write(
        [&](soci::session& sql) { return set_stock(sql, variant, seen, wanted, "now", "stock"); });
  }
  int stock() {
    return db->read([&](soci::session& sql) {
      int n = 0;
      sql << "SELECT stock FROM variants WHERE id = :id", soci::use(variant), soci::into(n);
      return n;
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  long long variant = 0;
};

TEST_F(StockRepoTest, ChangesStockOnlyFromWhatTheEditorSaw) {
  ASSERT_TRUE(set(8, 10).ok());
  EXPECT_EQ(stock(), 10);
  // Two sold since the editor looked: a restock typed over 8 is refused, naming the stock now.
  db->write(
      [&](soci::session& sql) { sql << "UPDATE variants SET stock = 8 WHERE id = :id", soci::use(variant); });
  auto stale = set(10, 12);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "stock_changed");
  EXPECT_EQ(stale.error().field, "stock");
  EXPECT_NE(stale.error().message.find("changed to 8"), std::string::npos);
  EXPECT_EQ(stock(), 8);
  // Unchanged (saved from a stale page for another reason): nothing written, the sale stands.
  EXPECT_TRUE(set(10, 10).ok());
  EXPECT_EQ(stock(), 8);
  // Already what the editor wants: fine. Not known what was seen (a hand-made sheet): set as given.
  EXPECT_TRUE(set(5, 8).ok());
  EXPECT_TRUE(set(-1, 3).ok());
  EXPECT_EQ(stock(), 3);
}

TEST_F(StockRepoTest, AnOrderTakesOnlyWhatIsLeftAndACancellationGivesItBack) {
  auto take = [&](int n) {
    return db->write([&](soci::session& sql) { return take_stock(sql, variant, n, "now"); });
  };
  EXPECT_EQ(take(3), 5);
  EXPECT_EQ(take(6), std::nullopt);  // five left: nothing taken
  EXPECT_EQ(stock(), 5);
  EXPECT_EQ(take(5), 0);
  db->write([&](soci::session& sql) { give_back_stock(sql, variant, 2, "now"); });
  EXPECT_EQ(stock(), 2);
}

TEST_F(StockRepoTest, StockAndPriceChangesApplyOnlyToTheWorkshopsOwnVariantsAllOrNothing) {
  long long workshop = 0;
  db->read([&](soci::session& sql) {
    sql << "SELECT p.workshop_id FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = :v",
        soci::use(variant), soci::into(workshop);
  });
  EXPECT_EQ(apply_stock_changes(*db, workshop + 1, {{variant, 9, 8, -1}}, "now").error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(apply_stock_changes(*db, workshop, {{variant, 9, -1, -1}}, "now").error().code,
            "stock_seen_missing");
  // A formula-priced piece: its price follows the metal quote, and the stock change rolls back with it.
  auto refused = apply_stock_changes(*db, workshop, {{variant, 9, 8, 150000}}, "now");
  EXPECT_EQ(refused.error().code, "price_follows_quote");
  EXPECT_EQ(stock(), 8);
  long long product = 0;
  db->read([&](soci::session& sql) {
    sql << "SELECT product_id FROM variants WHERE id = :v", soci::use(variant), soci::into(product);
  });
  const auto applied = apply_stock_changes(*db, workshop, {{variant, 9, 8, -1}}, "now");
  EXPECT_EQ(applied.value().changes, 1);
  EXPECT_EQ(applied.value().products, std::vector<long long>{product});  // the piece to refresh
  EXPECT_EQ(stock(), 9);
  // Nothing changed (the stock already what was asked): no piece to refresh.
  EXPECT_TRUE(apply_stock_changes(*db, workshop, {{variant, 9, 9, -1}}, "now").value().products.empty());
}

TEST_F(StockRepoTest, ReadsWhetherPiecesHaveStockAndTheirCountsNow) {
  long long product = 0;
  db->read([&](soci::session& sql) {
    sql << "SELECT product_id FROM variants WHERE id = :v", soci::use(variant), soci::into(product);
  });
  const auto now = [&] {
    return db->read([&](soci::session& sql) { return in_stock_now(sql, {product, 999}); });
  };
  EXPECT_EQ(now(), (std::unordered_map<long long, bool>{{product, true}, {999, false}}));
  ASSERT_TRUE(set(8, 0).ok());
  EXPECT_FALSE(now().at(product));
  Product kept;
  kept.id = product;
  kept.variants.push_back({variant, "stock-ring-13", 0, 520, 0, "", 0, 8, 0});
  kept.variants.push_back({999, "other", 0, 560, 0, "", 0, 4, 0});  // not in the database: left as it was
  db->read([&](soci::session& sql) { read_counts(sql, kept); });
  EXPECT_EQ(kept.variants[0].stock, 0);
  EXPECT_EQ(kept.variants[1].stock, 4);
}

}  // namespace brilliant::catalog::repo
