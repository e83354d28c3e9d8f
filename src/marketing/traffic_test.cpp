// Traffic sources: the link's utm_source first, then the referring site by name, "direct" without one,
// nothing for the store's own pages; visits counted in batches and summed per source over days.
#include "marketing/traffic.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::marketing {
namespace {

TEST(Traffic, ASourceFromTheLinkOrTheReferrer) {
  const std::string own = "brilliant.example";
  EXPECT_EQ(traffic_source("Instagram", "https://www.google.com/", own), "instagram");
  EXPECT_EQ(traffic_source("", "https://m.search.naver.com/search.naver?q=반지", own), "naver");
  EXPECT_EQ(traffic_source("", "https://l.instagram.com/?u=x", own), "instagram");
  EXPECT_EQ(traffic_source("", "https://t.co/abc", own), "x");
  EXPECT_EQ(traffic_source("", "https://www.jewelry-blog.kr/post/3", own), "jewelry-blog.kr");
  EXPECT_EQ(traffic_source("", "", own), "direct");
  EXPECT_EQ(traffic_source("", "https://brilliant.example/shop", own), "");  // moving within the store
  EXPECT_EQ(traffic_source("", "https://shop.brilliant.example/", own), "");
  EXPECT_EQ(traffic_source("", "https://notbrilliant.example/", own), "notbrilliant.example");
  EXPECT_EQ(traffic_source("<script>", "", own), "direct");  // not a name: ignored
  EXPECT_EQ(traffic_source("", "not a url", own), "direct");
  EXPECT_EQ(traffic_source("", "https://user:pw@evil.example:8080/", own), "evil.example");
}

TEST(Traffic, VisitsAreCountedInBatchesAndSummedPerSource) {
  db::TempDatabase db(BRILLIANT_SOURCE_DIR "/migrations");
  TimePoint t;
  ASSERT_TRUE(parse_utc("2026-12-01T03:00:00Z", t));
  FixedClock clock(t);
  Visits visits(*db, clock, 3);
  visits.record("naver");
  visits.record("naver");
  const auto unwritten = db->read([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM visits", soci::into(n);
    return n;
  });
  EXPECT_EQ(unwritten, 0);  // still in memory
  visits.record("direct");  // the third fills the batch
  clock.advance(std::chrono::hours(24));
  visits.record("naver");
  auto totals = visits.per_source("2026-12-01", "2026-12-02");
  EXPECT_EQ(totals["naver"], 3);
  EXPECT_EQ(totals["direct"], 1);
  EXPECT_EQ(visits.per_source("2026-12-02", "2026-12-02")["naver"], 1);
}

}  // namespace
}  // namespace brilliant::marketing
