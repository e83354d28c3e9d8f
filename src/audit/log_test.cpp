#include "audit/log.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "db/testing.hpp"

namespace brilliant::audit {
namespace {

struct AuditLogTest : ::testing::Test {
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{start()};
  Log log{*db, clock};
  static TimePoint start() {
    TimePoint t;
    parse_utc("2026-11-29T03:00:00Z", t);  // 12:00 in Seoul
    return t;
  }
  Entry entry(const std::string& actor, long long workshop, const std::string& kind,
              const std::string& detail) {
    return {0,
            "",
            7,
            actor,
            "vendor_staff",
            workshop,
            kind,
            "POST",
            "/console/stock",
            "/console/stock",
            detail,
            303,
            "10.0.0.1"};
  }
};

TEST_F(AuditLogTest, SearchesByTextKindDayAndWorkshopNewestFirst) {
  log.record(entry("kim@w1.example", 1, "change", "sku=BR-1\nstock=4"));
  clock.advance(std::chrono::hours(24));
  log.record(entry("lee@w2.example", 2, "view", ""));
  log.record(entry("kim@w1.example", 1, "change", "sku=BR-2\nstock=0"));
  auto all = log.search({});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].detail, "sku=BR-2\nstock=0");  // newest first
  EXPECT_EQ(all[2].at, "2026-11-29T03:00:00Z");
  EXPECT_EQ(log.search({.q = "BR-1"}).size(), 1u);
  EXPECT_EQ(log.search({.q = "lee@"}).size(), 1u);
  EXPECT_EQ(log.search({.kind = "view"}).size(), 1u);
  EXPECT_EQ(log.search({.workshop_id = 1}).size(), 2u);
  EXPECT_EQ(log.search({.from = "2026-11-30"}).size(), 2u);
  EXPECT_EQ(log.search({.to = "2026-11-29"}).size(), 1u);
  const auto page = log.search({.limit = 2});
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(log.search({.before_id = page[1].id}).size(), 1u);
}

TEST_F(AuditLogTest, TheTrailCannotBeChangedOrDeleted) {
  log.record(entry("kim@w1.example", 1, "change", "price=1"));
  EXPECT_ANY_THROW(db->write([](soci::session& s) { s << "UPDATE audit_log SET detail = 'price=0'"; }));
  EXPECT_ANY_THROW(db->write([](soci::session& s) { s << "DELETE FROM audit_log"; }));
  EXPECT_EQ(log.search({}).at(0).detail, "price=1");
}

}  // namespace
}  // namespace brilliant::audit
