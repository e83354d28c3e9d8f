// Card payments end to end on both databases, against the stand-in Toss server (tests/fake_toss): paying
// through the window from checkout, a declined card, a confirm whose answer never comes (looked up by
// orderId), webhooks (duplicates, unknown orders, the provider's word over the body's), refunds in part
// and whole, the API clients' window and confirmation, and without keys no card at all.
#include <boost/json.hpp>
#include <boost/url.hpp>

#include "http/toss_testing.hpp"
#include "orders/returns_rules.hpp"

namespace brilliant::test {
namespace json = boost::json;

class PaymentsHttp : public TossShopTest {
 protected:
  // A shopper whose cart holds one ring of a workshop of this test's own.
  std::unique_ptr<HttpClient> shopper_with_ring(const std::string& hint) {
    const auto shop = own_workshop(hint, "결제 공방", "Pay Atelier");
    const auto ring = own_ring(shop, hint + " Ring", 3);
    auto c = signed_up(unique_email(hint));
    add_to_cart(*c, ring.variants.at(0).id);
    return c;
  }

  // Checkout with the card: returns the order number and the window's address.
  std::pair<std::string, std::string> checkout_by_card(HttpClient& c) {
    auto form = checkout_form(c);
    form.push_back({"pay_with", "card"});
    auto placed = c.post_form("/checkout", form);
    EXPECT_EQ(placed.status, 303) << placed.body;
    const auto pay = placed.header("location");
    EXPECT_NE(pay.find("/pay"), std::string::npos) << pay;
    const auto number = pay.substr(pay.find("/orders/") + 8, pay.find("/pay") - pay.find("/orders/") - 8);
    auto window = c.get(pay);
    EXPECT_EQ(window.status, 303);
    return {number, window.header("location")};
  }

  // What the shopper does in the window: the card number, then "pay". Returns where it sends them.
  std::string pay_in_window(const std::string& window_url, const std::string& card) {
    boost::urls::url_view url(window_url);
    std::vector<std::pair<std::string, std::string>> fields;
    for (auto p : url.params()) fields.push_back({p.key, p.value});
    fields.push_back({"card", card});
    HttpClient browser("");
    EXPECT_EQ(browser.get(window_url).status, 200);
    auto sent = browser.post_form(toss.url() + "/window/approve", fields);
    EXPECT_EQ(sent.status, 303) << sent.body;
    return sent.header("location");
  }

  // Follows a redirect to our own server with the shopper's client.
  HttpResponse back_home(HttpClient& c, const std::string& location) {
    EXPECT_TRUE(location.starts_with(base())) << location;
    return c.get(location.substr(base().size()));
  }

  void shopper_gives_interest_account(HttpClient& c, const std::string& number, const std::string& id,
                                      long long interest);
};

TEST_F(PaymentsHttp, AShopperPaysByCardFromCheckoutAndTheOrderIsPaidOnce) {
  auto c = shopper_with_ring("card");
  EXPECT_NE(c->get("/checkout").body.find("id=\"pay-card\""), std::string::npos);
  auto [number, window] = checkout_by_card(*c);
  EXPECT_TRUE(
      window.starts_with(toss.url() + "/window?clientKey=test_ck_brilliant_demo&orderId=" + number + "-1"));
  const auto success = pay_in_window(window, "4330-1234-5678-1234");
  auto landed = back_home(*c, success);
  ASSERT_EQ(landed.status, 303) << landed.body;
  EXPECT_EQ(landed.header("location"), "/orders/" + number + "?paid=1");
  auto page = c->get("/orders/" + number + "?paid=1");
  EXPECT_NE(page.body.find("id=\"order-paid\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"card-payment\""), std::string::npos);
  EXPECT_EQ(status_of(*c, number), "paid");
  // The success page again (a reload) and the provider's webhook twice: paid once, confirmed once.
  EXPECT_EQ(back_home(*c, success).header("location"), "/orders/" + number + "?paid=1");
  auto hooks = json::parse(toss.control("webhook", R"({"url":")" + base() +
                                                       R"(/api/v1/payments/toss/webhook","orderId":")" +
                                                       number + R"(-1","times":2})")
                               .body);
  EXPECT_EQ(json::parse(hooks.at(0).at("body").as_string()).at("outcome").as_string(), "no_change");
  EXPECT_EQ(json::parse(hooks.at(1).at("body").as_string()).at("outcome").as_string(), "no_change");
  auto calls = json::parse(toss.get("/__control/calls").body).as_array();
  int confirms = 0;
  for (const auto& call : calls) confirms += call.at("path").as_string() == "/v1/payments/confirm";
  EXPECT_EQ(confirms, 1);
  const auto order = app->orders().find(number);
  int paid = 0;
  for (const auto& e : order->events) paid += e.kind == "paid";
  EXPECT_EQ(paid, 1);
  EXPECT_EQ(order->payment_method, "card");
}

