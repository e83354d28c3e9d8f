#include "app/operator_todo_repo.hpp"

#include <gtest/gtest.h>

#include "catalog/repo.hpp"
#include "db/testing.hpp"

namespace brilliant::app {

class OperatorTodoRepoTest : public ::testing::Test {
 protected:
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};

  // A piece of one size with this stock, in this status.
  void piece(const std::string& slug, const std::string& status, int stock, bool made_to_order = false) {
    db->write([&](soci::session& sql) {
      if (!workshop)
        workshop = catalog::repo::insert_workshop(
            sql, {0, "w", "공방", "Atelier", "", "", "", "", 0, "active"}, "x");
      catalog::Product p;
      p.workshop_id = workshop;
      p.slug = slug;
      p.status = catalog::product_status(status).value();
      p.category = "bracelet";
      p.title_ko = slug + " 팔찌";
      p.title_en = slug + " bracelet";
      p.metal = "silver";
      p.purity = 925;
      p.weight_mg = 2000;
      p.made_to_order = made_to_order;
      p.variants.push_back({0, slug + "-1", 0, 0, 180, "", 0, stock, 0});
      catalog::repo::insert_product(sql, p, "x");
    });
  }
  long long workshop = 0;
};

TEST_F(OperatorTodoRepoTest, CountsReviewsAndLowStockOfPublishedReadyMadePieces) {
  piece("plenty", "published", 9);
  piece("two-left", "published", 2);
  piece("sold-out", "published", 0);
  piece("to-order", "published", 0, true);  // made to order: no stock to run low
  piece("waiting", "in_review", 0);         // not in the store yet
  piece("draft", "draft", 0);
  const auto todo = operator_todo(*db, "2026-12-06");
  EXPECT_EQ(todo.reviews, 1);
  EXPECT_EQ(todo.low_stock, 2);
  ASSERT_EQ(todo.lowest.size(), 2u);
  EXPECT_EQ(todo.lowest[0].product_slug, "sold-out");  // the lowest first
  EXPECT_EQ(todo.lowest[0].stock, 0);
  EXPECT_EQ(todo.lowest[1].product_slug, "two-left");
  EXPECT_EQ(todo.lowest[1].workshop_ko, "공방");
  EXPECT_EQ(todo.lowest[1].workshop_en, "Atelier");
  EXPECT_EQ(todo.transfers, 0);
  EXPECT_EQ(todo.to_ship, 0);
  EXPECT_EQ(todo.applications, 0);
}

}  // namespace brilliant::app
