#include "payments/payments.hpp"

#include <gtest/gtest.h>

#include "orders/testing.hpp"
#include "payments/testing.hpp"

namespace brilliant::payments {
namespace {

class PaymentsTest : public orders::OrdersFixture {
 protected:
  // Opens the window for an order and has the provider authorise it, as the window does.
  std::pair<Window, std::string> authorised(const orders::Order& order) {
    auto w = payments.open(order, "https://shop.example", order.guest_key);
    EXPECT_TRUE(w.ok()) << w.error().message;
    return {*w, provider.authorise(w->order_id, w->amount)};
  }
  Payment payment_of(const orders::Order& order) { return payments.of_order(order.id).back(); }
  int paid_events(const std::string& number) {
    int n = 0;
    const auto order = orders.find(number);
    for (const auto& e : order->events) n += e.kind == "paid";
    return n;
  }

  MemoryProvider provider;
  Payments payments{*db, orders, &provider, clock, {.client_key = "test_ck_1", .secret_key = "test_sk_1"}};
};

TEST_F(PaymentsTest, AWindowIsOpenedForTheOrdersTotalAndReusedUntilUsed) {
  auto order = one_ring_order("k-open", 2);
  auto w = payments.open(order, "https://shop.example/en", "");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->order_id, order.number + "-1");
  EXPECT_EQ(w->amount, order.total);
  EXPECT_EQ(w->order_name, "moon-ring 한");
  EXPECT_EQ(w->success_url, "https://shop.example/en/payments/toss/success");
  EXPECT_TRUE(w->test_mode);
  EXPECT_EQ(payments.open(order, "https://shop.example", "")->order_id, order.number + "-1");
  ASSERT_TRUE(payments.window_failed(w->order_id, "PAY_PROCESS_CANCELED", "cancelled").ok());
  EXPECT_EQ(payment_of(order).status, PaymentStatus::aborted);
  EXPECT_EQ(payments.open(order, "https://shop.example", "")->order_id, order.number + "-2");
}

TEST_F(PaymentsTest, AConfirmedPaymentPaysTheOrderOnceInTheSameTransaction) {
  auto order = one_ring_order("k-pay");
  auto [w, key] = authorised(order);
  auto paid = payments.confirm(w.order_id, key, w.amount);
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->status, orders::OrderStatus::paid);
  EXPECT_EQ(paid->payment_method, "card");
  const auto p = payment_of(order);
  EXPECT_EQ(p.status, PaymentStatus::done);
  EXPECT_EQ(p.balance, order.total);
  EXPECT_EQ(p.payment_key, key);
  // The success page again, and the webhook after it: nothing changes, nothing is confirmed twice.
  EXPECT_TRUE(payments.confirm(w.order_id, key, w.amount).ok());
  std::string hook = R"({"eventType":"PAYMENT_STATUS_CHANGED","data":{"orderId":")" + w.order_id +
                     R"(","paymentKey":")" + key + R"(","status":"DONE"}})";
  EXPECT_EQ(payments.webhook(hook).outcome, "no_change");
  EXPECT_EQ(payments.webhook(hook).outcome, "no_change");
  EXPECT_EQ(provider.confirms, 1);
  EXPECT_EQ(paid_events(order.number), 1);
  std::vector<std::string> kinds;
  for (const auto& e : payments.history(p.id)) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"opened", "confirm_sent", "confirmed", "webhook_no_change",
                                             "webhook_no_change"}));
}

TEST_F(PaymentsTest, ADeclinedCardLeavesTheOrderAwaitingPaymentAndANewWindowMayBeOpened) {
  auto order = one_ring_order("k-decline");
  auto [w, key] = authorised(order);
  provider.next.push_back(MemoryProvider::Next::decline);
  auto paid = payments.confirm(w.order_id, key, w.amount);
  ASSERT_FALSE(paid.ok());
  EXPECT_EQ(paid.error().code, "REJECT_CARD_PAYMENT");
  EXPECT_EQ(payment_of(order).status, PaymentStatus::aborted);
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::awaiting_payment);
  auto again = authorised(order);
  EXPECT_EQ(again.first.order_id, order.number + "-2");
  EXPECT_TRUE(payments.confirm(again.first.order_id, again.second, again.first.amount).ok());
}

TEST_F(PaymentsTest, AmountsAndOrdersTheWindowDidNotOpenWithAreRefusedAndRecorded) {
  auto order = one_ring_order("k-amount");
  auto [w, key] = authorised(order);
  auto cheap = payments.confirm(w.order_id, key, 1000);
  ASSERT_FALSE(cheap.ok());
  EXPECT_EQ(cheap.error().field, "amount");
  EXPECT_EQ(provider.confirms, 0);  // never sent
  EXPECT_EQ(payments.confirm(order.number + "-9", key, w.amount).error().kind, ErrorKind::not_found);
  EXPECT_EQ(payments.confirm("not-an-order", key, w.amount).error().kind, ErrorKind::not_found);
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::awaiting_payment);
  EXPECT_EQ(payments.history(payment_of(order).id).back().code, "amount_mismatch");
}

