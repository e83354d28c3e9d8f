#include "orders/orders.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "db/migrate.hpp"
#include "orders/testing.hpp"

namespace brilliant::orders {
namespace {

class OrdersTest : public OrdersFixture {};

// Every field of an order's parcels, lines and events, to compare an order as placed with it read back.
std::string described(const Order& o) {
  std::ostringstream out;
  for (const auto& f : o.fulfilments)
    out << "F " << f.id << ' ' << f.workshop_id << ' ' << f.workshop_slug << ' ' << f.workshop_ko << ' '
        << f.workshop_en << ' ' << static_cast<int>(f.status) << ' ' << f.subtotal << ' ' << f.shipping_fee
        << ' ' << f.carrier << f.tracking << f.shipped_at << f.delivered_at << f.confirmed_at << ' '
        << f.discount << ' ' << f.shipping_discount << ' ' << f.replaces_return_id << '\n';
  for (const auto& l : o.lines)
    out << "L " << l.id << ' ' << l.fulfilment_id << ' ' << l.product_id << ' ' << l.variant_id << ' '
        << l.workshop_id << ' ' << l.slug << ' ' << l.title_ko << ' ' << l.title_en << ' ' << l.variant_ko
        << ' ' << l.variant_en << ' ' << l.sku << ' ' << l.engraving << ' ' << l.quantity << ' ' << l.reserved
        << ' ' << l.lead_days << ' ' << l.gift_wrap << l.final_sale << l.made_to_order << ' ' << l.unit_price
        << ' ' << l.options_fee << ' ' << l.line_total << ' ' << l.pricing << ' ' << l.quote_id << ' '
        << l.quote_won_per_gram << ' ' << l.quote_metal << ' ' << l.quote_day << ' ' << l.category << ' '
        << l.commission_bp << ' ' << l.discount << ' ' << l.replaces_line_id << '\n';
  for (const auto& e : o.events)
    out << "E " << e.kind << ' ' << e.note << ' ' << e.actor << ' ' << e.created_at << '\n';
  return out.str();
}

TEST_F(OrdersTest, PlacingSplitsByWorkshopReservesStockKeepsPricesAndEmptiesTheCart) {
  auto token =
      carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = 2, .engraving = "J&M"})->token;
  ASSERT_TRUE(carts.add(token, 1, {.variant_id = variant["sun-chain"], .quantity = 1}).ok());
  ASSERT_TRUE(carts.add(token, 1, {.variant_id = variant["sun-cuff"], .quantity = 1}).ok());
  auto preview = orders.preview(token, "54538");
  ASSERT_TRUE(preview.ok()) << preview.error().message;
  auto c = checkout(token);
  c.expected_total = preview->plan.total;
  auto order = orders.place(c);
  ASSERT_TRUE(order.ok()) << order.error().message;

  EXPECT_TRUE(looks_like_order_number(order->number)) << order->number;
  // What placing answers (parcels and lines as written) is what reading the order back gives.
  auto stored = orders.find(order->number);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(described(*order), described(*stored));
  EXPECT_EQ(order->customer_name, stored->customer_name);
  EXPECT_EQ(order->total, stored->total);
  EXPECT_EQ(order->status, OrderStatus::awaiting_payment);
  EXPECT_EQ(order->address.phone, "010-1234-5678");
  ASSERT_EQ(order->fulfilments.size(), 2u);
  // Moon: 2 x (120,000 + 10,000 engraving) = 260,000, ships free; Sun: 30,000 + 80,000 = 110,000, free.
  EXPECT_EQ(order->fulfilments[0].subtotal, 260000);
  EXPECT_EQ(order->fulfilments[1].subtotal, 110000);
  EXPECT_EQ(order->subtotal, 370000);
  EXPECT_EQ(order->total, preview->plan.total);
  ASSERT_EQ(order->lines.size(), 3u);
  EXPECT_TRUE(order->lines[0].final_sale);
  EXPECT_EQ(order->lines[0].engraving, "J&M");
  EXPECT_EQ(order->lines[0].variant_en, "en:moon-ring-1");
  EXPECT_EQ(order->lines[0].reserved, 2);
  EXPECT_EQ(order->lines[2].reserved, 0);  // made to order
  // The formula-priced chain keeps the quote it was priced at.
  EXPECT_EQ(order->lines[1].pricing, "formula");
  EXPECT_EQ(order->lines[1].quote_id, 1);
  EXPECT_EQ(order->lines[1].quote_metal, "gold");
  EXPECT_EQ(order->lines[1].quote_day, "2026-11-26");
  EXPECT_EQ(order->lines[1].quote_won_per_gram, 150000);
  EXPECT_EQ(stock("moon-ring"), 0);
  EXPECT_EQ(stock("sun-chain"), 4);
  EXPECT_TRUE(carts.view(token).lines.empty());
  ASSERT_EQ(order->events.size(), 1u);
  EXPECT_EQ(order->events[0].kind, "placed");

