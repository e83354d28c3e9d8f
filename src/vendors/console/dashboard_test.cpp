#include "vendors/console/dashboard.hpp"

#include <gtest/gtest.h>

namespace brilliant::vendors {

TEST(Dashboard, RatesToOneDecimalAndNothingForNoViews) {
  EXPECT_EQ(percent_text(1, 8), "12.5%");
  EXPECT_EQ(percent_text(1, 3), "33.3%");
  EXPECT_EQ(percent_text(2, 3), "66.7%");
  EXPECT_EQ(percent_text(0, 40), "0.0%");
  EXPECT_EQ(percent_text(5, 5), "100.0%");
  EXPECT_EQ(percent_text(3, 0), "—");
}

}  // namespace brilliant::vendors
