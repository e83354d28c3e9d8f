// Settlement statements: what the joint brand owes each workshop for a calendar month (Asia/Seoul), from
// the orders paid in that month: every line's sale (price and options) minus the commission at the rate
// the line was sold under (kept on the line when the order was placed), plus the shipping fees its
// parcels collected (the workshop ships them). Orders cancelled after payment were refunded and count
// for nothing. Read-only: paying out and closing a period belong to the settlement work that follows.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "db/fwd.hpp"

namespace brilliant::orders {

struct SettlementLine {
  std::string number, paid_at, title_ko, title_en, category, sku;
  int quantity = 0, rate_bp = 0;
  long long amount = 0;      // won: the line's sale, options included
  long long commission = 0;  // won, rounded half up per line
};

struct Statement {
  long long workshop_id = 0;
  std::string workshop_slug, workshop_ko, workshop_en;
  std::string month;  // YYYY-MM
  std::vector<SettlementLine> lines;
  long long orders = 0, sales = 0, commission = 0, shipping = 0, payout = 0;
};

// The month's bounds in UTC as stored ("2026-11" -> 2026-10-31T15:00:00Z .. 2026-11-30T15:00:00Z), or an
// error naming "month" for anything but YYYY-MM (years 2000-2999).
Result<std::pair<std::string, std::string>> month_bounds(const std::string& month);
// The month before / after ("2026-01" -> "2025-12").
std::string shift_month(const std::string& month, int by);
// Sums the lines into the totals; payout = sales - commission + shipping.
void add_up(Statement& statement);

class Settlements {
 public:
  explicit Settlements(db::Database& db) : db_(db) {}
  // One workshop's statement (empty when it sold nothing). The month must be valid (month_bounds).
  Result<Statement> statement(long long workshop_id, const std::string& month);
  // Every workshop with paid sales in the month (operator), largest payout first.
  Result<std::vector<Statement>> overview(const std::string& month);

 private:
  db::Database& db_;
};

}  // namespace brilliant::orders
