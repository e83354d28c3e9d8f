// The dashboard's numbers in SQL (dashboard.hpp says what they are): a period's funnel and paid orders,
// for everyone (workshop 0) or one workshop's pieces and parcels.
#pragma once
#include <string>

#include "db/fwd.hpp"
#include "marketing/dashboard.hpp"

namespace brilliant::marketing::repo {

// first_day, last_day: Seoul days, inclusive. Workshops and the exhibitions whose links brought orders
// are named in English for English readers (`english`), a campaign of ours by its name, any other
// campaign by its UTM name.
DashboardData load_dashboard(soci::session& sql, long long workshop_id, const std::string& first_day,
                             const std::string& last_day, bool english);

}  // namespace brilliant::marketing::repo
