#include "catalog/page_views.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::catalog {

class PageViewsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, created_at, updated_at) VALUES ('w', 'W', 'x', 'x')";
      for (const std::string slug : {"a-ring", "b-ring"})
        s << "INSERT INTO products (workshop_id, slug, category, title_ko, title_en, metal, purity, "
             "weight_mg, "
             "created_at, updated_at) VALUES (1, :s, 'ring', 't', 't', 'gold', 585, 1000, 'x', 'x')",
            soci::use(slug);
    });
  }
  long long stored(long long product) {
    return db->read([&](soci::session& s) {
      long long n = 0;
      soci::indicator ind = soci::i_ok;
      s << "SELECT SUM(views) FROM product_views WHERE product_id = :p", soci::use(product),
          soci::into(n, ind);
      return ind == soci::i_ok ? n : 0;
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  // 2026-11-25T14:30:00Z is 23:30 in Seoul.
  FixedClock clock{TimePoint(std::chrono::seconds(1'795'617'000))};
};

TEST(SeoulDay, TheShopsDayIsKoreas) {
  TimePoint t;
  ASSERT_TRUE(parse_utc("2026-11-25T14:59:00Z", t));
  EXPECT_EQ(seoul_day(t), "2026-11-25");
  ASSERT_TRUE(parse_utc("2026-11-25T15:00:00Z", t));
  EXPECT_EQ(seoul_day(t), "2026-11-26");
}

TEST_F(PageViewsTest, BatchesAreWrittenWhenFullOrOldAndTotalsFlushFirst) {
  PageViews views(*db, clock, 3, std::chrono::seconds(30));
  views.record(1);
  views.record(1);
  EXPECT_EQ(stored(1), 0);  // still in memory
  views.record(2);          // the third view fills the batch
  EXPECT_EQ(stored(1), 2);
  EXPECT_EQ(stored(2), 1);
  views.record(2);
  clock.advance(std::chrono::seconds(31));
  views.record(2);  // the batch is old: written
  EXPECT_EQ(stored(2), 3);
  views.record(1);
  clock.advance(std::chrono::hours(24));  // the next Korean day
  views.record(1);
  auto totals = views.totals({1, 2}, 1);  // today only, after a flush
  EXPECT_EQ(totals[1], 1);
  EXPECT_EQ(totals[2], 0);
  EXPECT_EQ(views.totals({1}, 7)[1], 4);
  views.record(99);  // an unknown product is not counted (and breaks nothing)
  views.flush();
  EXPECT_EQ(stored(99), 0);
}

TEST_F(PageViewsTest, AVisitorReloadingAPageCountsOnceEveryHalfHour) {
  PageViews views(*db, clock, 1000);
  views.record(1, "203.0.113.7");
  views.record(1, "203.0.113.7");   // a reload
  views.record(2, "203.0.113.7");   // another piece
  views.record(1, "198.51.100.2");  // another visitor
  clock.advance(std::chrono::minutes(31));
  views.record(1, "203.0.113.7");  // half an hour later
  views.flush();
  EXPECT_EQ(stored(1), 3);
  EXPECT_EQ(stored(2), 1);
}

TEST_F(PageViewsTest, PendingViewsAreWrittenOnDestruction) {
  {
    PageViews views(*db, clock);
    views.record(1);
  }
  EXPECT_EQ(stored(1), 1);
}

}  // namespace brilliant::catalog
