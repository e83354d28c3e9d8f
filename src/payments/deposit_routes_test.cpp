// The deposit routes called as the operator on the test orders (orders/testing.hpp): the page in both
// languages, a statement uploaded as the body, a deposit confirmed or set aside by form and by JSON, and
// the route table's operator-only access.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "orders/testing.hpp"
#include "payments/routes.hpp"
#include "payments/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::payments {
namespace {

using web::Method;

class DepositRoutesTest : public orders::OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    add_deposit_routes(router, deps);
  }
  web::Response call(Method m, const std::string& pattern, const std::string& id, std::string body = "",
                     std::string query = "", bool json = true, std::string locale = "ko") {
    return web::call_route(router, m, pattern, {{"id", id}}, op, std::move(body), std::move(query), json,
                           std::move(locale));
  }
  long long first_open_id() {
    auto board = boost::json::parse(call(Method::get, "/api/v1/operator/deposits", "").body);
    for (const auto* group : {"certain", "likely", "ambiguous", "none"})
      for (const auto& d : board.at("groups").at(group).as_array()) return d.at("id").as_int64();
    return 0;
  }

  MemoryProvider provider;
  Payments payments{*db, orders, &provider, clock, {}};
  web::TestPages pages;
  Deposits deposits{*db, orders, clock};
  Deps deps{payments, orders, pages.renderer, deposits};
  web::Router router;
  web::Principal op = web::person(2, web::Role::operator_);
};

TEST_F(DepositRoutesTest, AStatementUploadedAsTheBodyShowsOnThePageWithItsOrder) {
  const auto order = one_ring_order("k-dr-1");
  const auto up = call(Method::post, "/api/v1/operator/deposits/statements", "",
                       "거래일시,입금자명,입금액\n2026-11-28 10:00,김보석,\"120,000\"\n", "name=nh.csv");
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(boost::json::parse(up.body).at("deposits_new").as_int64(), 1);
  for (const std::string locale : {"ko", "en"}) {
    const auto page = call(Method::get, "/operator/deposits", "", "", "", false, locale);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(order.number), std::string::npos);
    EXPECT_NE(page.body.find("nh.csv"), std::string::npos);
  }
  const auto bad = call(Method::post, "/api/v1/operator/deposits/statements", "", "no,header\n1,2\n");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"file\""), std::string::npos);
}

TEST_F(DepositRoutesTest, TheOperatorConfirmsByFormAndByJson) {
  const auto order = one_ring_order("k-dr-2");
  const auto other = one_ring_order("k-dr-3");
  ASSERT_EQ(call(Method::post, "/operator/deposits/import", "",
                 "_csrf=x&csv=" + web::url_encode("거래일시,입금자명,입금액\n2026-11-28 10:00,김보석,120000\n"
                                                  "2026-11-28 10:01,홍길동,120000\n"),
                 "", false)
                .status,
            200);
  const auto id = first_open_id();
  const auto form = call(Method::post, "/operator/deposits/{id}/confirm", std::to_string(id),
                         "order=" + order.number, "", false);
  ASSERT_EQ(form.status, 303);
  EXPECT_EQ(orders.find(order.number)->status, orders::OrderStatus::paid);
  const auto next = first_open_id();
  const auto missing = call(Method::post, "/api/v1/operator/deposits/{id}/confirmation", std::to_string(next),
                            R"({"order":""})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("\"order\""), std::string::npos);
  const auto api = call(Method::post, "/api/v1/operator/deposits/{id}/confirmation", std::to_string(next),
                        R"({"order":")" + other.number + R"("})");
  ASSERT_EQ(api.status, 200) << api.body;
  EXPECT_EQ(boost::json::parse(api.body).at("status").as_string(), "paid");
  EXPECT_EQ(call(Method::post, "/api/v1/operator/deposits/{id}/confirmation", std::to_string(next),
                 R"({"order":")" + other.number + R"("})")
                .status,
            409);
  EXPECT_EQ(call(Method::post, "/api/v1/operator/deposits/{id}/confirmation", "9999",
                 R"({"order":")" + other.number + R"("})")
                .status,
            404);
}

TEST_F(DepositRoutesTest, SettingAsideNeedsANoteAndConfirmingTheCertainOnesPaysThem) {
  one_ring_order("k-dr-4");
  ASSERT_EQ(call(Method::post, "/api/v1/operator/deposits/statements", "",
                 "거래일시,입금자명,입금액\n2026-11-28 10:00,이자,321\n2026-11-28 10:05,김보석,120000\n")
                .status,
            201);
  const auto all = call(Method::post, "/api/v1/operator/deposits/confirm-certain", "");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(boost::json::parse(all.body).at("paid").as_int64(), 1);
  const auto id = std::to_string(first_open_id());
  EXPECT_EQ(call(Method::post, "/api/v1/operator/deposits/{id}/set-aside", id, R"({"note":""})").status, 400);
  const auto done =
      call(Method::post, "/api/v1/operator/deposits/{id}/set-aside", id, R"({"note":"예금 이자"})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(boost::json::parse(done.body).at("status").as_string(), "set_aside");
}

TEST_F(DepositRoutesTest, EveryDepositRouteIsTheOperatorsAlone) {
  int routes = 0;
  for (const auto& r : router.routes()) {
    ++routes;
    EXPECT_EQ(r.access.any_of, static_cast<uint32_t>(web::Role::operator_)) << r.pattern;
  }
  EXPECT_EQ(routes, 10);
}

}  // namespace
}  // namespace brilliant::payments
