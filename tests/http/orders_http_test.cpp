// Checkout and orders end to end on both databases: the checkout page and form (refusals that name
// the field and keep what was typed, double submits), the order keeping the quote it was priced at,
// the confirmation mail, the last piece going to one shopper only, each workshop seeing only its part
// (the address only once paid), the operator confirming the transfer and cancelling (stock given
// back), the dashboard's orders and revenue, and every order route refusing other people's orders.
#include <boost/json.hpp>
#include <regex>
#include <thread>

#include "core/text.hpp"
#include "db/database.hpp"
#include "http/shop_testing.hpp"
#include "mail/outbox.hpp"

namespace brilliant::test {
namespace json = boost::json;

class OrdersHttp : public ShopTest {};

TEST_F(OrdersHttp, CheckoutPlacesAnOrderThatKeepsThePriceAndQuoteItWasSoldAt) {
  const auto shop = own_workshop("orders", "주문 공방", "Order Atelier");
  const auto ring = own_ring(shop, "Order Ring", 3);
  const std::string email = unique_email("buyer");
  auto c = signed_up(email, "a-long-password", "김보석");
  add_to_cart(*c, ring.variants.at(0).id, 2);

  // A guest with an empty cart is sent back to the cart.
  auto guest = client();
  auto to_cart = guest->get("/checkout");
  EXPECT_EQ(to_cart.status, 303);
  EXPECT_NE(to_cart.header("location").find("/cart"), std::string::npos);

  auto page = c->get("/checkout");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto key = field_of(page.body, "checkout_key");
  const auto total_text = field_of(page.body, "expected_total");
  ASSERT_FALSE(key.empty());
  auto preview = json::parse(c->get("/api/v1/checkout").body);
  EXPECT_EQ(std::to_string(preview.at("total").as_int64()), total_text);
  EXPECT_EQ(preview.at("subtotal").as_int64(), 2 * ring.price);
  // Over the brand's free-shipping threshold (50,000 won): free is said once, never "0원" beside it.
  ASSERT_GE(2 * ring.price, 50000);
  EXPECT_EQ(preview.at("shipping_fee").as_int64(), 0);
  EXPECT_NE(page.body.find("id=\"checkout-shipping\">무료</dd>"), std::string::npos);
  EXPECT_EQ(page.body.find(">0원<"), std::string::npos);

  auto form = address_fields();
  form.push_back({"_csrf", c->cookie("csrf")});
  form.push_back({"checkout_key", key});
  form.push_back({"expected_total", total_text});
  // No consent: refused beside the box, and what was typed stays.
  auto no_agree = form;
  std::erase_if(no_agree, [](const auto& f) { return f.first == "agree"; });
  auto refused = c->post_form("/checkout", no_agree);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("agree-error"), std::string::npos);
  EXPECT_NE(refused.body.find("101동 202호"), std::string::npos);
  auto bad_phone = form;
  for (auto& [name, value] : bad_phone)
    if (name == "phone") value = "12";
  refused = c->post_form("/checkout", bad_phone);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("phone-error"), std::string::npos);
  auto stale = form;
  for (auto& [name, value] : stale)
    if (name == "expected_total") value = "1000";
  refused = c->post_form("/checkout", stale);
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("결제 금액이 바뀌었습니다"), std::string::npos);
  EXPECT_EQ(stock_of(ring.slug), 3);  // nothing taken by the refusals

  auto placed = c->post_form("/checkout", form);
  ASSERT_EQ(placed.status, 303) << placed.body;
  std::smatch m;
  const std::string location = placed.header("location");
  ASSERT_TRUE(std::regex_search(location, m, std::regex("/orders/(BR-\\d{6}-[A-Z0-9]{8})\\?placed=1")))
      << location;
  const std::string number = m[1].str();
  EXPECT_EQ(stock_of(ring.slug), 1);

  auto shown = c->get("/orders/" + number + "?placed=1");
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("order-placed"), std::string::npos);
  EXPECT_NE(shown.body.find("KB국민은행"), std::string::npos);
  EXPECT_NE(shown.body.find("입금 대기"), std::string::npos);

  // The order keeps today's quote; a later correction of the quote moves the catalog, not the order.
  const auto today = app->quotes().current().at("silver");
  auto order = json::parse(c->get("/api/v1/orders/" + number).body);
  auto line = order.at("parcels").at(0).at("lines").at(0);
  EXPECT_EQ(line.at("unit_price").as_int64(), ring.price);
  EXPECT_EQ(line.at("quote").at("id").as_int64(), today.id);
  EXPECT_EQ(line.at("quote").at("won_per_gram").as_int64(), today.won_per_gram);
  EXPECT_EQ(line.at("quote").at("day").as_string(), today.day);
  ASSERT_TRUE(app->quotes().set_quote("silver", today.day, today.won_per_gram + 900, 0, "test").ok());
  EXPECT_GT(app->catalog().product(ring.slug)->price, ring.price);
  auto later = json::parse(c->get("/api/v1/orders/" + number).body).at("parcels").at(0).at("lines").at(0);
  EXPECT_EQ(later.at("unit_price").as_int64(), ring.price);
  EXPECT_EQ(later.at("quote").at("won_per_gram").as_int64(), today.won_per_gram);
  ASSERT_TRUE(app->quotes().set_quote("silver", today.day, today.won_per_gram, 0, today.source).ok());

  // The same form again (a double click): the same order, nothing taken twice.
  auto again = c->post_form("/checkout", form);
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.header("location"), location);
  EXPECT_EQ(stock_of(ring.slug), 1);
  auto mine = json::parse(c->get("/api/v1/orders").body);
  EXPECT_EQ(mine.at("orders").as_array().size(), 1u);
  EXPECT_NE(c->get("/account/orders").body.find(number), std::string::npos);
  EXPECT_TRUE(json::parse(c->get("/api/v1/cart").body).at("lines").as_array().empty());

  // The confirmation mail says how to pay.
  auto mails = app->database().read([](soci::session& s) { return mail::recent(s, 50); });
  auto sent = std::find_if(mails.begin(), mails.end(), [&](const auto& q) { return q.mail.to == email; });
  ASSERT_NE(sent, mails.end());
  EXPECT_NE(sent->mail.subject.find(number), std::string::npos);
  EXPECT_NE(sent->mail.body.find("KB국민은행"), std::string::npos);
  EXPECT_NE(sent->mail.body.find("/orders/" + number), std::string::npos);

  // The English page speaks English.
  auto en = c->get("/en/orders/" + number);
  EXPECT_EQ(en.status, 200);
  EXPECT_NE(en.body.find("Awaiting payment"), std::string::npos);
}

