// Returns and exchanges under the Electronic Commerce Act, Article 17 (pure: no SQL, no HTTP).
// A shopper may withdraw within 7 days of receiving the piece whatever the reason (opening the package does
// not block it), paying the return shipping; a piece that differs from its listing or the contract may be
// returned within 3 months of receipt (30 days from when the shopper found out), the seller paying the
// shipping. Made-to-order and engraved pieces are excluded from a change of mind only when the shopper was
// told so and agreed at checkout (the line's final_sale). The refund is due within 3 business days of the
// piece coming back (weekends and Korean public holidays are not business days).
#pragma once
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace brilliant::orders {

enum class ReturnReason { change_of_mind, wrong_size, defective, not_as_described, wrong_item };
constexpr std::string_view name_of(ReturnReason r) {
  switch (r) {
    case ReturnReason::change_of_mind:
      return "change_of_mind";
    case ReturnReason::wrong_size:
      return "wrong_size";
    case ReturnReason::defective:
      return "defective";
    case ReturnReason::not_as_described:
      return "not_as_described";
    case ReturnReason::wrong_item:
      return "wrong_item";
  }
  return "";
}
Result<ReturnReason> return_reason(std::string_view name);  // errors name "reason"
// The seller's fault: the piece differs from the listing or the contract (3 months; the seller pays
// the shipping both ways). Otherwise it is the shopper's choice (7 days; the shopper pays the return).
constexpr bool sellers_fault(ReturnReason r) {
  return r == ReturnReason::defective || r == ReturnReason::not_as_described || r == ReturnReason::wrong_item;
}

// When a return of a piece delivered at `delivered_utc` may be asked for until (UTC, the end of the
// Seoul day: "2026-12-08T15:00:00Z" ends Seoul's 8 December, so its first ten characters name the last
// day): 7 days for the shopper's choice, 3 months for the seller's fault.
std::string return_deadline(const std::string& delivered_utc, ReturnReason reason);
// Whether a return may be asked for now: a clear refusal naming the date that closed it, or that a
// final-sale line (made to order, engraved) is not returned for a change of mind.
Result<void> may_return(const std::string& delivered_utc, ReturnReason reason, bool final_sale,
                        TimePoint now);

// Korean public holidays (fixed dates and the lunar ones with their substitutes, 2025-2027) and weekends.
bool business_day(std::string_view seoul_day);  // "2026-09-25"
// The Seoul day `days` business days after the Seoul day of `utc` (the refund's legal deadline).
std::string add_business_days(const std::string& utc, int days);

// A refund made after its due day owes the shopper interest for the days of delay (Article 18(2)), at the
// rate the Enforcement Decree sets (Article 21-3): 15 % a year.
inline constexpr long long delay_interest_percent_a_year = 15;
// Whole days from the refund's due Seoul day ("2026-12-09") to the Seoul day of `utc` (a refund made or
// still owed then); 0 when it is on time or no day is due.
long long days_late(const std::string& due_day, const std::string& utc);
// The delay interest on `amount` won for `days` days late, in whole won (rounded down, as money is paid).
constexpr long long delay_interest(long long amount, long long days) {
  return days <= 0 || amount <= 0 ? 0 : amount * delay_interest_percent_a_year * days / (100 * 365);
}

// The note an approval leaves in the order's history, as written (Korean), for who pays the return
// shipping ("seller" or "shopper"); pages show it in the reader's words (returns.payer.*).
constexpr std::string_view approval_note(std::string_view payer) {
  return payer == "seller" ? "반품 배송비: 판매자 부담" : "반품 배송비: 고객 부담";
}

// What a received return's note opens with, before the day its refund is due ("환불 기한 2026-12-09");
// pages show it in the reader's words (returns.refund_due).
inline constexpr std::string_view received_note_opening = "환불 기한 ";

// The return shipping the shopper pays when it is their choice (won, taken from the refund).
inline constexpr long long return_shipping_fee = 3500;
// The most photos a shopper may send with one return or exchange request.
inline constexpr size_t max_return_photos = 8;

}  // namespace brilliant::orders
