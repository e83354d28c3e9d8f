// The dashboard's numbers in SQL (dashboard.hpp says what they are): a period's funnel and paid orders,
// for everyone (workshop 0) or one workshop's pieces and parcels.
#pragma once
#include <string>

#include "db/fwd.hpp"
#include "marketing/dashboard.hpp"

namespace brilliant::marketing::repo {

// first_day, last_day: Seoul days, inclusive.
DashboardData load_dashboard(soci::session& sql, long long workshop_id, const std::string& first_day,
                             const std::string& last_day);

}  // namespace brilliant::marketing::repo