TEST_F(OrdersHttp, TheLastPieceGoesToOneShopperOnly) {
  const auto shop = own_workshop("orders-race", "경주 공방", "Race Atelier");
  const auto ring = own_ring(shop, "Last Ring", 1);
  auto a = signed_up(unique_email("race-a")), b = signed_up(unique_email("race-b"));
  add_to_cart(*a, ring.variants.at(0).id);
  add_to_cart(*b, ring.variants.at(0).id);
  HttpResponse ra, rb;
  std::thread ta([&] { ra = place(*a, "race-a-key"); });
  std::thread tb([&] { rb = place(*b, "race-b-key"); });
  ta.join();
  tb.join();
  std::vector<long> statuses{ra.status, rb.status};
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<long>{201, 409})) << ra.body << "\n" << rb.body;
  EXPECT_EQ(stock_of(ring.slug), 0);
  // The listing's "in stock" filter knows at once.
  auto in_stock = [&] {
    return json::parse(client()->get("/api/v1/products?availability=in_stock&workshop=" + shop.slug).body)
        .at("total")
        .as_int64();
  };
  EXPECT_EQ(in_stock(), 0);
  const auto& loser = ra.status == 409 ? ra : rb;
  EXPECT_EQ(json::parse(loser.body).at("error").at("field").as_string(), "cart");
  // The loser's cart still holds the piece (nothing half-done), now marked sold out.
  auto& loser_client = ra.status == 409 ? *a : *b;
  auto& winner_client = ra.status == 201 ? *a : *b;
  const std::string won(json::parse(ra.status == 201 ? ra.body : rb.body).at("number").as_string());
  auto cart = json::parse(loser_client.get("/api/v1/cart").body);
  ASSERT_EQ(cart.at("lines").as_array().size(), 1u);
  EXPECT_FALSE(cart.at("lines").at(0).at("available").as_bool());
  // And the API refuses an order without an Idempotency-Key, naming it.
  auto no_key =
      loser_client.request("POST", "/api/v1/orders", address_json() + "}", json_headers(loser_client));
  EXPECT_EQ(no_key.status, 400);
  EXPECT_EQ(json::parse(no_key.body).at("error").at("field").as_string(), "Idempotency-Key");
  // The winner cancels: the ring is back in stock and in the filter.
  EXPECT_EQ(
      winner_client.request("POST", "/api/v1/orders/" + won + "/cancel", "", json_headers(winner_client))
          .status,
      200);
  EXPECT_EQ(stock_of(ring.slug), 1);
  EXPECT_EQ(in_stock(), 1);
}

