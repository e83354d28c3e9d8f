#include "payments/payment_repo.hpp"

#include "db/database.hpp"

namespace brilliant::payments::repo {
using db::row_int;
using db::row_text;

namespace {

constexpr char columns[] =
    "SELECT p.id, p.order_id, o.number, p.provider, p.provider_order_id, p.payment_key, p.status, p.method, "
    "p.amount, p.balance, p.approved_at, p.created_at, p.updated_at, p.account_number, p.bank_code, "
    "p.account_holder, p.due_date FROM payments p JOIN orders o ON o.id = p.order_id ";

Payment from_row(const soci::row& r) {
  Payment p;
  p.id = row_int(r, 0);
  p.order_id = row_int(r, 1);
  p.order_number = row_text(r, 2);
  p.provider = row_text(r, 3);
  p.provider_order_id = row_text(r, 4);
  p.payment_key = row_text(r, 5);
  p.status = payment_status(row_text(r, 6)).value_or(PaymentStatus::ready);
  p.method = row_text(r, 7);
  p.amount = row_int(r, 8);
  p.balance = row_int(r, 9);
  p.approved_at = row_text(r, 10);
  p.created_at = row_text(r, 11);
  p.updated_at = row_text(r, 12);
  p.account_number = row_text(r, 13);
  p.bank_code = row_text(r, 14);
  p.account_holder = row_text(r, 15);
  p.due_date = row_text(r, 16);
  return p;
}

std::vector<Payment> all_of(soci::rowset<soci::row>& rows) {
  std::vector<Payment> out;
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

}  // namespace

Payment insert(soci::session& sql, long long order_id, const std::string& order_number, long long amount,
               const std::string& at) {
  long long earlier = 0;
  sql << "SELECT COUNT(*) FROM payments WHERE order_id = :o", soci::use(order_id), soci::into(earlier);
  Payment p;
  p.order_id = order_id;
  p.order_number = order_number;
  p.provider_order_id = provider_order_id(order_number, static_cast<int>(earlier) + 1);
  p.amount = amount;
  p.created_at = p.updated_at = at;
  const std::string status = to_string(PaymentStatus::ready);
  sql << "INSERT INTO payments (order_id, provider, provider_order_id, status, amount, balance, created_at, "
         "updated_at) VALUES (:o, :pr, :po, :s, :a, 0, :c, :u) RETURNING id",
      soci::use(order_id), soci::use(p.provider), soci::use(p.provider_order_id), soci::use(status),
      soci::use(amount), soci::use(at), soci::use(at), soci::into(p.id);
  return p;
}

std::optional<Payment> by_provider_order(soci::session& sql, const std::string& provider_order_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(columns) + "WHERE p.provider_order_id = :p", soci::use(provider_order_id));
  auto found = all_of(rows);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Payment> of_order(soci::session& sql, long long order_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(columns) + "WHERE p.order_id = :o ORDER BY p.id", soci::use(order_id));
  return all_of(rows);
}

std::vector<Payment> stuck(soci::session& sql, const std::string& status, const std::string& before) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(columns) + "WHERE p.status = :s AND p.updated_at <= :b ORDER BY p.id",
       soci::use(status), soci::use(before));
  return all_of(rows);
}

bool move(soci::session& sql, const Payment& p, PaymentStatus from, const std::string& at) {
  const std::string to = to_string(p.status), was = to_string(from);
  soci::statement update =
      (sql.prepare << "UPDATE payments SET status = :s, payment_key = :k, method = :m, balance = :b, "
                      "approved_at = :ap, updated_at = :u WHERE id = :id AND status = :was",
       soci::use(to), soci::use(p.payment_key), soci::use(p.method), soci::use(p.balance),
       soci::use(p.approved_at), soci::use(at), soci::use(p.id), soci::use(was));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

bool set_account(soci::session& sql, const Payment& p, const std::string& secret_hash,
                 const std::string& at) {
  const std::string waiting = to_string(PaymentStatus::waiting_for_deposit),
                    ready = to_string(PaymentStatus::ready);
  soci::statement update =
      (sql.prepare
           << "UPDATE payments SET status = :s, payment_key = :k, method = :m, account_number = :n, "
              "bank_code = :b, account_holder = :h, due_date = :d, secret_hash = :sh, updated_at = :u "
              "WHERE id = :id AND status = :was",
       soci::use(waiting), soci::use(p.payment_key), soci::use(p.method), soci::use(p.account_number),
       soci::use(p.bank_code), soci::use(p.account_holder), soci::use(p.due_date), soci::use(secret_hash),
       soci::use(at), soci::use(p.id), soci::use(ready));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

std::string secret_hash(soci::session& sql, long long payment_id) {
  std::string hash;
  sql << "SELECT secret_hash FROM payments WHERE id = :id", soci::use(payment_id), soci::into(hash);
  return hash;
}

void record(soci::session& sql, long long payment_id, const PaymentEvent& e, long long actor_id,
            const std::string& at) {
  soci::indicator pay_ind = payment_id ? soci::i_ok : soci::i_null;
  soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
  // The provider's answer is kept as received, up to 16 KiB (its Payment object is a few KiB).
  const std::string answer = e.answer.substr(0, 16 * 1024);
  sql << "INSERT INTO payment_events (payment_id, kind, from_status, to_status, http_status, code, message, "
         "answer, amount, actor_id, created_at) VALUES (:p, :k, :f, :t, :h, :c, :m, :a, :am, :ac, :at)",
      soci::use(payment_id, pay_ind), soci::use(e.kind), soci::use(e.from_status), soci::use(e.to_status),
      soci::use(e.http_status), soci::use(e.code), soci::use(e.message), soci::use(answer),
      soci::use(e.amount), soci::use(actor_id, actor_ind), soci::use(at);
}

std::vector<PaymentEvent> events(soci::session& sql, long long payment_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT e.id, e.kind, e.from_status, e.to_status, e.http_status, e.code, e.message, "
              "e.answer, e.amount, COALESCE(u.name, ''), e.created_at FROM payment_events e LEFT JOIN "
              "users u ON u.id = e.actor_id WHERE e.payment_id = :p ORDER BY e.id",
       soci::use(payment_id));
  std::vector<PaymentEvent> out;
  for (const auto& r : rows) {
    PaymentEvent e;
    e.id = row_int(r, 0);
    e.payment_id = payment_id;
    e.kind = row_text(r, 1);
    e.from_status = row_text(r, 2);
    e.to_status = row_text(r, 3);
    e.http_status = static_cast<int>(row_int(r, 4));
    e.code = row_text(r, 5);
    e.message = row_text(r, 6);
    e.answer = row_text(r, 7);
    e.amount = row_int(r, 8);
    e.actor = row_text(r, 9);
    e.created_at = row_text(r, 10);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace brilliant::payments::repo
