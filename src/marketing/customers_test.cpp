// Customers: RFM quintiles and groups, churn risk against each customer's own rhythm, lifetime value,
// and segment rules (the issue's "bought gold in the last 90 days and spent over 500,000 won").
#include "marketing/customers.hpp"
#include "core/testing.hpp"

#include <gtest/gtest.h>

namespace brilliant::marketing {
namespace {

const TimePoint as_of = at("2026-12-01T00:00:00Z");

CustomerFacts customer(long long id, std::vector<std::string> paid, long long spent,
                       std::vector<Bought> bought = {}) {
  CustomerFacts c;
  c.user_id = id;
  c.paid_at = std::move(paid);
  c.spent = spent;
  c.bought = std::move(bought);
  return c;
}

std::vector<CustomerFacts> five() {
  return {
      // Bought often, lately and much.
      customer(
          1, {"2026-06-01T00:00:00Z", "2026-08-01T00:00:00Z", "2026-10-01T00:00:00Z", "2026-11-25T00:00:00Z"},
          2'400'000, {{"ring", "gold", "2026-11-25T00:00:00Z"}}),
      // Once, last week.
      customer(2, {"2026-11-24T00:00:00Z"}, 90'000, {{"earring", "silver", "2026-11-24T00:00:00Z"}}),
      // Often and much, but long ago.
      customer(3, {"2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z"}, 1'500'000,
               {{"necklace", "gold", "2025-03-01T00:00:00Z"}}),
      // Once, long ago, little.
      customer(4, {"2025-06-01T00:00:00Z"}, 40'000, {{"ring", "silver", "2025-06-01T00:00:00Z"}}),
      // Never bought.
      customer(5, {}, 0),
  };
}

TEST(Customers, RfmQuintilesAndGroups) {
  const auto s = score_customers(five(), as_of);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].group, "champions");
  EXPECT_EQ(s[0].recency, 5);  // four buyers: percentile ranks 0, 1/3, 2/3, 1 -> 1, 2, 4, 5
  EXPECT_EQ(s[0].frequency, 5);
  EXPECT_EQ(s[1].group, "new");
  EXPECT_EQ(s[2].group, "at_risk");
  EXPECT_EQ(s[3].group, "hibernating");
  EXPECT_EQ(s[4].group, "prospect");
  EXPECT_EQ(s[4].recency, 0);
  EXPECT_EQ(s[4].days_since, -1);
  EXPECT_EQ(s[1].days_since, 7);
}

TEST(Customers, ChurnFollowsEachCustomersOwnRhythmAndLifetimeValueAddsAYear) {
  const auto s = score_customers(five(), as_of);
  // Customer 1 buys about every 58 days and was here 6 days ago: little risk. Customer 3 bought every
  // month and has been away 21 months: almost surely gone.
  EXPECT_LT(s[0].churn_percent, 15);
  EXPECT_GT(s[2].churn_percent, 90);
  EXPECT_GT(s[0].ltv, 2'400'000);                               // spent plus a year expected
  EXPECT_LT(s[2].ltv - 1'500'000, (s[0].ltv - 2'400'000) / 5);  // the lapsed one is worth what they spent
  EXPECT_EQ(s[4].ltv, 0);
  // As recent, but buying once a year: less at risk than with a faster rhythm.
  auto slow = five();
  slow[0].paid_at = {"2025-11-25T00:00:00Z", "2026-11-25T00:00:00Z"};
  EXPECT_LT(score_customers(slow, as_of)[0].churn_percent, s[0].churn_percent);
}

TEST(Customers, SegmentRulesReadLikeTheIssue) {
  const auto facts = five();
  const auto s = score_customers(facts, as_of);
  auto rules = parse_rules("metal = gold\nwithin_days = 90; spent > 500,000");
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  std::vector<long long> members;
  for (size_t i = 0; i < facts.size(); ++i)
    if (matches(*rules, facts[i], s[i], as_of)) members.push_back(facts[i].user_id);
  EXPECT_EQ(members, (std::vector<long long>{1}));  // 3 bought gold, but not in the last 90 days
  const auto count = [&](const std::string& text) {
    auto r = parse_rules(text);
    EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
    int n = 0;
    for (size_t i = 0; i < facts.size(); ++i) n += matches(*r, facts[i], s[i], as_of);
    return n;
  };
  EXPECT_EQ(count("category = ring"), 2);
  EXPECT_EQ(count("category != ring"), 3);  // the prospect never bought a ring either
  EXPECT_EQ(count("group = at_risk"), 1);
  EXPECT_EQ(count("orders >= 3"), 2);
  EXPECT_EQ(count("days_since <= 30"), 2);
  EXPECT_EQ(count("churn >= 50"), 2);
  EXPECT_EQ(count("marketing = yes"), 0);
  EXPECT_EQ(count(""), 5);  // no condition: everyone
}

TEST(Customers, ViewedRingsThreeTimesNeverBoughtOne) {
  auto facts = five();
  // 5 (never bought) looked at rings four times, 2 (bought earrings) three times but a month ago, 4 (bought
  // a ring) many times.
  facts[4].viewed = {{"ring", "gold", "2026-11-28", 3},
                     {"ring", "silver", "2026-11-29", 1},
                     {"necklace", "gold", "2026-11-29", 5}};
  facts[1].viewed = {{"ring", "silver", "2026-10-20", 3}};
  facts[3].viewed = {{"ring", "silver", "2026-11-30", 9}};
  const auto s = score_customers(facts, as_of);
  const auto members = [&](const std::string& text) {
    auto r = parse_rules(text);
    EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().message);
    std::vector<long long> out;
    for (size_t i = 0; i < facts.size(); ++i)
      if (matches(*r, facts[i], s[i], as_of)) out.push_back(facts[i].user_id);
    return out;
  };
  EXPECT_EQ(members("viewed_category = ring; views >= 3; category != ring"), (std::vector<long long>{2, 5}));
  EXPECT_EQ(members("viewed_category = ring; views >= 3; category != ring; viewed_days = 14"),
            (std::vector<long long>{5}));  // 2's views were a month ago
  EXPECT_EQ(members("viewed_category = ring; viewed_metal = gold"), (std::vector<long long>{5}));
  EXPECT_EQ(members("viewed_category != necklace; views >= 1"), (std::vector<long long>{2, 4}));
  EXPECT_EQ(members("views >= 9"),
            (std::vector<long long>{4, 5}));  // of any kind: 9 rings; 4 rings, 5 necklaces
  EXPECT_EQ(members("viewed_category = ring; views > 9"), (std::vector<long long>{}));
  EXPECT_TRUE(uses_views(parse_rules("orders >= 1; views >= 2").value()));
  EXPECT_TRUE(uses_views(parse_rules("viewed_days = 7").value()));
  EXPECT_FALSE(uses_views(parse_rules("metal = gold; within_days = 90").value()));
}

TEST(Customers, BadRulesSayWhichLine) {
  const auto why = [](const std::string& text) {
    auto r = parse_rules(text);
    return r.ok() ? std::string("ok") : r.error().field + ": " + r.error().message;
  };
  EXPECT_EQ(
      why("metal = gold\ncolour = red"),
      "rules: line 2 (colour = red): unknown field; use metal, category, within_days, group, marketing, "
      "orders, spent, ltv, days_since, churn, viewed_category, viewed_metal, views or viewed_days");
  EXPECT_NE(why("spent >= lots").find("whole number"), std::string::npos);
  EXPECT_NE(why("metal > gold").find("takes = or !="), std::string::npos);
  EXPECT_NE(why("group = vip").find("a group is"), std::string::npos);
  EXPECT_NE(why("just words").find("line 1"), std::string::npos);
  EXPECT_NE(why("marketing = maybe").find("yes"), std::string::npos);
  EXPECT_EQ(why("spent == 100"), "ok");
}

}  // namespace
}  // namespace brilliant::marketing