TEST_F(OrdersHttp, WorkshopsSeeTheirPartTheOperatorConfirmsAndCancels) {
  const auto shop_a = own_workshop("orders-a", "가 공방", "A Atelier");
  const auto shop_b = own_workshop("orders-b", "나 공방", "B Atelier");
  const auto ring_a = own_ring(shop_a, "Ring A", 2);
  const auto ring_b = own_ring(shop_b, "Ring B", 2);
  const std::string shopper_email = unique_email("split");
  auto shopper = signed_up(shopper_email);
  add_to_cart(*shopper, ring_a.variants.at(0).id);
  add_to_cart(*shopper, ring_b.variants.at(0).id);
  auto first = place(*shopper, "split-1-" + shop_a.slug);
  ASSERT_EQ(first.status, 201) << first.body;
  auto both = json::parse(first.body);
  const std::string number(both.at("number").as_string());
  ASSERT_EQ(both.at("parcels").as_array().size(), 2u);
  add_to_cart(*shopper, ring_b.variants.at(0).id);
  auto second = place(*shopper, "split-2-" + shop_a.slug);
  ASSERT_EQ(second.status, 201) << second.body;
  const std::string only_b(json::parse(second.body).at("number").as_string());

  auto vendor_a = logged_in(web::Role::vendor_staff, shop_a.slug);
  auto mine = order_in(json::parse(vendor_a->get("/api/v1/console/orders").body), number);
  ASSERT_FALSE(mine.empty());
  ASSERT_EQ(mine.at("parcels").as_array().size(), 1u);
  EXPECT_EQ(mine.at("parcels").at(0).at("workshop_slug").as_string(), shop_a.slug);
  EXPECT_EQ(mine.at("parcels").at(0).at("lines").as_array().size(), 1u);
  EXPECT_FALSE(mine.contains("address"));  // not before payment
  EXPECT_FALSE(mine.contains("customer"));
  EXPECT_TRUE(order_in(json::parse(vendor_a->get("/api/v1/console/orders").body), only_b).empty());
  EXPECT_EQ(vendor_a->get("/api/v1/console/orders/" + only_b).status, 404);
  auto console_page = vendor_a->get("/console/orders");
  EXPECT_EQ(console_page.status, 200);
  EXPECT_NE(console_page.body.find(number), std::string::npos);
  EXPECT_EQ(console_page.body.find(only_b), std::string::npos);
  EXPECT_EQ(vendor_a->get("/operator/orders").status, 403);

  auto op = logged_in(web::Role::operator_);
  auto paid = op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                          json_headers(*op));
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(json::parse(paid.body).at("status").as_string(), "paid");
  EXPECT_EQ(op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                        json_headers(*op))
                .status,
            409);
  EXPECT_EQ(op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"shipped"})",
                        json_headers(*op))
                .status,
            400);
  auto after = json::parse(vendor_a->get("/api/v1/console/orders/" + number).body);
  EXPECT_EQ(after.at("address").at("postcode").as_string(), "54538");
  EXPECT_EQ(after.at("parcels").at(0).at("status").as_string(), "to_ship");

  // The dashboard counts the order and the paid revenue of this workshop's part only.
  auto dash = json::parse(vendor_a->get("/api/v1/console/dashboard").body);
  EXPECT_EQ(dash.at("orders_30").as_int64(), 1);
  EXPECT_EQ(dash.at("to_ship").as_int64(), 1);
  EXPECT_EQ(dash.at("revenue_30").as_int64(), ring_a.price);
  EXPECT_EQ(dash.at("conversion_30").as_string(), "—");  // no views recorded in this test
  EXPECT_NE(vendor_a->get("/console").body.find("data-stat=\"revenue_30\""), std::string::npos);

  // Paid: the shopper can no longer cancel; the operator can, with a reason, and the stock comes back.
  EXPECT_EQ(
      shopper->request("POST", "/api/v1/orders/" + number + "/cancel", "", json_headers(*shopper)).status,
      409);
  auto no_reason = op->request("PUT", "/api/v1/operator/orders/" + number + "/status",
                               R"({"status":"cancelled"})", json_headers(*op));
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(json::parse(no_reason.body).at("error").at("field").as_string(), "reason");
  auto page_refusal =
      op->post_form("/operator/orders/" + number + "/cancel", {{"_csrf", op->cookie("csrf")}});
  EXPECT_EQ(page_refusal.status, 400);
  // A reason past 500 characters (as the field's maxlength counts) is refused beside that order's form,
  // which keeps it; one of 500 Korean characters (1,500 bytes) is a reason like any other.
  std::string long_reason;
  for (int i = 0; i < 167; ++i) long_reason += "환불함";
  auto too_long = op->post_form("/operator/orders/" + number + "/cancel",
                                {{"_csrf", op->cookie("csrf")}, {"reason", long_reason}});
  EXPECT_EQ(too_long.status, 400);
  EXPECT_NE(too_long.body.find("value=\"" + long_reason + "\" aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(too_long.body.find("id=\"reason-error-" + number + "\""), std::string::npos);
  EXPECT_EQ(stock_of(ring_a.slug), 1);
  std::string full_reason = "고객 요청으로 취소, 계좌 환불. ";  // 20 characters
  while (utf8_length(full_reason) < 500) full_reason += "환";
  auto cancelled = op->post_form("/operator/orders/" + number + "/cancel",
                                 {{"_csrf", op->cookie("csrf")}, {"reason", full_reason}});
  EXPECT_EQ(cancelled.status, 303);
  EXPECT_EQ(stock_of(ring_a.slug), 2);
  EXPECT_EQ(stock_of(ring_b.slug), 1);  // back from the first order; the second still holds one
  auto history = json::parse(shopper->get("/api/v1/orders/" + number).body);
  EXPECT_EQ(history.at("status").as_string(), "cancelled");
  EXPECT_EQ(history.at("events").as_array().size(), 3u);

  // The shopper cancels the unpaid one from its page.
  auto csrf = shopper->csrf_from("/orders/" + only_b);
  EXPECT_EQ(shopper->post_form("/orders/" + only_b + "/cancel", {{"_csrf", csrf}}).status, 303);
  EXPECT_EQ(stock_of(ring_b.slug), 2);
  auto list = op->get("/operator/orders?status=cancelled");
  EXPECT_NE(list.body.find(only_b), std::string::npos);
  // The operator finds a customer's orders by what they say on the phone.
  auto found = json::parse(op->get("/api/v1/operator/orders?q=" + HttpClient::encode(shopper_email)).body);
  EXPECT_EQ(found.at("orders").as_array().size(), 2u);
  EXPECT_EQ(json::parse(op->get("/api/v1/operator/orders?q=" + only_b).body).at("orders").as_array().size(),
            1u);
  EXPECT_TRUE(json::parse(op->get("/api/v1/operator/orders?q=nobody").body).at("orders").as_array().empty());

  // The shopper was told at each step: placed (twice), paid, cancelled with the reason (twice).
  auto mails = app->database().read([](soci::session& s) { return mail::recent(s, 100); });
  std::vector<std::string> subjects;
  for (const auto& q : mails)
    if (q.mail.to == shopper_email) subjects.push_back(q.mail.subject);
  EXPECT_EQ(subjects.size(), 5u);
  auto told = [&](const std::string& what) {
    return std::count_if(subjects.begin(), subjects.end(),
                         [&](const std::string& s) { return s.find(what) != std::string::npos; });
  };
  EXPECT_EQ(told("입금 확인"), 1);
  EXPECT_EQ(told("취소"), 2);
  auto refund = std::find_if(mails.begin(), mails.end(), [&](const auto& q) {
    return q.mail.to == shopper_email && q.mail.subject.find(number) != std::string::npos &&
           q.mail.subject.find("취소") != std::string::npos;
  });
  ASSERT_NE(refund, mails.end());
  EXPECT_NE(refund->mail.body.find("고객 요청으로 취소, 계좌 환불"), std::string::npos);
}

