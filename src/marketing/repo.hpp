// Recommendation counts in the database (SQL only; the model is in recommend.hpp).
#pragma once
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "db/fwd.hpp"
#include "marketing/recommend.hpp"

namespace brilliant::marketing::repo {

// (a, b) with a <= b -> how many more times.
using Counts = std::map<std::pair<long long, long long>, long long>;
// Adds the counts (pairs whose pieces were deleted meanwhile are skipped).
void add_counts(soci::session& sql, Signal signal, const Counts& counts);
// True when any count of the signal is stored.
bool any_counts(soci::session& sql, Signal signal);
// Every stored count.
void load_counts(soci::session& sql, const std::function<void(Signal, const Pair&)>& each);
// The pieces a shopper bought in paid orders other than `order_id`, newest first.
std::vector<long long> purchased(soci::session& sql, long long user_id, long long except_order_id = 0);

}  // namespace brilliant::marketing::repo
