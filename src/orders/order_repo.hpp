// Orders in SQL: reading orders whole (many at once) and appending their events. Used by orders::Orders
// inside its transactions; nothing here checks who asks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "orders/orders.hpp"

namespace brilliant::orders::repo {

// The orders with these ids, whole (parcels, lines, events), in that order: four queries however many.
std::vector<Order> load_many(soci::session& sql, const std::vector<long long>& ids);
std::optional<Order> load_id(soci::session& sql, long long id);
std::optional<Order> load(soci::session& sql, const std::string& number);
// The ids a list query selects (its first column), in its order.
std::vector<long long> ids_of(soci::rowset<soci::row>& rows);
// Appends an order event (actor 0: the system).
void record(soci::session& sql, long long order_id, long long actor_id, const std::string& kind,
            const std::string& note, const std::string& at);

}  // namespace brilliant::orders::repo
