// repo::insert_order_at_once on the test run's PostgreSQL (BRILLIANT_TEST_PG_URL; skipped without one):
// the one statement writes what as_written said it would (the head field by field, parcels, lines, the
// stock, the mail), and a refused statement (the cart ordered already, a used key, too little stock
// counted over two lines of one size) leaves nothing behind. Everything runs in one transaction that is
// rolled back (each refusal inside a savepoint: PostgreSQL's error ends what the statement began).
#include "orders/order_repo.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <tuple>

#include "mail/outbox.hpp"
#include "orders/order_writes_testing.hpp"

namespace brilliant::orders::repo {
namespace {

std::unique_ptr<db::Database> postgresql() {
  const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
  return url ? db::Database::open(url, 2) : nullptr;
}

// Every field of the head that as_written fills, as a tuple to compare.
auto head_fields(const Order& o) {
  return std::tuple(o.user_id, o.number, o.payment_method, o.status, o.subtotal, o.shipping_fee, o.discount,
                    o.total, o.coupon_code, o.coupon_name, o.discount_bearer, o.address.recipient,
                    o.address.phone, o.address.postcode, o.address.address, o.address.address_detail,
                    o.address.note, o.locale, o.pay_by, o.paid_at, o.cancelled_at, o.cancel_reason,
                    o.created_at, o.customer_email, o.customer_name, o.guest_key, o.transfer.depositor,
                    o.transfer.cash_receipt, o.transfer.cash_receipt_id);
}

// Runs a call that must be refused inside a savepoint, so the test's transaction goes on after it.
template <class Call>
std::string refused(soci::session& sql, Call&& call) {
  sql << "SAVEPOINT refused";
  auto result = call();
  sql << (result.ok() ? "RELEASE SAVEPOINT refused" : "ROLLBACK TO SAVEPOINT refused");
  return code_of(result);
}

TEST(OrderAtOnce, WritesWhatAsWrittenSaidAndRefusesLeavingNothing) {
  auto db = postgresql();
  if (!db) GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
  const std::string tag = random_token(6);
  auto ran = db->write([&](soci::session& sql) -> Result<void> {
    const auto ring = piece(sql, tag, 1), chain = piece(sql, tag, 2);
    const std::string token = "cart-" + tag;
    const auto lines = cart_of(sql, token, {&ring, &chain});
    const auto plan =
        plan_order({{ring.product.workshop_id, ring.line}, {chain.product.workshop_id, chain.line}},
                   vendors::ShippingRules{}, false);
    auto order = new_order("key-" + tag + "-first");
    order.cart_token = token;
    const auto expected = TRY(as_written(order, lines, plan, {}, nullptr, {}));
    const mail::Mail placed{"guest@example.kr", "placed " + tag, "text", "", ""};
    auto written = insert_order_at_once(sql, order, lines, plan, expected, &placed);
    EXPECT_TRUE(written.ok()) << written.error().message;
    if (!written) return written.error();
    const long long id = written->order_id;
    EXPECT_GT(id, 0);
    EXPECT_EQ(head_fields(written->head), head_fields(expected.head));  // as read back by RETURNING
    const auto loaded = load_id(sql, id);
    EXPECT_TRUE(loaded.has_value());
    if (!loaded) return Error::conflict("test", "not_loaded", "the order is not there");
    EXPECT_EQ(head_fields(*loaded), head_fields(expected.head));
    // Parcels and lines as the tables hold them, ids and all.
    EXPECT_EQ(written->fulfilments.size(), 2u);
    EXPECT_EQ(loaded->fulfilments.size(), 2u);
    for (size_t i = 0; i < loaded->fulfilments.size() && i < written->fulfilments.size(); ++i) {
      EXPECT_EQ(written->fulfilments[i].id, loaded->fulfilments[i].id);
      EXPECT_EQ(written->fulfilments[i].workshop_id, loaded->fulfilments[i].workshop_id);
      EXPECT_EQ(written->fulfilments[i].subtotal, loaded->fulfilments[i].subtotal);
    }
    EXPECT_EQ(written->lines.size(), 2u);
    EXPECT_EQ(loaded->lines.size(), 2u);
    for (const auto& l : written->lines) {
      const auto* row = find_line(*loaded, l.id);
      EXPECT_NE(row, nullptr) << "line " << l.id;
      if (!row) continue;
      EXPECT_EQ(row->fulfilment_id, l.fulfilment_id);
      EXPECT_EQ(row->variant_id, l.variant_id);
      EXPECT_EQ(row->sku, l.sku);
      EXPECT_EQ(row->line_total, l.line_total);
      EXPECT_EQ(row->reserved, 1);
    }
    // Stock taken and told back; the cart emptied; one "placed" event; the mail queued.
    EXPECT_EQ(written->left, (std::vector<std::pair<long long, int>>{{ring.line.variant_id, 2},
                                                                     {chain.line.variant_id, 2}}));
    EXPECT_EQ(stock_of(sql, ring.line.variant_id), 2);
    EXPECT_EQ(count(sql, "FROM cart_lines WHERE id IN (" + std::to_string(lines[0].id) + ", " +
                             std::to_string(lines[1].id) + ")"),
              0);
    EXPECT_EQ(count(sql, "FROM order_events WHERE kind = 'placed' AND order_id = " + std::to_string(id)), 1);
    const std::string mails = "FROM outbox WHERE subject LIKE 'placed " + tag + "%'";
    EXPECT_EQ(count(sql, mails), 1);

    // Refused, each leaving no order, no mail and the stock as it was.
    auto again = new_order("key-" + tag + "-again");
    again.cart_token = token;
    const auto again_mail = mail::Mail{"guest@example.kr", "placed " + tag + " again", "text", "", ""};
    EXPECT_EQ(
        refused(sql, [&] { return insert_order_at_once(sql, again, lines, plan, expected, &again_mail); }),
        "cart_already_ordered");
    auto direct = new_order(order.key);  // no cart: the key is what is refused
    const auto one = plan_order({{ring.product.workshop_id, ring.line}}, vendors::ShippingRules{}, false);
    const std::vector<CartLine> ring_only{lines.front()};
    const auto ring_written = TRY(as_written(direct, ring_only, one, {}, nullptr, {}));
    EXPECT_EQ(
        refused(sql,
                [&] { return insert_order_at_once(sql, direct, ring_only, one, ring_written, &again_mail); }),
        "checkout_key_used");
    // Two lines of one size, 2 + 1 of the 2 left: counted together, refused, named by the piece.
    auto two = ring_only;
    two.push_back(lines.front());
    two[0].now->quantity = 2;
    two[1].now->engraving = "J";
    const auto both =
        plan_order({{ring.product.workshop_id, *two[0].now}, {ring.product.workshop_id, *two[1].now}},
                   vendors::ShippingRules{}, false);
    auto greedy = new_order("key-" + tag + "-greedy");
    const auto greedy_written = TRY(as_written(greedy, two, both, {}, nullptr, {}));
    std::string message;
    EXPECT_EQ(refused(sql,
                      [&] {
                        auto r = insert_order_at_once(sql, greedy, two, both, greedy_written, &again_mail);
                        if (!r) message = r.error().message;
                        return r;
                      }),
              "out_of_stock");
    EXPECT_NE(message.find("반지"), std::string::npos) << message;
    EXPECT_EQ(stock_of(sql, ring.line.variant_id), 2);
    EXPECT_EQ(count(sql, mails), 1);
    EXPECT_EQ(count(sql, "FROM orders WHERE number IN ('" + again.number + "', '" + greedy.number + "')"), 0);
    // 1 + 1 of the 2 left: both taken, the size sold out and told so.
    two[0].now->quantity = 1;
    const auto fits =
        plan_order({{ring.product.workshop_id, *two[0].now}, {ring.product.workshop_id, *two[1].now}},
                   vendors::ShippingRules{}, false);
    auto last = new_order("key-" + tag + "-last");
    const auto last_written = TRY(as_written(last, two, fits, {}, nullptr, {}));
    auto taken = insert_order_at_once(sql, last, two, fits, last_written, nullptr);
    EXPECT_TRUE(taken.ok()) << taken.error().message;
    if (!taken) return taken.error();
    EXPECT_EQ(taken->left, (std::vector<std::pair<long long, int>>{{ring.line.variant_id, 0}}));
    EXPECT_EQ(stock_of(sql, ring.line.variant_id), 0);
    EXPECT_NE(std::find(taken->sold_out.begin(), taken->sold_out.end(), ring.product.id),
              taken->sold_out.end());
    EXPECT_EQ(count(sql, mails), 1);  // no mail given, none queued
    return Error::conflict("test", "roll_back", "leave nothing behind");
  });
  EXPECT_EQ(code_of(ran), "roll_back");
}

}  // namespace
}  // namespace brilliant::orders::repo
