#include "app/backup_schedule.hpp"

#include <gtest/gtest.h>

#include "app/nodes_repo.hpp"
#include "ops/testing.hpp"

namespace brilliant::app {
namespace {

namespace fs = std::filesystem;

struct BackupScheduleTest : ::testing::Test {
  ops::Installation live;
  FixedClock clock{start()};
  Config::Backups settings{live.dir / "backups", 6, 2};

  static TimePoint start() {
    TimePoint t;
    parse_utc("2026-11-29T03:00:00Z", t);
    return t;
  }
  size_t snapshots() {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(settings.dir))
      n += e.is_directory() && fs::exists(e.path() / "manifest.json");
    return n;
  }
};

TEST_F(BackupScheduleTest, OffWithoutAFolder) {
  BackupSchedule schedule(*live.database, live.places, {}, clock);
  EXPECT_FALSE(schedule.tick());
  EXPECT_FALSE(schedule.status().configured);
  EXPECT_NE(schedule.prometheus_text().find("brilliant_backup_configured 0\n"), std::string::npos);
  EXPECT_EQ(backup_json(schedule.status()).at("configured"), false);
}

TEST_F(BackupScheduleTest, TakesOneWhenDueKeepsTheNewestAndSaysSo) {
  live.add_public_blob("photo");
  BackupSchedule schedule(*live.database, live.places, settings, clock);
  ASSERT_TRUE(schedule.tick());
  EXPECT_FALSE(schedule.tick());  // not due again yet
  auto status = schedule.status();
  EXPECT_TRUE(status.last_ok);
  EXPECT_EQ(status.last_success_at, "2026-11-29T03:00:00Z");
  EXPECT_NE(schedule.prometheus_text().find("brilliant_backup_last_success_seconds 1795921200\n"),
            std::string::npos);
  EXPECT_NE(schedule.prometheus_text().find("brilliant_backup_last_ok 1\n"), std::string::npos);
  const auto shown = backup_json(status);
  EXPECT_EQ(shown.at("last_success_seoul"), "2026-11-29 12:00");
  EXPECT_EQ(shown.at("failed"), false);
  for (int i = 0; i < 3; ++i) {
    clock.advance(std::chrono::hours(6));
    EXPECT_TRUE(schedule.tick());
  }
  EXPECT_EQ(snapshots(), 2u);  // keep = 2
  EXPECT_EQ(schedule.status().last_success_at, "2026-11-29T21:00:00Z");
}

TEST_F(BackupScheduleTest, ARestartCountsTheNewestSnapshotOnDisk) {
  {
    BackupSchedule first(*live.database, live.places, settings, clock);
    ASSERT_TRUE(first.tick());
  }
  clock.advance(std::chrono::hours(1));
  BackupSchedule again(*live.database, live.places, settings, clock);
  EXPECT_EQ(again.status().last_success_at, "2026-11-29T03:00:00Z");
  EXPECT_FALSE(again.tick());
  clock.advance(std::chrono::hours(5));
  EXPECT_TRUE(again.tick());
}

TEST_F(BackupScheduleTest, AFailureIsKeptWithTheLastSuccess) {
  BackupSchedule schedule(*live.database, live.places, settings, clock);
  ASSERT_TRUE(schedule.tick());
  // The backup disk goes away and a file takes its name.
  fs::remove_all(settings.dir);
  std::ofstream(settings.dir) << "not a folder";
  clock.advance(std::chrono::hours(6));
  ASSERT_TRUE(schedule.tick());
  const auto status = schedule.status();
  EXPECT_FALSE(status.last_ok);
  EXPECT_FALSE(status.error.empty());
  EXPECT_EQ(status.last_success_at, "2026-11-29T03:00:00Z");
  EXPECT_EQ(status.last_attempt_at, "2026-11-29T09:00:00Z");
  EXPECT_NE(schedule.prometheus_text().find("brilliant_backup_last_ok 0\n"), std::string::npos);
  EXPECT_EQ(backup_json(status).at("failed"), true);
}

// A period's slot is its first hour, periods counted from the Unix epoch.
TEST(BackupPeriodSlot, NamesThePeriodsFirstHour) {
  TimePoint t;
  ASSERT_TRUE(parse_utc("2026-11-29T07:59:00Z", t));
  EXPECT_EQ(backup_period_slot(t, 6), "2026-11-29T06");
  EXPECT_EQ(backup_period_slot(t, 24), "2026-11-29T00");
  EXPECT_EQ(backup_period_slot(t, 1), "2026-11-29T07");
  EXPECT_EQ(backup_period_slot(t + std::chrono::minutes(1), 6), "2026-11-29T06");
  EXPECT_EQ(backup_period_slot(t - std::chrono::hours(2), 6), "2026-11-29T00");
}

// Two nodes on one database, each with the setting: each period's backup is taken by one of them, whichever
// claims it first; the other says so and, when the folder is shared, counts that snapshot as its last.
TEST_F(BackupScheduleTest, TwoNodesTakeEachPeriodsBackupOnce) {
  const auto claim_as = [&](const std::string& node) {
    return [this, node](const std::string& slot) {
      return claim_run(*live.database, "brilliant:backup", slot, node, format_utc(clock.now()));
    };
  };
  Config::Backups elsewhere{live.dir / "other-backups", 6, 2};
  BackupSchedule one(*live.database, live.places, settings, clock, claim_as("one"));
  BackupSchedule two(*live.database, live.places, elsewhere, clock, claim_as("two"));
  ASSERT_TRUE(one.tick());
  EXPECT_FALSE(two.tick());
  EXPECT_TRUE(two.status().elsewhere);
  EXPECT_TRUE(two.status().last_success_at.empty());  // its own folder holds none
  EXPECT_FALSE(fs::exists(elsewhere.dir));
  EXPECT_EQ(backup_json(two.status()).at("elsewhere"), true);
  EXPECT_FALSE(two.tick());  // not tried again within the period
  EXPECT_FALSE(one.status().elsewhere);

  clock.advance(std::chrono::hours(6));  // the next period: the node that asks first takes it
  ASSERT_TRUE(two.tick());
  EXPECT_FALSE(one.tick());
  EXPECT_FALSE(two.status().elsewhere);
  EXPECT_TRUE(one.status().elsewhere);
  EXPECT_EQ(snapshots(), 1u);  // the first period's, in one's folder

  // A shared folder: the node that lost the claim counts the other's snapshot as its last.
  BackupSchedule three(*live.database, live.places, settings, clock, claim_as("three"));
  clock.advance(std::chrono::hours(6));
  ASSERT_TRUE(one.tick());
  EXPECT_FALSE(three.tick());
  EXPECT_EQ(three.status().last_success_at, one.status().last_success_at);
  EXPECT_EQ(three.status().folder, one.status().folder);
  EXPECT_TRUE(three.status().last_ok);
}

}  // namespace
}  // namespace brilliant::app
