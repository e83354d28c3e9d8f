// The deposits service on the test orders (orders/testing.hpp): a statement read and kept once, matched,
// confirmed into a paid order, set aside.
#include "payments/deposits.hpp"

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "orders/testing.hpp"

namespace brilliant::payments {
namespace {

class DepositsTest : public orders::OrdersFixture {
 protected:
  std::string statement(const std::vector<std::string>& rows) {
    std::string csv = "거래일시,기재내용,찾으신금액,맡기신금액,거래후잔액\n";
    for (const auto& r : rows) csv += r + "\n";
    return csv;
  }
  Deposits deposits{*db, orders, clock};
  const long long op = 2;
};

TEST_F(DepositsTest, AStatementIsKeptOnceAndItsDepositsMatchTheirOrders) {
  const auto order = one_ring_order("k-dep-1");
  const auto csv =
      statement({"2026.11.28 14:03:12,김보석,0,120000,1120000", "2026.11.28 15:00:00,이자,0,321,1120321",
                 "2026.11.28 16:00:00,카드대금,50000,0,1070321"});
  auto first = deposits.import(csv, "nh-1128.csv", op);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->deposits_new, 2);
  EXPECT_EQ(first->withdrawals, 1);
  auto again = deposits.import(csv, "nh-1128 (1).csv", op);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->deposits_new, 0);
  EXPECT_EQ(again->deposits_known, 2);

  const auto board = deposits.board();
  ASSERT_EQ(board.open.size(), 2u);
  EXPECT_EQ(board.unpaid_orders, 1);
  EXPECT_EQ(board.matches[0].confidence, Confidence::certain);
  EXPECT_EQ(board.matches[0].candidates.front().number, order.number);
  EXPECT_EQ(board.matches[1].confidence, Confidence::none);
  ASSERT_EQ(board.statements.size(), 2u);
  EXPECT_EQ(board.statements.front().file_name, "nh-1128 (1).csv");
  EXPECT_EQ(board.statements.front().deposits_new, 0);
}

TEST_F(DepositsTest, ConfirmingPaysTheOrderOnceAndTiesTheDepositToIt) {
  const auto order = one_ring_order("k-dep-2");
  const auto other = one_ring_order("k-dep-3");
  ASSERT_TRUE(
      deposits
          .import(statement({"2026-11-28 10:00,김보석,0,120000,", "2026-11-28 11:00,김보석,0,99000,"}),
                  "s.csv", op)
          .ok());
  const auto open = deposits.board().open;
  ASSERT_EQ(open.size(), 2u);
  // The wrong amount is refused, naming both sums; nothing changes.
  const auto wrong = deposits.confirm(open[1].id, order.number, op);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "amount_differs");
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::awaiting_payment);

  const auto paid = deposits.confirm(open[0].id, order.number, op);
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->status, orders::OrderStatus::paid);
  EXPECT_EQ(paid->events.back().kind, "paid");
  EXPECT_NE(paid->events.back().note.find("김보석"), std::string::npos);
  // The same deposit cannot pay a second order (two operators, two tabs), nor the paid order twice.
  const auto twice = deposits.confirm(open[0].id, other.number, op);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "deposit_decided");
  EXPECT_EQ(orders.find(other.number)->status, orders::OrderStatus::awaiting_payment);
  const auto board = deposits.board();
  ASSERT_EQ(board.decided.size(), 1u);
  EXPECT_EQ(board.decided[0].order_number, order.number);
  EXPECT_EQ(board.decided[0].decided_by, "운영자");
  EXPECT_FALSE(deposits.confirm(999, order.number, op).ok());
  EXPECT_FALSE(deposits.confirm(open[1].id, "BR-261128-NOSUCH22", op).ok());
}

TEST_F(DepositsTest, OnlyCertainMatchesAreConfirmedTogether) {
  const auto order = one_ring_order("k-dep-4");
  const auto other = one_ring_order("k-dep-5");
  // Two orders of 120,000 by the same person: the deposit naming one order's number is certain; a second
  // deposit by name alone is ambiguous between the two.
  const auto tail = order.number.substr(order.number.rfind('-') + 1);
  ASSERT_TRUE(deposits
                  .import(statement({"2026-11-28 10:00,김보석 " + tail + ",0,120000,",
                                     "2026-11-28 10:05,김보석,0,120000,"}),
                          "s.csv", op)
                  .ok());
  EXPECT_EQ(deposits.confirm_certain(op), 1);
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::paid);
  EXPECT_EQ(orders.find(other.number)->status, orders::OrderStatus::awaiting_payment);
  // With the first order paid, the second deposit is now the other order's, certainly.
  const auto board = deposits.board();
  ASSERT_EQ(board.open.size(), 1u);
  EXPECT_EQ(board.matches[0].confidence, Confidence::certain);
  EXPECT_EQ(board.matches[0].candidates.front().number, other.number);
}

TEST_F(DepositsTest, ADepositThatPaysNoOrderIsSetAsideWithANote) {
  ASSERT_TRUE(deposits.import(statement({"2026-11-28 10:00,이자,0,321,"}), "s.csv", op).ok());
  const auto id = deposits.board().open.at(0).id;
  const auto bare = deposits.set_aside(id, "  ", op);
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(bare.error().field, "note");
  const auto done = deposits.set_aside(id, "예금 이자", op);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->status, "set_aside");
  EXPECT_EQ(done->note, "예금 이자");
  EXPECT_EQ(deposits.set_aside(id, "again", op).error().code, "deposit_decided");
  EXPECT_TRUE(deposits.board().open.empty());
}

TEST_F(DepositsTest, WhatIsNoStatementIsRefusedNamingTheFile) {
  for (const std::string bad : {"", "just,some\ncolumns,here\n", "PK\x03\x04junk"}) {
    const auto r = deposits.import(bad, "x.csv", op);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "file");
  }
}

}  // namespace
}  // namespace brilliant::payments