TEST_F(PaymentsTest, AConfirmWithNoAnswerIsLookedUpByOrderIdBeforeAnyRetry) {
  auto order = one_ring_order("k-silent");
  auto [w, key] = authorised(order);
  provider.next.push_back(MemoryProvider::Next::apply_silently);  // charged, but the answer is lost
  auto paid = payments.confirm(w.order_id, key, w.amount);
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->status, orders::OrderStatus::paid);
  EXPECT_EQ(provider.confirms, 1);
  EXPECT_EQ(payments.history(payment_of(order).id).back().kind, "looked_up");
}

TEST_F(PaymentsTest, APaymentLeftInProgressIsReconciledOnceTheProviderAnswers) {
  auto order = one_ring_order("k-down");
  auto [w, key] = authorised(order);
  provider.next.push_back(MemoryProvider::Next::apply_silently);
  provider.down = false;
  // The confirm is applied at the provider, then the provider goes silent for the lookup as well.
  struct Flaky : Provider {
    MemoryProvider& real;
    explicit Flaky(MemoryProvider& r) : real(r) {}
    Answer confirm(const std::string& k, const std::string& o, long long a, const std::string& i) override {
      real.confirm(k, o, a, i);
      return {};
    }
    Answer cancel(const std::string& k, const std::string& r, long long a, const std::string& i,
                  const RefundAccount& to = {}) override {
      return real.cancel(k, r, a, i, to);
    }
    Answer by_key(const std::string&) override { return {}; }
    Answer by_order(const std::string&) override { return {}; }
    Answer issue_account(const AccountRequest&, const std::string&) override { return {}; }
  } flaky(provider);
  Payments cut_off{*db, orders, &flaky, clock, {.client_key = "test_ck_1", .secret_key = "test_sk_1"}};
  auto pending = cut_off.confirm(w.order_id, key, w.amount);
  ASSERT_FALSE(pending.ok());
  EXPECT_EQ(pending.error().code, "payment_pending");
  EXPECT_EQ(payment_of(order).status, PaymentStatus::in_progress);
  // The overdue sweep leaves an order whose payment is being confirmed.
  clock.advance(std::chrono::hours(24 * 4));
  EXPECT_EQ(orders.cancel_overdue(), 0);
  // After a restart (or a minute later) the provider answers: paid exactly once.
  EXPECT_EQ(payments.reconcile(std::chrono::seconds(0)), 1);
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::paid);
  EXPECT_EQ(payments.reconcile(std::chrono::seconds(0)), 0);
  EXPECT_EQ(paid_events(order.number), 1);
}

TEST_F(PaymentsTest, AWindowNeverUsedExpiresAfterAnHour) {
  auto order = one_ring_order("k-idle");
  ASSERT_TRUE(payments.open(order, "https://shop.example", "").ok());
  EXPECT_EQ(payments.reconcile(std::chrono::seconds(0)), 0);
  clock.advance(std::chrono::minutes(61));
  EXPECT_EQ(payments.reconcile(std::chrono::seconds(0)), 1);
  EXPECT_EQ(payment_of(order).status, PaymentStatus::expired);
}

TEST_F(PaymentsTest, AWebhookForAnUnknownOrderOrAnotherKeyChangesNothing) {
  EXPECT_EQ(payments
                .webhook(R"({"eventType":"PAYMENT_STATUS_CHANGED","data":{"orderId":"BR-261129-AAAAAAAA-1",
    "paymentKey":"x","status":"DONE"}})")
                .outcome,
            "unknown_order");
  EXPECT_EQ(payments.webhook("not json").outcome, "ignored");
  EXPECT_EQ(payments.webhook(R"({"eventType":"DEPOSIT_CALLBACK"})").outcome, "ignored");
  auto order = one_ring_order("k-hook");
  auto [w, key] = authorised(order);
  ASSERT_TRUE(payments.confirm(w.order_id, key, w.amount).ok());
  EXPECT_EQ(payments
                .webhook(R"({"eventType":"PAYMENT_STATUS_CHANGED","data":{"orderId":")" + w.order_id +
                         R"(","paymentKey":"forged","status":"CANCELED"}})")
                .outcome,
            "refused");
  EXPECT_EQ(payment_of(order).status, PaymentStatus::done);
}

TEST_F(PaymentsTest, AWebhookAppliesWhatTheProviderSaysNotWhatTheBodySays) {
  auto order = one_ring_order("k-truth");
  auto [w, key] = authorised(order);
  // The shopper closed the browser before coming back; the provider confirmed it (e.g. retried by them).
  provider.by_order_id[w.order_id].status = "DONE";
  auto out = payments.webhook(R"({"eventType":"PAYMENT_STATUS_CHANGED","data":{"orderId":")" + w.order_id +
                              R"(","paymentKey":")" + key + R"(","status":"ABORTED"}})");
  EXPECT_EQ(out.outcome, "applied");
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::paid);
  provider.down = true;
  EXPECT_TRUE(payments
                  .webhook(R"({"eventType":"PAYMENT_STATUS_CHANGED","data":{"orderId":")" + w.order_id +
                           R"(","paymentKey":")" + key + R"("}})")
                  .retry);
}

