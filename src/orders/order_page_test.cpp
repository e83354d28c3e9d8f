// The order page's parts: links carry a guest's key, the card panel says what came back from the window
// (only codes it has words for), and a return may be asked for once a parcel is delivered.
#include "orders/order_page.hpp"

#include <gtest/gtest.h>

#include "orders/routes_testing.hpp"

namespace brilliant::orders {
namespace {

class OrderPageTest : public OrderRoutesFixture {
 protected:
  web::Request request(const std::string& query, std::optional<web::Principal> who) {
    web::Request req;
    req.query = query;
    req.locale = "ko";
    req.user = std::move(who);
    return req;
  }
};

TEST_F(OrderPageTest, TheCardPanelSaysWhatCameBackFromTheWindow) {
  auto order = one_ring_order("k-page");
  EXPECT_EQ(order_path(request("", shopper), order, "/pay"), "/orders/" + order.number + "/pay");
  Order guest = order;
  guest.guest_key = "abc";
  EXPECT_EQ(order_path(request("", std::nullopt), guest, "/return"),
            "/orders/" + order.number + "/return?key=abc");
  deps.card_enabled = true;
  boost::json::object model;
  add_card_payment(deps, request("payment_error=REJECT_CARD_PAYMENT", shopper), order, model);
  EXPECT_EQ(model.at("pay_url").as_string(), "/orders/" + order.number + "/pay");
  EXPECT_NE(std::string(model.at("payment_problem").as_string()).find("카드사"), std::string::npos);
  boost::json::object odd;
  add_card_payment(deps, request("payment_failed=NO_SUCH_CODE", shopper), order, odd);
  EXPECT_EQ(odd.at("payment_problem").as_string(), pages.renderer.message("ko", "payments.error.general"));
}

TEST_F(OrderPageTest, AReturnMayBeAskedForOnceAParcelIsDelivered) {
  Returns returns{*db, orders, clock};
  deps.returns = &returns;
  auto order = one_ring_order("k-page-ret");
  boost::json::object before;
  add_returns(deps, request("", shopper), order, before);
  EXPECT_FALSE(before.contains("return_url"));
  ASSERT_TRUE(orders.mark_paid(order.number, 2).ok());
  ASSERT_TRUE(orders.ship(order.number, 1, 3, "cj", "123456789012").ok());
  auto delivered = orders.deliver(order.number, 1, 3);
  ASSERT_TRUE(delivered.ok());
  boost::json::object after;
  add_returns(deps, request("", shopper), *delivered, after);
  EXPECT_EQ(after.at("return_url").as_string(), "/orders/" + order.number + "/return");
  boost::json::object other;
  add_returns(deps, request("", web::person(9, web::Role::shopper)), *delivered, other);
  EXPECT_FALSE(other.contains("return_url"));  // only its shopper
}

}  // namespace
}  // namespace brilliant::orders
