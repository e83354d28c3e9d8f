// Writes of a variant's stock that a person makes (stock page, edit form, piece API, CSV import):
// compare-and-set against the stock the editor saw, so a sale made since the page was loaded is never
// undone (issue 20). Orders take and give back stock with their own conditional updates (orders.cpp).
#pragma once
#include <string>

#include "core/result.hpp"
#include "db/database.hpp"

namespace brilliant::catalog::repo {

// Sets a variant's stock to `wanted` if it still is `seen`; seen < 0 sets it as given; seen == wanted
// changes nothing. Else a conflict naming `field` with the stock as it is now (not_found when the
// variant is gone). Runs in the caller's transaction.
Result<void> set_stock(soci::session& sql, long long variant_id, int seen, int wanted, const std::string& now,
                       const std::string& field);

}  // namespace brilliant::catalog::repo
