// Virtual accounts (가상계좌) end to end on both databases, against the stand-in Toss server: the shopper
// asks for an account at a bank (an unknown bank is a 400 naming it), gets the same account when asking
// again, a deposit callback with another secret changes nothing, the real one pays the order once however
// often it comes; nobody else reaches the order's account; the operator's refund goes back through Toss to
// the shopper's own bank account.
#include <boost/json.hpp>

#include "http/toss_testing.hpp"

namespace brilliant::test {
namespace json = boost::json;

class VirtualAccountsHttp : public TossShopTest {
 protected:
  // The stand-in bank's deposit: the payment done at Toss, then its callback sent `times` times.
  json::array deposit(const std::string& order_id, const std::string& secret, int times) {
    json::object body{
        {"url", base() + "/api/v1/payments/toss/webhook"}, {"orderId", order_id}, {"times", times}};
    if (!secret.empty()) body["secret"] = secret;
    return json::parse(toss.control("deposit", json::serialize(body)).body).as_array();
  }
  static std::string outcome(const json::value& answer) {
    return std::string(json::parse(answer.at("body").as_string()).at("outcome").as_string());
  }
};

TEST_F(VirtualAccountsHttp, ADepositIntoTheOrdersAccountPaysItOnce) {
  const auto shop = own_workshop("vaccount", "가상계좌 공방", "Account Atelier");
  const auto ring = own_ring(shop, "Account Ring", 3);
  auto c = signed_up(unique_email("vaccount"));
  add_to_cart(*c, ring.variants.at(0).id);
  auto placed = place(*c, "vaccount-order-1");
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  EXPECT_NE(c->get("/orders/" + number).body.find("/orders/" + number + "/virtual-account"),
            std::string::npos);
  auto page = c->get("/orders/" + number + "/virtual-account");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"account-form\""), std::string::npos);

  const auto path = "/api/v1/orders/" + number + "/virtual-account";
  auto bad = call(*c, "POST", path, R"({"bank":"99"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"bank\""), std::string::npos);
  auto stranger = signed_up(unique_email("vaccount-stranger"));
  EXPECT_EQ(call(*stranger, "POST", path, R"({"bank":"88"})").status, 404);
  auto opened = call(*c, "POST", path, R"({"bank":"88"})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const auto account = json::parse(opened.body);
  EXPECT_EQ(account.at("status").as_string(), "waiting_for_deposit");
  EXPECT_EQ(account.at("account").at("bank").as_string(), "신한은행");
  const std::string account_number(account.at("account").at("number").as_string());
  EXPECT_FALSE(account_number.empty());
  auto again = call(*c, "POST", path, R"({"bank":"88"})");
  EXPECT_EQ(json::parse(again.body).at("account").at("number").as_string(), account_number);
  EXPECT_NE(c->get("/orders/" + number + "/virtual-account").body.find(account_number), std::string::npos);

  const std::string order_id(account.at("order_id").as_string());
  EXPECT_EQ(outcome(deposit(order_id, "ps_not_the_secret", 1).at(0)), "refused");
  EXPECT_EQ(status_of(*c, number), "awaiting_payment");
  const auto callbacks = deposit(order_id, "", 2);
  EXPECT_EQ(outcome(callbacks.at(0)), "applied");
  EXPECT_EQ(outcome(callbacks.at(1)), "no_change");
  EXPECT_EQ(status_of(*c, number), "paid");
  const auto order = app->orders().find(number);
  EXPECT_EQ(order->payment_method, "virtual_account");
  int paid = 0;
  for (const auto& e : order->events) paid += e.kind == "paid";
  EXPECT_EQ(paid, 1);

  // The operator refunds part through Toss, to the shopper's own account (required, and read).
  auto op = logged_in(web::Role::operator_);
  const auto refunds = "/api/v1/operator/orders/" + number + "/refunds";
  auto no_account = call(*op, "POST", refunds, R"({"amount":1000,"reason":"사이즈 차액"})");
  EXPECT_EQ(no_account.status, 400);
  EXPECT_NE(no_account.body.find("refund_account"), std::string::npos);
  auto unreadable =
      call(*op, "POST", refunds, R"({"amount":1000,"reason":"사이즈 차액","refund_account":"x"})");
  EXPECT_EQ(unreadable.status, 400);
  auto refunded =
      call(*op, "POST", refunds,
           R"({"amount":1000,"reason":"사이즈 차액","refund_account":"국민은행 123401-04-567890 김보석"})");
  ASSERT_EQ(refunded.status, 200) << refunded.body;
  EXPECT_NE(refunded.body.find("\"balance\":" + std::to_string(order->total - 1000)), std::string::npos)
      << refunded.body;
  auto form = op->get("/orders/" + number);
  EXPECT_NE(form.body.find("id=\"refund-account\""), std::string::npos);  // the page asks for it too
}

}  // namespace brilliant::test
