#include "orders/settlements.hpp"

#include <gtest/gtest.h>

// The statements read from the database are tested with real orders in orders_test.cpp
// (OrdersTest.StatementsCountPaidOrdersAtTheRateTheyWereSoldUnder) and over HTTP; here, the pure parts.
namespace brilliant::orders {
namespace {

TEST(Settlement, MonthBoundsAreSeoulMonthsInUtc) {
  auto nov = month_bounds("2026-11");
  ASSERT_TRUE(nov.ok());
  EXPECT_EQ(nov->first, "2026-10-31T15:00:00Z");
  EXPECT_EQ(nov->second, "2026-11-30T15:00:00Z");
  auto dec = month_bounds("2026-12");
  EXPECT_EQ(dec->second, "2026-12-31T15:00:00Z");
  for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "abcd-ef", "", "1999-12"})
    EXPECT_EQ(month_bounds(bad).error().field, "month") << bad;
  EXPECT_EQ(shift_month("2026-01", -1), "2025-12");
  EXPECT_EQ(shift_month("2026-12", 1), "2027-01");
  EXPECT_EQ(shift_month("2026-11", -23), "2024-12");
}

TEST(Settlement, PayoutIsSalesLessCommissionPlusShipping) {
  Statement s;
  s.shipping = 3000;
  s.lines = {{.amount = 100000, .commission = 12500}, {.amount = 33333, .commission = 4167}};
  add_up(s);
  EXPECT_EQ(s.sales, 133333);
  EXPECT_EQ(s.commission, 16667);
  EXPECT_EQ(s.payout, 133333 - 16667 + 3000);
}

}  // namespace
}  // namespace brilliant::orders
