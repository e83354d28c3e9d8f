// Virtual accounts on the test orders with a provider in memory: issued once per order with the checkout's
// cash receipt, paid by a deposit callback carrying the account's secret (a wrong secret changes nothing, a
// repeated callback pays once), refused without keys or for an unknown bank.
#include <gtest/gtest.h>

#include "orders/testing.hpp"
#include "payments/payment_events.hpp"
#include "payments/payments.hpp"
#include "payments/testing.hpp"

namespace brilliant::payments {
namespace {

class VirtualAccountsTest : public orders::OrdersFixture {
 protected:
  MemoryProvider provider;
  Payments payments{*db, orders, &provider, clock, {.client_key = "test_ck_1", .secret_key = "test_sk_1"}};
};

TEST_F(VirtualAccountsTest, AnAccountIsIssuedOnceAndTheDepositCallbackPaysTheOrderOnce) {
  auto token = carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = 1})->token;
  auto c = checkout(token, "k-va-1");
  c.transfer = {"", "income", "010-1234-5678"};
  const auto order = orders.place(c).value();
  const auto account = payments.open_account(order, "88");
  ASSERT_TRUE(account.ok()) << account.error().message;
  EXPECT_EQ(account->status, PaymentStatus::waiting_for_deposit);
  EXPECT_EQ(account->bank_code, "88");
  EXPECT_FALSE(account->account_number.empty());
  EXPECT_EQ(provider.last_account.cash_receipt_type, "소득공제");
  EXPECT_EQ(provider.last_account.cash_receipt_number, "01012345678");
  EXPECT_EQ(provider.last_account.amount, order.total);
  EXPECT_GE(provider.last_account.valid_hours, 1);
  EXPECT_LE(provider.last_account.valid_hours, 72);
  // Asked again: the same account, not a second one.
  EXPECT_EQ(payments.open_account(order, "88")->account_number, account->account_number);
  EXPECT_EQ(provider.accounts, 1);

  const auto id = account->provider_order_id;
  EXPECT_EQ(payments.deposit_callback(id, "ps_wrong").outcome, "refused");
  provider.deposit(id);
  EXPECT_EQ(payments.deposit_callback(id, "ps_wrong").outcome, "refused");  // the money is there; still not
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::awaiting_payment);
  // Toss's body shapes reach the same place through the webhook.
  const auto body = R"({"createdAt":"2026-11-30T15:00:00.000","secret":"ps_secret_)" + id +
                    R"(","status":"DONE","transactionKey":"t1","orderId":")" + id + R"("})";
  EXPECT_EQ(payments.webhook(body).outcome, "applied");
  const auto paid = orders.find(order.number).value();
  EXPECT_EQ(paid.status, orders::OrderStatus::paid);
  EXPECT_EQ(paid.payment_method, "virtual_account");
  EXPECT_EQ(payments.webhook(R"({"eventType":"DEPOSIT_CALLBACK","data":)" + body + "}").outcome, "no_change");
  int paid_events = 0;
  const auto after = orders.find(order.number).value();
  for (const auto& e : after.events) paid_events += e.kind == "paid";
  EXPECT_EQ(paid_events, 1);
  EXPECT_EQ(payments.deposit_callback("BR-000000-NOSUCH22-1", "x").outcome, "unknown_order");

  // Refunded through Toss to the shopper's own account: refused without one, sent with its bank's code.
  EXPECT_EQ(payments.refund(order.number, 10000, "사이즈", 2).error().field, "refund_account");
  auto refunded =
      payments.refund(order.number, 10000, "사이즈", 2, refund_account_of("신한 110-123-456789 김보석"));
  ASSERT_TRUE(refunded.ok()) << refunded.error().message;
  EXPECT_EQ(provider.refunded_to.bank, "88");
  EXPECT_EQ(provider.refunded_to.number, "110123456789");
  EXPECT_EQ(provider.refunded_to.holder, "김보석");
  EXPECT_EQ(payments.holding(order.id)->balance, order.total - 10000);
}

TEST_F(VirtualAccountsTest, AnUnknownBankAPaidOrderAndAShopWithoutKeysAreRefused) {
  const auto order = one_ring_order("k-va-2");
  EXPECT_EQ(payments.open_account(order, "99").error().field, "bank");
  Payments without_keys{*db, orders, &provider, clock, {}};
  EXPECT_EQ(without_keys.open_account(order, "88").error().code, "card_unavailable");
  ASSERT_TRUE(orders.mark_paid(order.number, 2).ok());
  EXPECT_EQ(payments.open_account(*orders.find(order.number), "88").error().code,
            "order_not_awaiting_payment");
  provider.down = true;  // no answer, and none when asked again by orderId
  const auto other = one_ring_order("k-va-3");
  const auto silent = payments.open_account(other, "04");
  ASSERT_FALSE(silent.ok());
  EXPECT_EQ(silent.error().code, "account_refused");
  EXPECT_EQ(payments.of_order(other.id).back().status, PaymentStatus::aborted);
}

}  // namespace
}  // namespace brilliant::payments
