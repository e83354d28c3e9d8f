// The refund file's routes as the operator: the lines still to transfer, marking them transferred (once,
// over the API and the page's form), and what a bad list of ids gets.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "orders/routes_testing.hpp"

namespace brilliant::orders {
namespace {

using web::Method;

class RefundTransferRoutesTest : public OrderRoutesFixture {
 protected:
  void SetUp() override {
    OrderRoutesFixture::SetUp();
    deps.returns = &returns;
    add_refund_transfer_routes(router, deps);
  }
  // A defective piece returned and refunded by bank transfer (the seller pays the shipping): its return.
  long long transfer_refund(const std::string& key, const std::string& tracking) {
    auto order = one_ring_order(key);
    EXPECT_TRUE(orders.mark_paid(order.number, 2).ok());
    EXPECT_TRUE(orders.ship(order.number, 1, 3, "cj", tracking).ok());
    EXPECT_TRUE(orders.deliver(order.number, 1, 3).ok());
    ReturnRequest ask;
    ask.line_ids = {order.lines.at(0).id};
    ask.reason = "defective";
    ask.refund_account = "국민은행 123401-04-567890 김보석";
    auto x = returns.request(*orders.find(order.number), ask, 1);
    EXPECT_TRUE(x.ok()) << x.error().message;
    EXPECT_TRUE(returns.approve(x->id, 0, "", 2).ok());
    EXPECT_TRUE(returns.receive(x->id, 0, true, "", 2).ok());
    EXPECT_TRUE(returns.refund(x->id, 2).ok());
    return x->id;
  }
  boost::json::object transfers() {
    auto listed = web::call_route(router, Method::get, "/api/v1/operator/returns/transfers", {}, op);
    EXPECT_EQ(listed.status, 200) << listed.body;
    return boost::json::parse(listed.body).as_object();
  }
  web::Response mark(const std::string& body) {
    return web::call_route(router, Method::post, "/api/v1/operator/returns/transferred", {}, op, body);
  }
  Returns returns{*db, orders, clock};
};

TEST_F(RefundTransferRoutesTest, TheOperatorMarksTheFilesLinesTransferredOnce) {
  expect_access("/operator/", static_cast<uint32_t>(web::Role::operator_));
  expect_access("/api/v1/operator/", static_cast<uint32_t>(web::Role::operator_));
  const auto id = transfer_refund("k-rt", "300000000021");
  auto listed = transfers();
  ASSERT_EQ(listed.at("transfers_count").as_int64(), 1);
  EXPECT_TRUE(listed.at("has_transfers").as_bool());
  const auto& line = listed.at("transfers").at(0);
  EXPECT_EQ(line.at("id").as_int64(), id);
  EXPECT_EQ(line.at("kind").as_string(), "refund");
  EXPECT_EQ(line.at("amount").as_int64(), 120000);
  EXPECT_EQ(listed.at("transfers_total").as_int64(), 120000);
  EXPECT_NE(std::string(listed.at("transfers_summary").as_string()).find("120,000"), std::string::npos);

  for (const char* bad : {R"({})", R"({"ids":"all"})", R"({"ids":["1"]})", R"({"ids":[]})"}) {
    auto refused = mark(bad);
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_NE(refused.body.find("\"ids\""), std::string::npos) << refused.body;
  }
  EXPECT_EQ(transfers().at("transfers_count").as_int64(), 1);  // nothing marked by a refused call
  auto marked = mark(R"({"ids":[)" + std::to_string(id) + "]}");
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_EQ(boost::json::parse(marked.body).at("transferred").as_int64(), 1);
  EXPECT_FALSE(transfers().at("has_transfers").as_bool());
  auto again = mark(R"({"ids":[)" + std::to_string(id) + "]}");
  EXPECT_EQ(boost::json::parse(again.body).at("transferred").as_int64(), 0);  // once

  // The page's form: the ids it showed, then back to the list saying how many.
  const auto second = transfer_refund("k-rt-2", "300000000022");
  auto form = web::call_route(router, Method::post, "/operator/returns/transferred", {}, op,
                              "ids=" + std::to_string(second), "", false);
  EXPECT_EQ(form.status, 303);
  EXPECT_EQ(form.header("Location"), "/operator/returns?transferred=1");
  EXPECT_FALSE(transfers().at("has_transfers").as_bool());
}

}  // namespace
}  // namespace brilliant::orders
