#include "payments/deposits.hpp"

#include "core/text.hpp"
#include "db/database.hpp"
#include "media/spreadsheet.hpp"

namespace brilliant::payments {

Deposits::Deposits(db::Database& db, orders::Orders& orders, const Clock& clock)
    : db_(db), orders_(orders), clock_(clock) {}

Result<DepositImport> Deposits::import(std::string_view bytes, const std::string& file_name,
                                       long long actor) {
  if (bytes.empty()) return Error::invalid("file", "file_empty", "choose the bank's statement (CSV or XLSX)");
  const auto rows = TRY(media::read_table(bytes));
  const auto statement = TRY(read_statement(rows));
  const auto name = clean_file_name(file_name, "statement");
  const auto at = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<DepositImport> {
    DepositImport out;
    out.statement_id =
        deposit_repo::insert_statement(sql, name, static_cast<int>(statement.deposits.size()), actor, at);
    for (const auto& d : statement.deposits)
      ++(deposit_repo::insert_deposit(sql, out.statement_id, d) ? out.deposits_new : out.deposits_known);
    deposit_repo::set_new_count(sql, out.statement_id, out.deposits_new);
    out.withdrawals = statement.withdrawals;
    out.refused = statement.refused;
    return out;
  });
}

DepositBoard Deposits::board() {
  DepositBoard b;
  db_.read([&](soci::session& sql) {
    b.open = deposit_repo::open(sql);
    b.decided = deposit_repo::decided(sql, 30);
    b.statements = deposit_repo::statements(sql, 5);
  });
  std::vector<OpenOrder> open_orders;
  std::map<std::string, orders::Order> unpaid;
  for (auto& o : orders_.recent("awaiting_payment", "", 2000)) {
    open_orders.push_back({o.number, o.total, {o.transfer.depositor, o.customer_name, o.address.recipient}});
    unpaid.emplace(o.number, std::move(o));
  }
  b.unpaid_orders = static_cast<int>(unpaid.size());
  std::vector<StatementDeposit> deposits;
  for (const auto& d : b.open) deposits.push_back({d.line, d.at, d.depositor, d.memo, d.amount, {}});
  b.matches = match_deposits(deposits, open_orders);
  for (const auto& m : b.matches)
    for (const auto& c : m.candidates) b.orders.emplace(c.number, unpaid.at(c.number));
  return b;
}

Result<orders::Order> Deposits::confirm(long long id, const std::string& number, long long actor) {
  const auto deposit = db_.read([&](soci::session& sql) { return deposit_repo::find(sql, id); });
  if (!deposit) return Error::not_found("deposit");
  if (deposit->status != "open")
    return Error::conflict("deposit", "deposit_decided",
                           "this deposit was already " + deposit->status +
                               (deposit->order_number.empty() ? "" : " for " + deposit->order_number));
  const auto order = orders_.find(number);
  if (!order) return Error::not_found("order");
  if (order->total != deposit->amount)
    return Error::conflict("order", "amount_differs",
                           "order " + number + " is " + std::to_string(order->total) +
                               " won; the deposit is " + std::to_string(deposit->amount) +
                               " won: ask the shopper before marking it paid");
  orders::Paid how;
  how.note = deposit->depositor + " · " + deposit->at + " · " + std::to_string(deposit->amount);
  const auto at = format_utc(clock_.now());
  how.claim = [&](soci::session& sql, const orders::Order& o) -> Result<void> {
    if (!deposit_repo::confirm(sql, id, o.id, actor, at))
      return Error::conflict("deposit", "deposit_decided", "this deposit was just decided by someone else");
    return {};
  };
  return orders_.mark_paid(number, actor, how);
}

int Deposits::confirm_certain(long long actor) {
  const auto b = board();
  int paid = 0;
  for (size_t i = 0; i < b.open.size(); ++i)
    if (b.matches[i].confidence == Confidence::certain &&
        confirm(b.open[i].id, b.matches[i].candidates.front().number, actor))
      ++paid;
  return paid;
}

Result<Deposit> Deposits::set_aside(long long id, const std::string& note, long long actor) {
  const std::string why(trim(note));
  if (why.empty() || utf8_length(why) > 200 || !valid_utf8(why) || !safe_text_input(why))
    return Error::invalid("note", "note_required",
                          "say why this deposit pays no order (up to 200 characters)");
  const auto at = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Deposit> {
    auto deposit = deposit_repo::find(sql, id);
    if (!deposit) return Error::not_found("deposit");
    if (!deposit_repo::set_aside(sql, id, why, actor, at))
      return Error::conflict("deposit", "deposit_decided", "this deposit was already " + deposit->status);
    return *deposit_repo::find(sql, id);
  });
}

}  // namespace brilliant::payments
