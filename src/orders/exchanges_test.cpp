// Exchanges for another size: the size is held from stock when asked for, given back when the exchange
// ends without one, and shipped in a replacement parcel at no charge that is delivered, confirmed and
// returned like any parcel, the money always following the line that was paid for.
#include "orders/exchanges.hpp"

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "orders/ledger.hpp"
#include "orders/returns.hpp"
#include "orders/testing.hpp"

namespace brilliant::orders {
namespace {

class ExchangesTest : public OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    catalog::Product p = *catalog.product("moon-ring");
    p.id = 0;
    p.slug = "star-ring";
    p.variants = {{0, "star-13", 0, 520, 0, "", 0, 1, 90000}, {0, "star-15", 1, 540, 0, "", 0, 1, 90000}};
    ASSERT_TRUE(catalog.create(p, {1, "w1", "달 공방", "Moon"}).ok());
  }
  long long size(int index) { return catalog.product("star-ring")->variants.at(index).id; }
  int left(int index) { return catalog.product("star-ring")->variants.at(index).stock; }

  // A star ring in size 13, paid, shipped and delivered.
  Order delivered(const std::string& key, const std::string& tracking) {
    auto token = carts.add("", 1, {.variant_id = size(0), .quantity = 1})->token;
    auto placed = orders.place(checkout(token, key));
    EXPECT_TRUE(placed.ok()) << placed.error().message;
    EXPECT_TRUE(orders.mark_paid(placed->number, 2).ok());
    EXPECT_TRUE(orders.ship(placed->number, 1, 3, "cj", tracking).ok());
    auto delivered = orders.deliver(placed->number, 1, 3);
    EXPECT_TRUE(delivered.ok());
    return *delivered;
  }
  ReturnRequest exchange(const Order& o, long long variant) {
    ReturnRequest r;
    r.line_ids = {o.lines.at(0).id};
    r.kind = "exchange";
    r.reason = "wrong_size";
    r.exchange_variant_id = variant;
    return r;
  }
  Returns returns{*db, orders, clock};
  Ledger ledger{*db, clock};
};

