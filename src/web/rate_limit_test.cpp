#include "web/rate_limit.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

TEST(RateLimiter, AllowsBurstThenAsksToWait) {
  FixedClock clock(TimePoint{});
  RateLimiter limiter(clock, 3, std::chrono::seconds(60));
  EXPECT_FALSE(limiter.take("k"));
  EXPECT_FALSE(limiter.take("k"));
  EXPECT_FALSE(limiter.take("k"));
  auto wait = limiter.take("k");
  ASSERT_TRUE(wait.has_value());
  EXPECT_EQ(*wait, 20);  // one token per 20 s
  EXPECT_FALSE(limiter.take("other"));
}

TEST(RateLimiter, RefillsOverTime) {
  FixedClock clock(TimePoint{});
  RateLimiter limiter(clock, 1, std::chrono::seconds(10));
  EXPECT_FALSE(limiter.take("k"));
  EXPECT_TRUE(limiter.take("k"));
  clock.advance(std::chrono::seconds(10));
  EXPECT_FALSE(limiter.take("k"));
}

}  // namespace brilliant::web
