// Orders in SQL: reading orders whole (many at once) and appending their events. Used by orders::Orders
// inside its transactions; nothing here checks who asks.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "orders/orders.hpp"

namespace brilliant::orders::repo {

// The orders with these ids, whole (parcels, lines, events), in that order: four queries however many.
std::vector<Order> load_many(soci::session& sql, const std::vector<long long>& ids);
std::optional<Order> load_id(soci::session& sql, long long id);
std::optional<Order> load(soci::session& sql, const std::string& number);
// The order's own row (with its customer, and its "placed" event) as load_many reads it,
// and the columns an INSERT INTO orders returns it with (order_writes.cpp).
Order head_of(const soci::row& r);
extern const std::string returned_head;
// The ids a list query selects (its first column), in its order.
std::vector<long long> ids_of(soci::rowset<soci::row>& rows);
// Appends an order event (actor 0: the system).
void record(soci::session& sql, long long order_id, long long actor_id, const std::string& kind,
            const std::string& note, const std::string& at);

// What checkout writes beside the cart's lines and the plan.
struct NewOrder {
  std::string number, key, fingerprint, guest_email, guest_key, locale, pay_by, at;
  long long user_id = 0;  // 0: a guest
  Address address;
  std::string cart_token;  // empty: the lines were bought directly, no cart gives them up
  Attribution utm;
  TransferDetails transfer;
};
struct Inserted {
  long long order_id = 0;
  Order head;  // the order's own row as written (head_of's fields, its "placed" event), no parcels or lines
  std::vector<long long> sold;      // products the order took stock of (their pages show counts)
  std::vector<long long> sold_out;  // of those, the ones it took the last piece of (listings may change)
  std::vector<std::pair<long long, int>> left;  // each variant it took stock of, with the stock left
  // The parcels and lines as written (a parcel's workshop by id only: its names are the caller's to add),
  // in the order load_many reads them back.
  std::vector<Fulfilment> fulfilments;
  std::vector<OrderLine> lines;
};
// Inserts the order (its row is its "placed" event), its parcels and lines in the caller's transaction: the
// cart's lines leave the cart exactly once and stock is taken only if enough is left, else a conflict (the
// caller rolls back).
Result<Inserted> insert_order(soci::session& sql, const NewOrder& order, const std::vector<CartLine>& lines,
                              const OrderPlan& plan, const std::vector<vendors::CommissionRate>& rates,
                              const Orders::VariantLabel& label);

}  // namespace brilliant::orders::repo
