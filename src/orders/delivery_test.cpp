// Delivery and purchase confirmation on the test orders (orders/testing.hpp): delivered by the workshop,
// the operator or the carrier's export; 구매확정 by the shopper or by itself, crediting the ledger once.
#include <gtest/gtest.h>

#include "db/database.hpp"
#include "orders/delivery_rules.hpp"
#include "orders/ledger.hpp"
#include "orders/testing.hpp"
#include "vendors/brand/brand.hpp"

namespace brilliant::orders {
namespace {

class DeliveryTest : public OrdersFixture {
 protected:
  Order shipped(const std::string& key, const std::string& tracking) {
    auto order = one_ring_order(key);
    EXPECT_TRUE(orders.mark_paid(order.number, 2).ok());
    auto s = orders.ship(order.number, 1, 3, "cj", tracking);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return *s;
  }
  long long ledger_sum(long long workshop) {
    long long sum = 0;
    for (const auto& e : ledger.entries(workshop, format_seoul(clock.now()).substr(0, 7))) sum += e.amount;
    return sum;
  }
  Ledger ledger{*db, clock};
};

TEST_F(DeliveryTest, TheWorkshopDeliversThenTheShopperConfirmsAndTheLedgerIsCreditedOnce) {
  auto order = shipped("k-deliver", "123456789012");
  EXPECT_EQ(orders.confirm_purchase(order.number, 1).error().code, "nothing_delivered");
  EXPECT_EQ(orders.deliver(order.number, 2, 3).error().kind, ErrorKind::not_found);  // not workshop 2's
  auto delivered = orders.deliver(order.number, 1, 3);
  ASSERT_TRUE(delivered.ok()) << delivered.error().message;
  EXPECT_EQ(delivered->fulfilments[0].status, ParcelStatus::delivered);
  EXPECT_FALSE(delivered->fulfilments[0].delivered_at.empty());
  EXPECT_EQ(orders.deliver(order.number, 1, 3).error().code, "parcel_not_shipped");
  EXPECT_EQ(orders.cancel(order.number, 2, CancelledBy::operator_, "no").error().code, "order_shipped");
  auto confirmed = orders.confirm_purchase(order.number, 1);
  ASSERT_TRUE(confirmed.ok());
  EXPECT_EQ(confirmed->fulfilments[0].status, ParcelStatus::confirmed);
  EXPECT_EQ(confirmed->events.back().kind, "confirmed");
  EXPECT_FALSE(orders.confirm_purchase(order.number, 1).ok());
  // 120,000 won at the brand's default rate, credited once.
  const auto entries = ledger.entries(1, format_seoul(clock.now()).substr(0, 7));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].kind, "sale");
  EXPECT_EQ(entries[0].amount, 120000);
  EXPECT_EQ(entries[1].kind, "commission");
  EXPECT_EQ(entries[1].amount, -vendors::commission_won(120000, order.lines[0].commission_bp));
  db->write(
      [&](soci::session& s) { Ledger::credit_confirmed(s, *confirmed, confirmed->fulfilments[0], "x"); });
  EXPECT_EQ(ledger.entries(1, format_seoul(clock.now()).substr(0, 7)).size(), 2u);
}

TEST_F(DeliveryTest, TheCarriersExportDeliversTheParcelsItNames) {
  auto a = shipped("k-csv-a", "111122223333");
  auto csv =
      "택배사,운송장번호,배송상태\nCJ대한통운,1111-2222-3333,배송완료\nCJ대한통운,999988887777,배송완료\n"
      "CJ대한통운,111122223333,배송완료\n";
  auto imported = orders.import_deliveries(csv, 2);
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(imported->delivered, 1);
  EXPECT_EQ(imported->already, 1);
  ASSERT_EQ(imported->unmatched.size(), 1u);
  EXPECT_NE(imported->unmatched[0].find("999988887777"), std::string::npos);
  EXPECT_EQ(orders.find(a.number)->fulfilments[0].status, ParcelStatus::delivered);
}

TEST_F(DeliveryTest, ADeliveredParcelIsConfirmedByItselfAfterTheDaysTheShopperHas) {
  auto order = shipped("k-auto", "444455556666");
  ASSERT_TRUE(orders.deliver(order.number, 0, 2).ok());  // the operator
  EXPECT_EQ(orders.auto_confirm(), 0);
  clock.advance(std::chrono::hours(24 * (auto_confirm_days - 1)));
  EXPECT_EQ(orders.auto_confirm(), 0);
  clock.advance(std::chrono::hours(25));
  EXPECT_EQ(orders.auto_confirm(), 1);
  const auto done = orders.find(order.number);
  EXPECT_EQ(done->fulfilments[0].status, ParcelStatus::confirmed);
  EXPECT_EQ(done->events.back().actor, "");  // the system
  EXPECT_EQ(orders.auto_confirm(), 0);
}

TEST_F(DeliveryTest, TheOperatorKeepsATrackingTemplatePerCarrier) {
  EXPECT_TRUE(orders.set_tracking_link("cj", "https://trace.example/{tracking}").ok());
  EXPECT_EQ(orders.set_tracking_link("cj", "ftp://x/{tracking}").error().field, "tracking_url");
  EXPECT_EQ(orders.set_tracking_link("dhl", "https://x/{tracking}").error().field, "carrier");
  const auto links = orders.tracking_links();
  ASSERT_EQ(links.size(), 5u);
  EXPECT_EQ(links[0], (std::pair<std::string, std::string>{"cj", "https://trace.example/{tracking}"}));
  EXPECT_EQ(links[1].second, "");
}

}  // namespace
}  // namespace brilliant::orders