  // The same form again answers the same order; nothing is taken twice.
  auto again = orders.place(c);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->number, order->number);
  EXPECT_EQ(stock("sun-chain"), 4);
  EXPECT_EQ(orders.of_user(1).size(), 1u);
}

// An order's "placed" event is told by its row. Orders placed before migration 055 also wrote it into
// order_events; the migration takes those copies out, so such an order's history tells it once, first, by
// its customer, and its later events stay.
TEST_F(OrdersTest, TheMigrationLeavesAnOlderOrdersPlacedEventToldOnce) {
  auto order = one_ring_order("key-older");
  ASSERT_TRUE(orders.mark_paid(order.number, 2).ok());
  db->write([&](soci::session& s) {  // as an order placed before it was written
    s << "INSERT INTO order_events (order_id, actor_id, kind, note, created_at) VALUES (:o, 1, 'placed', "
         "'', :at)",
        soci::use(order.id), soci::use(order.created_at);
  });
  ASSERT_EQ(orders.find(order.number)->events.size(), 3u);  // told twice before the migration
  std::ifstream file(std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations" /
                     "055_placed_told_by_the_order.sql");
  std::stringstream migration;
  migration << file.rdbuf();
  ASSERT_FALSE(migration.str().empty());
  db->write([&](soci::session& s) {
    for (const auto& statement : db::split_statements(migration.str())) s << statement;
  });
  const auto events = orders.find(order.number)->events;
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "placed");
  EXPECT_FALSE(order.customer_name.empty());
  EXPECT_EQ(events[0].actor, order.customer_name);
  EXPECT_EQ(events[0].created_at, order.created_at);
  EXPECT_EQ(events[1].kind, "paid");
}

TEST_F(OrdersTest, NothingIsWrittenWhenAPieceSellsOutOrTheTotalMoved) {
  auto token = carts.add("", 1, {.variant_id = variant["sun-chain"], .quantity = 1})->token;
  ASSERT_TRUE(carts.add(token, 1, {.variant_id = variant["moon-ring"], .quantity = 2}).ok());
  auto shown = orders.preview(token)->plan.total;
  // Another shopper took one ring in the meantime.
  db->write([&](soci::session& s) { s << "UPDATE variants SET stock = 1 WHERE sku = 'moon-ring-1'"; });
  auto c = checkout(token);
  auto refused = orders.place(c);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "cart");
  EXPECT_EQ(stock("sun-chain"), 5);  // the chain's reservation rolled back with the rest
  EXPECT_EQ(carts.view(token).lines.size(), 2u);
  EXPECT_TRUE(orders.of_user(1).empty());

  db->write([&](soci::session& s) { s << "UPDATE variants SET stock = 2 WHERE sku = 'moon-ring-1'"; });
  db->write([&](soci::session& s) { s << "UPDATE variants SET price = 130000 WHERE sku = 'moon-ring-1'"; });
  catalog.refresh();  // as a change of price does
  c.expected_total = shown;
  auto moved = orders.place(c);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().field, "expected_total");
  EXPECT_TRUE(orders.of_user(1).empty());
}

