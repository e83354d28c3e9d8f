#include "orders/order_repo.hpp"

#include "db/kept.hpp"

#include <unordered_map>

namespace brilliant::orders::repo {

// An order's head from load_many's first query. Its row is its "placed" event too (no row of its own in
// order_events: by whom and when are the order's customer and creation), so that event comes with it.
Order head_of(const soci::row& r) {
  Order o;
  o.id = db::row_int(r, 0);
  o.user_id = db::row_int(r, 1);
  o.number = db::row_text(r, 2);
  o.status = order_status(db::row_text(r, 3));
  o.payment_method = db::row_text(r, 4);
  o.subtotal = db::row_int(r, 5);
  o.shipping_fee = db::row_int(r, 6);
  o.total = db::row_int(r, 7);
  o.address = {db::row_text(r, 8),  db::row_text(r, 9),  db::row_text(r, 10),
               db::row_text(r, 11), db::row_text(r, 12), db::row_text(r, 13)};
  o.locale = db::row_text(r, 14);
  o.pay_by = db::row_text(r, 15);
  o.paid_at = db::row_text(r, 16);
  o.cancelled_at = db::row_text(r, 17);
  o.cancel_reason = db::row_text(r, 18);
  o.created_at = db::row_text(r, 19);
  o.customer_email = db::row_text(r, 20);
  o.customer_name = db::row_text(r, 21);
  o.guest_key = db::row_text(r, 22);
  o.discount = db::row_int(r, 23);
  o.coupon_code = db::row_text(r, 24);
  o.coupon_name = db::row_text(r, 25);
  o.discount_bearer = db::row_text(r, 26);
  o.transfer = {db::row_text(r, 27), db::row_text(r, 28), db::row_text(r, 29)};
  o.events = {{"placed", "", o.user_id ? o.customer_name : "", o.created_at}};
  return o;
}

namespace {

// A line from load_many's line query.
OrderLine line_of(const soci::row& r) {
  OrderLine l;
  l.id = db::row_int(r, 1);
  l.fulfilment_id = db::row_int(r, 2);
  l.product_id = db::row_int(r, 3);
  l.variant_id = db::row_int(r, 4);
  l.workshop_id = db::row_int(r, 5);
  l.slug = db::row_text(r, 6);
  l.title_ko = db::row_text(r, 7);
  l.title_en = db::row_text(r, 8);
  l.variant_ko = db::row_text(r, 9);
  l.variant_en = db::row_text(r, 10);
  l.sku = db::row_text(r, 11);
  l.engraving = db::row_text(r, 12);
  l.quantity = static_cast<int>(db::row_int(r, 13));
  l.reserved = static_cast<int>(db::row_int(r, 14));
  l.lead_days = static_cast<int>(db::row_int(r, 15));
  l.gift_wrap = db::row_int(r, 16) != 0;
  l.final_sale = db::row_int(r, 17) != 0;
  l.made_to_order = db::row_int(r, 18) != 0;
  l.unit_price = db::row_int(r, 19);
  l.options_fee = db::row_int(r, 20);
  l.line_total = db::row_int(r, 21);
  l.pricing = db::row_text(r, 22);
  l.quote_id = db::row_int(r, 23);
  l.quote_won_per_gram = db::row_int(r, 24);
  l.quote_metal = db::row_text(r, 25);
  l.quote_day = db::row_text(r, 26);
  l.category = db::row_text(r, 27);
  l.commission_bp = static_cast<int>(db::row_int(r, 28));
  l.discount = db::row_int(r, 29);
  l.replaces_line_id = db::row_int(r, 30);
  return l;
}

// The orders' own rows with their customers, for "WHERE o.id" and a condition.
const std::string head_query =
    "SELECT o.id, COALESCE(o.user_id, 0), o.number, o.status, o.payment_method, o.subtotal, "
    "o.shipping_fee, o.total, o.recipient, o.phone, o.postcode, o.address, o.address_detail, "
    "o.delivery_note, o.locale, o.pay_by, COALESCE(o.paid_at, ''), COALESCE(o.cancelled_at, ''), "
    "o.cancel_reason, o.created_at, COALESCE(u.email, o.guest_email), COALESCE(u.name, o.recipient), "
    "o.guest_key, o.discount, o.coupon_code, o.coupon_name, o.discount_bearer, o.depositor, "
    "o.cash_receipt, o.cash_receipt_id FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE o.id";

}  // namespace

// The same columns in the same order, as an INSERT INTO orders returns them.
const std::string returned_head =
    "id, COALESCE(user_id, 0), number, status, payment_method, subtotal, shipping_fee, total, recipient, "
    "phone, postcode, address, address_detail, delivery_note, locale, pay_by, COALESCE(paid_at, ''), "
    "COALESCE(cancelled_at, ''), cancel_reason, created_at, "
    "COALESCE((SELECT email FROM users WHERE id = orders.user_id), guest_email), "
    "COALESCE((SELECT name FROM users WHERE id = orders.user_id), recipient), guest_key, discount, "
    "coupon_code, coupon_name, discount_bearer, depositor, cash_receipt, cash_receipt_id";

// The orders with these ids, whole, in that order: four queries however many orders (the list pages
// read up to a hundred). The ids come from our own rows (integers), so they are written into the SQL.
std::vector<Order> load_many(soci::session& sql, const std::vector<long long>& ids) {
  if (ids.empty()) return {};
  // One order (after placing it, on its page): the same statements every time, kept. Several (the list
  // pages): an IN list made for the call.
  const bool one = ids.size() == 1;
  std::string in = " = :id";
  if (!one) {
    in = " IN (";
    for (size_t i = 0; i < ids.size(); ++i) in += (i ? "," : "") + std::to_string(ids[i]);
    in += ")";
  }
  auto rows = [&](const std::string& query, const auto& on_row) {
    if (one)
      db::each(sql, query, on_row, soci::use(ids.front()));
    else
      db::each_once(sql, query, on_row);
  };
  std::unordered_map<long long, Order> by_id;
  rows(head_query + in, [&](const soci::row& r) { by_id[db::row_int(r, 0)] = head_of(r); });
  auto order_of = [&](const soci::row& r) -> Order* {
    auto it = by_id.find(db::row_int(r, 0));
    return it == by_id.end() ? nullptr : &it->second;
  };
  rows(
      "SELECT f.order_id, f.id, f.workshop_id, w.slug, w.name, w.name_en, f.status, f.subtotal, "
      "f.shipping_fee, f.carrier, f.tracking, COALESCE(f.shipped_at, ''), COALESCE(f.delivered_at, ''), "
      "COALESCE(f.confirmed_at, ''), f.discount, f.shipping_discount, COALESCE(f.replaces_return_id, 0) "
      "FROM fulfilments f JOIN "
      "workshops w "
      "ON w.id = f.workshop_id WHERE f.order_id" +
          in + " ORDER BY f.id",
      [&](const soci::row& r) {
        if (Order* o = order_of(r))
          o->fulfilments.push_back(
              {db::row_int(r, 1), db::row_int(r, 2), db::row_text(r, 3), db::row_text(r, 4),
               db::row_text(r, 5), parcel_status(db::row_text(r, 6)), db::row_int(r, 7), db::row_int(r, 8),
               db::row_text(r, 9), db::row_text(r, 10), db::row_text(r, 11), db::row_text(r, 12),
               db::row_text(r, 13), db::row_int(r, 14), db::row_int(r, 15), db::row_int(r, 16)});
      });
  rows(
      "SELECT l.order_id, l.id, l.fulfilment_id, l.product_id, l.variant_id, f.workshop_id, l.slug, "
      "l.title_ko, l.title_en, l.variant_ko, l.variant_en, l.sku, l.engraving, l.quantity, l.reserved, "
      "l.lead_days, l.gift_wrap, l.final_sale, l.made_to_order, l.unit_price, l.options_fee, "
      "l.line_total, l.pricing, COALESCE(l.quote_id, 0), l.quote_won_per_gram, l.quote_metal, "
      "l.quote_day, l.category, l.commission_bp, l.discount, COALESCE(l.replaces_line_id, 0) FROM "
      "order_lines l JOIN fulfilments f ON f.id "
      "= "
      "l.fulfilment_id WHERE l.order_id" +
          in + " ORDER BY l.id",
      [&](const soci::row& r) {
        if (Order* o = order_of(r)) o->lines.push_back(line_of(r));
      });
  rows(
      "SELECT e.order_id, e.kind, e.note, COALESCE(u.name, ''), e.created_at FROM order_events e "
      "LEFT JOIN users u ON u.id = e.actor_id WHERE e.order_id" +
          in + " ORDER BY e.id",
      [&](const soci::row& r) {
        if (Order* o = order_of(r))
          o->events.push_back(
              {db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3), db::row_text(r, 4)});
      });
  std::vector<Order> out;
  for (long long id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
  return out;
}

std::optional<Order> load_id(soci::session& sql, long long id) {
  auto found = load_many(sql, {id});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Order> load(soci::session& sql, const std::string& number) {
  long long id = 0;
  sql << "SELECT id FROM orders WHERE number = :n", soci::use(number), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return load_id(sql, id);
}

// The ids a list query selects (its first column), in its order.
std::vector<long long> ids_of(soci::rowset<soci::row>& rows) {
  std::vector<long long> ids;
  for (const auto& r : rows) ids.push_back(db::row_int(r, 0));
  return ids;
}

void record(soci::session& sql, long long order_id, long long actor_id, const std::string& kind,
            const std::string& note, const std::string& at) {
  soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
  db::run(
      sql,
      "INSERT INTO order_events (order_id, actor_id, kind, note, created_at) VALUES (:o, :a, :k, :n, :at)",
      soci::use(order_id), soci::use(actor_id, actor_ind), soci::use(kind), soci::use(note), soci::use(at));
}

}  // namespace brilliant::orders::repo
