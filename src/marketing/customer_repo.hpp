// Customers and segments in SQL (the rules are in customers.hpp): every shopper account's paid orders,
// the pieces in them and their latest marketing decision; saved segments.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/fwd.hpp"
#include "marketing/customers.hpp"

namespace brilliant::marketing::repo {

// Every active shopper account (with or without orders; staff accounts only once they have paid for an
// order) and anyone else who has paid for an order; with what they looked at only when asked (the
// views are the costliest part, and only viewed_... rules need them).
std::vector<CustomerFacts> load_customers(soci::session& sql, bool with_views = true);

// A segment's members now (rules as customers.hpp reads them), best customers first; none when the
// rules do not parse. Scores everyone: what campaigns send to and segment-limited coupons check.
std::vector<CustomerFacts> segment_members(soci::session& sql, const std::string& rules, TimePoint now);

struct Segment {
  long long id = 0;
  std::string name, rules, created_at;
};
long long save_segment(soci::session& sql, const std::string& name, const std::string& rules, long long by,
                       const std::string& at);
std::vector<Segment> segments(soci::session& sql);
std::optional<Segment> segment(soci::session& sql, long long id);

}  // namespace brilliant::marketing::repo
