// Virtual accounts (가상계좌) through Toss Payments: issued per order attempt, paid by the deposit
// callback that carries the account's secret (see payments.hpp).
#include <algorithm>

#include "core/secret.hpp"
#include "db/database.hpp"
#include "payments/payment_events.hpp"
#include "payments/payment_repo.hpp"
#include "payments/payments.hpp"

namespace brilliant::payments {
using orders::Order;
using orders::OrderStatus;

namespace {

// Hours from now until the order's pay-by time, between 1 and 72 (Toss's validHours).
int hours_until(const std::string& pay_by, TimePoint now) {
  TimePoint until;
  if (!parse_utc(pay_by, until)) return 72;
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(until - now).count();
  return static_cast<int>(std::clamp<long long>(hours, 1, 72));
}

AccountRequest request_for(const Order& order, const Payment& p, const std::string& bank, TimePoint now) {
  AccountRequest r{p.provider_order_id,
                   order_name(order),
                   order.customer_name,
                   order.customer_email,
                   bank,
                   order.total,
                   hours_until(order.pay_by, now),
                   "",
                   ""};
  if (order.transfer.cash_receipt == "income") r.cash_receipt_type = "소득공제";
  if (order.transfer.cash_receipt == "expense") r.cash_receipt_type = "지출증빙";
  for (char c : order.transfer.cash_receipt_id)
    if (c >= '0' && c <= '9') r.cash_receipt_number += c;
  return r;
}

}  // namespace

Result<Payment> Payments::open_account(const Order& order, const std::string& bank) {
  if (!card_enabled())
    return Error::conflict("payment_method", "card_unavailable", "virtual accounts are not offered here");
  if (order.status != OrderStatus::awaiting_payment)
    return Error::conflict(
        "status", "order_not_awaiting_payment",
        "order " + order.number + " is " + orders::to_string(order.status) + ", not awaiting payment");
  if (std::none_of(std::begin(account_banks), std::end(account_banks),
                   [&](const AccountBank& b) { return b.code == bank; }))
    return Error::invalid("bank", "bank_invalid", "choose one of the banks offered for a virtual account");
  for (const auto& earlier : of_order(order.id))
    if (earlier.status == PaymentStatus::waiting_for_deposit && earlier.amount == order.total) return earlier;
  const auto at = now();
  const auto p = db_.write([&](soci::session& sql) {
    auto fresh = repo::insert(sql, order.id, order.number, order.total, at);
    repo::record(sql, fresh.id,
                 event_of("opened", {}, PaymentStatus::ready, PaymentStatus::ready, order.total), 0, at);
    return fresh;
  });
  auto answer =
      provider_->issue_account(request_for(order, p, bank, clock_.now()), "va-" + p.provider_order_id);
  if (answer.kind == Answer::Kind::unreachable) {  // asked once more by orderId: it may have been issued
    note(p, "unreachable", answer, p.status);
    answer = provider_->by_order(p.provider_order_id);
  }
  if (!answer.ok() || answer.payment.account_number.empty() || answer.payment.total != order.total ||
      answer.payment.order_id != p.provider_order_id) {
    Payment aborted = p;
    aborted.status = PaymentStatus::aborted;
    (void)move(aborted, p.status, "declined", answer);
    return Error::conflict("bank", "account_refused",
                           "the virtual account could not be opened" +
                               (answer.message.empty() ? std::string() : ": " + answer.message));
  }
  Payment waiting = p;
  waiting.status = PaymentStatus::waiting_for_deposit;
  waiting.payment_key = answer.payment.payment_key;
  waiting.method = answer.payment.method;
  waiting.account_number = answer.payment.account_number;
  waiting.bank_code = answer.payment.bank_code.empty() ? bank : answer.payment.bank_code;
  waiting.account_holder = answer.payment.account_holder;
  waiting.due_date = answer.payment.due_date;
  const auto hash = sha256_hex(answer.payment.secret);
  db_.write([&](soci::session& sql) {
    if (repo::set_account(sql, waiting, hash, at))
      repo::record(
          sql, p.id,
          event_of("account_issued", answer, PaymentStatus::ready, PaymentStatus::waiting_for_deposit, 0), 0,
          at);
  });
  return waiting;
}

WebhookOutcome Payments::deposit_callback(const std::string& order_id, const std::string& secret) {
  auto p = card_enabled() ? find(order_id) : std::nullopt;
  if (!p || !p->is_account()) return unknown_order(order_id.substr(0, 200));
  const auto kept = db_.read([&](soci::session& sql) { return repo::secret_hash(sql, p->id); });
  if (secret.empty() || !secrets_equal(sha256_hex(secret), kept)) {
    note(*p, "webhook_refused",
         our_refusal("secret_mismatch", "the deposit callback's secret is not the account's"), p->status);
    return {"refused", p->order_number, false};
  }
  // The callback says the money arrived; what the provider's API says is what happened.
  return settle_as_provider_says(*p, p->payment_key, "deposit");
}

}  // namespace brilliant::payments
