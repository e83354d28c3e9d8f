// Orders' reads: one order (for whoever may see it), and the lists: a shopper's, a workshop's (its own
// parcel of each), the operator's search, and the paid parcels the packing station has to pack.
#include <cctype>

#include "core/secret.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "orders/order_repo.hpp"
#include "orders/orders.hpp"

namespace brilliant::orders {
using repo::ids_of;
using repo::load;
using repo::load_many;

std::optional<Order> Orders::find(const std::string& number) {
  if (!looks_like_order_number(number)) return std::nullopt;
  return db_.read([&](soci::session& sql) { return load(sql, number); });
}

std::optional<Order> Orders::visible(const std::string& number, long long user_id, bool is_operator,
                                     const std::string& key) {
  auto order = find(number);
  if (!order) return std::nullopt;
  const bool owner = user_id != 0 && order->user_id == user_id;
  const bool guest = !order->guest_key.empty() && secrets_equal(key, order->guest_key);
  if (owner || is_operator || guest) return order;
  return std::nullopt;
}

std::vector<Order> Orders::of_user(long long user_id, int limit) {
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id FROM orders WHERE user_id = :u ORDER BY created_at DESC, id DESC LIMIT :l",
         soci::use(user_id), soci::use(limit));
    return load_many(sql, ids_of(rows));
  });
}

std::vector<Order> Orders::of_workshop(long long workshop_id, int limit) {
  return of_workshop(workshop_id, "", limit, 0);
}

std::vector<Order> Orders::of_workshop(long long workshop_id, std::string_view parcel, int limit,
                                       int offset) {
  const std::string status(parcel);
  const int every = status.empty() ? 1 : 0;  // bound values must outlive the statement
  auto all = db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT o.id FROM orders o JOIN fulfilments f ON f.order_id = o.id WHERE f.workshop_id "
                "= :w AND (f.status = :s OR :all = 1) ORDER BY o.created_at DESC, o.id DESC LIMIT :l "
                "OFFSET :o",
         soci::use(workshop_id), soci::use(status), soci::use(every), soci::use(limit), soci::use(offset));
    return load_many(sql, ids_of(rows));
  });
  std::vector<Order> out;
  for (auto& o : all) out.push_back(workshop_part(std::move(o), workshop_id));
  return out;
}

std::map<std::string, long long> Orders::workshop_parcels(long long workshop_id) {
  return db_.read([&](soci::session& sql) {
    std::map<std::string, long long> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT status, COUNT(*) FROM fulfilments WHERE workshop_id = :w GROUP BY status",
         soci::use(workshop_id));
    for (const auto& row : rows) out[db::row_text(row, 0)] = db::row_int(row, 1);
    return out;
  });
}

std::optional<Order> Orders::of_workshop(long long workshop_id, const std::string& number) {
  auto order = find(number);
  if (!order) return std::nullopt;
  for (const auto& f : order->fulfilments)
    if (f.workshop_id == workshop_id) return workshop_part(std::move(*order), workshop_id);
  return std::nullopt;  // another workshop's order: the same answer as a missing one
}

std::vector<Order> Orders::recent(const std::string& status, const std::string& raw_q, int limit) {
  const int every = status.empty() ? 1 : 0;  // bound values must outlive the statement
  std::string q(trim(raw_q)), email = q, phone = korean_phone(q).value_or(q);
  for (auto& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const int anyone = q.empty() ? 1 : 0;
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT o.id FROM orders o LEFT JOIN users u ON u.id = o.user_id "
                "WHERE (o.status = :s OR :all = 1) AND (:anyone = 1 OR o.number = :q OR o.recipient = :q2 "
                "OR o.guest_email = :e OR u.email = :e2 OR o.phone = :p) ORDER BY o.created_at DESC, o.id "
                "DESC LIMIT :l",
         soci::use(status), soci::use(every), soci::use(anyone), soci::use(q), soci::use(q), soci::use(email),
         soci::use(email), soci::use(phone), soci::use(limit));
    return load_many(sql, ids_of(rows));
  });
}

std::vector<Order> Orders::to_ship(int limit, const std::string& number, const std::string& workshop_slug) {
  const int any = number.empty() ? 1 : 0, every = workshop_slug.empty() ? 1 : 0;
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT o.id FROM orders o WHERE o.status = 'paid' AND (:any = 1 OR o.number = :n) AND "
                "EXISTS (SELECT 1 FROM fulfilments f JOIN workshops w ON w.id = f.workshop_id WHERE "
                "f.order_id = o.id AND f.status = 'to_ship' AND (:every = 1 OR w.slug = :w)) "
                "ORDER BY o.paid_at, o.id LIMIT :l",
         soci::use(any), soci::use(number), soci::use(every), soci::use(workshop_slug), soci::use(limit));
    return load_many(sql, ids_of(rows));
  });
}

std::vector<WaitingParcels> Orders::waiting_by_workshop() {
  return db_.read([&](soci::session& sql) {
    std::vector<WaitingParcels> out;
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT w.slug, w.name, w.name_en, COUNT(*) AS parcels FROM fulfilments f "
                       "JOIN orders o ON o.id = f.order_id JOIN workshops w ON w.id = f.workshop_id "
                       "WHERE f.status = 'to_ship' AND o.status = 'paid' GROUP BY w.slug, w.name, w.name_en "
                       "ORDER BY parcels DESC, w.slug";
    for (const auto& r : rows)
      out.push_back({db::row_text(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_int(r, 3)});
    return out;
  });
}

}  // namespace brilliant::orders
