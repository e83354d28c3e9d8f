// Per-customer purchase limits (migration 044): a piece with per_customer_limit N sells at most N to one
// customer over all their orders that were not cancelled. Counted in the order's transaction by one
// conditional UPDATE per limited piece, so two tabs (or two nodes) placing at once cannot both pass.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/fwd.hpp"
#include "orders/carts.hpp"
#include "orders/order.hpp"

namespace brilliant::orders::purchase_limits {

// Who the limit counts: "u:<user id>", or "e:<email>" for a guest.
std::string buyer_key(long long user_id, const std::string& email);
// Adds the lines' pieces to what the customer bought of each limited piece; a conflict naming "cart"
// (the piece, its limit and how many were bought before) when one would go over. The caller rolls back.
Result<void> count(soci::session& sql, const std::string& buyer, const std::vector<CartLine>& lines,
                   const std::string& locale);
// A cancelled order's pieces are no longer counted.
void give_back(soci::session& sql, const std::string& buyer, const Order& order);

}  // namespace brilliant::orders::purchase_limits
