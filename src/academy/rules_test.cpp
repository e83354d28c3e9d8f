#include "academy/rules.hpp"

#include <gtest/gtest.h>

namespace brilliant::academy {
namespace {

TEST(AcademyRules, TasksParseInOrderOnceAndRefuseUnknownKindsByName) {
  auto tasks = parse_tasks("copy, photos copy\nlive");
  ASSERT_TRUE(tasks.ok());
  EXPECT_EQ(tasks_text(*tasks), "copy photos live");
  EXPECT_TRUE(parse_tasks("")->empty());
  auto bad = parse_tasks("copy dance");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "tasks");
  EXPECT_NE(bad.error().message.find("dance"), std::string::npos);
  for (const auto t : all_tasks) EXPECT_EQ(task_of(task_code(t)), t);
}

TEST(AcademyRules, TheToolsPathNamesThePiece) {
  EXPECT_EQ(product_slug_of("/console/products/sun-ring/copy"), "sun-ring");
  EXPECT_EQ(product_slug_of("/en/console/products/sun-ring/photos"), "sun-ring");
  EXPECT_EQ(product_slug_of("/api/v1/console/products/moon-1/photos"), "moon-1");
  EXPECT_EQ(product_slug_of("/console/products/sun-ring"), "");
  EXPECT_EQ(product_slug_of("/console/orders/1/copy"), "");
}

TEST(AcademyRules, ARehearsalCountsAfterFiveMinutesWithAPinnedPiece) {
  EXPECT_TRUE(rehearsal_counts("2026-12-10T08:00:00Z", "2026-12-10T08:05:00Z", 1));
  EXPECT_FALSE(rehearsal_counts("2026-12-10T08:00:00Z", "2026-12-10T08:04:59Z", 1));
  EXPECT_FALSE(rehearsal_counts("2026-12-10T08:00:00Z", "2026-12-10T09:00:00Z", 0));
  EXPECT_FALSE(rehearsal_counts("", "2026-12-10T09:00:00Z", 2));
}

TEST(AcademyRules, SeatsRemindersAndProgress) {
  EXPECT_EQ(seat_for(2, 1), "enrolled");
  EXPECT_EQ(seat_for(2, 2), "waiting");
  TimePoint now;
  ASSERT_TRUE(parse_utc("2026-12-09T06:00:00Z", now));
  EXPECT_TRUE(reminder_due("2026-12-10T05:00:00Z", now));
  EXPECT_FALSE(reminder_due("2026-12-10T07:00:00Z", now));  // 25 hours away
  EXPECT_FALSE(reminder_due("2026-12-09T05:00:00Z", now));  // started
  Progress p{true, false, {{Task::copy, true}, {Task::live, false}}};
  EXPECT_EQ(p.done(), 1);
  EXPECT_EQ(p.percent(), 33);
  EXPECT_FALSE(p.complete());
  p.attended = true;
  p.tasks[1].done = true;
  EXPECT_TRUE(p.complete());
  EXPECT_EQ(p.percent(), 100);
  EXPECT_EQ(seoul_input_to_utc("starts_at", "2026-12-10T14:00").value(), "2026-12-10T05:00:00Z");
  EXPECT_EQ(seoul_input_to_utc("starts_at", "tomorrow").error().field, "starts_at");
}

}  // namespace
}  // namespace brilliant::academy
