// Delivery, purchase confirmation and the workshops' ledger end to end on both databases: a paid order is
// shipped, the carrier's export marks it delivered (the shopper is mailed, the waybill links to the
// operator's tracking page), the shopper confirms the purchase on the order page, the sale and its
// commission land in that workshop's ledger only, and the operator closes the month once, downloads the
// bulk-transfer file and marks it paid.
#include <boost/json.hpp>

#include "db/database.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace json = boost::json;

class DeliveryHttp : public ShopTest {};

TEST_F(DeliveryHttp, ShippedDeliveredConfirmedCreditedClosedAndPaid) {
  const auto shop = own_workshop("ledger", "원장 공방", "Ledger Atelier");
  const auto rival = own_workshop("rivalledger", "이웃 공방", "Rival Atelier");
  const auto ring = own_ring(shop, "Ledger Ring", 3);
  auto c = signed_up(unique_email("ledger"));
  add_to_cart(*c, ring.variants.at(0).id);
  auto placed = place(*c, "ledger-order-1");
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto op = logged_in(web::Role::operator_);
  const std::vector<std::string> h{"Content-Type: application/json", "X-CSRF-Token: " + op->cookie("csrf")};
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  const auto cancel_offered = [&] {
    return op->get("/operator/orders?q=" + number).body.find("/operator/orders/" + number + "/cancel") !=
           std::string::npos;
  };
  EXPECT_TRUE(cancel_offered());
  pay_and_ship(op.get(), *maker, number, "cj", "5566-7788-9900");
  EXPECT_FALSE(cancel_offered());  // shipped: it comes back as a return
  // The operator's tracking page for CJ, then the carrier's export.
  auto links = op->request(
      "PUT", "/api/v1/operator/carriers",
      R"({"carriers":[{"carrier":"cj","tracking_url":"https://trace.example/cj?no={tracking}"}]})", h);
  ASSERT_EQ(links.status, 200) << links.body;
  auto page = op->get("/operator/delivery");
  EXPECT_EQ(page.status, 200);
  auto imported = op->post_form(
      "/operator/delivery/import",
      {{"_csrf", op->cookie("csrf")},
       {"csv",
        "택배사,운송장번호,배송상태\nCJ대한통운,556677889900,배송완료\nCJ대한통운,000011112222,배송완료\n"}});
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_NE(imported.body.find("id=\"import-result\""), std::string::npos);
  EXPECT_NE(imported.body.find("000011112222"), std::string::npos);  // said, not matched
  int delivered_mails = 0;
  app->database().read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%" + number + "%' AND subject LIKE '%도착%'",
        soci::into(delivered_mails);
  });
  EXPECT_EQ(delivered_mails, 1);

  // The shopper sees the tracking link and confirms the purchase on the order page.
  auto shown = c->get("/orders/" + number);
  EXPECT_NE(shown.body.find("https://trace.example/cj?no=556677889900"), std::string::npos);
  ASSERT_NE(shown.body.find("id=\"confirm-purchase\""), std::string::npos);
  auto stranger = signed_up(unique_email("ledger-stranger"));
  EXPECT_EQ(
      stranger->post_form("/orders/" + number + "/confirm", {{"_csrf", stranger->cookie("csrf")}}).status,
      404);
  auto confirmed = c->post_form("/orders/" + number + "/confirm", {{"_csrf", c->cookie("csrf")}});
  ASSERT_EQ(confirmed.status, 303) << confirmed.body;
  EXPECT_NE(c->get(confirmed.header("location")).body.find("id=\"order-confirmed\""), std::string::npos);

  // The sale and its commission are in this workshop's ledger, and only there.
  auto ledger = json::parse(maker->get("/api/v1/console/ledger").body);
  ASSERT_EQ(ledger.at("entries").as_array().size(), 2u);
  EXPECT_EQ(ledger.at("entries").at(0).at("kind").as_string(), "sale");
  EXPECT_EQ(ledger.at("entries").at(0).at("amount").as_int64(), ring.price);
  const auto payout = ledger.at("statement").at("payout").as_int64();
  EXPECT_LT(payout, ring.price);
  auto other = logged_in(web::Role::vendor_staff, rival.slug);
  EXPECT_EQ(json::parse(other->get("/api/v1/console/ledger").body).at("entries").as_array().size(), 0u);
  // This month's page offers the month before, not the one still to come; last month's offers this one.
  const auto this_month = maker->get("/console/ledger");
  EXPECT_EQ(this_month.status, 200);
  EXPECT_NE(this_month.body.find("rel=\"prev\""), std::string::npos);
  EXPECT_EQ(this_month.body.find("rel=\"next\""), std::string::npos);
  EXPECT_FALSE(ledger.at("has_next").as_bool());
  const auto earlier = ledger.at("previous_month").as_string();
  EXPECT_NE(maker->get("/console/ledger?month=" + std::string(earlier)).body.find("rel=\"next\""),
            std::string::npos);

  // The month ends; the operator closes it once, downloads the batch and marks it paid.
  const auto month = format_seoul(clock->now()).substr(0, 7);
  clock->advance(std::chrono::hours(24 * 32));
  op = logged_in(web::Role::operator_);  // sessions last 30 days
  const std::vector<std::string> h2{"Content-Type: application/json", "X-CSRF-Token: " + op->cookie("csrf")};
  auto closed = op->request("POST", "/api/v1/operator/payouts/" + month + "/close", "{}", h2);
  ASSERT_EQ(closed.status, 201) << closed.body;
  bool found = false;
  const auto period = json::parse(closed.body);
  for (const auto& s : period.at("statements").as_array())
    if (s.at("workshop_slug").as_string() == shop.slug) found = s.at("payout").as_int64() == payout;
  EXPECT_TRUE(found);
  EXPECT_EQ(op->request("POST", "/api/v1/operator/payouts/" + month + "/close", "{}", h2).status, 200);
  auto csv = op->get("/operator/payouts/" + month + "/payouts.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("은행코드,계좌번호,예금주,금액,메모"), std::string::npos);
  EXPECT_EQ(op->get("/operator/payouts?month=" + month).status, 200);
  auto paid = op->request("POST", "/api/v1/operator/payouts/" + month + "/paid", "{}", h2);
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_TRUE(json::parse(paid.body).at("paid").as_bool());
  EXPECT_EQ(logged_in(web::Role::vendor_staff, shop.slug)->get("/api/v1/operator/payouts").status, 403);
}

