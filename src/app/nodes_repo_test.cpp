#include "app/nodes_repo.hpp"

#include <atomic>
#include <cstdlib>
#include <thread>

#include <gtest/gtest.h>

#include "core/secret.hpp"
#include "core/testing.hpp"
#include "db/database.hpp"
#include "db/testing.hpp"

namespace brilliant::app {
namespace {

TEST(NodesRepo, SlotsAreTheMinuteAndTheHour) {
  EXPECT_EQ(minute_slot(at("2026-12-01T09:05:59Z")), "2026-12-01T09:05");
  EXPECT_EQ(hour_slot(at("2026-12-01T09:05:59Z")), "2026-12-01T09");
}

TEST(NodesRepo, AJobsRunInASlotIsClaimedByOneNodeOnly) {
  db::TempDatabase db(BRILLIANT_SOURCE_DIR "/migrations");
  EXPECT_TRUE(claim_run(*db, "c:housekeeping", "2026-12-01T09:05", "node-1", "2026-12-01T09:05:00Z"));
  EXPECT_FALSE(claim_run(*db, "c:housekeeping", "2026-12-01T09:05", "node-2", "2026-12-01T09:05:01Z"));
  EXPECT_FALSE(claim_run(*db, "c:housekeeping", "2026-12-01T09:05", "node-1", "2026-12-01T09:05:02Z"))
      << "a node claims a slot once, not again on a second try";
  EXPECT_TRUE(claim_run(*db, "c:housekeeping", "2026-12-01T09:06", "node-2", "2026-12-01T09:06:00Z"));
  EXPECT_TRUE(claim_run(*db, "c:live-reminders", "2026-12-01T09:05", "node-2", "2026-12-01T09:05:00Z"))
      << "another job's slot is its own";
  EXPECT_EQ(forget_old_claims(*db, "2026-12-01T09:06", 0), 2);  // the two 09:05 claims
  EXPECT_FALSE(claim_run(*db, "c:housekeeping", "2026-12-01T09:06", "node-1", "2026-12-01T09:06:30Z"));
}

TEST(NodesRepo, BucketsInTheDatabaseLimitAcrossLimitersAndForgetIdleOnes) {
  db::TempDatabase db(BRILLIANT_SOURCE_DIR "/migrations");
  DatabaseBuckets store(*db);
  FixedClock clock(at("2026-12-01T09:00:00Z"));
  // Two limiters, as on two nodes, sharing one store: three logins a minute between them.
  web::RateLimiter node1(clock, 3, std::chrono::seconds(60)), node2(clock, 3, std::chrono::seconds(60));
  node1.share(&store, "c:login-ip");
  node2.share(&store, "c:login-ip");
  EXPECT_FALSE(node1.take("10.0.0.1"));
  EXPECT_FALSE(node2.take("10.0.0.1"));
  EXPECT_FALSE(node1.take("10.0.0.1"));
  auto wait = node2.take("10.0.0.1");
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 20);
  EXPECT_FALSE(node2.take("10.0.0.2")) << "another key has its own bucket";
  clock.advance(std::chrono::seconds(20));
  EXPECT_FALSE(node1.take("10.0.0.1")) << "one token back after 20 s";
  EXPECT_TRUE(node2.take("10.0.0.1"));
  const long long later = std::chrono::duration_cast<std::chrono::milliseconds>(
                              (clock.now() + std::chrono::hours(1)).time_since_epoch())
                              .count();
  EXPECT_EQ(forget_old_claims(*db, "2000-01-01T00:00", later), 2);  // both keys' buckets
}

// Takes from many threads at once (as from many nodes) never hand out more tokens than the bucket holds; an
// hour later it is full again, and never fuller than its burst. (A time far ahead, so no test's
// housekeeping forgets the bucket meanwhile.)
void check_concurrent_takes(db::Database& db, const std::string& key) {
  DatabaseBuckets store(db);
  const auto now = at("2100-01-01T09:00:00Z");
  std::atomic<int> allowed = 0, refused = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        auto wait = store.take(key, now, 20, 20.0 / 3600);
        if (!wait) {
          ++allowed;
          continue;
        }
        ++refused;
        EXPECT_GT(*wait, 0);
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(allowed.load(), 20);
  EXPECT_EQ(refused.load(), 60);
  int later = 0;
  for (int i = 0; i < 30; ++i) later += store.take(key, now + std::chrono::hours(1), 20, 20.0 / 3600) ? 0 : 1;
  EXPECT_EQ(later, 20);
  db.write([&](soci::session& sql) { sql << "DELETE FROM rate_buckets WHERE key = :k", soci::use(key); });
}

TEST(NodesRepo, BucketsInTheDatabaseGiveEachTokenOnceUnderConcurrentTakes) {
  db::TempDatabase db(BRILLIANT_SOURCE_DIR "/migrations");
  check_concurrent_takes(*db, "c:checkout:7");
}

// The same on PostgreSQL, where a take runs outside any transaction (the test run's migrated database).
TEST(NodesRepo, BucketsOnPostgresqlGiveEachTokenOnceUnderConcurrentTakes) {
  const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
  if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
  auto db = db::Database::open(url, 4);
  check_concurrent_takes(*db, "c:checkout-test:" + random_token(8));
}

// Buckets are soft state: on PostgreSQL their table writes no write-ahead log, so a take does not wait for a
// disk sync (migrations/052_soft_rate_buckets.pg.sql). The orders a take guards stay logged.
TEST(NodesRepo, BucketsOnPostgresqlAreUnloggedAndOrdersAreNot) {
  const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
  if (!url) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
  auto db = db::Database::open(url, 1);
  auto persistence = [&](const std::string& table) {
    return db->read([&](soci::session& sql) {
      std::string kind;
      sql << "SELECT CAST(relpersistence AS TEXT) FROM pg_class WHERE relname = :t AND relkind = 'r'",
          soci::use(table), soci::into(kind);
      return kind;
    });
  };
  EXPECT_EQ(persistence("rate_buckets"), "u");
  EXPECT_EQ(persistence("orders"), "p");
  EXPECT_EQ(persistence("cart_lines"), "p");
}

}  // namespace
}  // namespace brilliant::app
