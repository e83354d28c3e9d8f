// The workshops' ledger and payouts (issue 12): append-only entries (a purchase-confirmed line's sale,
// its commission at the rate copied on the line, the parcel's shipping fee, refunds and adjustments as
// entries of their own), months closed into frozen statements that always equal the sum of their
// entries, payout batches a Korean bank's bulk transfer takes, and the commission tax-invoice data.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "orders/order.hpp"

namespace brilliant::orders {

struct LedgerEntry {
  long long id = 0, workshop_id = 0;
  std::string kind;  // sale | commission | shipping | refund | adjustment
  long long amount = 0;
  std::string order_number, source, memo, actor, created_at;
  int rate_bp = 0;
};

struct PayoutStatement {
  long long workshop_id = 0;
  std::string workshop_slug, workshop_ko, workshop_en;
  long long sales = 0, commission = 0, shipping = 0, other = 0, payout = 0;
  int entries = 0;
  std::string bank_name, bank_account, account_holder;  // from the workshop's approved application
};

struct PayoutPeriod {
  long long id = 0;
  std::string month, closed_at, closed_by, paid_at;
  long long total = 0;
  std::vector<PayoutStatement> statements;
};

// The entries confirming a parcel adds, as values (pure): per line its sale and commission
// (vendors::commission_won at the line's rate), and the parcel's shipping fee when it has one.
std::vector<LedgerEntry> confirmation_entries(const Order& order, const Fulfilment& parcel);
// Sums entries into a statement's columns; payout is their sum.
PayoutStatement sum_entries(const std::vector<LedgerEntry>& entries);
// Korea's bank codes for the bulk-transfer file (KB국민 004, 신한 088, ...); "" for a name not known.
std::string bank_code(std::string_view bank_name);
// The payout batch (CSV with a header: 은행코드, 계좌번호, 예금주, 금액, 메모) and the commission tax-invoice
// data (사업자 per workshop: supply value and VAT of the commission, VAT included in the rate).
std::string payout_csv(const PayoutPeriod& period);
std::string tax_invoice_csv(const PayoutPeriod& period);

class Ledger {
 public:
  Ledger(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Appends the entries of a confirmed parcel in the caller's transaction (once: a source repeats nothing).
  static void credit_confirmed(soci::session& sql, const Order& order, const Fulfilment& parcel,
                               const std::string& at);
  // A refunded return of lines whose parcel was confirmed (and so credited): each line's sale and
  // commission reversed, once (sources "return:{id}:line:{line}:sale|commission"); nothing for lines not
  // yet credited.
  static void reverse_returned(soci::session& sql, const Order& order, const std::vector<long long>& line_ids,
                               long long return_id, const std::string& at);
  // An adjustment by the operator (won, signed; a memo is required).
  Result<LedgerEntry> adjust(long long workshop_id, long long amount, const std::string& memo,
                             long long actor_id);
  std::vector<LedgerEntry> entries(long long workshop_id, const std::string& month);
  // A month's running statement (every workshop, or one) before it is closed.
  Result<std::vector<PayoutStatement>> open_statements(const std::string& month, long long workshop_id = 0);
  // Closes a month that has ended: each workshop's statement frozen; closing twice changes nothing (the
  // period as closed the first time is answered, with `already` set).
  Result<PayoutPeriod> close(const std::string& month, long long actor_id, bool* already = nullptr);
  Result<PayoutPeriod> mark_paid(const std::string& month, long long actor_id);
  std::optional<PayoutPeriod> period(const std::string& month, long long workshop_id = 0);
  std::vector<PayoutPeriod> periods(long long workshop_id = 0);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace brilliant::orders
