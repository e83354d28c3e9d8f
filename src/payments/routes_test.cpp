// The card payment routes called as a shopper, a stranger and the operator, on the test orders
// (orders/testing.hpp) with a provider in memory.
#include "payments/routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "orders/testing.hpp"
#include "payments/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::payments {
namespace {

using web::Method;

class PaymentRoutesTest : public orders::OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    add_routes(router, deps);
  }
  web::Response call(Method m, const std::string& pattern, const std::string& number,
                     std::optional<web::Principal> who, std::string body = "", std::string query = "") {
    return web::call_route(router, m, pattern, {{"number", number}}, std::move(who), std::move(body),
                           std::move(query), false);
  }
  std::string location(const web::Response& r) { return std::string(r.header("location")); }

  MemoryProvider provider;
  Payments payments{
      *db,
      orders,
      &provider,
      clock,
      {.client_key = "test_ck_1", .secret_key = "test_sk_1", .window_url = "http://pay.test/window"}};
  web::TestPages pages;
  Deposits deposits{*db, orders, clock};
  Deps deps{payments, orders, pages.renderer, deposits};
  web::Router router;
  web::Principal shopper = web::person(1, web::Role::shopper);
  web::Principal op = web::person(2, web::Role::operator_);
};

TEST_F(PaymentRoutesTest, TheShopperGoesToTheWindowAndComesBackPaid) {
  auto order = one_ring_order("k-route");
  auto pay = call(Method::get, "/orders/{number}/pay", order.number, shopper);
  ASSERT_EQ(pay.status, 303) << pay.body;
  EXPECT_TRUE(
      location(pay).starts_with("http://pay.test/window?clientKey=test_ck_1&orderId=" + order.number + "-1"));
  EXPECT_EQ(
      call(Method::get, "/orders/{number}/pay", order.number, web::person(9, web::Role::shopper)).status,
      404);
  EXPECT_EQ(call(Method::get, "/orders/{number}/pay", order.number, op).status, 404);  // not theirs to pay

  const auto id = order.number + "-1";
  const auto key = provider.authorise(id, order.total);
  auto wrong = call(Method::get, "/payments/toss/success", "", std::nullopt, "",
                    "orderId=" + id + "&paymentKey=" + key + "&amount=1");
  ASSERT_EQ(wrong.status, 303);
  EXPECT_EQ(location(wrong), "/orders/" + order.number + "?payment_error=amount_mismatch");
  auto back = call(Method::get, "/payments/toss/success", "", std::nullopt, "",
                   "orderId=" + id + "&paymentKey=" + key + "&amount=" + std::to_string(order.total));
  ASSERT_EQ(back.status, 303);
  EXPECT_EQ(location(back), "/orders/" + order.number + "?paid=1");
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::paid);
  EXPECT_EQ(
      call(Method::get, "/payments/toss/success", "", std::nullopt, "", "orderId=nope&paymentKey=k&amount=1")
          .status,
      404);
}

TEST_F(PaymentRoutesTest, AFailedWindowSaysWhyOnTheOrderPage) {
  auto order = one_ring_order("k-fail");
  ASSERT_EQ(call(Method::get, "/orders/{number}/pay", order.number, shopper).status, 303);
  auto back = call(Method::get, "/payments/toss/fail", "", std::nullopt, "",
                   "code=PAY_PROCESS_CANCELED&message=x&orderId=" + order.number + "-1");
  ASSERT_EQ(back.status, 303);
  EXPECT_EQ(location(back), "/orders/" + order.number + "?payment_failed=PAY_PROCESS_CANCELED");
  EXPECT_EQ(payments.of_order(order.id).back().status, PaymentStatus::aborted);
}

TEST_F(PaymentRoutesTest, WebhooksNeedNoSessionAndAnswerWhatHappened) {
  const auto* hook = web::find_route(router, Method::post, "/api/v1/payments/toss/webhook");
  ASSERT_NE(hook, nullptr);
  EXPECT_FALSE(hook->csrf);
  EXPECT_FALSE(hook->session);
  auto r = call(Method::post, "/api/v1/payments/toss/webhook", "", std::nullopt,
                R"({"eventType":"PAYMENT_STATUS_CHANGED","data":{"orderId":"BR-261129-AAAAAAAA-1"}})");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(boost::json::parse(r.body).at("outcome").as_string(), "unknown_order");
}

TEST_F(PaymentRoutesTest, TheOperatorRefundsAndReadsEveryTransition) {
  for (const auto& r : router.routes()) {
    if (r.pattern.starts_with("/operator/") || r.pattern.starts_with("/api/v1/operator/")) {
      EXPECT_EQ(r.access.any_of, static_cast<uint32_t>(web::Role::operator_)) << r.pattern;
    }
  }
  auto order = one_ring_order("k-op");
  auto w = payments.open(order, "", "");
  ASSERT_TRUE(payments.confirm(w->order_id, provider.authorise(w->order_id, w->amount), w->amount).ok());
  auto above = web::call_route(router, Method::post, "/api/v1/operator/orders/{number}/refunds",
                               {{"number", order.number}}, op, R"({"amount":999999999,"reason":"x"})");
  EXPECT_EQ(above.status, 400);
  EXPECT_NE(above.body.find("amount"), std::string::npos);
  auto refunded = web::call_route(router, Method::post, "/api/v1/operator/orders/{number}/refunds",
                                  {{"number", order.number}}, op, R"({"amount":20000,"reason":"scratch"})");
  ASSERT_EQ(refunded.status, 200) << refunded.body;
  const auto p = boost::json::parse(refunded.body).at("payments").at(0);
  EXPECT_EQ(p.at("status").as_string(), "partial_canceled");
  EXPECT_EQ(p.at("refunded").as_int64(), 20000);
  EXPECT_EQ(p.at("events").as_array().back().at("kind").as_string(), "cancelled");
  auto list = web::call_route(router, Method::get, "/api/v1/operator/orders/{number}/payments",
                              {{"number", order.number}}, op);
  EXPECT_EQ(boost::json::parse(list.body).at("payments").as_array().size(), 1u);
}

}  // namespace
}  // namespace brilliant::payments
