// Customers (pure: no SQL, no HTTP). What each shopper's paid orders say of them: RFM scores (recency,
// frequency, money; quintiles 1-5 over everyone who has bought), a named RFM group, churn risk from how
// long they have been away against their own rhythm, and a lifetime value (what they spent plus a year
// of what they are expected to spend). Segments are rules over these ("metal = gold", "within_days <= 90",
// "spent >= 500000"), all of which must hold.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace brilliant::marketing {

// A piece a customer bought in a paid order: its category and metal, and when the order was paid.
struct Bought {
  std::string category, metal, paid_at;
};
// Pieces a customer looked at on one Seoul day: their category and metal, and how many times.
struct Viewed {
  std::string category, metal, day;
  long long views = 0;
};
struct CustomerFacts {
  long long user_id = 0;
  std::string name, email, joined_at;
  std::vector<std::string> paid_at;  // UTC times of paid orders, oldest first
  long long spent = 0;               // won over those orders
  std::vector<Bought> bought;
  bool marketing = false;  // may be sent marketing now (their latest decision)
  std::vector<Viewed> viewed;
};

struct CustomerScore {
  int recency = 0, frequency = 0, monetary = 0;  // 1-5; 0 for someone who has not bought
  std::string group;      // champions, loyal, new, promising, at_risk, hibernating, needs_attention, prospect
  int days_since = -1;    // since the last paid order; -1: none
  int churn_percent = 0;  // 0-99: the chance they have lapsed
  long long ltv = 0;      // won: spent, plus a year expected
};

// Scores for each customer (same order) at `now`.
std::vector<CustomerScore> score_customers(const std::vector<CustomerFacts>& customers, TimePoint now);

// One condition of a segment: field, operator and value, as typed ("spent >= 500000").
struct Condition {
  std::string field, op, value;
};
// Parses a segment's rules: one condition per line or separated by ';'. Fields:
//   metal, category = or != a name: bought (or never bought) such a piece; with within_days, within it
//   within_days = N: bought something in the last N days (and scopes metal and category to them)
//   group = or != an RFM group; marketing = yes or no (may be messaged)
//   orders, spent, ltv, days_since, churn (percent) with =, !=, <, <=, >, >=
//   viewed_category, viewed_metal = or != a name: looked at (or never looked at) such a piece
//   views with a comparison: how often they looked at pieces of the viewed_... kinds (any, without them)
//   viewed_days = N: only the views of the last N days count (all kept, without it)
//   e.g. "viewed rings 3+ times, never bought one": viewed_category = ring; views >= 3; category != ring
// Errors name the field "rules" and say which line.
Result<std::vector<Condition>> parse_rules(const std::string& text);
// Whether any condition reads what customers looked at (viewed_..., views).
bool uses_views(const std::vector<Condition>& rules);
// True when every condition holds for the customer at `now`.
bool matches(const std::vector<Condition>& rules, const CustomerFacts& facts, const CustomerScore& score,
             TimePoint now);

// A segment's members, best customers (highest lifetime value) first: indexes into `customers`.
std::vector<size_t> members_of(const std::vector<Condition>& rules,
                               const std::vector<CustomerFacts>& customers,
                               const std::vector<CustomerScore>& scores, TimePoint now);

}  // namespace brilliant::marketing
