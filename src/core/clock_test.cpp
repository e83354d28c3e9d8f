#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace brilliant {

TEST(Clock, UtcRoundTrip) {
  TimePoint t;
  ASSERT_TRUE(parse_utc("2026-11-25T10:00:05Z", t));
  EXPECT_EQ(format_utc(t), "2026-11-25T10:00:05Z");
  EXPECT_FALSE(parse_utc("2026-11-25 10:00:05", t));
  EXPECT_FALSE(parse_utc("2026-11-25T10:00:05Zjunk", t));
}

TEST(Clock, SeoulIsNineHoursAhead) {
  TimePoint t;
  ASSERT_TRUE(parse_utc("2026-11-25T20:30:00Z", t));
  EXPECT_EQ(format_seoul(t), "2026-11-26 05:30");
}

TEST(Clock, FixedClockAdvances) {
  TimePoint t;
  ASSERT_TRUE(parse_utc("2026-01-01T00:00:00Z", t));
  FixedClock clock(t);
  clock.advance(std::chrono::seconds(90));
  EXPECT_EQ(format_utc(clock.now()), "2026-01-01T00:01:30Z");
}

}  // namespace brilliant

TEST(Clock, SeoulInputIsNineHoursAheadOfUtc) {
  brilliant::TimePoint t;
  ASSERT_TRUE(brilliant::parse_seoul_input("2026-12-01T20:00", t));
  EXPECT_EQ(brilliant::format_utc(t), "2026-12-01T11:00:00Z");
  ASSERT_TRUE(brilliant::parse_seoul_input("2026-12-01T20:00:00Z", t));
  EXPECT_EQ(brilliant::format_utc(t), "2026-12-01T20:00:00Z");
  EXPECT_FALSE(brilliant::parse_seoul_input("2026-12-01 20:00", t));
  EXPECT_FALSE(brilliant::parse_seoul_input("", t));
}
