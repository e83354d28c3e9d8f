// What the shop asks of a card payment provider, and what it hears back. Toss Payments implements it
// (toss.hpp); tests may give a fake. Answers are values: the service decides what they mean.
#pragma once
#include <string>

namespace brilliant::payments {

// The provider's view of a payment (the fields of Toss's Payment object the shop uses).
struct ProviderPayment {
  std::string payment_key, order_id, status, method, approved_at;  // status: the provider's word (DONE...)
  long long total = 0, balance = 0;
  // A virtual account's (가상계좌): where to send the money, until when, and the secret its deposit
  // callbacks carry.
  std::string account_number, bank_code, account_holder, due_date, secret;
};

// A virtual account (가상계좌) asked for an order: the bank (Toss's two-digit code), how long it stays
// open, and the cash receipt the shopper asked for at checkout (type 소득공제 | 지출증빙, the number).
struct AccountRequest {
  std::string order_id, order_name, customer_name, customer_email, bank;
  long long amount = 0;
  int valid_hours = 72;
  std::string cash_receipt_type, cash_receipt_number;
};

struct Answer {
  enum class Kind {
    ok,          // 2xx with a payment
    refused,     // 4xx with the provider's { code, message }: declined, not found, invalid...
    unreachable  // no answer in time, a connection error or a 5xx: the outcome is unknown
  };
  Kind kind = Kind::unreachable;
  int http_status = 0;
  std::string code, message;
  ProviderPayment payment;
  std::string raw;  // the body as received (recorded with the transition)

  bool ok() const { return kind == Kind::ok; }
};

// Where a virtual-account payment's refund goes (Toss's refundReceiveAccount): the bank's two-digit code,
// the account number's digits, the holder. Empty for a card: the card is refunded.
struct RefundAccount {
  std::string bank, number, holder;
  bool empty() const { return number.empty(); }
};

class Provider {
 public:
  virtual ~Provider() = default;
  // POST /v1/payments/confirm with the payment key, our orderId and the amount we expect.
  virtual Answer confirm(const std::string& payment_key, const std::string& order_id, long long amount,
                         const std::string& idempotency_key) = 0;
  // POST /v1/payments/{paymentKey}/cancel; amount 0 cancels what is left; a virtual account's money goes
  // back to `to`.
  virtual Answer cancel(const std::string& payment_key, const std::string& reason, long long amount,
                        const std::string& idempotency_key, const RefundAccount& to = {}) = 0;
  // GET /v1/payments/{paymentKey}
  virtual Answer by_key(const std::string& payment_key) = 0;
  // GET /v1/payments/orders/{orderId}
  virtual Answer by_order(const std::string& order_id) = 0;
  // POST /v1/virtual-accounts: an account that pays the order when the money arrives.
  virtual Answer issue_account(const AccountRequest& request, const std::string& idempotency_key) = 0;
};

}  // namespace brilliant::payments