// The shopper's orders show each piece's picture, the one the cart shows: on the list (the order's first
// piece), on the order's lines, in the API; a product without one shows none rather than a broken image.
TEST_F(DeliveryHttp, OrdersShowTheirPiecesPictures) {
  const auto d = delivered("pictures", "cj", "520000000031");
  const auto mine = [&] {
    return json::parse(d.shopper->get("/api/v1/orders").body).at("orders").at(0).as_object();
  };
  EXPECT_FALSE(mine().contains("image_url"));
  EXPECT_EQ(d.shopper->get("/account/orders").body.find("order-thumb"), std::string::npos);
  auto photo =
      d.maker->request("POST", "/api/v1/console/products/" + d.ring.slug + "/photos", test_jpeg(900, 900),
                       {"Content-Type: image/jpeg", "X-CSRF-Token: " + d.maker->cookie("csrf")});
  ASSERT_EQ(photo.status, 201) << photo.body;
  const auto order = mine();
  ASSERT_TRUE(order.contains("image_url")) << json::serialize(order);
  const std::string url(order.at("image_url").as_string());
  EXPECT_EQ(url.rfind("/media/photos/", 0), 0u) << url;
  EXPECT_EQ(order.at("parcels").at(0).at("lines").at(0).at("image_url").as_string(), url);
  EXPECT_EQ(d.shopper->get(url).status, 200);
  EXPECT_NE(d.shopper->get("/account/orders").body.find("class=\"order-thumb\" src=\"" + url),
            std::string::npos);
  EXPECT_NE(d.shopper->get("/orders/" + d.number).body.find("src=\"" + url), std::string::npos);
  // The account page leads with the latest orders, the same rows; an account with none has no such list.
  const auto account = d.shopper->get("/account").body;
  const auto recent = account.find("id=\"recent-orders\"");
  ASSERT_NE(recent, std::string::npos);
  EXPECT_NE(account.find(d.number, recent), std::string::npos);
  EXPECT_NE(account.find("src=\"" + url, recent), std::string::npos);
  EXPECT_NE(account.find(">배송 완료</span>", recent), std::string::npos);
  EXPECT_EQ(signed_up(unique_email("none"))->get("/account").body.find("recent-orders"), std::string::npos);
}

