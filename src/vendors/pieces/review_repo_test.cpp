#include "vendors/pieces/review_repo.hpp"

#include <gtest/gtest.h>

#include "catalog/repo.hpp"
#include "catalog/testing.hpp"
#include "db/testing.hpp"

namespace brilliant::vendors::repo {

class ReviewRepoTest : public ::testing::Test {
 protected:
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  long long product = 0, reviewer = 0;
  void SetUp() override {
    db->write([&](soci::session& sql) {
      auto p = catalog::sample_ring();
      p.id = 0;
      p.status = catalog::ProductStatus::draft;
      p.workshop_id = catalog::repo::insert_workshop(
          sql, {0, "mine", "내 공방", "Mine", "", "", "", "", 0, "active"}, "x");
      for (auto& v : p.variants) v.id = 0;
      product = catalog::repo::insert_product(sql, p, "x");
      sql << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES "
             "('op@example.com', '운영자', 'x', 'x', 'x') RETURNING id",
          soci::into(reviewer);
    });
  }
};

TEST_F(ReviewRepoTest, APieceMovesThroughReviewWithItsHistory) {
  auto ref = product_ref(*db, "moon-ring-a1");
  EXPECT_EQ(ref.id, product);
  EXPECT_EQ(ref.status, catalog::ProductStatus::draft);
  EXPECT_EQ(product_ref(*db, "no-such-piece").id, 0);
  EXPECT_TRUE(review_queue(*db).empty());

  move_piece(*db, product, catalog::ProductStatus::in_review, reviewer, "submitted", "",
             "2026-11-29T01:00:00Z");
  auto queue = review_queue(*db);
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].title_en, "Moonlight Ring");
  EXPECT_EQ(queue[0].workshop, "내 공방");

  move_piece(*db, product, catalog::ProductStatus::changes_requested, reviewer, "changes_requested",
             "사진을 더 밝게", "2026-11-29T02:00:00Z");
  record_submissions(*db, {product}, reviewer, "edited after approval", "2026-11-29T03:00:00Z");
  record_submissions(*db, {}, reviewer, "nothing", "2026-11-29T04:00:00Z");
  EXPECT_EQ(product_ref(*db, "moon-ring-a1").status, catalog::ProductStatus::changes_requested);
  auto history = reviews_of(*db, product);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1].decision, "changes_requested");
  EXPECT_EQ(history[1].comment, "사진을 더 밝게");
  EXPECT_EQ(history[1].author, "운영자");
  EXPECT_EQ(history[2].comment, "edited after approval");
  EXPECT_TRUE(review_queue(*db).empty());
}

}  // namespace brilliant::vendors::repo