TEST_F(PaymentsTest, APaymentForAnOrderCancelledMeanwhileIsRefundedAtOnce) {
  auto order = one_ring_order("k-late");
  auto [w, key] = authorised(order);
  ASSERT_TRUE(orders.cancel(order.number, 1, orders::CancelledBy::shopper, "").ok());
  // The confirm is not even sent for an order no longer awaiting payment...
  EXPECT_FALSE(payments.confirm(w.order_id, key, w.amount).ok());
  EXPECT_EQ(provider.confirms, 0);
  // ...and a payment the provider confirmed anyway (its webhook) goes back whole.
  provider.by_order_id[w.order_id].status = "DONE";
  EXPECT_EQ(payments
                .webhook(R"({"eventType":"PAYMENT_STATUS_CHANGED","data":{"orderId":")" + w.order_id +
                         R"(","paymentKey":")" + key + R"("}})")
                .outcome,
            "refused");
  EXPECT_EQ(provider.by_order_id[w.order_id].status, "CANCELED");
  EXPECT_EQ(payment_of(order).status, PaymentStatus::canceled);
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::cancelled);
}

TEST_F(PaymentsTest, RefundsArePartialOrWholeAndNeverAboveWhatWasPaid) {
  auto order = one_ring_order("k-refund");
  auto [w, key] = authorised(order);
  ASSERT_TRUE(payments.confirm(w.order_id, key, w.amount).ok());
  EXPECT_EQ(payments.refund(order.number, 1000, "", 2).error().field, "reason");
  EXPECT_EQ(payments.refund(order.number, order.total + 1, "too much", 2).error().code, "refund_above_paid");
  auto part = payments.refund(order.number, 20000, "scratch on the band", 2);
  ASSERT_TRUE(part.ok()) << part.error().message;
  EXPECT_EQ(part->events.back().kind, "refunded");
  EXPECT_EQ(payment_of(order).status, PaymentStatus::partial_canceled);
  EXPECT_EQ(payment_of(order).balance, order.total - 20000);
  EXPECT_EQ(payments.refund(order.number, order.total, "again", 2).error().code, "refund_above_paid");
  // The operator cancels the order: what is left goes back first, then the order is cancelled.
  auto cancelled = payments.cancel_order(order.number, "out of stock after all", 2);
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  EXPECT_EQ(cancelled->status, orders::OrderStatus::cancelled);
  EXPECT_EQ(payment_of(order).status, PaymentStatus::canceled);
  EXPECT_EQ(payment_of(order).balance, 0);
  EXPECT_EQ(provider.by_order_id[w.order_id].balance, 0);
  EXPECT_EQ(payments.refund(order.number, 0, "nothing left", 2).error().code, "no_card_payment");
}

TEST_F(PaymentsTest, ARefundTheProviderCannotBeAskedForChangesNothing) {
  auto order = one_ring_order("k-refund-down");
  auto [w, key] = authorised(order);
  ASSERT_TRUE(payments.confirm(w.order_id, key, w.amount).ok());
  provider.down = true;
  EXPECT_EQ(payments.refund(order.number, 0, "changed mind", 2).error().code, "provider_unreachable");
  EXPECT_EQ(payments.cancel_order(order.number, "changed mind", 2).error().code, "provider_unreachable");
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::paid);
  EXPECT_EQ(payment_of(order).balance, order.total);
  // Asked again once the provider answers: the same Idempotency-Key, so a refund the provider did make
  // before its answer was lost is replayed, never made twice; a second, different refund has its own key.
  provider.down = false;
  ASSERT_TRUE(payments.refund(order.number, 10000, "scratch", 2).ok());
  ASSERT_TRUE(payments.refund(order.number, 10000, "another scratch", 2).ok());
  ASSERT_EQ(provider.cancel_keys.size(), 4u);
  EXPECT_EQ(provider.cancel_keys[0], provider.cancel_keys[1]);  // the whole refund, asked twice while down
  EXPECT_NE(provider.cancel_keys[2], provider.cancel_keys[3]);  // two refunds, one after the other
  EXPECT_EQ(provider.cancel_keys[2], "refund-" + w.order_id + "-" + std::to_string(order.total) + "-10000");
}

TEST_F(PaymentsTest, WithoutKeysNoWindowOpens) {
  Payments none{*db, orders, &provider, clock, {}};
  EXPECT_FALSE(none.card_enabled());
  EXPECT_EQ(none.open(one_ring_order("k-none"), "https://shop.example", "").error().code, "card_unavailable");
}

}  // namespace
}  // namespace brilliant::payments