TEST_F(PaymentsHttp, ADeclinedCardSaysSoAndTheShopperMayPayAgain) {
  auto c = shopper_with_ring("declined");
  auto [number, window] = checkout_by_card(*c);
  auto landed = back_home(*c, pay_in_window(window, "4000-0000-0000-0003"));  // declined at confirmation
  EXPECT_EQ(landed.header("location"), "/orders/" + number + "?payment_error=REJECT_CARD_PAYMENT");
  auto page = c->get(landed.header("location"));
  EXPECT_NE(page.body.find("id=\"payment-problem\""), std::string::npos);
  EXPECT_NE(page.body.find("카드사에서 결제를 거절했습니다"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"pay-by-card\""), std::string::npos);
  EXPECT_EQ(status_of(*c, number), "awaiting_payment");
  // Declined in the window itself, then cancelled by the shopper: still awaiting payment.
  auto again = c->get("/orders/" + number + "/pay").header("location");
  EXPECT_NE(again.find("orderId=" + number + "-2"), std::string::npos);
  EXPECT_EQ(back_home(*c, pay_in_window(again, "4000-0000-0000-0002")).header("location"),
            "/orders/" + number + "?payment_failed=REJECT_CARD_COMPANY");
  // Then a good card.
  auto third = c->get("/orders/" + number + "/pay").header("location");
  EXPECT_EQ(back_home(*c, pay_in_window(third, "4330-1234-5678-1234")).header("location"),
            "/orders/" + number + "?paid=1");
  auto op = logged_in(web::Role::operator_);
  auto history = json::parse(op->get("/api/v1/operator/orders/" + number + "/payments").body);
  const auto& attempts = history.at("payments").as_array();
  ASSERT_EQ(attempts.size(), 3u);
  EXPECT_EQ(attempts[0].at("status").as_string(), "aborted");
  EXPECT_EQ(attempts[0].at("events").as_array().back().at("code").as_string(), "REJECT_CARD_PAYMENT");
  EXPECT_EQ(attempts[1].at("status").as_string(), "aborted");
  EXPECT_EQ(attempts[2].at("status").as_string(), "done");
}

TEST_F(PaymentsHttp, AConfirmThatTimesOutIsLookedUpBeforeAnyRetry) {
  auto c = shopper_with_ring("timeout");
  auto [number, window] = checkout_by_card(*c);
  toss.control("next-confirm", R"({"mode":"apply_then_hang"})");  // charged, but the answer never comes
  auto landed = back_home(*c, pay_in_window(window, "4330-1234-5678-1234"));
  EXPECT_EQ(landed.header("location"), "/orders/" + number + "?paid=1");
  EXPECT_EQ(status_of(*c, number), "paid");
  auto op = logged_in(web::Role::operator_);
  auto history = json::parse(op->get("/api/v1/operator/orders/" + number + "/payments").body);
  std::vector<std::string> kinds;
  for (const auto& e : history.at("payments").at(0).at("events").as_array())
    kinds.emplace_back(e.at("kind").as_string());
  EXPECT_EQ(kinds, (std::vector<std::string>{"opened", "confirm_sent", "unreachable", "looked_up"}));
  toss.control("release", "{}");
}

