#include "b2b/rules.hpp"

#include <gtest/gtest.h>

namespace brilliant::b2b {
namespace {

TEST(B2bRules, AnApplicationNeedsACompanyAndACountryAndNormalisesThem) {
  auto ok = check_application({"  Siam Gems Co.  ", "th", "https://siamgems.example", "rings"});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->company, "Siam Gems Co.");
  EXPECT_EQ(ok->country, "TH");
  EXPECT_EQ(check_application({"", "TH", "", ""}).error().field, "company");
  EXPECT_EQ(check_application({"A", "Thailand", "", ""}).error().field, "country");
  EXPECT_EQ(check_application({"A", "7H", "", ""}).error().field, "country");
  EXPECT_EQ(check_application({"A", "TH", "javascript:alert(1)", ""}).error().field, "website");
  EXPECT_EQ(check_application({"A\nB", "TH", "", ""}).error().field, "company");
}

TEST(B2bRules, QuantitiesAndAnswersAreBounded) {
  EXPECT_EQ(check_quantity(12).value(), 12);
  EXPECT_EQ(check_quantity(0).error().field, "quantity");
  EXPECT_EQ(check_quantity(100001).error().field, "quantity");
  EXPECT_TRUE(check_answer({85000, 10, 21, 30, "per piece"}));
  EXPECT_EQ(check_answer({0, 10, 21, 30, ""}).error().field, "unit_price");
  EXPECT_EQ(check_answer({1, 0, 21, 30, ""}).error().field, "min_quantity");
  EXPECT_EQ(check_answer({1, 1, 400, 30, ""}).error().field, "lead_days");
  EXPECT_EQ(check_answer({1, 1, 0, 0, ""}).error().field, "valid_days");
  EXPECT_EQ(check_answer({1, 1, 0, 91, ""}).error().field, "valid_days");
}

TEST(B2bRules, EachStepHappensOnlyFromItsStates) {
  EXPECT_TRUE(allowed(Action::send, "draft"));
  EXPECT_TRUE(allowed(Action::send, "sent"));  // revised before acceptance
  EXPECT_FALSE(allowed(Action::send, "accepted"));
  EXPECT_TRUE(allowed(Action::accept, "sent"));
  EXPECT_FALSE(allowed(Action::accept, "draft"));
  EXPECT_FALSE(allowed(Action::accept, "expired"));
  EXPECT_TRUE(allowed(Action::order, "accepted"));
  EXPECT_FALSE(allowed(Action::order, "sent"));
  EXPECT_FALSE(allowed(Action::order, "ordered"));
  EXPECT_TRUE(allowed(Action::decline, "accepted"));
  EXPECT_FALSE(allowed(Action::decline, "ordered"));
  EXPECT_EQ(allowed(Action::order, "declined").error().code, "quote_declined");
}

TEST(B2bRules, ASentQuoteExpiresWhenItsValidityPasses) {
  TimePoint now;
  ASSERT_TRUE(parse_utc("2026-11-30T12:00:00Z", now));
  EXPECT_EQ(effective_status("sent", "2026-11-30T12:00:01Z", now), "sent");
  EXPECT_EQ(effective_status("sent", "2026-11-30T12:00:00Z", now), "expired");
  EXPECT_EQ(effective_status("accepted", "2026-11-01T00:00:00Z", now), "accepted");
  EXPECT_EQ(effective_status("draft", "", now), "draft");
}

TEST(B2bRules, AWorkshopIsRemindedAfterTwoDaysThenDaily) {
  TimePoint now;
  ASSERT_TRUE(parse_utc("2026-11-30T12:00:00Z", now));
  EXPECT_FALSE(reminder_due("draft", "2026-11-28T12:00:01Z", "", now));
  EXPECT_TRUE(reminder_due("draft", "2026-11-28T12:00:00Z", "", now));
  EXPECT_FALSE(reminder_due("draft", "2026-11-20T00:00:00Z", "2026-11-29T12:00:01Z", now));
  EXPECT_TRUE(reminder_due("draft", "2026-11-20T00:00:00Z", "2026-11-29T12:00:00Z", now));
  EXPECT_FALSE(reminder_due("sent", "2026-11-20T00:00:00Z", "", now));
}

TEST(B2bRules, QuoteNumbersCarryTheDayAndAreRecognised) {
  const auto n = quote_number("2026-11-30", "7KQ4MX");
  EXPECT_EQ(n, "Q-261130-7KQ4MX");
  EXPECT_TRUE(looks_like_quote_number(n));
  EXPECT_FALSE(looks_like_quote_number("Q-261130-7KQ4M0"));  // 0 is not in the alphabet
  EXPECT_FALSE(looks_like_quote_number("BR-261130-7KQ4MX2P"));
  EXPECT_FALSE(looks_like_quote_number("Q-26113X-7KQ4MX"));
}

}  // namespace
}  // namespace brilliant::b2b
