// A segment's members and their CSV (customer_routes.cpp): best customers first, and emails only of
// those who agreed to marketing.
#include "marketing/customer_routes.hpp"

#include <gtest/gtest.h>

namespace brilliant::marketing {
namespace {

TEST(CustomerRoutes, MembersBestFirstAndEmailsOnlyWithConsent) {
  TimePoint now;
  ASSERT_TRUE(parse_utc("2026-12-01T00:00:00Z", now));
  std::vector<CustomerFacts> customers(3);
  customers[0] = {.user_id = 7,
                  .name = "김보석",
                  .email = "kim@example.com",
                  .paid_at = {"2026-11-01T00:00:00Z"},
                  .spent = 100000};
  customers[1] = {.user_id = 8,
                  .name = "Lee, \"Mina\"",
                  .email = "lee@example.com",
                  .paid_at = {"2026-10-01T00:00:00Z", "2026-11-20T00:00:00Z"},
                  .spent = 900000,
                  .marketing = true};
  customers[2] = {.user_id = 9, .name = "박", .email = "park@example.com"};
  const auto scores = score_customers(customers, now);
  auto rules = parse_rules("orders >= 1");
  ASSERT_TRUE(rules.ok());
  const auto members = members_of(*rules, customers, scores, now);
  EXPECT_EQ(members, (std::vector<size_t>{1, 0}));  // the larger lifetime value first; 9 never bought
  const auto csv = members_csv(members, customers, scores);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFid,name,email,marketing,", 0), 0u);
  EXPECT_NE(csv.find("8,\"Lee, \"\"Mina\"\"\",lee@example.com,yes,2,900000,"), std::string::npos);
  EXPECT_NE(csv.find("7,김보석,,no,1,100000,"), std::string::npos);  // no consent: no email
  EXPECT_EQ(csv.find("kim@example.com"), std::string::npos);
}

}  // namespace
}  // namespace brilliant::marketing