TEST_F(PaymentsHttp, WebhooksForUnknownOrdersOrWrongAmountsChangeNothing) {
  auto hook = [&](const std::string& order_id, const std::string& override_json = "{}") {
    auto r =
        toss.control("webhook", R"({"url":")" + base() + R"(/api/v1/payments/toss/webhook","orderId":")" +
                                    order_id + R"(","override":)" + override_json + "}");
    return std::string(
        json::parse(json::parse(r.body).at(0).at("body").as_string()).at("outcome").as_string());
  };
  EXPECT_EQ(hook("BR-261129-ZZZZZZZZ-1"), "unknown_order");
  auto c = shopper_with_ring("hook");
  auto [number, window] = checkout_by_card(*c);
  // The provider holds a payment for another amount under this orderId (a tampered window).
  boost::urls::url_view url(window);
  std::string order_id;
  for (auto p : url.params())
    if (p.key == "orderId") order_id = p.value;
  auto paid = json::parse(toss.control("pay", R"({"orderId":")" + order_id + R"(","amount":100})").body);
  toss.control("status", R"({"orderId":")" + order_id + R"(","status":"DONE"})");
  EXPECT_EQ(hook(order_id), "refused");
  EXPECT_EQ(status_of(*c, number), "awaiting_payment");
  // ...and it was given back at the provider at once.
  auto at_toss = json::parse(toss.get("/__control/orders/" + order_id).body);
  EXPECT_EQ(at_toss.at("status").as_string(), "CANCELED");
  EXPECT_FALSE(paid.at("paymentKey").as_string().empty());
}

TEST_F(PaymentsHttp, TheOperatorRefundsInPartThenCancelsTheOrderWhichRefundsTheRest) {
  auto c = shopper_with_ring("refund");
  auto [number, window] = checkout_by_card(*c);
  back_home(*c, pay_in_window(window, "4330-1234-5678-1234"));
  const auto total = app->orders().find(number)->total;
  auto op = logged_in(web::Role::operator_);
  const std::vector<std::string> h{"Content-Type: application/json", "X-CSRF-Token: " + op->cookie("csrf")};
  auto above = op->request("POST", "/api/v1/operator/orders/" + number + "/refunds",
                           R"({"amount":)" + std::to_string(total + 1) + R"(,"reason":"too much"})", h);
  EXPECT_EQ(above.status, 400);
  EXPECT_NE(above.body.find("refund_above_paid"), std::string::npos);
  auto no_reason =
      op->request("POST", "/api/v1/operator/orders/" + number + "/refunds", R"({"amount":1000})", h);
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("reason"), std::string::npos);
  auto part = op->request("POST", "/api/v1/operator/orders/" + number + "/refunds",
                          R"({"amount":10000,"reason":"작은 흠집 · small scratch"})", h);
  ASSERT_EQ(part.status, 200) << part.body;
  auto p = json::parse(part.body).at("payments").at(0);
  EXPECT_EQ(p.at("status").as_string(), "partial_canceled");
  EXPECT_EQ(p.at("balance").as_int64(), total - 10000);
  // The operator's refund form on the order page.
  auto page = op->get("/orders/" + number);
  EXPECT_NE(page.body.find("id=\"refund-form\""), std::string::npos);
  auto formed =
      op->post_form("/operator/orders/" + number + "/refund",
                    {{"_csrf", op->cookie("csrf")}, {"amount", "5000"}, {"reason", "gift wrap missing"}});
  EXPECT_EQ(formed.status, 303) << formed.body;
  // Cancelling the paid order refunds what is left, then cancels.
  auto cancelled = op->request("PUT", "/api/v1/operator/orders/" + number + "/status",
                               R"({"status":"cancelled","reason":"workshop cannot make it"})", h);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(json::parse(cancelled.body).at("status").as_string(), "cancelled");
  auto at_toss = json::parse(toss.get("/__control/orders/" + number + "-1").body);
  EXPECT_EQ(at_toss.at("status").as_string(), "CANCELED");
  EXPECT_EQ(at_toss.at("balanceAmount").as_int64(), 0);
  EXPECT_EQ(at_toss.at("cancels").as_array().size(), 3u);
  auto refunds =
      op->request("POST", "/api/v1/operator/orders/" + number + "/refunds", R"({"reason":"again"})", h);
  EXPECT_EQ(refunds.status, 409);
}