TEST_F(OrdersTest, AGuestGivesAnEmailAndGetsAKey) {
  auto token = carts.add("", 0, {.variant_id = variant["sun-chain"], .quantity = 1})->token;
  auto c = checkout(token, "a-guest-checkout-key-1");
  c.user_id = 0;
  EXPECT_EQ(orders.place(c).error().field, "email");
  c.email = "Guest@Example.KR";
  c.key = "short";
  EXPECT_EQ(orders.place(c).error().field, "checkout_key");
  c.key = "a-guest-checkout-key-1";
  auto order = orders.place(c);
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(order->user_id, 0);
  EXPECT_EQ(order->customer_email, "guest@example.kr");
  EXPECT_EQ(order->customer_name, "김보석");  // the recipient
  EXPECT_EQ(order->guest_key.size(), 32u);
  EXPECT_TRUE(orders.visible(order->number, 0, false, order->guest_key).has_value());
  EXPECT_FALSE(orders.visible(order->number, 0, false, "").has_value());
  EXPECT_FALSE(orders.visible(order->number, 1, false, "wrong").has_value());  // user 1 is not its owner
  EXPECT_TRUE(orders.visible(order->number, 2, true, "").has_value());         // an operator
  EXPECT_TRUE(workshop_part(*order, 2).guest_key.empty());
  auto again = orders.place(c);  // the same form again
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->number, order->number);
  EXPECT_EQ(again->guest_key, order->guest_key);
}

// A checkout key names one order: its owner sending the same form again gets that order, the same key with
// another request is refused (422), and another shopper's order under it is refused whole, their cart kept.
TEST_F(OrdersTest, ACheckoutKeyPlacesOneOrderOnly) {
  auto mine = carts.add("", 1, {.variant_id = variant["sun-chain"], .quantity = 1})->token;
  auto c = checkout(mine, "one-key-for-one-order");
  auto order = orders.place(c);
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(orders.place(c)->number, order->number);
  auto changed = c;
  changed.address.address = "익산시 보석로 2";
  EXPECT_EQ(orders.place(changed).error().code, "checkout_key_reused");

  auto theirs = carts.add("", 3, {.variant_id = variant["sun-chain"], .quantity = 2})->token;
  auto other = checkout(theirs, "one-key-for-one-order");
  other.user_id = 3;
  auto refused = orders.place(other);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "checkout_key_used");
  ASSERT_EQ(carts.view(theirs).lines.size(), 1u);  // the lines the refused order took are back
  EXPECT_EQ(stock("sun-chain"), 4);
  other.key = "another-key-of-their-own";
  EXPECT_TRUE(orders.place(other).ok());
  EXPECT_EQ(stock("sun-chain"), 2);
}

TEST_F(OrdersTest, RefusesAnEmptyCartABadAddressAndAMissingKey) {
  EXPECT_EQ(orders.place(checkout("no-such-cart")).error().field, "cart");
  auto token = carts.add("", 1, {.variant_id = variant["sun-chain"], .quantity = 1})->token;
  auto c = checkout(token);
  c.address.postcode = "123";
  EXPECT_EQ(orders.place(c).error().field, "postcode");
  c = checkout(token, "");
  EXPECT_EQ(orders.place(c).error().field, "checkout_key");
  EXPECT_EQ(stock("sun-chain"), 5);
}

TEST_F(OrdersTest, UnpaidOrdersAreCancelledAfterTheDeadline) {
  auto late =
      orders.place(checkout(carts.add("", 1, {.variant_id = variant["sun-chain"], .quantity = 2})->token));
  ASSERT_TRUE(late.ok()) << late.error().message;
  clock.advance(std::chrono::hours(24));
  auto paid = orders.place(
      checkout(carts.add("", 1, {.variant_id = variant["sun-chain"], .quantity = 1})->token, "k2"));
  ASSERT_TRUE(paid.ok());
  ASSERT_TRUE(orders.mark_paid(paid->number, 2).ok());
  EXPECT_EQ(orders.cancel_overdue(), 0);  // the first is one day old of three
  // Lists read many orders at once, each whole and newest first.
  auto mine = orders.of_user(1);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].number, paid->number);
  EXPECT_EQ(mine[1].number, late->number);
  EXPECT_EQ(mine[1].lines.at(0).quantity, 2);
  EXPECT_EQ(mine[0].events.size(), 2u);  // placed, paid
  EXPECT_EQ(mine[1].fulfilments.size(), 1u);
  EXPECT_EQ(stock("sun-chain"), 2);
  clock.advance(std::chrono::hours(24 * payment_days));
  EXPECT_EQ(orders.cancel_overdue(), 1);  // paid orders are never touched
  EXPECT_EQ(orders.find(late->number)->status, OrderStatus::cancelled);
  EXPECT_EQ(orders.find(late->number)->events.back().actor, "");  // the system, not a person
  EXPECT_EQ(orders.find(paid->number)->status, OrderStatus::paid);
  EXPECT_EQ(stock("sun-chain"), 4);
  EXPECT_EQ(orders.cancel_overdue(), 0);
}

