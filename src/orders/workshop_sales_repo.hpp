// A workshop's orders and cart adds, for its dashboard (vendors asks through vendors::Deps::sales; the
// orders module owns orders, fulfilments and cart_lines).
#pragma once
#include <string>

#include "db/database.hpp"
#include "vendors/deps.hpp"

namespace brilliant::orders::repo {

// Orders holding the workshop's pieces (its parcels), not cancelled, placed since each time; revenue of
// paid ones by the day the payment was confirmed; parcels still to ship; cart adds of its pieces.
vendors::WorkshopSales workshop_sales(db::Database& db, long long workshop, const std::string& since_7,
                                      const std::string& since_30);

}  // namespace brilliant::orders::repo