TEST_F(PaymentsHttp, AnAppClientOpensTheWindowAndConfirmsOverTheApi) {
  const auto shop = own_workshop("payapi", "앱 공방", "App Atelier");
  const auto ring = own_ring(shop, "App Ring", 2);
  const auto email = unique_email("payapi");
  auto c = signed_up(email);
  add_to_cart(*c, ring.variants.at(0).id);
  auto placed = place(*c, "pay-api-1");
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto h = json_headers(*c);
  auto window = c->request("POST", "/api/v1/orders/" + number + "/payment-window", "{}", h);
  ASSERT_EQ(window.status, 201) << window.body;
  auto w = json::parse(window.body);
  EXPECT_EQ(w.at("client_key").as_string(), FakeToss::client_key);
  const std::string order_id(w.at("order_id").as_string());
  const auto amount = w.at("amount").as_int64();
  auto paid = json::parse(
      toss.control("pay", R"({"orderId":")" + order_id + R"(","amount":)" + std::to_string(amount) + "}")
          .body);
  const std::string key(paid.at("paymentKey").as_string());
  auto missing =
      c->request("POST", "/api/v1/payments/toss/confirm", R"({"orderId":")" + order_id + R"("})", h);
  EXPECT_EQ(missing.status, 400);
  auto stranger = signed_up(unique_email("payapi-other"));
  auto theirs = stranger->request("POST", "/api/v1/payments/toss/confirm",
                                  R"({"orderId":")" + order_id + R"(","paymentKey":")" + key +
                                      R"(","amount":)" + std::to_string(amount) + "}",
                                  json_headers(*stranger));
  EXPECT_EQ(theirs.status, 404);
  auto confirmed = c->request("POST", "/api/v1/payments/toss/confirm",
                              R"({"orderId":")" + order_id + R"(","paymentKey":")" + key + R"(","amount":)" +
                                  std::to_string(amount) + "}",
                              h);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(json::parse(confirmed.body).at("status").as_string(), "done");
  EXPECT_EQ(status_of(*c, number), "paid");
  EXPECT_EQ(c->request("POST", "/api/v1/orders/" + number + "/payment-window", "{}", h).status, 409);
}

class PaymentsWithoutKeysHttp : public ShopTest {};

TEST_F(PaymentsWithoutKeysHttp, WithoutKeysTheCardIsHiddenAndTransferWorksAsBefore) {
  const auto shop = own_workshop("nokeys", "이체 공방", "Transfer Atelier");
  const auto ring = own_ring(shop, "Transfer Ring", 2);
  auto c = signed_up(unique_email("nokeys"));
  add_to_cart(*c, ring.variants.at(0).id);
  auto form = checkout_form(*c);
  EXPECT_EQ(c->get("/checkout").body.find("pay-card"), std::string::npos);
  form.push_back({"pay_with", "card"});  // ignored
  auto placed = c->post_form("/checkout", form);
  ASSERT_EQ(placed.status, 303);
  EXPECT_NE(placed.header("location").find("placed=1"), std::string::npos);
  const auto number = placed.header("location").substr(8, placed.header("location").find('?') - 8);
  EXPECT_EQ(c->get("/orders/" + number + "/pay").status, 303);  // back to the order, saying why
  EXPECT_NE(c->get("/orders/" + number + "/pay").header("location").find("payment_error=card_unavailable"),
            std::string::npos);
  auto hook =
      c->request("POST", "/api/v1/payments/toss/webhook",
                 R"({"eventType":"PAYMENT_STATUS_CHANGED","data":{}})", {"Content-Type: application/json"});
  EXPECT_EQ(hook.status, 200);
  EXPECT_NE(hook.body.find("unknown_order"), std::string::npos);
}

}  // namespace brilliant::test

