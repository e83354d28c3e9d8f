// Exchanges for another size (issue 12): what Returns does with an exchange's size, inside the caller's
// transaction where it writes. The size is held from stock when the exchange is asked for (it cannot sell
// out meanwhile), given back when the exchange ends without one (rejected, or the piece failed
// inspection), and sent in a replacement parcel once the returned piece passes inspection
// (migrations/047_exchanges.sql).
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/fwd.hpp"
#include "orders/order.hpp"

namespace brilliant::orders {
class Orders;
struct OrderReturn;
}  // namespace brilliant::orders

namespace brilliant::orders::exchanges {

// The size asked for, checked against the piece's product now: one line, a size of its product, enough
// of it in stock (or made to order).
Result<SizeChoice> choose(Orders& orders, const Order& order, const std::vector<long long>& line_ids,
                          long long variant_id);
// The size an exchange asked for, as the catalog names it now (or as the exchange recorded it, when the
// piece has left the catalog).
SizeChoice size_of(Orders& orders, const Order& order, const OrderReturn& exchange);
// Holds the line's quantity of the size (none for a made-to-order piece): the units held, or a refusal
// naming exchange_variant_id when they sold out a moment ago.
Result<int> hold(soci::session& sql, const OrderLine& line, const SizeChoice& size, const std::string& at);
// Gives back what the exchange still holds (once, however often it is called).
void release(soci::session& sql, long long return_id, const std::string& at);
// Opens the replacement parcel: a fulfilment of the same workshop to ship, whose line is the exchanged one
// in the new size at no charge, holding the exchange's units. Returns the parcel's id.
long long open_replacement(soci::session& sql, const Order& order, const OrderReturn& exchange,
                           const SizeChoice& size, const std::string& at);

}  // namespace brilliant::orders::exchanges