// Lists go by when an order was placed, not by when its row was written: an order dated last month but
// written after today's (the demo's month lived through with a clock of its own; a row copied in by
// migrate-to) is listed below it, for the shopper and for the workshop.
TEST_F(OrdersTest, ListsAreNewestPlacedFirstWhicheverRowCameFirst) {
  const auto today = one_ring_order("today");
  const auto now = clock.now();
  clock.set(now - std::chrono::hours(24 * 30));
  const auto last_month = one_ring_order("last-month");
  clock.set(now);
  const auto mine = orders.of_user(1);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].number, today.number);
  EXPECT_EQ(mine[1].number, last_month.number);
  const auto workshop = orders.of_workshop(1);
  ASSERT_EQ(workshop.size(), 2u);
  EXPECT_EQ(workshop[0].number, today.number);
}

// A workshop's list by the state of its parcel, a page at a time, and how many parcels are in each state.
TEST_F(OrdersTest, AWorkshopListsItsOrdersByTheStateOfItsParcel) {
  db->write([&](soci::session& s) {
    s << "UPDATE variants SET stock = 10 WHERE id = :v", soci::use(variant["moon-ring"]);
  });
  const auto waiting = one_ring_order("waiting");
  const auto first_paid = one_ring_order("paid-1");
  const auto second_paid = one_ring_order("paid-2");
  const auto shipped = one_ring_order("shipped");
  for (const auto* o : {&first_paid, &second_paid, &shipped})
    ASSERT_TRUE(orders.mark_paid(o->number, 2).ok());
  ASSERT_TRUE(orders.ship(shipped.number, 1, 2, "cj", "601234567890").ok());

  const auto counts = orders.workshop_parcels(1);
  EXPECT_EQ(counts.at("awaiting_payment"), 1);
  EXPECT_EQ(counts.at("to_ship"), 2);
  EXPECT_EQ(counts.at("shipped"), 1);
  EXPECT_FALSE(counts.contains("delivered"));
  EXPECT_TRUE(orders.workshop_parcels(2).empty());
  const auto to_ship = orders.of_workshop(1, "to_ship", 1, 0);
  ASSERT_EQ(to_ship.size(), 1u);
  EXPECT_EQ(to_ship[0].number, second_paid.number);  // newest first
  const auto next = orders.of_workshop(1, "to_ship", 1, 1);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].number, first_paid.number);
  EXPECT_TRUE(orders.of_workshop(1, "to_ship", 1, 2).empty());
  EXPECT_EQ(orders.of_workshop(1, "", 10, 0).size(), 4u);
  ASSERT_EQ(orders.of_workshop(1, "awaiting_payment", 10, 0).size(), 1u);
  EXPECT_EQ(orders.of_workshop(1, "awaiting_payment", 10, 0)[0].number, waiting.number);
  EXPECT_EQ(orders.of_workshop(1, "shipped", 10, 0)[0].number, shipped.number);
  EXPECT_TRUE(orders.of_workshop(2, "", 10, 0).empty());
}