namespace brilliant::test {

// A card refund made late: its delay interest cannot ride on the card's cancellation, so the shopper is
// asked for an account (the order page and the mail say so), gives it, and the refund file pays it there.
void PaymentsHttp::shopper_gives_interest_account(HttpClient& c, const std::string& number,
                                                  const std::string& id, long long interest) {
  const auto mine = [&] {
    return json::parse(c.get("/api/v1/orders/" + number + "/returns").body).at("returns").at(0).as_object();
  };
  const auto mail_about = [&](const std::string& like) {
    std::string body;
    const std::string subject = "%" + number + "%", text = "%" + like + "%";
    app->database().read([&](soci::session& sql) {
      sql << "SELECT body_text FROM outbox WHERE subject LIKE :n AND body_text LIKE :l ORDER BY id DESC "
             "LIMIT 1",
          soci::use(subject), soci::use(text), soci::into(body);
    });
    return body;
  };
  EXPECT_TRUE(mine().at("needs_interest_account").as_bool());
  EXPECT_EQ(mine().at("interest_text").as_string(),
            "카드 취소로는 지연배상금을 돌려드릴 수 없습니다. 받으실 계좌를 알려 주시면 보내 드립니다.");
  EXPECT_NE(mail_about("지연배상금").find(catalog::format_won(interest, "ko")), std::string::npos);
  const auto url = "/orders/" + number + "/returns/" + id + "/interest-account";
  EXPECT_NE(c.get("/orders/" + number).body.find("id=\"interest-account-" + id + "\""), std::string::npos);
  auto bad = c.request("POST", "/api/v1" + url, R"({"refund_account":"1\n2"})", json_headers(c));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body).at("error").at("field").as_string(), "refund_account");
  auto stranger = signed_up(unique_email("not-the-shopper"));
  EXPECT_EQ(stranger
                ->request("POST", "/api/v1" + url, R"({"refund_account":"신한은행 110-1 남"})",
                          json_headers(*stranger))
                .status,
            404);
  auto over_api = c.request("POST", "/api/v1" + url, R"({"refund_account":"신한은행 110-123-456789 박은"})",
                            json_headers(c));
  ASSERT_EQ(over_api.status, 200) << over_api.body;
  EXPECT_FALSE(json::parse(over_api.body).at("needs_interest_account").as_bool());
  EXPECT_NE(c.get("/orders/" + number).body.find("id=\"interest-account-change-" + id + "\""),
            std::string::npos);
  // A mistyped account is given again on the page; the latest counts.
  auto empty = c.post_form(url, {{"_csrf", c.cookie("csrf")}, {"refund_account", ""}});
  EXPECT_EQ(empty.status, 400);
  auto given =
      c.post_form(url, {{"_csrf", c.cookie("csrf")}, {"refund_account", "우리은행 1002-123-456789 박은"}});
  ASSERT_EQ(given.status, 303) << given.body;
  EXPECT_NE(c.get(given.header("location")).body.find("id=\"interest-account-given\""), std::string::npos);
  EXPECT_EQ(mine().at("interest_text").as_string(), "지연배상금은 알려 주신 계좌로 보내 드립니다.");
  EXPECT_NE(mail_about("지연배상금을 받을 계좌: 우리은행 1002-123-456789 박은"), "");
  auto op = logged_in(web::Role::operator_);
  EXPECT_NE(
      op->get("/operator/returns").body.find("지연배상금은 환불 파일에서 고객이 알려 준 계좌로 이체합니다."),
      std::string::npos);
  EXPECT_NE(op->get("/operator/returns/refunds.csv")
                .body.find("020,우리은행 1002-123-456789 박은," + std::to_string(interest) +
                           ",브릴리언트 반품 지연배상금 " + number),
            std::string::npos);
}

