// A card payment as the shop keeps it, and the rules of its states (pure: no SQL, no HTTP).
// One attempt per payment window opened: ready -> in progress (our confirm sent) -> done, aborted (declined
// or given up) or expired (never confirmed); a done payment is cancelled in part (partial_canceled) or
// whole (canceled). Every transition is recorded with the provider's answer (payments.hpp).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace brilliant::payments {

enum class PaymentStatus {
  ready,
  in_progress,
  waiting_for_deposit,
  done,
  canceled,
  partial_canceled,
  aborted,
  expired
};

constexpr std::string_view name_of(PaymentStatus s) {
  switch (s) {
    case PaymentStatus::ready:
      return "ready";
    case PaymentStatus::in_progress:
      return "in_progress";
    case PaymentStatus::waiting_for_deposit:
      return "waiting_for_deposit";
    case PaymentStatus::done:
      return "done";
    case PaymentStatus::canceled:
      return "canceled";
    case PaymentStatus::partial_canceled:
      return "partial_canceled";
    case PaymentStatus::aborted:
      return "aborted";
    case PaymentStatus::expired:
      return "expired";
  }
  return "";
}
inline std::string to_string(PaymentStatus s) { return std::string(name_of(s)); }
// The state a stored name names; nothing for a name the schema does not know.
std::optional<PaymentStatus> payment_status(std::string_view name);
// The state Toss Payments' status word names (READY, IN_PROGRESS, WAITING_FOR_DEPOSIT, DONE, CANCELED,
// PARTIAL_CANCELED, ABORTED, EXPIRED); nothing for another word.
std::optional<PaymentStatus> from_toss(std::string_view word);

// Whether a payment may move from one state to another. Staying in a state is not a move (the caller
// records "no change"); a done payment never goes back to ready, in progress, aborted or expired; a
// cancelled one is final.
bool may_move(PaymentStatus from, PaymentStatus to);
// The money the payment holds for the shop: done or partly cancelled.
constexpr bool holds_money(PaymentStatus s) {
  return s == PaymentStatus::done || s == PaymentStatus::partial_canceled;
}

struct Payment {
  long long id = 0, order_id = 0;
  std::string order_number;
  std::string provider = "toss";
  std::string provider_order_id;  // the orderId the window was opened with: "{number}-{attempt}"
  std::string payment_key;        // the provider's, once the window succeeded
  PaymentStatus status = PaymentStatus::ready;
  std::string method;     // the provider's word: 카드, 간편결제...
  long long amount = 0;   // won asked for (the order's total when opened)
  long long balance = 0;  // won still held (amount less refunds)
  std::string approved_at, created_at, updated_at;
  // A virtual account (가상계좌): where the shopper sends the money, and until when (Toss's ISO time).
  std::string account_number, bank_code, account_holder, due_date;
  bool is_account() const { return !account_number.empty(); }
};

// One recorded transition or refusal, with what the provider answered.
struct PaymentEvent {
  long long id = 0, payment_id = 0;
  std::string kind;  // opened | confirm_sent | confirmed | declined | looked_up | webhook | cancel_sent |
                     // cancelled | refused | expired | failed_in_window | unreachable
  std::string from_status, to_status;
  int http_status = 0;
  std::string code, message, answer;
  long long amount = 0;
  std::string actor, created_at;
};

// The orderId for an attempt at paying an order ("BR-261126-7KQ4MX2P-2"); Toss allows 6 to 64 of
// [A-Za-z0-9_-].
std::string provider_order_id(const std::string& order_number, int attempt);
// True for text shaped like one (checked before any lookup).
bool looks_like_provider_order_id(std::string_view text);

}  // namespace brilliant::payments