TEST_F(OrdersTest, AWorkshopShipsItsParcelOfAPaidOrder) {
  auto token = carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = 1})->token;
  ASSERT_TRUE(carts.add(token, 1, {.variant_id = variant["sun-chain"], .quantity = 1}).ok());
  auto order = orders.place(checkout(token));
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(orders.ship(order->number, 2, 2, "cj", "6012-3456-7890").error().code, "parcel_not_to_ship");
  ASSERT_TRUE(orders.mark_paid(order->number, 2).ok());
  EXPECT_EQ(orders.ship(order->number, 3, 2, "cj", "601234567890").error().kind, ErrorKind::not_found);
  EXPECT_EQ(orders.ship(order->number, 2, 2, "dhl", "601234567890").error().field, "carrier");
  EXPECT_EQ(orders.ship(order->number, 2, 2, "cj", "12-34").error().field, "tracking");
  auto shipped = orders.ship(order->number, 2, 2, "cj", "6012-3456 7890");
  ASSERT_TRUE(shipped.ok()) << shipped.error().message;
  EXPECT_EQ(shipped->fulfilments[0].status, ParcelStatus::to_ship);  // the moon workshop's parcel waits
  EXPECT_EQ(shipped->fulfilments[1].status, ParcelStatus::shipped);
  EXPECT_EQ(shipped->fulfilments[1].tracking, "601234567890");
  EXPECT_EQ(shipped->fulfilments[1].carrier, "cj");
  EXPECT_EQ(shipped->events.back().kind, "shipped");
  EXPECT_EQ(orders.ship(order->number, 2, 2, "cj", "601234567890").error().code, "parcel_not_to_ship");
  // Once a parcel has left, the order is no longer cancelled (that is a return).
  EXPECT_EQ(orders.cancel(order->number, 2, CancelledBy::operator_, "late").error().code, "order_shipped");
}

TEST_F(OrdersTest, PaymentAndCancellation) {
  auto token = carts.add("", 1, {.variant_id = variant["sun-chain"], .quantity = 2})->token;
  auto order = orders.place(checkout(token));
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(stock("sun-chain"), 3);
  // Before payment a workshop sees its lines but not the shopper's address.
  auto part = orders.of_workshop(2, order->number);
  ASSERT_TRUE(part.has_value());
  EXPECT_TRUE(part->address.address.empty());
  EXPECT_FALSE(orders.of_workshop(1, order->number).has_value());
  EXPECT_TRUE(orders.of_workshop(1).empty());

  const int popularity = catalog.product("sun-chain")->popularity;
  auto paid = orders.mark_paid(order->number, 2);
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->status, OrderStatus::paid);
  EXPECT_EQ(catalog.product("sun-chain")->popularity, popularity + 2);  // best sellers: what sells
  EXPECT_EQ(paid->fulfilments[0].status, ParcelStatus::to_ship);
  EXPECT_EQ(orders.of_workshop(2, order->number)->address.address, "익산시 보석로 1");
  EXPECT_EQ(orders.mark_paid(order->number, 2).error().code, "order_not_awaiting_payment");
  // Paid: the shopper cannot cancel; the operator can, with a reason, and the stock comes back.
  EXPECT_EQ(orders.cancel(order->number, 1, CancelledBy::shopper, "").error().code, "order_not_cancellable");
  EXPECT_EQ(orders.cancel(order->number, 2, CancelledBy::operator_, " ").error().field, "reason");
  auto cancelled = orders.cancel(order->number, 2, CancelledBy::operator_, "고객 요청, 계좌로 환불");
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  EXPECT_EQ(cancelled->status, OrderStatus::cancelled);
  EXPECT_EQ(cancelled->fulfilments[0].status, ParcelStatus::cancelled);
  EXPECT_EQ(stock("sun-chain"), 5);
  ASSERT_EQ(cancelled->events.size(), 3u);
  EXPECT_EQ(cancelled->events[2].actor, "운영자");
  EXPECT_EQ(orders.cancel(order->number, 2, CancelledBy::operator_, "again").error().code,
            "order_not_cancellable");
  EXPECT_EQ(orders.recent("cancelled").size(), 1u);
  // Found as a customer would tell it on the phone: number, email (any case), name, phone (any spelling).
  for (const char* q : {order->number.c_str(), "A@X.KR", " 김보석 ", "01012345678", "010 1234 5678"})
    EXPECT_EQ(orders.recent("", q).size(), 1u) << q;
  EXPECT_TRUE(orders.recent("", "nobody@x.kr").empty());
  EXPECT_TRUE(orders.recent("paid", order->number).empty());  // and the status filter still applies
  EXPECT_TRUE(orders.recent("paid").empty());
  EXPECT_FALSE(orders.find("BR-000000-AAAAAAAA").has_value());
  EXPECT_FALSE(orders.find("'; DROP TABLE orders").has_value());
}

}  // namespace
}  // namespace brilliant::orders

#include "orders/settlements.hpp"