TEST_F(ExchangesTest, TheSizeIsHeldThenShippedInAReplacementParcelAtNoCharge) {
  auto order = delivered("k-ex-1", "300000000001");
  EXPECT_EQ(left(0), 0);
  EXPECT_EQ(returns.request(order, exchange(order, 0), 1).error().field, "exchange_variant_id");
  EXPECT_EQ(returns.request(order, exchange(order, variant["moon-ring"]), 1).error().code,
            "exchange_size_unknown");  // another piece's size
  auto x = returns.request(order, exchange(order, size(1)), 1);
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ(x->exchange_note, "ko:star-15");  // the size as the shop names it, in the order's language
  EXPECT_EQ(x->exchange_units, 1);
  EXPECT_EQ(left(1), 0);  // held: nobody else can buy it meanwhile
  ASSERT_TRUE(returns.approve(x->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.ship_back(x->id, "cj", "300000000002", 1).ok());
  auto done = returns.receive(x->id, 1, true, "", 3);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->status, "exchanged");
  EXPECT_EQ(left(0), 1);  // the size sent back is on the shelf again
  EXPECT_EQ(left(1), 0);  // the size sent out stays taken

  const auto now = *orders.find(order.number);
  ASSERT_EQ(now.fulfilments.size(), 2u);
  const auto& parcel = now.fulfilments.back();
  EXPECT_EQ(parcel.id, done->replacement_id);
  EXPECT_EQ(parcel.replaces_return_id, x->id);
  EXPECT_EQ(parcel.status, ParcelStatus::to_ship);
  EXPECT_EQ(parcel.subtotal + parcel.shipping_fee, 0);
  ASSERT_EQ(now.lines.size(), 2u);
  const auto& line = now.lines.back();
  EXPECT_EQ(line.variant_id, size(1));
  EXPECT_EQ(line.variant_ko, "ko:star-15");
  EXPECT_EQ(line.line_total, 0);
  EXPECT_EQ(line.reserved, 1);
  EXPECT_EQ(line.replaces_line_id, now.lines.front().id);
  EXPECT_EQ(&paid_line(now, line), &now.lines.front());
  EXPECT_EQ(now.total, order.total);  // the shopper pays nothing more

  // The workshop ships the replacement (its parcel to ship is the new one), it is delivered, confirmed.
  ASSERT_EQ(workshop_parcel(now, 1)->id, parcel.id);
  ASSERT_TRUE(orders.ship(order.number, 1, 3, "cj", "300000000003").ok());
  ASSERT_TRUE(orders.deliver(order.number, 1, 3).ok());
  ASSERT_TRUE(orders.confirm_purchase(order.number, 1).ok());
  const auto month = format_seoul(clock.now()).substr(0, 7);
  int sales = 0;
  long long sold = 0;
  for (const auto& e : ledger.entries(1, month))
    if (e.kind == "sale") ++sales, sold += e.amount;
  EXPECT_EQ(sales, 1);  // the sale once, never the replacement again
  EXPECT_EQ(sold, now.lines.front().line_total);

  // A fault in the new ring: its return refunds what the ring was paid for, and reverses that sale.
  const auto after = *orders.find(order.number);
  ReturnRequest fault;
  fault.line_ids = {after.lines.back().id};
  fault.reason = "defective";
  fault.refund_account = "국민은행 123401-04-567890 김보석";
  auto y = returns.request(after, fault, 1);
  ASSERT_TRUE(y.ok()) << y.error().message;
  EXPECT_EQ(y->refund_amount, after.lines.front().line_total);
  EXPECT_EQ(returns.request(after, exchange(after, size(0)), 1).error().code, "return_done");  // the old one
  ASSERT_TRUE(returns.approve(y->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.receive(y->id, 1, true, "", 3).ok());
  ASSERT_TRUE(returns.refund(y->id, 2).ok());
  long long balance = 0;
  for (const auto& e : ledger.entries(1, month)) balance += e.amount;
  EXPECT_EQ(balance, 0);
}

TEST_F(ExchangesTest, ASoldOutSizeIsRefusedAndAnExchangeEndedWithoutOneGivesItsSizeBack) {
  auto order = delivered("k-ex-2", "300000000011");
  db->write([&](soci::session& sql) { sql << "UPDATE variants SET stock = 0 WHERE sku = 'star-15'"; });
  catalog.stock_changed({catalog.product("star-ring")->id}, {});
  auto sold_out = returns.request(order, exchange(order, size(1)), 1);
  ASSERT_FALSE(sold_out.ok());
  EXPECT_EQ(sold_out.error().code, "out_of_stock");
  EXPECT_EQ(sold_out.error().field, "exchange_variant_id");
  EXPECT_TRUE(returns.of_order(order.id).empty());  // nothing written

  db->write([&](soci::session& sql) { sql << "UPDATE variants SET stock = 2 WHERE sku = 'star-15'"; });
  catalog.stock_changed({catalog.product("star-ring")->id}, {});
  auto x = returns.request(order, exchange(order, size(1)), 1);
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ(left(1), 1);
  ASSERT_TRUE(returns.reject(x->id, 1, "worn for weeks", 3).ok());
  EXPECT_EQ(left(1), 2);  // given back
  EXPECT_EQ(returns.reject(x->id, 1, "again", 3).error().code, "return_state");
  EXPECT_EQ(left(1), 2);  // once

  auto y = returns.request(order, exchange(order, size(1)), 1);  // asked again after a rejection
  ASSERT_TRUE(y.ok()) << y.error().message;
  EXPECT_EQ(left(1), 1);
  ASSERT_TRUE(returns.approve(y->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.receive(y->id, 1, false, "not the ring we sent", 3).ok());
  EXPECT_EQ(left(1), 2);
  EXPECT_EQ(orders.find(order.number)->fulfilments.size(), 1u);  // no replacement parcel
}

TEST_F(ExchangesTest, OnePieceAtATime) {
  auto token = carts.add("", 1, {.variant_id = size(0), .quantity = 1})->token;
  ASSERT_TRUE(carts.add(token, 1, {.variant_id = variant["moon-ring"], .quantity = 1}).ok());
  auto placed = orders.place(checkout(token, "k-ex-3"));
  ASSERT_TRUE(placed.ok()) << placed.error().message;
  auto two = exchange(*placed, size(1));
  two.line_ids = {placed->lines.at(0).id, placed->lines.at(1).id};
  EXPECT_EQ(exchanges::choose(orders, *placed, two.line_ids, size(1)).error().code, "exchange_one_piece");
  const auto sizes = orders.sizes_for(placed->lines.at(0));
  ASSERT_EQ(sizes.size(), 2u);
  EXPECT_TRUE(sizes.at(0).current);
  EXPECT_EQ(sizes.at(1).label_en, "en:star-15");
}

}  // namespace
}  // namespace brilliant::orders
