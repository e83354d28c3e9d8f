// Card payments for orders (issue 12), through one Provider (Toss Payments). The shopper opens a payment
// window for an order awaiting payment (an attempt: ready); the window sends them back with a paymentKey,
// and the server checks the orderId and amount are the attempt's, records "in progress", asks the
// provider to confirm, and marks the order paid in the same transaction as the payment becomes done.
// A confirm with no answer is looked up by orderId before anything else, and payments left in progress
// (a crash, a timeout) are reconciled from the provider at start and every minute. Webhooks are only a
// hint: the payment is read back from the provider's API. Refunds (whole or in part) go to the provider
// first; its answer is recorded with every transition in payment_events.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "orders/orders.hpp"
#include "payments/payment.hpp"
#include "payments/provider.hpp"
#include "payments/toss.hpp"

namespace brilliant::payments {

// What the browser needs to open the payment window.
struct Window {
  std::string client_key, window_url;  // window_url empty: Toss's own window through its JS SDK
  std::string order_id, order_name, customer_name, customer_email;
  long long amount = 0;
  std::string success_url, fail_url;
  bool test_mode = false;
  // The stand-in window's address with every parameter in its query (window_url set).
  std::string stand_in_url() const;
};

struct WebhookOutcome {
  std::string outcome;  // applied | no_change | refused | unknown_order | ignored | retry_later
  std::string order_number;
  bool retry = false;  // the provider could not be asked: answer non-2xx so that it sends again
};

// The banks a virtual account may be opened at: Toss's two-digit code and the bank's name.
struct AccountBank {
  std::string_view code, name_ko, name_en;
};
inline constexpr AccountBank account_banks[] = {
    {"04", "KB국민은행", "KB Kookmin Bank"},  {"88", "신한은행", "Shinhan Bank"},
    {"20", "우리은행", "Woori Bank"},         {"81", "하나은행", "Hana Bank"},
    {"11", "NH농협은행", "NH NongHyup Bank"}, {"03", "IBK기업은행", "IBK Industrial Bank"}};

class Payments {
 public:
  Payments(db::Database& db, orders::Orders& orders, Provider* provider, const Clock& clock,
           TossSettings settings);

  bool card_enabled() const { return provider_ && settings_.enabled(); }
  const TossSettings& settings() const { return settings_; }

  // A payment window for an order awaiting payment: its attempt still ready is reused, else a new one.
  // site: the shop's address with the reader's language prefix ("https://brilliant.kr/en"); key: a
  // guest order's key (carried back on the return addresses).
  Result<Window> open(const orders::Order& order, const std::string& site, const std::string& key);
  // The window came back with a payment: confirmed with the provider, the order paid once.
  Result<orders::Order> confirm(const std::string& provider_order_id, const std::string& payment_key,
                                long long amount);
  // The window came back without one (cancelled, declined): recorded; the order still awaits payment.
  Result<orders::Order> window_failed(const std::string& provider_order_id, const std::string& code,
                                      const std::string& message);
  // Refunds part (amount) or all (amount 0) of what an order's card payment still holds. A virtual
  // account's payment goes back to the shopper's account (`to`, required then: field refund_account).
  Result<orders::Order> refund(const std::string& number, long long amount, const std::string& reason,
                               long long actor_id, const RefundAccount& to = {});
  // The operator cancels an order: a card payment is refunded whole first, then the order is cancelled.
  Result<orders::Order> cancel_order(const std::string& number, const std::string& reason,
                                     long long actor_id);
  // Toss's webhooks (the body as received): PAYMENT_STATUS_CHANGED, and a virtual account's deposit
  // callback (DEPOSIT_CALLBACK, or its older form with the secret at the top), passed to deposit_callback.
  WebhookOutcome webhook(const std::string& body);

  // --- virtual accounts (가상계좌; virtual_accounts.cpp) ---
  // A virtual account for an order awaiting payment, at one of account_banks: the one already waiting
  // (same amount) or a new attempt asked of the provider, open until the order's pay-by time (at most 72
  // hours), with the cash receipt asked for at checkout. The callbacks' secret is kept as its SHA-256.
  // Errors: card_unavailable (no keys), order_not_awaiting_payment, bank (not offered), account_refused.
  Result<Payment> open_account(const orders::Order& order, const std::string& bank);
  // The money arrived (or the account changed): the callback must carry the account's secret; then the
  // payment is read back from the provider and settled, so the order is paid once however often it comes.
  WebhookOutcome deposit_callback(const std::string& order_id, const std::string& secret);
  // Asks the provider about payments in progress for at least min_age, and windows opened an hour ago
  // and never used; returns how many changed.
  int reconcile(std::chrono::seconds min_age);

  std::vector<Payment> of_order(long long order_id);
  std::vector<PaymentEvent> history(long long payment_id);
  // The payment holding the order's money, if any.
  std::optional<Payment> holding(long long order_id);

 private:
  std::optional<Payment> find(const std::string& provider_order_id);
  // A webhook for no payment of ours: recorded (with `what` it named), nothing changes.
  WebhookOutcome unknown_order(const std::string& what);
  // A webhook or callback about p: the payment read back from the provider by its key and settled.
  WebhookOutcome settle_as_provider_says(const Payment& p, const std::string& payment_key,
                                         const std::string& kind);
  // Applies what the provider says of a payment (an ok answer).
  Result<orders::Order> settle(const Payment& p, const Answer& answer, const std::string& kind);
  Result<orders::Order> settle_done(const Payment& p, const Answer& answer, const std::string& kind);
  // The provider charged a payment the shop will not honour (wrong amount, order no longer awaiting
  // payment): it is refunded whole at once and recorded.
  void give_back(const Payment& p, const Answer& answer, const std::string& code, const std::string& why);
  Result<orders::Order> ask_after_silence(const Payment& p, const Answer& silence);
  void note(const Payment& p, const std::string& kind, const Answer& answer, PaymentStatus to,
            long long amount = 0, long long actor_id = 0);
  // Moves p (already holding its new state) from `from`, with its event, in one transaction.
  bool move(const Payment& p, PaymentStatus from, const std::string& kind, const Answer& answer,
            long long amount = 0, long long actor_id = 0);
  std::string now() const;

  db::Database& db_;
  orders::Orders& orders_;
  Provider* provider_;
  const Clock& clock_;
  TossSettings settings_;
};

}  // namespace brilliant::payments
