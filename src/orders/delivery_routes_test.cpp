// The delivery routes called as the shopper, the workshop, a rival workshop and the operator.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "orders/routes_testing.hpp"

namespace brilliant::orders {
namespace {

using web::Method;

class DeliveryRoutesTest : public OrderRoutesFixture {
 protected:
  void SetUp() override {
    OrderRoutesFixture::SetUp();
    add_delivery_routes(router, deps);
  }
};

TEST_F(DeliveryRoutesTest, EachPartyDoesItsOwnStepOnly) {
  expect_access("/operator/", static_cast<uint32_t>(web::Role::operator_));
  expect_access("/api/v1/operator/", static_cast<uint32_t>(web::Role::operator_));
  expect_access("/console/", static_cast<uint32_t>(web::Role::vendor_staff));
  auto order = one_ring_order("k-routes");
  ASSERT_TRUE(orders.mark_paid(order.number, 2).ok());
  ASSERT_TRUE(orders.ship(order.number, 1, 3, "cj", "123456789012").ok());
  const auto rival = web::person(4, web::Role::vendor_staff, 2);
  EXPECT_EQ(call(Method::post, "/api/v1/console/orders/{number}/delivery", order.number, rival).status, 404);
  auto delivered = call(Method::post, "/api/v1/console/orders/{number}/delivery", order.number, maker);
  ASSERT_EQ(delivered.status, 200) << delivered.body;
  EXPECT_EQ(boost::json::parse(delivered.body).at("parcels").at(0).at("status").as_string(), "delivered");
  EXPECT_EQ(call(Method::post, "/api/v1/orders/{number}/confirmation", order.number,
                 web::person(9, web::Role::shopper))
                .status,
            404);
  auto confirmed = call(Method::post, "/api/v1/orders/{number}/confirmation", order.number, shopper);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(boost::json::parse(confirmed.body).at("parcels").at(0).at("status").as_string(), "confirmed");
  EXPECT_EQ(call(Method::post, "/api/v1/orders/{number}/confirmation", order.number, shopper).status, 409);
}

TEST_F(DeliveryRoutesTest, TheOperatorSetsTrackingLinksAndImportsTheCarriersExport) {
  auto bad = call(Method::put, "/api/v1/operator/carriers", "", op,
                  R"({"carriers":[{"carrier":"cj","tracking_url":"javascript:{tracking}"}]})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("tracking_url_cj"), std::string::npos);
  auto good =
      call(Method::put, "/api/v1/operator/carriers", "", op,
           R"({"carriers":[{"carrier":"post","tracking_url":"https://trace.example/?n={tracking}"}]})");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(boost::json::parse(good.body).at("carriers").at(1).at("tracking_url").as_string(),
            "https://trace.example/?n={tracking}");
  auto order = one_ring_order("k-import");
  ASSERT_TRUE(orders.mark_paid(order.number, 2).ok());
  ASSERT_TRUE(orders.ship(order.number, 1, 3, "post", "6000111122223").ok());
  auto imported = call(Method::post, "/api/v1/operator/deliveries", "", op,
                       "carrier,tracking,status\n우체국택배,6000111122223,배달완료\n");
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(boost::json::parse(imported.body).at("delivered").as_int64(), 1);
  EXPECT_EQ(call(Method::post, "/api/v1/operator/deliveries", "", op, "no,columns\n").status, 400);
}

}  // namespace
}  // namespace brilliant::orders