// The same steps through the JSON API alone: the workshop and the operator mark parcels delivered, the
// carrier's export arrives as a CSV body, the shopper confirms, and the operator adjusts a ledger.
TEST_F(DeliveryHttp, EveryStepHasItsApi) {
  const auto shop = own_workshop("ledgerapi", "API 공방", "API Atelier");
  const auto ring = own_ring(shop, "Api Ledger Ring", 3);
  auto c = signed_up(unique_email("ledgerapi"));
  auto op = logged_in(web::Role::operator_);
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  const std::vector<std::string> oh{"Content-Type: application/json", "X-CSRF-Token: " + op->cookie("csrf")};
  const std::vector<std::string> mh{"Content-Type: application/json",
                                    "X-CSRF-Token: " + maker->cookie("csrf")};
  std::vector<std::string> numbers;
  for (int i = 0; i < 3; ++i) {
    add_to_cart(*c, ring.variants.at(0).id);
    auto placed = place(*c, "ledger-api-" + std::to_string(i) + "-" + unique_email("k"));
    ASSERT_EQ(placed.status, 201) << placed.body;
    numbers.emplace_back(json::parse(placed.body).at("number").as_string());
    pay_and_ship(op.get(), *maker, numbers.back(), "hanjin", "70000000000" + std::to_string(i));
  }
  auto by_workshop = maker->request("POST", "/api/v1/console/orders/" + numbers[0] + "/delivery", "{}", mh);
  ASSERT_EQ(by_workshop.status, 200) << by_workshop.body;
  auto by_operator = op->request("POST", "/api/v1/operator/orders/" + numbers[1] + "/delivery", "{}", oh);
  ASSERT_EQ(by_operator.status, 200) << by_operator.body;
  auto by_export = op->request("POST", "/api/v1/operator/deliveries",
                               "carrier,tracking,status\nhanjin,700000000002,DELIVERED\n",
                               {"Content-Type: text/csv", "X-CSRF-Token: " + op->cookie("csrf")});
  ASSERT_EQ(by_export.status, 200) << by_export.body;
  EXPECT_EQ(json::parse(by_export.body).at("delivered").as_int64(), 1);
  EXPECT_EQ(op->get("/api/v1/operator/carriers").status, 200);
  auto confirmed =
      c->request("POST", "/api/v1/orders/" + numbers[2] + "/confirmation", "{}", json_headers(*c));
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(json::parse(confirmed.body).at("parcels").at(0).at("status").as_string(), "confirmed");
  auto adjusted =
      op->request("POST", "/api/v1/operator/ledger/adjustments",
                  R"({"workshop":")" + shop.slug + R"(","amount":-3000,"memo":"photo session"})", oh);
  ASSERT_EQ(adjusted.status, 201) << adjusted.body;
  // The month's payouts answer (on the shared PostgreSQL database another test may have closed this
  // month already); the workshop's own ledger holds the adjustment.
  EXPECT_EQ(op->get("/api/v1/operator/payouts?month=" + format_seoul(clock->now()).substr(0, 7)).status, 200);
  const auto mine = json::parse(maker->get("/api/v1/console/ledger").body);
  bool adjusted_seen = false;
  for (const auto& e : mine.at("entries").as_array())
    adjusted_seen =
        adjusted_seen || (e.at("kind").as_string() == "adjustment" && e.at("amount").as_int64() == -3000);
  EXPECT_TRUE(adjusted_seen);
  // The page's form names the workshop from a list and refuses an amount that is not a number.
  const auto page = op->get("/operator/payouts");
  EXPECT_NE(page.body.find("<option value=\"" + shop.slug + "\">API 공방</option>"), std::string::npos);
  const auto token = op->cookie("csrf");
  auto typo =
      op->post_form("/operator/payouts/adjustments",
                    {{"_csrf", token}, {"workshop", shop.slug}, {"amount", "-2o00"}, {"memo", "box"}});
  EXPECT_EQ(typo.status, 400);
  EXPECT_NE(typo.body.find(R"(id="adj-amount-error")"), std::string::npos) << typo.body;
  EXPECT_NE(typo.body.find(R"(value="-2o00")"), std::string::npos);  // what was typed is kept
  EXPECT_NE(typo.body.find(R"(value=")" + shop.slug + R"(" selected)"), std::string::npos);
  auto none = op->post_form("/operator/payouts/adjustments",
                            {{"_csrf", token}, {"workshop", ""}, {"amount", "-2000"}, {"memo", "box"}});
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(none.body.find(R"(id="adj-workshop-error")"), std::string::npos);
  auto form =
      op->post_form("/operator/payouts/adjustments",
                    {{"_csrf", token}, {"workshop", shop.slug}, {"amount", "-2,000"}, {"memo", "box"}});
  EXPECT_EQ(form.status, 303);
  int entries = 0;
  const auto ledger = json::parse(maker->get("/api/v1/console/ledger").body);
  for (const auto& e : ledger.at("entries").as_array()) entries += e.at("kind").as_string() == "adjustment";
  EXPECT_EQ(entries, 2);  // the API's and the form's; the refused ones wrote nothing
}

}  // namespace brilliant::test

