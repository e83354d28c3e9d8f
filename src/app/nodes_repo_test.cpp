#include "app/nodes_repo.hpp"

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "db/testing.hpp"

namespace brilliant::app {
namespace {

TimePoint at(const char* text) {
  TimePoint t;
  EXPECT_TRUE(parse_utc(text, t));
  return t;
}

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

}  // namespace
}  // namespace brilliant::app
