// For tests of the payments service: a provider in memory that behaves as Toss's API does for the calls
// the shop makes (tests/fake_toss/server.mjs is the same over HTTP, for the HTTP and browser tests).
#pragma once
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "payments/provider.hpp"

namespace brilliant::payments {

class MemoryProvider final : public Provider {
 public:
  enum class Next { answer, decline, silent, apply_silently };
  std::deque<Next> next;  // what the coming confirms do (answer when empty)
  std::map<std::string, ProviderPayment> by_order_id;
  bool down = false;  // every call unanswered
  int confirms = 0, cancels = 0, lookups = 0, accounts = 0;
  AccountRequest last_account;
  std::vector<std::string> cancel_keys;  // the Idempotency-Key of each cancel asked
  RefundAccount refunded_to;             // the last cancel's refund account

  // The window succeeded: the provider holds an authorised payment for the orderId.
  std::string authorise(const std::string& order_id, long long amount) {
    const std::string key = "key-" + order_id;
    by_order_id[order_id] = {key, order_id, "IN_PROGRESS", "", "", amount, amount};
    return key;
  }

  Answer confirm(const std::string& key, const std::string& order_id, long long amount,
                 const std::string&) override {
    ++confirms;
    if (down) return {};
    auto it = by_order_id.find(order_id);
    if (it == by_order_id.end() || it->second.payment_key != key)
      return refused(404, "NOT_FOUND_PAYMENT_SESSION");
    if (amount != it->second.total) return refused(400, "INVALID_REQUEST");
    if (it->second.status == "DONE") return refused(400, "ALREADY_PROCESSED_PAYMENT");
    const Next what = next.empty() ? Next::answer : next.front();
    if (!next.empty()) next.pop_front();
    if (what == Next::decline) {
      it->second.status = "ABORTED";
      return refused(403, "REJECT_CARD_PAYMENT");
    }
    if (what == Next::silent) return {};
    it->second.status = "DONE";
    it->second.method = "카드";
    it->second.approved_at = "2026-11-29T10:00:00+09:00";
    if (what == Next::apply_silently) return {};
    return ok(it->second);
  }
  Answer cancel(const std::string& key, const std::string&, long long amount, const std::string& idempotency,
                const RefundAccount& to = {}) override {
    ++cancels;
    cancel_keys.push_back(idempotency);
    refunded_to = to;
    if (down) return {};
    for (auto& [id, p] : by_order_id)
      if (p.payment_key == key) {
        if (p.method == "가상계좌" && to.empty()) return refused(400, "INVALID_REFUND_ACCOUNT_INFO");
        const long long take = amount == 0 ? p.balance : amount;
        if (take > p.balance || (p.status != "DONE" && p.status != "PARTIAL_CANCELED"))
          return refused(403, "NOT_CANCELABLE_AMOUNT");
        p.balance -= take;
        p.status = p.balance == 0 ? "CANCELED" : "PARTIAL_CANCELED";
        return ok(p);
      }
    return refused(404, "NOT_FOUND_PAYMENT");
  }
  Answer by_key(const std::string& key) override {
    ++lookups;
    if (down) return {};
    for (auto& [id, p] : by_order_id)
      if (p.payment_key == key) return ok(p);
    return refused(404, "NOT_FOUND_PAYMENT");
  }
  // A virtual account: waiting for the deposit, with its account and the callbacks' secret.
  Answer issue_account(const AccountRequest& r, const std::string&) override {
    ++accounts;
    if (down) return {};
    if (by_order_id.count(r.order_id)) return refused(400, "DUPLICATED_ORDER_ID");
    ProviderPayment p{"va-" + r.order_id, r.order_id, "WAITING_FOR_DEPOSIT", "가상계좌", "",
                      r.amount,           r.amount};
    p.account_number = "X2710" + std::to_string(r.amount);
    p.bank_code = r.bank;
    p.account_holder = r.customer_name;
    p.due_date = "2026-12-03T23:59:59+09:00";
    p.secret = "ps_secret_" + r.order_id;
    last_account = r;
    by_order_id[r.order_id] = p;
    return ok(p);
  }
  // The money arrived: the payment is done (the deposit callback is the test's to send).
  void deposit(const std::string& order_id) {
    auto& p = by_order_id.at(order_id);
    p.status = "DONE";
    p.approved_at = "2026-11-30T15:00:00+09:00";
  }
  Answer by_order(const std::string& order_id) override {
    ++lookups;
    if (down) return {};
    auto it = by_order_id.find(order_id);
    return it == by_order_id.end() ? refused(404, "NOT_FOUND_PAYMENT") : ok(it->second);
  }

 private:
  static Answer ok(const ProviderPayment& p) {
    Answer a;
    a.kind = Answer::Kind::ok;
    a.http_status = 200;
    a.payment = p;
    a.raw = "{\"status\":\"" + p.status + "\"}";
    return a;
  }
  static Answer refused(int status, const std::string& code) {
    Answer a;
    a.kind = Answer::Kind::refused;
    a.http_status = status;
    a.code = code;
    a.message = code;
    return a;
  }
};

}  // namespace brilliant::payments
