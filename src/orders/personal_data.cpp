// Personal data in orders (declared in orders.hpp and personal_data.hpp): an account closing, and guests'
// orders past their retention, keep the order as a record with the personal data reduced.
#include "orders/personal_data.hpp"

#include "core/text.hpp"
#include "db/database.hpp"
#include "orders/order_repo.hpp"
#include "orders/orders.hpp"

namespace brilliant::orders {

std::string reduced_name(std::string_view name) {
  const auto trimmed = trim(name);
  if (trimmed.empty()) return "";
  // The first UTF-8 character: its lead byte tells its length.
  const auto lead = static_cast<unsigned char>(trimmed[0]);
  const size_t first = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  const size_t rest = utf8_length(trimmed) - 1;
  return std::string(trimmed.substr(0, std::min(first, trimmed.size()))) +
         std::string(std::max<size_t>(rest, 2), '*');
}

std::string reduced_address(std::string_view address) {
  std::string out;
  int words = 0;
  size_t i = 0;
  const auto text = trim(address);
  while (i < text.size() && words < 2) {
    const auto end = text.find(' ', i);
    const auto word = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (!word.empty()) {
      out += (out.empty() ? "" : " ") + std::string(word);
      ++words;
    }
    if (end == std::string_view::npos) break;
    i = end + 1;
  }
  return out;
}

namespace {

// Reduces one order in the caller's transaction; false when it was reduced already.
bool reduce(soci::session& sql, long long order_id, const std::string& now) {
  std::string recipient, address, depositor;
  soci::indicator reduced = soci::i_null;
  std::string reduced_at;
  sql << "SELECT recipient, address, depositor, personal_data_reduced_at FROM orders WHERE id = :id",
      soci::use(order_id), soci::into(recipient), soci::into(address), soci::into(depositor),
      soci::into(reduced_at, reduced);
  if (!sql.got_data() || reduced == soci::i_ok) return false;
  const auto name = reduced_name(recipient), region = reduced_address(address);
  const auto sender = depositor.empty() ? std::string() : reduced_name(depositor);
  // The depositor's name is reduced like the recipient's; a cash receipt's number stays with the payment's
  // record (kept five years, like the contract).
  sql << "UPDATE orders SET recipient = :r, phone = '', postcode = '', address = :a, address_detail = '', "
         "delivery_note = '', guest_email = '', depositor = :d, "
         "personal_data_reduced_at = :now, updated_at = :now2 WHERE id = :id",
      soci::use(name), soci::use(region), soci::use(sender), soci::use(now), soci::use(now),
      soci::use(order_id);
  sql << "UPDATE order_returns SET refund_account = '' WHERE order_id = :id", soci::use(order_id);
  repo::record(sql, order_id, 0, "personal_data_reduced", "", now);
  return true;
}

}  // namespace

int Orders::open_orders_of(long long user_id) {
  return db_.read([&](soci::session& sql) {
    long long open = 0;
    sql << "SELECT COUNT(*) FROM orders o WHERE o.user_id = :u AND (o.status = 'awaiting_payment' OR EXISTS "
           "(SELECT 1 FROM fulfilments f WHERE f.order_id = o.id AND f.status IN ('to_ship', 'shipped')) OR "
           "EXISTS (SELECT 1 FROM order_returns r WHERE r.order_id = o.id AND r.status IN ('requested', "
           "'approved', 'shipped_back', 'received')))",
        soci::use(user_id), soci::into(open);
    return static_cast<int>(open);
  });
}

Result<int> Orders::forget_customer(long long user_id) {
  if (const int open = open_orders_of(user_id))
    return Error::conflict("orders", "orders_open",
                           std::to_string(open) +
                               " order(s) are still open (awaiting payment, on their way or "
                               "being returned): finish or cancel them first");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<int> {
    std::vector<long long> ids;
    soci::rowset<long long> rows =
        (sql.prepare << "SELECT id FROM orders WHERE user_id = :u", soci::use(user_id));
    for (auto id : rows) ids.push_back(id);
    int reduced = 0;
    for (auto id : ids) reduced += reduce(sql, id, now);
    sql << "DELETE FROM carts WHERE user_id = :u", soci::use(user_id);
    return reduced;
  });
}

int Orders::reduce_old_guest_orders() {
  const auto now = clock_.now();
  const auto cutoff = format_utc(now - std::chrono::hours(24) * guest_retention_days);
  const auto at = format_utc(now);
  return db_.write([&](soci::session& sql) {
    std::vector<long long> ids;
    soci::rowset<long long> rows =
        (sql.prepare
             << "SELECT id FROM orders WHERE user_id IS NULL AND personal_data_reduced_at IS NULL AND "
                "created_at < :c ORDER BY id LIMIT 500",
         soci::use(cutoff));
    for (auto id : rows) ids.push_back(id);
    int reduced = 0;
    for (auto id : ids) reduced += reduce(sql, id, at);
    return reduced;
  });
}

}  // namespace brilliant::orders