// Every route naming an order, called by another shopper, another workshop's staff and a visitor
// without the key: 401, 403 or 404,
// and the order does not change. The routes come from the router, so new ones are covered.
TEST_F(OrdersHttp, EveryOrderRouteRefusesOtherPeoplesOrders) {
  const auto shop = own_workshop("orders-victim", "피해 공방", "Victim Atelier");
  const auto ring = own_ring(shop, "Victim Ring", 2);
  auto owner = signed_up(unique_email("victim"));
  add_to_cart(*owner, ring.variants.at(0).id);
  auto placed = place(*owner, "victim-" + shop.slug);
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto fingerprint = [&] {
    return app->database().read([&](soci::session& sql) {
      std::string status, updated;
      sql << "SELECT status, updated_at FROM orders WHERE number = :n", soci::use(number), soci::into(status),
          soci::into(updated);
      return status + "|" + updated + "|" + std::to_string(stock_of(ring.slug));
    });
  };
  const auto before = fingerprint();
  const auto intruder_shop = own_workshop("orders-intruder", "침입 공방", "Intruder Atelier");
  std::vector<std::unique_ptr<HttpClient>> intruders;
  intruders.push_back(signed_up(unique_email("intruder")));
  intruders.push_back(logged_in(web::Role::vendor_staff, intruder_shop.slug));
  intruders.push_back(client());  // nobody logged in, no key
  intruders.back()->get("/");     // (a CSRF cookie, as a browser would have)
  int checked = 0;
  for (const auto& route : app->router().routes()) {
    if (route.pattern.find("{number}") == std::string::npos ||
        route.pattern.find("/operator/") != std::string::npos)
      continue;
    std::string path = route.pattern;
    path.replace(path.find("{number}"), 8, number);
    if (auto id = path.find("{id}"); id != std::string::npos) path.replace(id, 4, "1");
    if (auto photo = path.find("{photo}"); photo != std::string::npos) path.replace(photo, 7, "1");
    if (auto hash = path.find("{sha256}"); hash != std::string::npos)
      path.replace(hash, 8, std::string(64, 'a'));
    const std::string method(web::method_name(route.method));
    for (auto& intruder : intruders) {
      auto response =
          path.starts_with("/api/") || method == "GET"
              ? intruder->request(method, path, method == "GET" ? "" : "{}", json_headers(*intruder))
              : intruder->post_form(path, {{"_csrf", intruder->cookie("csrf")}, {"reason", "mine"}});
      // A page that needs a login sends a visitor who has none to log in first.
      const bool to_login = response.status == 303 && response.header("location").starts_with("/login");
      EXPECT_TRUE(response.status == 401 || response.status == 403 || response.status == 404 || to_login)
          << method << " " << path << " -> " << response.status;
      ++checked;
    }
  }
  EXPECT_GE(checked, 15);  // page, cancel form, API one, API cancel, console API: x3 intruders
  EXPECT_EQ(fingerprint(), before);
  // The operator routes refuse them too (roles; 401 without a login), and the owner still sees the order.
  for (auto& intruder : intruders) {
    const auto status = intruder
                            ->request("PUT", "/api/v1/operator/orders/" + number + "/status",
                                      R"({"status":"paid"})", json_headers(*intruder))
                            .status;
    EXPECT_TRUE(status == 401 || status == 403) << status;
  }
  EXPECT_EQ(owner->get("/orders/" + number).status, 200);
  EXPECT_EQ(owner->get("/orders/BR-000000-AAAAAAAA").status, 404);
  EXPECT_EQ(owner->get("/api/v1/orders/not-a-number").status, 404);
}

