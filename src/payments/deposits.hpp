// Bank-transfer deposits (issue 12): the operator uploads the bank's statement (CSV or XLSX, read by
// media::read_table and deposit_rules), each incoming deposit is kept once however often the statement is
// uploaded, and the open ones are matched to the unpaid orders (deposit_rules::match_deposits, against the
// orders as they are now). Confirming a deposit marks its order paid in the same transaction as the
// deposit is tied to it, so a deposit pays one order and an order is paid once; a deposit that pays
// nothing of ours (interest, a refund from a supplier) is set aside with a note.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "orders/orders.hpp"
#include "payments/deposit_repo.hpp"

namespace brilliant::payments {

struct DepositImport {
  long long statement_id = 0;
  int deposits_new = 0, deposits_known = 0, withdrawals = 0;
  std::vector<std::string> refused;
};

// What the operator decides on: the open deposits with their matches, the orders those name, the
// latest decisions and uploads.
struct DepositBoard {
  std::vector<Deposit> open;
  std::vector<Match> matches;                   // one per open deposit
  std::map<std::string, orders::Order> orders;  // every candidate, by number
  std::vector<Deposit> decided;
  std::vector<StatementUpload> statements;
  int unpaid_orders = 0;
};

class Deposits {
 public:
  Deposits(db::Database& db, orders::Orders& orders, const Clock& clock);

  // Reads and keeps a statement (file_name as uploaded, shown back). Errors name "file".
  Result<DepositImport> import(std::string_view bytes, const std::string& file_name, long long actor);
  DepositBoard board();
  // Pays order `number` with deposit `id`: not found (either), conflict when the deposit was decided
  // already, the order does not await payment, or the amounts differ.
  Result<orders::Order> confirm(long long id, const std::string& number, long long actor);
  // Confirms every open deposit whose match is certain; returns how many orders were paid.
  int confirm_certain(long long actor);
  // A deposit that pays none of our orders: kept, with the operator's note (required, up to 200 chars).
  Result<Deposit> set_aside(long long id, const std::string& note, long long actor);

 private:
  db::Database& db_;
  orders::Orders& orders_;
  const Clock& clock_;
};

}  // namespace brilliant::payments
