#include "payments/deposit_repo.hpp"

#include "db/database.hpp"

namespace brilliant::payments::deposit_repo {
using db::row_int;
using db::row_text;

namespace {

constexpr char select_deposits[] =
    "SELECT d.id, d.statement_id, d.line, d.deposited_at, d.depositor, d.memo, d.amount, d.status, "
    "COALESCE(o.number, ''), d.decided_at, COALESCE(u.name, ''), d.note FROM bank_deposits d "
    "LEFT JOIN orders o ON o.id = d.order_id LEFT JOIN users u ON u.id = d.decided_by ";

Deposit from_row(const soci::row& r) {
  Deposit d;
  d.id = row_int(r, 0);
  d.statement_id = row_int(r, 1);
  d.line = static_cast<int>(row_int(r, 2));
  d.at = row_text(r, 3);
  d.depositor = row_text(r, 4);
  d.memo = row_text(r, 5);
  d.amount = row_int(r, 6);
  d.status = row_text(r, 7);
  d.order_number = row_text(r, 8);
  d.decided_at = row_text(r, 9);
  d.decided_by = row_text(r, 10);
  d.note = row_text(r, 11);
  return d;
}

std::vector<Deposit> all_of(soci::rowset<soci::row>& rows) {
  std::vector<Deposit> out;
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

}  // namespace

long long insert_statement(soci::session& sql, const std::string& file_name, int rows_read, long long actor,
                           const std::string& at) {
  long long id = 0;
  sql << "INSERT INTO bank_statements (file_name, rows_read, deposits_new, uploaded_by, uploaded_at) "
         "VALUES (:f, :r, 0, :u, :at) RETURNING id",
      soci::use(file_name), soci::use(rows_read), soci::use(actor), soci::use(at), soci::into(id);
  return id;
}

void set_new_count(soci::session& sql, long long statement_id, int deposits_new) {
  sql << "UPDATE bank_statements SET deposits_new = :n WHERE id = :id", soci::use(deposits_new),
      soci::use(statement_id);
}

bool insert_deposit(soci::session& sql, long long statement_id, const StatementDeposit& d) {
  soci::statement insert =
      (sql.prepare << "INSERT INTO bank_deposits (statement_id, fingerprint, line, deposited_at, depositor, "
                      "amount, memo, status) VALUES (:s, :f, :l, :at, :d, :a, :m, 'open') "
                      "ON CONFLICT (fingerprint) DO NOTHING",
       soci::use(statement_id), soci::use(d.fingerprint), soci::use(d.line), soci::use(d.at),
       soci::use(d.depositor), soci::use(d.amount), soci::use(d.memo));
  insert.execute(true);
  return insert.get_affected_rows() == 1;
}

std::optional<Deposit> find(soci::session& sql, long long id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(select_deposits) + "WHERE d.id = :id", soci::use(id));
  for (const auto& r : rows) return from_row(r);
  return std::nullopt;
}

std::vector<Deposit> open(soci::session& sql) {
  soci::rowset<soci::row> rows =
      sql.prepare << std::string(select_deposits) + "WHERE d.status = 'open' ORDER BY d.deposited_at, d.id";
  return all_of(rows);
}

std::vector<Deposit> decided(soci::session& sql, int limit) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(select_deposits) +
                          "WHERE d.status <> 'open' ORDER BY d.decided_at DESC, d.id DESC LIMIT :n",
       soci::use(limit));
  return all_of(rows);
}

std::vector<StatementUpload> statements(soci::session& sql, int limit) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT s.id, s.file_name, s.uploaded_at, COALESCE(u.name, ''), s.rows_read, "
                      "s.deposits_new FROM bank_statements s LEFT JOIN users u ON u.id = s.uploaded_by "
                      "ORDER BY s.id DESC LIMIT :n",
       soci::use(limit));
  std::vector<StatementUpload> out;
  for (const auto& r : rows)
    out.push_back({row_int(r, 0), row_text(r, 1), row_text(r, 2), row_text(r, 3),
                   static_cast<int>(row_int(r, 4)), static_cast<int>(row_int(r, 5))});
  return out;
}

bool confirm(soci::session& sql, long long id, long long order_id, long long actor, const std::string& at) {
  soci::statement update =
      (sql.prepare << "UPDATE bank_deposits SET status = 'confirmed', order_id = :o, decided_by = :u, "
                      "decided_at = :at WHERE id = :id AND status = 'open'",
       soci::use(order_id), soci::use(actor), soci::use(at), soci::use(id));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

bool set_aside(soci::session& sql, long long id, const std::string& note, long long actor,
               const std::string& at) {
  soci::statement update =
      (sql.prepare << "UPDATE bank_deposits SET status = 'set_aside', note = :n, decided_by = :u, "
                      "decided_at = :at WHERE id = :id AND status = 'open'",
       soci::use(note), soci::use(actor), soci::use(at), soci::use(id));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

}  // namespace brilliant::payments::deposit_repo
