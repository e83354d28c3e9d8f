// The returns routes as the shopper, the workshop, another workshop and the operator.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "orders/routes_testing.hpp"

namespace brilliant::orders {
namespace {

using web::Method;

class ReturnsRoutesTest : public OrderRoutesFixture {
 protected:
  void SetUp() override {
    OrderRoutesFixture::SetUp();
    deps.returns = &returns;
    add_returns_routes(router, deps);
  }
  Returns returns{*db, orders, clock};
};

TEST_F(ReturnsRoutesTest, FromRequestToRefundEachByItsOwner) {
  expect_access("/operator/", static_cast<uint32_t>(web::Role::operator_));
  expect_access("/api/v1/operator/", static_cast<uint32_t>(web::Role::operator_));
  expect_access("/console/", static_cast<uint32_t>(web::Role::vendor_staff));
  auto order = one_ring_order("k-rr");
  ASSERT_TRUE(orders.mark_paid(order.number, 2).ok());
  ASSERT_TRUE(orders.ship(order.number, 1, 3, "cj", "300000000001").ok());
  ASSERT_TRUE(orders.deliver(order.number, 1, 3).ok());
  const auto line = std::to_string(order.lines.at(0).id);
  EXPECT_EQ(
      call(Method::post, "/api/v1/orders/{number}/returns", order.number, web::person(9, web::Role::shopper),
           R"({"lines":[)" + line + R"(],"reason":"defective","refund_account":"국민 123401-04-567890 김"})")
          .status,
      404);
  auto made = call(
      Method::post, "/api/v1/orders/{number}/returns", order.number, shopper,
      R"({"lines":[)" + line +
          R"(],"reason":"defective","details":"stone loose","refund_account":"국민 123401-04-567890 김"})");
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = std::to_string(boost::json::parse(made.body).at("id").as_int64());
  const auto rival = web::person(4, web::Role::vendor_staff, 2);
  EXPECT_EQ(web::call_route(router, Method::post, "/api/v1/console/returns/{id}/decision", {{"id", id}},
                            rival, R"({"action":"approve"})")
                .status,
            404);
  auto approved = web::call_route(router, Method::post, "/api/v1/console/returns/{id}/decision", {{"id", id}},
                                  maker, R"({"action":"approve","note":"보내 주세요"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  auto shipped = web::call_route(router, Method::post, "/api/v1/orders/{number}/returns/{id}/shipment",
                                 {{"number", order.number}, {"id", id}}, shopper,
                                 R"({"carrier":"cj","tracking":"300000000009"})");
  ASSERT_EQ(shipped.status, 200) << shipped.body;
  EXPECT_EQ(web::call_route(router, Method::post, "/api/v1/operator/returns/{id}/decision", {{"id", id}}, op,
                            R"({"action":"maybe"})")
                .status,
            400);
  ASSERT_EQ(web::call_route(router, Method::post, "/api/v1/operator/returns/{id}/decision", {{"id", id}}, op,
                            R"({"action":"receive"})")
                .status,
            200);
  auto refunded =
      web::call_route(router, Method::post, "/api/v1/operator/returns/{id}/refund", {{"id", id}}, op);
  ASSERT_EQ(refunded.status, 200) << refunded.body;
  EXPECT_EQ(boost::json::parse(refunded.body).at("status").as_string(), "refunded");
  auto listed = call(Method::get, "/api/v1/orders/{number}/returns", order.number, shopper);
  EXPECT_EQ(boost::json::parse(listed.body).at("returns").as_array().size(), 1u);
}

}  // namespace
}  // namespace brilliant::orders

namespace brilliant::orders {
namespace {

class StudioCheckRoutesTest : public OrderRoutesFixture {
 protected:
  void SetUp() override {
    OrderRoutesFixture::SetUp();
    deps.returns = &returns;
    deps.studio_inspections = [this](const std::string& number, const std::vector<std::string>& skus,
                                     const std::string&) {
      asked.emplace_back(number, skus);
      return boost::json::array{boost::json::object{{"serial", "IT-7K2M-Q9PX"},
                                                    {"score", 92},
                                                    {"match", true},
                                                    {"decision", "accept"},
                                                    {"decision_text", "수락"},
                                                    {"url", "/station/returns/1"}}};
    };
    add_returns_routes(router, deps);
  }
  Returns returns{*db, orders, clock};
  std::vector<std::pair<std::string, std::vector<std::string>>> asked;
};

TEST_F(StudioCheckRoutesTest, AReturnRowCarriesTheStudiosCheckOfItsPieces) {
  auto order = one_ring_order("k-rr-studio");
  ASSERT_TRUE(orders.mark_paid(order.number, 2).ok());
  ASSERT_TRUE(orders.ship(order.number, 1, 3, "cj", "300000000011").ok());
  ASSERT_TRUE(orders.deliver(order.number, 1, 3).ok());
  ReturnRequest ask;
  ask.line_ids = {order.lines.at(0).id};
  ask.reason = "defective";
  ask.refund_account = "국민 123401-04-567890 김";
  ASSERT_TRUE(returns.request(*orders.find(order.number), ask, 1).ok());
  auto list = web::call_route(router, Method::get, "/api/v1/console/returns", {}, maker);
  ASSERT_EQ(list.status, 200) << list.body;
  const auto row = boost::json::parse(list.body).at("returns").at(0);
  EXPECT_TRUE(row.at("has_studio_check").as_bool());
  EXPECT_EQ(row.at("studio_check").at(0).at("serial").as_string(), "IT-7K2M-Q9PX");
  ASSERT_FALSE(asked.empty());
  EXPECT_EQ(asked.back().first, order.number);
  EXPECT_EQ(asked.back().second, std::vector<std::string>{order.lines.at(0).sku});  // only the returned lines
  auto page = web::call_route(router, Method::get, "/operator/returns", {}, op, "", "", false);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-studio-check=\"IT-7K2M-Q9PX\""), std::string::npos);
}

}  // namespace
}  // namespace brilliant::orders