namespace brilliant::test {

// An exchange for another size: asked over the API within the 7 days (the size sold out is refused, the
// size wanted is set aside at once), approved by the workshop, sent back, received and ended as exchanged
// with no refund; a replacement parcel in the new size then waits for the workshop to ship it at no charge,
// and the order page shows it; outside the window a return is refused with the date.
TEST_F(DeliveryHttp, AnExchangeForAnotherSize) {
  auto d = delivered("exchange", "lotte", "520000000001");
  const auto& [shop, ring, c, op, maker, email, number, line] = d;
  const std::vector<std::string> oh{"Content-Type: application/json", "X-CSRF-Token: " + op->cookie("csrf")};
  const std::vector<std::string> mh{"Content-Type: application/json",
                                    "X-CSRF-Token: " + maker->cookie("csrf")};
  const auto ask = [&](const std::string& size) {
    return c->request("POST", "/api/v1/orders/" + number + "/returns",
                      R"({"lines":[)" + line + R"(],"kind":"exchange","reason":"wrong_size")" + size + "}",
                      json_headers(*c));
  };
  auto no_size = ask("");
  EXPECT_EQ(no_size.status, 400);
  EXPECT_NE(no_size.body.find("exchange_variant_id"), std::string::npos);
  const auto size15 = std::to_string(ring.variants.at(1).id);
  auto sold_out = ask(R"(,"exchange_variant_id":)" + size15);
  EXPECT_EQ(sold_out.status, 409) << sold_out.body;
  EXPECT_NE(sold_out.body.find("out_of_stock"), std::string::npos);
  // The form offers the sizes, the sold-out one disabled.
  auto form = c->get("/orders/" + number + "/return");
  EXPECT_NE(form.body.find("value=\"" + size15 + "\" disabled"), std::string::npos);
  app->database().write([&](soci::session& sql) {
    sql << "UPDATE variants SET stock = 1 WHERE id = :v", soci::use(ring.variants.at(1).id);
  });
  app->catalog().stock_changed({ring.id}, {ring.id});
  auto asked = ask(R"(,"exchange_variant_id":)" + size15);
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_TRUE(json::parse(asked.body).at("size_held").as_bool());
  const auto mine = [&] { return json::parse(c->get("/api/v1/orders").body).at("orders").at(0).as_object(); };
  EXPECT_EQ(mine().at("return_step").as_string(), "exchange_requested");
  EXPECT_EQ(app->catalog().product(ring.slug)->variants.at(1).stock, 0);  // set aside for this exchange
  const auto id = std::to_string(json::parse(asked.body).at("id").as_int64());
  ASSERT_EQ(
      maker->request("POST", "/api/v1/console/returns/" + id + "/decision", R"({"action":"approve"})", mh)
          .status,
      200);
  EXPECT_EQ(mine().at("return_step").as_string(), "exchange_approved");
  EXPECT_NE(c->get("/account/orders").body.find(">교환 승인</span>"), std::string::npos);
  // The studio's returns station expects it: approved, then on its way with its waybill, then arrived.
  auto station = logged_in(web::Role::station_staff);
  const auto coming = [&]() -> std::string {  // this order's state in the station's list ("": not there)
    auto r = station->get("/api/v1/returns/coming");
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = json::parse(r.body);
    for (const auto& x : body.at("returns").as_array())
      if (x.at("order").as_string() == number)
        return std::string(x.at("status").as_string()) + " " + std::string(x.at("tracking").as_string());
    return "";
  };
  EXPECT_EQ(coming(), "approved ");
  ASSERT_EQ(c->request("POST", "/api/v1/orders/" + number + "/returns/" + id + "/shipment",
                       R"({"carrier":"lotte","tracking":"520000000002"})", json_headers(*c))
                .status,
            200);
  EXPECT_EQ(coming(), "shipped_back 520000000002");
  EXPECT_NE(station->get("/station/returns").body.find("data-order=\"" + number + "\""), std::string::npos);
  auto done =
      maker->request("POST", "/api/v1/console/returns/" + id + "/decision", R"({"action":"receive"})", mh);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(coming(), "");
  const auto exchanged = json::parse(done.body).as_object();
  EXPECT_EQ(exchanged.at("status").as_string(), "exchanged");
  EXPECT_EQ(exchanged.at("refund_amount").as_int64(), 0);
  ASSERT_TRUE(exchanged.contains("replacement_parcel"));
  // The replacement waits for the workshop: to ship, size 15, nothing to pay; shipped like any parcel.
  auto console = maker->request("GET", "/api/v1/console/orders/" + number, "", mh);
  ASSERT_EQ(console.status, 200) << console.body;
  const auto parcels = json::parse(console.body).at("parcels").as_array();
  ASSERT_EQ(parcels.size(), 2u);
  EXPECT_EQ(parcels.at(1).at("status").as_string(), "to_ship");
  EXPECT_EQ(parcels.at(1).at("replaces_return").as_int64(), std::stoll(id));
  EXPECT_EQ(parcels.at(1).at("lines").at(0).at("sku").as_string(), ring.variants.at(1).sku);
  EXPECT_EQ(parcels.at(1).at("lines").at(0).at("total").as_int64(), 0);
  EXPECT_EQ(app->catalog().product(ring.slug)->variants.at(0).stock, 3);  // size 13 back on the shelf
  // The shopper's list: one piece bought (the replacement is not a second), its replacement being prepared.
  EXPECT_FALSE(mine().contains("return_step"));  // the exchange is done: its parcel tells the rest
  EXPECT_EQ(mine().at("pieces").as_int64(), 1);
  EXPECT_EQ(mine().at("summary").as_string().find(" 외 "), std::string::npos) << mine().at("summary");
  EXPECT_EQ(mine().at("progress").as_string(), "to_ship");
  EXPECT_NE(c->get("/account/orders").body.find(">배송 준비</span>"), std::string::npos);
  auto shipped = maker->request("POST", "/api/v1/console/orders/" + number + "/shipment",
                                R"({"carrier":"cj","tracking":"520000000003"})", mh);
  ASSERT_EQ(shipped.status, 200) << shipped.body;
  EXPECT_EQ(mine().at("progress").as_string(), "shipped");
  EXPECT_NE(c->get("/account/orders").body.find(">배송 중</span>"), std::string::npos);
  auto page = c->get("/orders/" + number);
  EXPECT_NE(page.body.find("data-replacement"), std::string::npos);
  EXPECT_NE(page.body.find("520000000003"), std::string::npos);
  // Ten days later a change of mind is out of its window, and says when it closed.
  clock->advance(std::chrono::hours(24 * 10));
  auto late = c->request(
      "POST", "/api/v1/orders/" + number + "/returns",
      R"({"lines":[)" + line + R"(],"reason":"change_of_mind","refund_account":"국민 123401-04-567890 김"})",
      json_headers(*c));
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_NE(late.body.find("return_window_closed"), std::string::npos);
}

// The return form on the page: sent back with an error it keeps the pieces ticked, the reason, the details
// and the refund account typed; a week after delivery it no longer offers a change of mind or a size
// exchange (says why), while a defect still may be reported.
TEST_F(DeliveryHttp, TheReturnFormKeepsWhatWasTypedAndClosesAChangeOfMindAfterAWeek) {
  const auto d = delivered("returnform", "cj", "520000000009");
  const auto &number = d.number, &line = d.line;
  const auto& c = d.shopper;
  const auto send = [&](const std::string& reason) {
    return c->post_form("/orders/" + number + "/return", {{"_csrf", c->cookie("csrf")},
                                                          {"lines", line},
                                                          {"kind", "return"},
                                                          {"reason", reason},
                                                          {"details", "고리가 헐거워요 <꼭>"},
                                                          {"refund_account", "국민 123401-04-567890"}});
  };
  const auto kept = [&](const HttpResponse& r) {
    EXPECT_NE(r.body.find("value=\"" + line + "\" checked"), std::string::npos);
    EXPECT_NE(r.body.find(">고리가 헐거워요 &lt;꼭&gt;</textarea>"), std::string::npos);
    EXPECT_NE(r.body.find("value=\"국민 123401-04-567890\""), std::string::npos);
  };
  auto unknown = send("bored");
  EXPECT_EQ(unknown.status / 100, 4);
  kept(unknown);
  auto fresh = c->get("/orders/" + number + "/return");
  EXPECT_EQ(fresh.body.find("id=\"choice-closed\""), std::string::npos);
  EXPECT_NE(fresh.body.find("value=\"change_of_mind\" required>"), std::string::npos);

  clock->advance(std::chrono::hours(24 * 8));
  auto late = c->get("/orders/" + number + "/return");
  EXPECT_NE(late.body.find("id=\"choice-closed\""), std::string::npos);
  EXPECT_NE(late.body.find("value=\"change_of_mind\" required disabled"), std::string::npos);
  EXPECT_NE(late.body.find("value=\"wrong_size\" required disabled"), std::string::npos);
  EXPECT_NE(late.body.find("value=\"defective\" required>"), std::string::npos);
  auto refused = send("change_of_mind");  // sent anyway (an old tab): refused, and nothing lost
  EXPECT_EQ(refused.status, 422);
  kept(refused);
  EXPECT_NE(refused.body.find("value=\"change_of_mind\" required checked disabled"), std::string::npos);
  auto defect = send("defective");
  EXPECT_EQ(defect.status, 303) << defect.body;
}

}  // namespace brilliant::test