// Settlement statements: each workshop reads its own (page, API, CSV), whatever it puts in the query;
// the operator reads every workshop's; a bad month is refused naming the field.
TEST_F(OrdersHttp, EachWorkshopReadsOnlyItsOwnSettlement) {
  const auto shop_a = own_workshop("settle-a", "정산 가", "Settle A");
  const auto shop_b = own_workshop("settle-b", "정산 나", "Settle B");
  const auto ring_a = own_ring(shop_a, "Settle Ring A", 2);
  const auto ring_b = own_ring(shop_b, "Settle Ring B", 2);
  auto shopper = signed_up(unique_email("settle"));
  add_to_cart(*shopper, ring_a.variants.at(0).id);
  add_to_cart(*shopper, ring_b.variants.at(0).id);
  auto placed = place(*shopper, "settle-" + shop_a.slug);
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto op = logged_in(web::Role::operator_);
  auto vendor_a = logged_in(web::Role::vendor_staff, shop_a.slug);
  auto vendor_b = logged_in(web::Role::vendor_staff, shop_b.slug);
  // Unpaid: nothing to settle yet.
  EXPECT_EQ(json::parse(vendor_a->get("/api/v1/console/settlements").body).at("sales").as_int64(), 0);
  ASSERT_EQ(op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                        json_headers(*op))
                .status,
            200);

  auto a =
      json::parse(vendor_a->get("/api/v1/console/settlements?workshop=" + std::to_string(shop_b.id)).body);
  EXPECT_EQ(a.at("month").as_string(), "2026-11");  // the test clock's Seoul month
  EXPECT_EQ(a.at("workshop_slug").as_string(), shop_a.slug);
  EXPECT_EQ(a.at("sales").as_int64(), ring_a.price);
  ASSERT_EQ(a.at("lines").as_array().size(), 1u);
  EXPECT_EQ(a.at("lines").at(0).at("number").as_string(), number);
  EXPECT_EQ(a.at("payout").as_int64(),
            a.at("sales").as_int64() - a.at("commission").as_int64() + a.at("shipping").as_int64());
  auto b = json::parse(vendor_b->get("/api/v1/console/settlements").body);
  EXPECT_EQ(b.at("sales").as_int64(), ring_b.price);

  auto csv = vendor_a->get("/console/settlements.csv?month=2026-11");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("content-type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv.body.find(number), std::string::npos);
  EXPECT_NE(csv.body.find(ring_a.variants.at(0).sku), std::string::npos);
  EXPECT_EQ(csv.body.find(ring_b.variants.at(0).sku), std::string::npos);
  auto page = vendor_a->get("/console/settlements");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-stat=\"payout\""), std::string::npos);
  EXPECT_NE(page.body.find(number), std::string::npos);

  auto bad = vendor_a->get("/api/v1/console/settlements?month=2026-13");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body).at("error").at("field").as_string(), "month");
  EXPECT_EQ(vendor_a->get("/console/settlements?month=soon").status, 400);
  EXPECT_TRUE(json::parse(vendor_a->get("/api/v1/console/settlements?month=2026-10").body)
                  .at("lines")
                  .as_array()
                  .empty());

  auto all = json::parse(op->get("/api/v1/operator/settlements?month=2026-11").body);
  int found = 0;
  for (const auto& w : all.at("workshops").as_array())
    if (w.at("workshop_slug").as_string() == shop_a.slug || w.at("workshop_slug").as_string() == shop_b.slug)
      ++found;
  EXPECT_EQ(found, 2);
  EXPECT_GE(all.at("payout").as_int64(), a.at("payout").as_int64() + b.at("payout").as_int64());
  EXPECT_EQ(op->get("/operator/settlements").status, 200);
  // The operator opens one workshop's statement (page, JSON, CSV); a workshop cannot.
  auto one = json::parse(op->get("/api/v1/operator/settlements/" + shop_a.slug + "?month=2026-11").body);
  EXPECT_EQ(one.at("sales").as_int64(), ring_a.price);
  EXPECT_EQ(one.at("lines").at(0).at("number").as_string(), number);
  auto one_page = op->get("/operator/settlements/" + shop_a.slug);
  EXPECT_EQ(one_page.status, 200);
  EXPECT_NE(one_page.body.find(number), std::string::npos);
  EXPECT_NE(op->get("/operator/settlements/" + shop_a.slug + "/csv").body.find(number), std::string::npos);
  EXPECT_EQ(op->get("/api/v1/operator/settlements/no-such-workshop").status, 404);
  EXPECT_EQ(vendor_b->get("/api/v1/operator/settlements/" + shop_a.slug).status, 403);
  EXPECT_EQ(vendor_b->get("/operator/settlements/" + shop_a.slug + "/csv").status, 403);
  EXPECT_EQ(vendor_a->get("/api/v1/operator/settlements").status, 403);
  EXPECT_EQ(shopper->get("/api/v1/console/settlements").status, 403);
}

