// Checkout under pressure, end to end on both databases: many checkouts of one cart at once, a key
// replayed with another request, a guest's hold on stock, a stale stock form after a sale, cached pages
// after a sale and a cancellation, a cookieless client's cart, the operator's landing page, checkout
// attempts limited, and a workshop's waybill reaching the shopper.
#include <boost/json.hpp>
#include <thread>

#include "db/database.hpp"
#include "http/shop_testing.hpp"
#include "mail/outbox.hpp"

namespace brilliant::test {
namespace json = boost::json;

class CheckoutHttp : public ShopTest {};

// Issue 20, defect 5: a dozen checkouts of one cart at once (two tabs, a client retrying with new
// Idempotency-Keys) make one order; the others are refused (409) and take no stock.
TEST_F(CheckoutHttp, OneCartMakesOneOrderHoweverManyCheckoutsRaceForIt) {
  const auto shop = own_workshop("orders-tabs", "탭 공방", "Tabs Atelier");
  const auto ring = own_ring(shop, "Tabs Ring", 10);
  auto c = signed_up(unique_email("tabs"));
  add_to_cart(*c, ring.variants.at(0).id);
  const auto user_id = json::parse(c->get("/api/v1/me").body).at("id").as_int64();
  const auto token = app->accounts().create_api_token(user_id, "tabs");
  const auto cart = c->cookie("cart");
  ASSERT_FALSE(cart.empty());
  constexpr int tabs = 12;
  std::vector<HttpResponse> answers(tabs);
  std::vector<std::thread> threads;
  for (int i = 0; i < tabs; ++i)
    threads.emplace_back([&, i] {
      HttpClient tab(base());
      answers[i] =
          tab.request("POST", "/api/v1/orders", address_json() + "}",
                      {"Content-Type: application/json", "Authorization: Bearer " + token,
                       "X-Cart-Token: " + cart, "Idempotency-Key: tab-" + std::to_string(i) + "-" + cart});
    });
  for (auto& t : threads) t.join();
  // The others: 409 (the cart's lines were taken inside their transaction) or, once the winner has
  // committed, 400 because the cart is empty.
  int placed = 0;
  for (const auto& a : answers) {
    if (a.status == 201) {
      ++placed;
      continue;
    }
    const auto code = json::parse(a.body).at("error").at("code").as_string();
    EXPECT_TRUE((a.status == 409 && code == "cart_already_ordered") ||
                (a.status == 400 && code == "cart_empty"))
        << a.status << " " << a.body;
  }
  EXPECT_EQ(placed, 1);
  EXPECT_EQ(stock_of(ring.slug), 9);
  EXPECT_EQ(json::parse(c->get("/api/v1/orders").body).at("orders").as_array().size(), 1u);
}

// Issue 20, defect 10: the same Idempotency-Key with another request is a 422, not the old order; a
// total that is not a number is refused naming the field.
TEST_F(CheckoutHttp, AKeyReplayedWithAnotherRequestIsRefused) {
  const auto shop = own_workshop("orders-replay", "재전송 공방", "Replay Atelier");
  const auto ring = own_ring(shop, "Replay Ring", 5);
  auto c = signed_up(unique_email("replay"));
  add_to_cart(*c, ring.variants.at(0).id);
  const std::string key = "replay-key-" + shop.slug;
  auto first = place(*c, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto same = place(*c, key);
  EXPECT_EQ(same.status, 201);
  EXPECT_EQ(json::parse(same.body).at("number"), json::parse(first.body).at("number"));
  auto other =
      c->request("POST", "/api/v1/orders",
                 R"({"recipient":"Lee","phone":"01023456789","postcode":"54538","address":"2 Other-ro"})",
                 json_headers(*c, key));
  EXPECT_EQ(other.status, 422) << other.body;
  EXPECT_EQ(json::parse(other.body).at("error").at("code").as_string(), "checkout_key_reused");
  EXPECT_EQ(stock_of(ring.slug), 4);

  add_to_cart(*c, ring.variants.at(0).id);
  auto form = checkout_form(*c);
  form.back().second = "12abc";  // expected_total
  auto refused = c->post_form("/checkout", form);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("expected_total"), std::string::npos);
  EXPECT_EQ(stock_of(ring.slug), 4);
}

// Issue 20: a guest's unpaid order holds its piece for the operator's guest hold (60 minutes by
// default), not three days; past it the order is cancelled and the stock is back.
TEST_F(CheckoutHttp, AGuestsUnpaidOrderHoldsStockOnlyForTheGuestHold) {
  const auto shop = own_workshop("orders-hold", "보류 공방", "Hold Atelier");
  const auto ring = own_ring(shop, "Hold Ring", 1);
  auto guest = client();
  guest->get("/");
  add_to_cart(*guest, ring.variants.at(0).id);
  auto form = checkout_form(*guest);
  form.push_back({"email", unique_email("hold")});
  ASSERT_EQ(guest->post_form("/checkout", form).status, 303);
  EXPECT_EQ(stock_of(ring.slug), 0);
  const int minutes = static_cast<int>(app->brand().current()->guest_hold_minutes);
  EXPECT_EQ(minutes, 60);
  clock->advance(std::chrono::minutes(minutes - 1));
  app->orders().cancel_overdue();
  EXPECT_EQ(stock_of(ring.slug), 0);
  clock->advance(std::chrono::minutes(2));
  app->orders().cancel_overdue();
  EXPECT_EQ(stock_of(ring.slug), 1);
}

// Issue 16: a save of the workshop's stock table refreshes only the pieces it changed; their pages (cached
// before the save) show the new count at once, in both languages.
TEST_F(CheckoutHttp, AStockTableSaveShowsOnThePiecesOwnPage) {
  const auto shop = own_workshop("stock-table", "재고표 공방", "Stock Table Atelier");
  const auto ring = own_ring(shop, "Stock Table Ring", 8);
  const auto id = std::to_string(ring.variants.at(0).id);
  auto visitor = client();
  const std::string page = "/products/" + ring.slug;
  ASSERT_EQ(visitor->get(page).status, 200);  // cached now
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  ASSERT_EQ(maker->get("/console/stock").status, 200);
  auto saved = maker->post_form(
      "/console/stock", {{"_csrf", maker->cookie("csrf")}, {"stock_" + id, "2"}, {"seen_" + id, "8"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_NE(saved.header("location").find("saved=1"), std::string::npos) << saved.header("location");
  EXPECT_NE(visitor->get(page).body.find("2개 남음"), std::string::npos);
  EXPECT_NE(visitor->get("/en" + page).body.find("2 left"), std::string::npos);
}

// Issue 20, defect 3: a stock page or API read made before a sale never puts the sold pieces back.
TEST_F(CheckoutHttp, AStaleStockFormNeverUndoesASale) {
  const auto shop = own_workshop("orders-stale", "재고 공방", "Stale Atelier");
  const auto ring = own_ring(shop, "Stale Ring", 8);
  const auto id = std::to_string(ring.variants.at(0).id);
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  auto page = maker->get("/console/stock");
  ASSERT_EQ(field_of(page.body, "seen_" + id), "8");
  auto shopper = signed_up(unique_email("stale"));
  add_to_cart(*shopper, ring.variants.at(0).id, 2);
  ASSERT_EQ(place(*shopper, "stale-" + shop.slug).status, 201);
  ASSERT_EQ(stock_of(ring.slug), 6);
  // Saved as it was loaded (say, for a price change elsewhere on the page): the sale stands.
  const auto csrf = maker->cookie("csrf");
  EXPECT_EQ(
      maker->post_form("/console/stock", {{"_csrf", csrf}, {"stock_" + id, "8"}, {"seen_" + id, "8"}}).status,
      303);
  EXPECT_EQ(stock_of(ring.slug), 6);
  // A restock typed on the stale page: 409 with the stock as it is now, nothing saved.
  auto stale =
      maker->post_form("/console/stock", {{"_csrf", csrf}, {"stock_" + id, "10"}, {"seen_" + id, "8"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("changed to 6"), std::string::npos) << stale.body;
  EXPECT_EQ(stock_of(ring.slug), 6);

  // The piece API: a stock must say what it was changed from; a stale one is a 409.
  const std::vector<std::string> json{"Content-Type: application/json", "X-CSRF-Token: " + csrf};
  const std::string path = "/api/v1/console/products/" + ring.slug;
  auto bare = maker->request("PUT", path, R"({"variant_0_stock":10})", json);
  EXPECT_EQ(bare.status, 400);
  EXPECT_EQ(json::parse(bare.body).at("error").at("field").as_string(), "variant_0_stock_seen");
  auto old = maker->request("PUT", path, R"({"variant_0_stock":10,"variant_0_stock_seen":8})", json);
  EXPECT_EQ(old.status, 409) << old.body;
  EXPECT_EQ(stock_of(ring.slug), 6);
  auto fresh = json::parse(maker->get(path).body);
  EXPECT_EQ(fresh.at("fields").at("variant_0_stock_seen").as_string(), "6");
  auto restock = maker->request("PUT", path, R"({"variant_0_stock":10,"variant_0_stock_seen":6})", json);
  EXPECT_EQ(restock.status, 200) << restock.body;
  EXPECT_EQ(stock_of(ring.slug), 10);
}

// Issue 10, point 2: a visitor who is not logged in reads cached pages; a sale and a cancellation must
// change the count those pages show at once, not at the next catalog change.
TEST_F(CheckoutHttp, ASaleAndACancellationChangeTheCachedPieceAtOnce) {
  auto shop = own_workshop("stale", "스테일 공방", "Stale Atelier");
  auto ring = own_ring(shop, "Stale Ring", 3, "스테일 반지");
  auto visitor = client();
  const auto page = "/products/" + ring.slug;
  ASSERT_NE(visitor->get(page).body.find("3개 남음"), std::string::npos);
  ASSERT_NE(visitor->get(page).body.find("3개 남음"), std::string::npos);  // now from the cache
  ASSERT_NE(visitor->get("/en" + page).body.find("3 left"), std::string::npos);
  auto shopper = signed_up(unique_email("stale"));
  add_to_cart(*shopper, ring.variants.at(0).id);
  auto placed = place(*shopper, "stale-" + ring.slug);
  ASSERT_EQ(placed.status, 201) << placed.body;
  auto after_sale = visitor->get(page).body;
  EXPECT_NE(after_sale.find("2개 남음"), std::string::npos);
  EXPECT_EQ(after_sale.find("3개 남음"), std::string::npos);
  EXPECT_NE(visitor->get("/en" + page).body.find("2 left"), std::string::npos);
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto cancelled =
      shopper->request("POST", "/api/v1/orders/" + number + "/cancel", "", json_headers(*shopper));
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_NE(visitor->get(page).body.find("3개 남음"), std::string::npos);
  // And the workshop's own stock edit.
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  auto edited = maker->request("PUT", "/api/v1/console/products/" + ring.slug,
                               R"({"variant_0_stock":1,"variant_0_stock_seen":3})", json_headers(*maker));
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_NE(visitor->get(page).body.find("1개 남음"), std::string::npos);
}

// Issue 10: a client without cookies shops with the cart token the API hands back in a header and
// the body; an order without it is refused, naming the header.
TEST_F(CheckoutHttp, ACookielessClientShopsWithTheCartTokenHeader) {
  auto shop = own_workshop("cookieless", "토큰 공방", "Token Atelier");
  auto ring = own_ring(shop, "Token Ring", 2);
  const auto email = unique_email("cookieless");
  signed_up(email);
  const std::string bearer = bearer_for(email);
  auto app_client = client();  // a fresh client: no cookies at all
  const std::vector<std::string> api{bearer, "Content-Type: application/json"};
  auto added = app_client->request("POST", "/api/v1/cart/lines",
                                   R"({"variant_id":)" + std::to_string(ring.variants.at(0).id) + "}", api);
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string cart = added.header("x-cart-token");
  ASSERT_FALSE(cart.empty());
  EXPECT_EQ(json::parse(added.body).at("cart_token").as_string(), cart);
  app_client->clear_cookies();  // it never kept the cookie the answer also set
  auto without = app_client->request("POST", "/api/v1/orders", address_json() + "}",
                                     {bearer, "Content-Type: application/json", "Idempotency-Key: nocart"});
  EXPECT_EQ(without.status, 400);
  EXPECT_EQ(json::parse(without.body).at("error").at("field").as_string(), "X-Cart-Token");
  auto placed = app_client->request(
      "POST", "/api/v1/orders", address_json() + "}",
      {bearer, "Content-Type: application/json", "Idempotency-Key: withcart", "X-Cart-Token: " + cart});
  ASSERT_EQ(placed.status, 201) << placed.body;
  EXPECT_EQ(stock_of(ring.slug), 1);
}

// Issue 10, point 7: the operator lands on today's work; others are kept out.
TEST_F(CheckoutHttp, TheOperatorLandsOnTodaysWork) {
  auto shop = own_workshop("todo", "할일 공방", "Todo Atelier");
  auto ring = own_ring(shop, "Todo Ring", 1);
  auto shopper = signed_up(unique_email("todo"));
  add_to_cart(*shopper, ring.variants.at(0).id);
  auto placed = place(*shopper, "todo-" + ring.slug);
  ASSERT_EQ(placed.status, 201);
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto op = logged_in(web::Role::operator_);
  auto page = op->get("/operator");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"operator-todo\""), std::string::npos);
  EXPECT_NE(page.body.find("입금 확인 대기"), std::string::npos);
  // The order list names the recipient only when the parcel goes to someone other than the shopper.
  const auto orders_page = op->get("/operator/orders").body;
  EXPECT_NE(orders_page.find("→ Kim · "), std::string::npos);
  EXPECT_EQ(orders_page.find("→ 테스트 고객"), std::string::npos);
  auto todo = json::parse(op->get("/api/v1/operator/todo").body);
  EXPECT_GE(todo.at("transfers").as_int64(), 1);
  EXPECT_GE(todo.at("low_stock").as_int64(), 1);  // the ring's 13호 sold out, 15호 never had any
  bool listed = false;
  for (const auto& l : todo.at("lowest").as_array())
    listed = listed || l.at("product_slug").as_string() == ring.slug;
  EXPECT_TRUE(listed || todo.at("low_stock").as_int64() > 10);
  EXPECT_EQ(shopper->get("/operator").status, 403);
  EXPECT_EQ(shopper->get("/api/v1/operator/todo").status, 403);
  // The transfer confirmed, the parcel leaves the "to ship" count once the workshop ships it by the API.
  ASSERT_EQ(op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                        json_headers(*op))
                .status,
            200);
  const auto to_ship = json::parse(op->get("/api/v1/operator/todo").body).at("to_ship").as_int64();
  EXPECT_GE(to_ship, 1);
  auto vendor = logged_in(web::Role::vendor_staff, shop.slug);
  auto shipped = vendor->request("POST", "/api/v1/console/orders/" + number + "/shipment",
                                 R"({"carrier":"cj","tracking":"686512345678"})", json_headers(*vendor));
  ASSERT_EQ(shipped.status, 200) << shipped.body;
  EXPECT_EQ(json::parse(shipped.body).at("parcels").at(0).at("status").as_string(), "shipped");
  EXPECT_EQ(json::parse(op->get("/api/v1/operator/todo").body).at("to_ship").as_int64(), to_ship - 1);
}

// Orders hold stock for days, so a visitor may try only so many an hour: then 429 with Retry-After.
TEST_F(CheckoutHttp, CheckoutAttemptsAreLimited) {
  const auto shop = own_workshop("orders-limit", "제한 공방", "Limit Atelier");
  const auto ring = own_ring(shop, "Limit Ring", 5);
  auto bot = client();
  bot->get("/");
  add_to_cart(*bot, ring.variants.at(0).id);
  HttpResponse last;
  int refused_for_input = 0;
  for (int i = 0; i < app->config().checkout_per_hour + 1; ++i) {
    last = bot->post_form("/checkout", {{"_csrf", bot->cookie("csrf")}, {"checkout_key", "k"}});
    if (last.status == 400) ++refused_for_input;
  }
  EXPECT_EQ(refused_for_input, app->config().checkout_per_hour);
  EXPECT_EQ(last.status, 429);
  EXPECT_FALSE(last.header("retry-after").empty());
  EXPECT_EQ(stock_of(ring.slug), 5);
  // Another visitor (here: a logged-in shopper, limited per account) is not held up.
  auto shopper = signed_up(unique_email("limit"));
  add_to_cart(*shopper, ring.variants.at(0).id);
  EXPECT_EQ(place(*shopper, "limit-" + shop.slug).status, 201);
}

// A workshop ships its parcel of a paid order by page or API; the shopper sees the waybill and is mailed.
TEST_F(CheckoutHttp, AWorkshopShipsItsParcelAndTheShopperSeesTheWaybill) {
  const auto shop = own_workshop("orders-ship", "발송 공방", "Ship Atelier");
  const auto ring = own_ring(shop, "Ship Ring", 2);
  const std::string email = unique_email("ship");
  auto shopper = signed_up(email);
  add_to_cart(*shopper, ring.variants.at(0).id);
  auto placed = place(*shopper, "ship-" + shop.slug);
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto vendor = logged_in(web::Role::vendor_staff, shop.slug);
  auto ship_form = [&](const std::string& tracking) {
    return vendor->post_form(
        "/console/orders/" + number + "/ship",
        {{"_csrf", vendor->cookie("csrf")}, {"carrier", "post"}, {"tracking", tracking}});
  };
  EXPECT_EQ(ship_form("6865123456789").status, 409);  // not paid yet
  auto op = logged_in(web::Role::operator_);
  ASSERT_EQ(op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                        json_headers(*op))
                .status,
            200);
  const auto before_shipping = vendor->get("/console/orders").body;
  EXPECT_NE(before_shipping.find("ship-form"), std::string::npos);
  EXPECT_EQ(before_shipping.find("id=\"shipped-now\""), std::string::npos);
  auto bad = ship_form("abc");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("운송장 번호는"), std::string::npos);
  // The order's own form keeps the carrier and number typed, the error beside them.
  EXPECT_NE(bad.body.find("<option value=\"post\" selected>"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"abc\" aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(bad.body.find("id=\"ship-error-" + number + "\""), std::string::npos);
  auto shipped = ship_form("6865-1234-56789");
  EXPECT_EQ(shipped.status, 303);
  EXPECT_NE(vendor->get(shipped.header("location")).body.find("id=\"shipped-now\""), std::string::npos);
  auto seen = json::parse(shopper->get("/api/v1/orders/" + number).body);
  EXPECT_EQ(seen.at("parcels").at(0).at("status").as_string(), "shipped");
  EXPECT_EQ(seen.at("parcels").at(0).at("shipment").at("tracking").as_string(), "6865123456789");
  EXPECT_NE(shopper->get("/orders/" + number).body.find("6865123456789"), std::string::npos);
  auto again = vendor->request("POST", "/api/v1/console/orders/" + number + "/shipment",
                               R"({"carrier":"cj","tracking":"123456789012"})", json_headers(*vendor));
  EXPECT_EQ(again.status, 409);
  auto mails = app->database().read([](soci::session& s) { return mail::recent(s, 50); });
  auto sent = std::find_if(mails.begin(), mails.end(), [&](const auto& q) {
    return q.mail.to == email && q.mail.subject.find("발송") != std::string::npos;
  });
  ASSERT_NE(sent, mails.end());
  EXPECT_NE(sent->mail.body.find("6865123456789"), std::string::npos);
  EXPECT_NE(sent->mail.body.find("우체국택배"), std::string::npos);
  // Shipped: the operator can no longer cancel it (a return is another matter).
  EXPECT_EQ(op->request("PUT", "/api/v1/operator/orders/" + number + "/status",
                        R"({"status":"cancelled","reason":"late"})", json_headers(*op))
                .status,
            409);
}

// A busy workshop's orders: tabs by the state of its parcel with their counts, 30 orders a page, the ship
// form sends the workshop back to the page it was on, and a state or page it cannot show is refused by name.
TEST_F(CheckoutHttp, AWorkshopPagesThroughItsOrdersByTheStateOfItsParcel) {
  const auto shop = own_workshop("orders-tabs", "탭 공방", "Tab Atelier");
  const auto ring = own_ring(shop, "Tab Ring", 40);
  const std::string email = unique_email("tabs");
  auto shopper = signed_up(email);
  const long long user = app->database().read([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(id);
    return id;
  });
  std::vector<std::string> numbers;  // oldest first
  for (int i = 0; i < 32; ++i) {     // placed in the domain: the checkout limit is not what is tested here
    auto added = app->carts().add("", user, {.variant_id = ring.variants.at(0).id, .quantity = 1});
    ASSERT_TRUE(added.ok()) << added.error().message;
    auto placed =
        app->orders().place({.cart_token = added->token,
                             .user_id = user,
                             .address = {"김보석", "01012345678", "54538", "익산시 보석로 1", "", ""},
                             .key = "tabs-" + shop.slug + "-" + std::to_string(i)});
    ASSERT_TRUE(placed.ok()) << placed.error().message;
    numbers.push_back(placed->number);
  }
  auto op = logged_in(web::Role::operator_);
  for (size_t i = 0; i + 1 < numbers.size(); ++i)  // all paid but the newest
    ASSERT_EQ(
        call(*op, "PUT", "/api/v1/operator/orders/" + numbers[i] + "/status", R"({"status":"paid"})").status,
        200);
  auto vendor = logged_in(web::Role::vendor_staff, shop.slug);
  auto list = [&](const std::string& query) {
    auto r = vendor->get("/api/v1/console/orders" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    return json::parse(r.body).as_object();
  };
  auto all = list("");
  EXPECT_EQ(all.at("to_ship").as_int64(), 31);
  EXPECT_EQ(all.at("awaiting").as_int64(), 1);
  EXPECT_EQ(all.at("pages").as_int64(), 2);
  EXPECT_EQ(all.at("orders").as_array().size(), 30u);
  EXPECT_EQ(all.at("orders").at(0).at("number").as_string(), numbers.back());
  long long to_ship_tab = 0;
  for (const auto& tab : all.at("tabs").as_array())
    if (tab.at("show").as_string() == "to_ship") to_ship_tab = tab.at("count").as_int64();
  EXPECT_EQ(to_ship_tab, 31);
  auto second = list("?show=to_ship&page=2");
  ASSERT_EQ(second.at("orders").as_array().size(), 1u);
  EXPECT_EQ(second.at("orders").at(0).at("number").as_string(), numbers.front());
  EXPECT_EQ(second.at("prev_url").as_string(), "/console/orders?show=to_ship");
  auto waiting = list("?show=awaiting_payment");
  ASSERT_EQ(waiting.at("orders").as_array().size(), 1u);
  EXPECT_EQ(waiting.at("orders").at(0).at("number").as_string(), numbers.back());
  EXPECT_TRUE(list("?show=shipped").at("orders").as_array().empty());
  for (const auto& [query, field] : {std::pair{"?show=lost", "show"}, {"?page=0", "page"}}) {
    auto refused = vendor->get(std::string("/api/v1/console/orders") + query);
    EXPECT_EQ(refused.status, 400) << query;
    EXPECT_EQ(json::parse(refused.body).at("error").at("field").as_string(), field) << refused.body;
  }

  // The page: its tab marked, the ship form's address carrying the list's, and back to it after shipping.
  auto page = vendor->get("/en/console/orders?show=to_ship&page=2");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-show=\"to_ship\" aria-current=\"page\""), std::string::npos);
  EXPECT_NE(page.body.find("/en/console/orders/" + numbers.front() + "/ship?show=to_ship&amp;page=2\""),
            std::string::npos);
  auto shipped =
      vendor->post_form("/en/console/orders/" + numbers.front() + "/ship?show=to_ship&page=2",
                        {{"_csrf", vendor->cookie("csrf")}, {"carrier", "cj"}, {"tracking", "601234567890"}});
  ASSERT_EQ(shipped.status, 303) << shipped.body;
  EXPECT_EQ(shipped.header("location"), "/en/console/orders?show=to_ship&page=2&shipped=" + numbers.front());
  EXPECT_EQ(list("?show=shipped").at("orders").at(0).at("number").as_string(), numbers.front());
  EXPECT_EQ(list("").at("to_ship").as_int64(), 30);
}

}  // namespace brilliant::test
