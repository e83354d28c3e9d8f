#include "orders/returns_rules.hpp"
#include "core/testing.hpp"

#include <gtest/gtest.h>

namespace brilliant::orders {
namespace {

TEST(Article17, SevenDaysForAChangeOfMindThreeMonthsForTheSellersFault) {
  // Delivered on Tuesday 2026-12-01 at 10:00 Seoul (01:00 UTC).
  const std::string delivered = "2026-12-01T01:00:00Z";
  EXPECT_EQ(return_deadline(delivered, ReturnReason::change_of_mind),
            "2026-12-08T15:00:00Z");  // the 8th ends
  EXPECT_EQ(return_deadline(delivered, ReturnReason::defective), "2027-03-01T15:00:00Z");
  EXPECT_TRUE(may_return(delivered, ReturnReason::change_of_mind, false, at("2026-12-08T14:59:00Z")).ok());
  auto late = may_return(delivered, ReturnReason::change_of_mind, false, at("2026-12-08T15:00:00Z"));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "return_window_closed");
  EXPECT_NE(late.error().message.find("2026-12-08"), std::string::npos);  // the date that closed it
  EXPECT_TRUE(may_return(delivered, ReturnReason::not_as_described, false, at("2027-02-20T00:00:00Z")).ok());
  // Nov 30 + 3 months is the end of February.
  EXPECT_EQ(return_deadline("2026-11-30T03:00:00Z", ReturnReason::wrong_item), "2027-02-28T15:00:00Z");
  EXPECT_EQ(may_return("", ReturnReason::defective, false, at("2026-12-02T00:00:00Z")).error().code,
            "not_delivered");
}

TEST(Article17, FinalSalePiecesAreExcludedFromAChangeOfMindOnly) {
  const std::string delivered = "2026-12-01T01:00:00Z";
  EXPECT_EQ(
      may_return(delivered, ReturnReason::change_of_mind, true, at("2026-12-02T00:00:00Z")).error().code,
      "final_sale");
  EXPECT_EQ(may_return(delivered, ReturnReason::wrong_size, true, at("2026-12-02T00:00:00Z")).error().code,
            "final_sale");
  EXPECT_TRUE(may_return(delivered, ReturnReason::defective, true, at("2026-12-02T00:00:00Z")).ok());
  EXPECT_TRUE(sellers_fault(ReturnReason::wrong_item));
  EXPECT_FALSE(sellers_fault(ReturnReason::wrong_size));
  EXPECT_EQ(return_reason("bored").error().field, "reason");
}

TEST(BusinessDays, WeekendsAndKoreanHolidaysDoNotCount) {
  EXPECT_FALSE(business_day("2026-12-05"));  // Saturday
  EXPECT_FALSE(business_day("2026-12-25"));  // Christmas
  EXPECT_FALSE(business_day("2026-09-25"));  // Chuseok
  EXPECT_FALSE(business_day("2026-09-28"));  // its substitute holiday
  EXPECT_FALSE(business_day("2027-02-09"));  // Seollal's substitute
  EXPECT_TRUE(business_day("2026-12-01"));
  // Received Thursday 2026-12-24 (Seoul): Fri 25 Christmas, weekend, so Mon 28, Tue 29, Wed 30.
  EXPECT_EQ(add_business_days("2026-12-24T02:00:00Z", 3), "2026-12-30");
  // Received Wednesday 2026-09-23: Chuseok 24-26, the 27th a Sunday, the 28th its substitute.
  EXPECT_EQ(add_business_days("2026-09-23T02:00:00Z", 3), "2026-10-01");
  // Late on a Friday in Seoul is already Saturday's day after 15:00 UTC.
  EXPECT_EQ(add_business_days("2026-12-04T16:00:00Z", 1), "2026-12-07");
}

// Article 18(2): a refund due on the 30th and made on the 2nd is three days late, and owes 15 % a year on
// its amount for them; on its due day, or before, it owes nothing.
TEST(Article18, ARefundAfterItsDueDayOwesInterestForTheDaysLate) {
  EXPECT_EQ(days_late("2026-12-30", "2026-12-30T14:59:00Z"), 0);  // 23:59 in Seoul on the day due
  EXPECT_EQ(days_late("2026-12-30", "2026-12-30T15:00:00Z"), 1);  // midnight in Seoul: the 31st
  EXPECT_EQ(days_late("2027-01-02", "2026-12-31T02:00:00Z"), 0);
  EXPECT_EQ(days_late("2026-12-30", "2027-01-02T02:00:00Z"), 3);
  EXPECT_EQ(days_late("", "2027-01-02T02:00:00Z"), 0);  // nothing due yet
  EXPECT_EQ(delay_interest(365000, 3), 450);            // 365,000 x 15 % x 3 / 365
  EXPECT_EQ(delay_interest(98000, 1), 40);              // 40.27 won, rounded down
  EXPECT_EQ(delay_interest(98000, 0), 0);
  EXPECT_EQ(delay_interest(0, 10), 0);
}

}  // namespace
}  // namespace brilliant::orders