namespace brilliant::orders {
namespace {

TEST_F(OrdersTest, StatementsCountPaidOrdersAtTheRateTheyWereSoldUnder) {
  auto settings = *brand.current();
  settings.rates = {{0, "", 1000}, {2, "", 1500}};
  ASSERT_TRUE(brand.save(settings, 2).ok());
  auto token = carts.add("", 1, {.variant_id = variant["moon-ring"], .quantity = 1})->token;
  ASSERT_TRUE(carts.add(token, 1, {.variant_id = variant["sun-chain"], .quantity = 1}).ok());
  auto order = orders.place(checkout(token, "paid-one"));
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(order->lines[0].commission_bp, 1000);
  EXPECT_EQ(order->lines[1].commission_bp, 1500);
  auto unpaid = carts.add("", 1, {.variant_id = variant["sun-chain"], .quantity = 1})->token;
  ASSERT_TRUE(orders.place(checkout(unpaid, "unpaid")).ok());

  Settlements settlements(*db);
  const std::string month = format_seoul(clock.now()).substr(0, 7);
  EXPECT_TRUE(settlements.statement(2, month)->lines.empty());  // nothing paid yet
  ASSERT_TRUE(orders.mark_paid(order->number, 2).ok());
  // A later rate change does not touch what was sold.
  settings.rates = {{0, "", 3000}};
  ASSERT_TRUE(brand.save(settings, 2).ok());
  auto sun = settlements.statement(2, month);
  ASSERT_TRUE(sun.ok());
  ASSERT_EQ(sun->lines.size(), 1u);  // the unpaid order is not in it
  const long long chain = order->lines[1].line_total;
  EXPECT_EQ(sun->sales, chain);
  EXPECT_EQ(sun->commission, vendors::commission_won(chain, 1500));
  EXPECT_EQ(sun->shipping, order->fulfilments[1].shipping_fee);
  EXPECT_EQ(sun->payout, chain - sun->commission + sun->shipping);
  EXPECT_EQ(sun->orders, 1);
  auto moon = settlements.statement(1, month);
  EXPECT_EQ(moon->commission, vendors::commission_won(order->lines[0].line_total, 1000));
  EXPECT_EQ(settlements.overview(month)->size(), 2u);
  EXPECT_TRUE(settlements.statement(2, shift_month(month, 1))->lines.empty());
  EXPECT_FALSE(settlements.statement(0, month).ok());  // never "every workshop" by accident
  // Cancelled after payment (refunded): out of the statement.
  ASSERT_TRUE(orders.cancel(order->number, 2, CancelledBy::operator_, "refund").ok());
  EXPECT_TRUE(settlements.statement(2, month)->lines.empty());
}

// A piece bought directly (a live deal): priced as the cart would, then at the deal's price, with the
// caller's step in the same transaction; when that step refuses, nothing is written and no stock taken.
TEST_F(OrdersTest, APieceBoughtDirectlyIsPlacedAtItsPriceAndRefusedWholeWhenItsStepRefuses) {
  Checkout c = checkout("");
  c.key = "direct-1";
  c.direct = DirectLine{"moon-ring",
                        {.variant_id = variant["moon-ring"], .quantity = 1},
                        99000,
                        [](soci::session&, long long) -> Result<void> {
                          return Error::conflict("deal", "deal_sold_out", "sold out");
                        }};
  EXPECT_EQ(orders.place(c).error().code, "deal_sold_out");
  EXPECT_EQ(stock("moon-ring"), 2);
  long long seen = 0;
  c.direct->also = [&](soci::session&, long long order_id) -> Result<void> {
    seen = order_id;
    return {};
  };
  auto placed = orders.place(c);
  ASSERT_TRUE(placed) << placed.error().message;
  EXPECT_EQ(placed->subtotal, 99000);
  EXPECT_EQ(placed->lines.at(0).unit_price, 99000);
  EXPECT_GT(seen, 0);
  EXPECT_EQ(stock("moon-ring"), 1);
  EXPECT_EQ(orders.place(c)->number, placed->number);  // the same key: the same order
  c.key = "direct-2";
  c.direct->input.quantity = 5;
  EXPECT_EQ(orders.place(c).error().field, "quantity");  // more than the one left
}

}  // namespace
}  // namespace brilliant::orders