// A return from request to refund on a card order: asked on the order page, approved by the workshop,
// sent back by the shopper, inspected and refunded by the operator through Toss; and a bank-transfer
// order's return refunded into the transfer batch.
TEST_F(PaymentsHttp, AReturnFromRequestToRefund) {
  const auto shop = own_workshop("returns", "반품 공방", "Return Atelier");
  const auto ring = own_ring(shop, "Return Ring", 3);
  auto c = signed_up(unique_email("returns"));
  add_to_cart(*c, ring.variants.at(0).id);
  auto [number, window] = checkout_by_card(*c);
  back_home(*c, pay_in_window(window, "4330-1234-5678-1234"));
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  const std::vector<std::string> mh{"Content-Type: application/json",
                                    "X-CSRF-Token: " + maker->cookie("csrf")};
  pay_and_ship(nullptr, *maker, number, "cj", "410000000001");  // paid by card already
  EXPECT_EQ(c->get("/orders/" + number + "/return").body.find("name=\"lines\""),
            std::string::npos);  // not yet
  ASSERT_EQ(maker->request("POST", "/api/v1/console/orders/" + number + "/delivery", "{}", mh).status, 200);

  auto form = c->get("/orders/" + number + "/return");
  ASSERT_EQ(form.status, 200);
  const auto line = app->orders().find(number)->lines.at(0).id;
  auto no_reason =
      c->post_form("/orders/" + number + "/return",
                   {{"_csrf", c->cookie("csrf")}, {"lines", std::to_string(line)}, {"kind", "return"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("field-error"), std::string::npos);
  auto asked = c->post_form("/orders/" + number + "/return", {{"_csrf", c->cookie("csrf")},
                                                              {"lines", std::to_string(line)},
                                                              {"kind", "return"},
                                                              {"reason", "defective"},
                                                              {"details", "the stone is loose"}});
  ASSERT_EQ(asked.status, 303) << asked.body;
  auto returns = json::parse(c->get("/api/v1/orders/" + number + "/returns").body).at("returns");
  const auto id = std::to_string(returns.at(0).at("id").as_int64());
  EXPECT_EQ(returns.at(0).at("shipping_payer").as_string(), "seller");
  // The shopper's order list says where the return stands ("" : it says nothing of one).
  const auto step = [&](const std::string& order) -> std::string {
    const auto listed = json::parse(c->get("/api/v1/orders").body);
    for (const auto& o : listed.at("orders").as_array())
      if (o.at("number").as_string() == order)
        return o.as_object().contains("return_step") ? std::string(o.at("return_step").as_string()) : "";
    return "not listed";
  };
  EXPECT_EQ(step(number), "return_requested");

  auto approved = maker->post_form(
      "/console/returns/" + id + "/decision",
      {{"_csrf", maker->cookie("csrf")}, {"action", "approve"}, {"note", "CJ로 보내 주세요"}});
  ASSERT_EQ(approved.status, 303) << approved.body;
  EXPECT_EQ(step(number), "return_approved");
  EXPECT_EQ(maker->get("/console/returns").status, 200);
  EXPECT_EQ(json::parse(maker->get("/api/v1/console/returns").body).at("returns").as_array().size(), 1u);
  auto sent = c->request("POST", "/api/v1/orders/" + number + "/returns/" + id + "/shipment",
                         R"({"carrier":"cj","tracking":"410000000099"})", json_headers(*c));
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(step(number), "return_shipped");
  auto received = maker->request("POST", "/api/v1/console/returns/" + id + "/decision",
                                 R"({"action":"receive","note":"loose stone confirmed"})", mh);
  ASSERT_EQ(received.status, 200) << received.body;
  EXPECT_FALSE(json::parse(received.body).at("refund_due").as_string().empty());
  EXPECT_EQ(step(number), "return_received");

  auto op = logged_in(web::Role::operator_);
  const std::vector<std::string> oh{"Content-Type: application/json", "X-CSRF-Token: " + op->cookie("csrf")};
  EXPECT_EQ(op->get("/operator/returns").status, 200);
  // Article 18(2): the refund is due within 3 business days; a week on it is late, and the shopper is owed
  // 15 % a year on it for each day. The operator's home counts it among the refunds to make, and late.
  const auto todo = [&] { return json::parse(op->get("/api/v1/operator/todo").body).as_object(); };
  const auto ours =
      [&](const std::string& which) -> json::object {  // a return as the operator's list gives it
    const auto list = json::parse(op->get("/api/v1/operator/returns").body);
    std::string last_due;  // the refunds to make come first, the one due soonest first
    bool others = false;
    json::object found;
    for (const auto& x : list.at("returns").as_array()) {
      const bool owed = x.at("status").as_string() == "received";
      EXPECT_FALSE(owed && others) << "a refund to make after the other returns";
      others = others || !owed;
      if (owed) {
        const std::string d(x.at("refund_due").as_string());
        EXPECT_LE(last_due, d);
        last_due = d;
      }
      if (x.at("id").as_int64() == std::stoll(which)) found = x.as_object();
    }
    EXPECT_FALSE(found.empty());
    return found;
  };
  const auto due = std::string(ours(id).at("refund_due").as_string());
  EXPECT_FALSE(ours(id).contains("days_late"));
  EXPECT_GE(todo().at("refunds").as_int64(), 1);
  clock->advance(std::chrono::hours(24 * 7));
  const long long late = orders::days_late(due, format_utc(clock->now()));
  ASSERT_GT(late, 0);
  const long long amount = ours(id).at("refund_amount").as_int64();
  EXPECT_EQ(ours(id).at("days_late").as_int64(), late);
  EXPECT_EQ(ours(id).at("delay_interest").as_int64(), amount * 15 * late / 36500);
  EXPECT_EQ(ours(id).at("late_text").as_string(),
            "환불 기한 " + std::to_string(late) + "일 지남 · 지연배상금 " +
                catalog::format_won(amount * 15 * late / 36500, "ko") + " (연 15%)");
  EXPECT_GE(todo().at("refunds_late").as_int64(), 1);
  EXPECT_FALSE(ours(id).contains("refund_total_text"));  // a card's refund: its interest is paid apart
  EXPECT_NE(op->get("/operator").body.find("id=\"todo-refunds-late\""), std::string::npos);
  EXPECT_NE(c->get("/orders/" + number).body.find("data-late=\"" + std::to_string(late) + "\""),
            std::string::npos);
  const auto owed = todo().at("refunds").as_int64();
  auto refunded = op->request("POST", "/api/v1/operator/returns/" + id + "/refund", "{}", oh);
  ASSERT_EQ(refunded.status, 200) << refunded.body;
  EXPECT_EQ(json::parse(refunded.body).at("refund_method").as_string(), "card");
  auto at_toss = json::parse(toss.get("/__control/orders/" + number + "-1").body);
  EXPECT_EQ(at_toss.at("status").as_string(), "CANCELED");  // the whole ring: the whole payment
  EXPECT_EQ(step(number), "return_refunded");
  EXPECT_NE(c->get("/account/orders").body.find("data-state=\"returned\">환불 완료</span>"),
            std::string::npos);
  EXPECT_NE(op->get("/en/operator/orders?q=" + number).body.find(">Refunded</span>"), std::string::npos);
  EXPECT_NE(json::parse(op->get("/api/v1/operator/returns").body).at("returns").as_array().size(), 0u);
  EXPECT_EQ(op->request("POST", "/api/v1/operator/returns/" + id + "/refund", "{}", oh).status, 409);  // once
  EXPECT_EQ(todo().at("refunds").as_int64(), owed - 1);
  EXPECT_EQ(json::parse(refunded.body).at("days_late").as_int64(), late);  // made late: it says so after
  shopper_gives_interest_account(*c, number, id, amount * 15 * late / 36500);

  // A bank-transfer order: the refund goes to the account the shopper gave, in the batch.
  add_to_cart(*c, ring.variants.at(0).id);
  auto placed = place(*c, "return-transfer-" + unique_email("k"));
  ASSERT_EQ(placed.status, 201);
  const std::string transfer(json::parse(placed.body).at("number").as_string());
  pay_and_ship(op.get(), *maker, transfer, "cj", "410000000002");
  ASSERT_EQ(op->request("POST", "/api/v1/operator/orders/" + transfer + "/delivery", "{}", oh).status, 200);
  const auto tline = std::to_string(app->orders().find(transfer)->lines.at(0).id);
  auto made =
      c->request("POST", "/api/v1/orders/" + transfer + "/returns",
                 R"({"lines":[)" + tline +
                     R"(],"reason":"change_of_mind","refund_account":"신한은행 110-123-456789 김보석"})",
                 json_headers(*c));
  ASSERT_EQ(made.status, 201) << made.body;
  const auto tid = std::to_string(json::parse(made.body).at("id").as_int64());
  ASSERT_EQ(
      op->request("POST", "/api/v1/operator/returns/" + tid + "/decision", R"({"action":"approve"})", oh)
          .status,
      200);
  ASSERT_EQ(
      op->request("POST", "/api/v1/operator/returns/" + tid + "/decision", R"({"action":"receive"})", oh)
          .status,
      200);
  // Refunded a week late: the refund file pays its delay interest with it, and the button says the sum.
  const auto tdue = std::string(ours(tid).at("refund_due").as_string());
  clock->advance(std::chrono::hours(24 * 7));
  const long long tlate = orders::days_late(tdue, format_utc(clock->now()));
  const long long tinterest = (ring.price - 3500) * 15 * tlate / 36500;
  ASSERT_GT(tinterest, 0);
  EXPECT_EQ(ours(tid).at("refund_total_text").as_string(),
            catalog::format_won(ring.price - 3500 + tinterest, "ko"));
  ASSERT_EQ(op->request("POST", "/api/v1/operator/returns/" + tid + "/refund", "{}", oh).status, 200);
  EXPECT_EQ(step(transfer), "return_refund_queued");  // the bank's transfer is still to be made
  auto batch = op->get("/operator/returns/refunds.csv");
  ASSERT_EQ(batch.status, 200);
  EXPECT_NE(batch.body.find("088,신한은행 110-123-456789 김보석," +
                            std::to_string(ring.price - 3500 + tinterest) + ",브릴리언트 반품 환불 " +
                            transfer + " (지연배상금 " + std::to_string(tinterest) + "원 포함)"),
            std::string::npos)
      << batch.body;
}

}  // namespace brilliant::test
