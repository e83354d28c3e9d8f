// The ledger and payout routes: a workshop sees its own ledger only; the operator adjusts, closes a month
// (once), downloads the payout batch and marks it paid.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "orders/routes_testing.hpp"

namespace brilliant::orders {
namespace {

using web::Method;

class LedgerRoutesTest : public OrderRoutesFixture {
 protected:
  void SetUp() override {
    OrderRoutesFixture::SetUp();
    deps.ledger = &ledger;
    add_ledger_routes(router, deps);
  }
  web::Response call_month(Method m, const std::string& pattern, const std::string& month,
                           std::string body = "") {
    return web::call_route(router, m, pattern, {{"month", month}}, op, std::move(body));
  }
};

TEST_F(LedgerRoutesTest, AMonthIsClosedOncePaidOnceAndEachWorkshopSeesItsOwn) {
  expect_access("/operator/", static_cast<uint32_t>(web::Role::operator_));
  expect_access("/api/v1/operator/", static_cast<uint32_t>(web::Role::operator_));
  expect_access("/console/", static_cast<uint32_t>(web::Role::vendor_staff));
  const auto month = format_seoul(clock.now()).substr(0, 7);
  auto adjusted = web::call_route(router, Method::post, "/api/v1/operator/ledger/adjustments", {}, op,
                                  R"({"workshop":"w1","amount":4000,"memo":"photo shoot refund"})");
  ASSERT_EQ(adjusted.status, 201) << adjusted.body;
  ASSERT_EQ(web::call_route(router, Method::post, "/api/v1/operator/ledger/adjustments", {}, op,
                            R"({"workshop":"w2","amount":-1500,"memo":"late fee"})")
                .status,
            201);
  EXPECT_EQ(web::call_route(router, Method::post, "/api/v1/operator/ledger/adjustments", {}, op,
                            R"({"workshop":"nope","amount":1,"memo":"x"})")
                .status,
            400);
  auto mine = web::call_route(router, Method::get, "/api/v1/console/ledger", {}, maker);
  ASSERT_EQ(mine.status, 200) << mine.body;
  const auto ledger_json = boost::json::parse(mine.body);
  ASSERT_EQ(ledger_json.at("entries").as_array().size(), 1u);  // workshop 2's late fee is not shown
  EXPECT_EQ(ledger_json.at("statement").at("payout").as_int64(), 4000);
  EXPECT_EQ(call_month(Method::post, "/api/v1/operator/payouts/{month}/close", month).status,
            409);  // not over
  clock.advance(std::chrono::hours(24 * 32));
  auto closed = call_month(Method::post, "/api/v1/operator/payouts/{month}/close", month);
  ASSERT_EQ(closed.status, 201) << closed.body;
  // Workshop 2 owes its 1,500 won late fee: paid nothing, the debt carried into next month.
  EXPECT_EQ(boost::json::parse(closed.body).at("total").as_int64(), 4000);
  auto again = call_month(Method::post, "/api/v1/operator/payouts/{month}/close", month);
  EXPECT_EQ(again.status, 200);
  EXPECT_TRUE(boost::json::parse(again.body).at("already_closed").as_bool());
  auto csv = web::call_route(router, Method::get, "/operator/payouts/{month}/payouts.csv", {{"month", month}},
                             op, "", "", false);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("은행코드,계좌번호,예금주,금액,메모"), std::string::npos);
  EXPECT_NE(csv.body.find(",4000,"), std::string::npos);
  EXPECT_EQ(csv.body.find(",-1500,"), std::string::npos);  // nothing is sent to a workshop that owes
  auto paid = call_month(Method::post, "/api/v1/operator/payouts/{month}/paid", month);
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_TRUE(boost::json::parse(paid.body).at("paid").as_bool());
}

}  // namespace
}  // namespace brilliant::orders