// A guest checks out with an email instead of an account: the order opens with the key in its link
// (and mail), not without it; the guest may cancel it with that key; a double submit answers the same.
TEST_F(OrdersHttp, AGuestOrdersWithAnEmailAndOpensTheOrderWithItsKey) {
  const auto shop = own_workshop("orders-guest", "손님 공방", "Guest Atelier");
  const auto ring = own_ring(shop, "Guest Ring", 2);
  auto guest = client();
  guest->get("/");
  add_to_cart(*guest, ring.variants.at(0).id);
  auto page = guest->get("/checkout");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"email\""), std::string::npos);
  auto form = address_fields();
  form.push_back({"_csrf", guest->cookie("csrf")});
  form.push_back({"checkout_key", field_of(page.body, "checkout_key")});
  form.push_back({"expected_total", field_of(page.body, "expected_total")});
  auto no_email = guest->post_form("/checkout", form);
  EXPECT_EQ(no_email.status, 400);
  EXPECT_NE(no_email.body.find("email-error"), std::string::npos);
  EXPECT_EQ(stock_of(ring.slug), 2);
  const std::string email = unique_email("guest");
  form.push_back({"email", email});
  auto placed = guest->post_form("/checkout", form);
  ASSERT_EQ(placed.status, 303) << placed.body;
  std::smatch m;
  const std::string location = placed.header("location");
  ASSERT_TRUE(std::regex_search(
      location, m, std::regex("/orders/(BR-[0-9]{6}-[A-Z0-9]{8})\\?key=([A-Za-z0-9_-]{32})&placed=1")))
      << location;
  const std::string number = m[1].str(), key = m[2].str();
  EXPECT_EQ(stock_of(ring.slug), 1);
  EXPECT_EQ(guest->post_form("/checkout", form).header("location"), location);  // double submit

  auto shown = guest->get("/orders/" + number + "?key=" + key);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("KB국민은행"), std::string::npos);
  EXPECT_EQ(guest->get("/orders/" + number).status, 404);
  EXPECT_EQ(guest->get("/orders/" + number + "?key=" + std::string(key.size(), 'A')).status, 404);
  EXPECT_EQ(client()->get("/orders/" + number + "?key=").status, 404);
  auto mails = app->database().read([](soci::session& s) { return mail::recent(s, 50); });
  auto sent = std::find_if(mails.begin(), mails.end(), [&](const auto& q) { return q.mail.to == email; });
  ASSERT_NE(sent, mails.end());
  EXPECT_NE(sent->mail.body.find("/orders/" + number + "?key=" + key), std::string::npos);
  // The workshop's view never carries the key.
  auto vendor = logged_in(web::Role::vendor_staff, shop.slug);
  EXPECT_EQ(vendor->get("/api/v1/console/orders/" + number).body.find(key), std::string::npos);

  // Without the key nobody cancels it; with it, the guest does.
  auto stranger = client();
  stranger->get("/");
  EXPECT_EQ(
      stranger->post_form("/orders/" + number + "/cancel", {{"_csrf", stranger->cookie("csrf")}}).status,
      404);
  auto cancelled =
      guest->post_form("/orders/" + number + "/cancel", {{"_csrf", guest->cookie("csrf")}, {"key", key}});
  EXPECT_EQ(cancelled.status, 303);
  EXPECT_EQ(cancelled.header("location"), "/orders/" + number + "?key=" + key);
  EXPECT_EQ(stock_of(ring.slug), 2);
  EXPECT_NE(guest->get("/orders/" + number + "?key=" + key).body.find("취소됨"), std::string::npos);
}

}  // namespace brilliant::test
