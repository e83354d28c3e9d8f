// Delivery and purchase confirmation (declared in orders.hpp): parcels delivered by the workshop, the
// operator or the carrier's export, and 구매확정 by the shopper or by itself, which credits the ledger.
#include <algorithm>

#include "db/database.hpp"
#include "db/kept.hpp"
#include "orders/delivery_rules.hpp"
#include "orders/ledger.hpp"
#include "orders/order_repo.hpp"
#include "orders/orders.hpp"

namespace brilliant::orders {
using repo::load;
using repo::load_id;
using repo::record;

namespace {

void set_delivered(soci::session& sql, const Order& order, const Fulfilment& f, long long actor_id,
                   const std::string& note, const std::string& at) {
  sql << "UPDATE fulfilments SET status = 'delivered', delivered_at = :at, updated_at = :up WHERE id = :id "
         "AND "
         "status = 'shipped'",
      soci::use(at), soci::use(at), soci::use(f.id);
  record(sql, order.id, actor_id, "delivered", f.workshop_ko + (note.empty() ? "" : " · " + note), at);
}

}  // namespace

Result<Order> Orders::deliver(const std::string& number, long long workshop_id, long long actor_id) {
  if (!looks_like_order_number(number)) return Error::not_found("order");
  const auto at = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Order> {
    auto order = load(sql, number);
    if (!order) return Error::not_found("order");
    int marked = 0, mine = 0;
    for (const auto& f : order->fulfilments) {
      if (workshop_id && f.workshop_id != workshop_id) continue;
      ++mine;
      if (f.status != ParcelStatus::shipped) continue;
      set_delivered(sql, *order, f, actor_id, "", at);
      ++marked;
    }
    if (!mine) return Error::not_found("order");
    if (!marked)
      return Error::conflict("status", "parcel_not_shipped",
                             "no parcel of order " + number + " is on its way");
    auto delivered = *load_id(sql, order->id);
    if (compose_) mail::enqueue(sql, compose_(delivered, "delivered"), clock_);
    return delivered;
  });
}

Result<Orders::DeliveryImport> Orders::import_deliveries(const std::string& csv, long long actor_id) {
  const auto rows = TRY(read_carrier_export(csv));
  const auto at = format_utc(clock_.now());
  DeliveryImport out;
  out.other_rows = rows.other_rows;
  out.unmatched = rows.refused;
  for (const auto& row : rows.delivered) {
    // One transaction per parcel: a bad row never undoes the good ones.
    auto done = db_.write([&](soci::session& sql) -> Result<int> {
      long long order_id = 0;
      std::string status;
      sql << "SELECT order_id, status FROM fulfilments WHERE carrier = :c AND tracking = :t",
          soci::use(row.carrier), soci::use(row.tracking), soci::into(order_id), soci::into(status);
      if (!sql.got_data()) return Error::not_found("parcel");
      if (status != "shipped") return 0;
      auto order = *load_id(sql, order_id);
      for (const auto& f : order.fulfilments)
        if (f.carrier == row.carrier && f.tracking == row.tracking)
          set_delivered(sql, order, f, actor_id, row.carrier + " " + row.tracking, at);
      if (compose_) mail::enqueue(sql, compose_(*load_id(sql, order_id), "delivered"), clock_);
      return 1;
    });
    if (!done)
      out.unmatched.push_back("line " + std::to_string(row.line) + ": " + row.carrier + " " + row.tracking +
                              " is no parcel we shipped");
    else if (*done)
      ++out.delivered;
    else
      ++out.already;
  }
  return out;
}

Result<Order> Orders::confirm_purchase(const std::string& number, long long actor_id) {
  if (!looks_like_order_number(number)) return Error::not_found("order");
  const auto at = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Order> {
    auto order = load(sql, number);
    if (!order) return Error::not_found("order");
    int confirmed = 0;
    for (const auto& f : order->fulfilments) {
      if (f.status != ParcelStatus::delivered) continue;
      soci::statement update =
          (sql.prepare << "UPDATE fulfilments SET status = 'confirmed', confirmed_at = :at, updated_at = :up "
                          "WHERE id = :id AND status = 'delivered'",
           soci::use(at), soci::use(at), soci::use(f.id));
      update.execute(true);
      if (update.get_affected_rows() != 1) continue;
      Ledger::credit_confirmed(sql, *order, f, at);
      record(sql, order->id, actor_id, "confirmed", f.workshop_ko, at);
      ++confirmed;
    }
    if (!confirmed)
      return Error::conflict("status", "nothing_delivered",
                             "no delivered parcel of order " + number + " awaits confirmation");
    return *load_id(sql, order->id);
  });
}

int Orders::auto_confirm() {
  const auto before = format_utc(clock_.now() - std::chrono::hours(24 * auto_confirm_days));
  auto due = db_.read([&](soci::session& sql) {
    std::vector<std::string> numbers;
    soci::rowset<std::string> rows =
        (sql.prepare
             << "SELECT DISTINCT o.number FROM fulfilments f JOIN orders o ON o.id = f.order_id WHERE "
                "f.status = 'delivered' AND f.delivered_at < :b AND NOT EXISTS (SELECT 1 FROM order_returns "
                "r WHERE "
                "r.fulfilment_id = f.id AND r.status IN ('requested', 'approved', 'shipped_back', "
                "'received')) "
                "ORDER BY o.number",
         soci::use(before));
    for (const auto& n : rows) numbers.push_back(n);
    return numbers;
  });
  int confirmed = 0;
  for (const auto& number : due) confirmed += confirm_purchase(number, 0).ok();
  return confirmed;
}

}  // namespace brilliant::orders

namespace brilliant::orders {

std::vector<std::pair<std::string, std::string>> Orders::tracking_links() {
  auto kept = db_.read([&](soci::session& sql) {
    std::vector<std::pair<std::string, std::string>> rows;
    db::each(sql, "SELECT carrier, tracking_url FROM carrier_links",
             [&](const soci::row& r) { rows.emplace_back(db::row_text(r, 0), db::row_text(r, 1)); });
    return rows;
  });
  std::vector<std::pair<std::string, std::string>> out;
  for (auto code : carriers) {
    out.emplace_back(std::string(code), "");
    for (const auto& [carrier, url] : kept)
      if (carrier == code) out.back().second = url;
  }
  return out;
}

Result<void> Orders::set_tracking_link(const std::string& carrier, const std::string& url_template) {
  if (std::find(std::begin(carriers), std::end(carriers), carrier) == std::end(carriers))
    return Error::invalid("carrier", "carrier_invalid",
                          "carrier must be one of cj, post, hanjin, lotte, logen");
  const auto checked = TRY(check_tracking_template(url_template));
  const auto at = format_utc(clock_.now());
  db_.write([&](soci::session& sql) {
    sql << "DELETE FROM carrier_links WHERE carrier = :c", soci::use(carrier);
    sql << "INSERT INTO carrier_links (carrier, tracking_url, updated_at) VALUES (:c, :u, :a)",
        soci::use(carrier), soci::use(checked), soci::use(at);
  });
  return {};
}

}  // namespace brilliant::orders
