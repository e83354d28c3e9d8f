// Coupons over HTTP (issue 13) on SQLite and PostgreSQL: the operator makes a coupon on its page, a
// shopper applies it at checkout (the reason shown when it does not apply) and the order carries the
// discount, counted on the coupon pages; a workshop's coupons are its own; two tabs at once never spend
// a budget twice; bad input names the field. Codes are unique per run: the PostgreSQL database is shared.
#include <boost/json.hpp>
#include <thread>

#include "core/secret.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

class CouponsHttp : public ShopTest {
 protected:
  static std::string fresh_code(const std::string& hint) {
    return hint + random_code(6, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ");
  }
  static json::object coupon_in(const json::value& list, const std::string& code) {
    for (const auto& c : list.at("coupons").as_array())
      if (c.at("code").as_string() == code) return c.as_object();
    return {};
  }
  // A coupon made over the API by `who` at `path` (the operator's or the console's).
  json::object make(HttpClient& who, const std::string& path, const std::string& body) {
    auto r = who.request("POST", path, body, json_headers(who));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? json::parse(r.body).as_object() : json::object{};
  }
};

TEST_F(CouponsHttp, TheOperatorMakesACouponAShopperAppliesItAndItIsCounted) {
  const auto shop = own_workshop("coupon", "쿠폰 공방", "Coupon Atelier");
  const auto ring = own_ring(shop, "Coupon Ring", 5);
  auto op = logged_in(web::Role::operator_);
  const auto code = fresh_code("TEN");
  // Made on the page: a refusal names the field and keeps what was typed.
  std::vector<std::pair<std::string, std::string>> form{
      {"_csrf", op->cookie("csrf")}, {"name_ko", "열 퍼센트"}, {"name_en", "Ten percent"}, {"code", code},
      {"kind", "percent"},           {"value", "95"},          {"starts_at", "2026-01-01"}};
  auto refused = op->post_form("/operator/marketing/coupons", form);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("value-error"), std::string::npos);
  EXPECT_NE(refused.body.find("열 퍼센트"), std::string::npos);
  for (auto& [name, value] : form)
    if (name == "value") value = "10";
  auto made = op->post_form("/operator/marketing/coupons", form);
  ASSERT_EQ(made.status, 303) << made.body;
  auto page = op->get("/operator/marketing/coupons");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(code), std::string::npos);

  auto shopper = signed_up(unique_email("coupon"));
  add_to_cart(*shopper, ring.variants.at(0).id, 1);
  // A wrong code: the reason, in the shopper's language, and no discount.
  auto wrong = json::parse(shopper->get("/api/v1/checkout?coupon_code=NOPE" + code).body);
  EXPECT_EQ(wrong.at("coupon_refused").at("code").as_string(), "coupon_unknown");
  EXPECT_FALSE(wrong.as_object().contains("discount"));
  auto preview = json::parse(shopper->get("/api/v1/checkout?coupon_code=" + code).body);
  const long long discount = ring.price / 10;
  EXPECT_EQ(preview.at("discount").as_int64(), discount);
  EXPECT_EQ(preview.at("coupon").at("code").as_string(), code);
  EXPECT_EQ(preview.at("total").as_int64(),
            preview.at("subtotal").as_int64() + preview.at("shipping_fee").as_int64() - discount);
  // On the page: "Apply" shows the discount and the total to send back, and places nothing.
  auto checkout = checkout_form(*shopper);
  checkout.push_back({"coupon_code", code});
  auto apply = checkout;
  apply.push_back({"apply_coupon", "1"});
  auto applied = shopper->post_form("/checkout", apply);
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_NE(applied.body.find("id=\"coupon-applied\""), std::string::npos);
  EXPECT_NE(applied.body.find("id=\"checkout-discount\""), std::string::npos);
  const auto expected = field_of(applied.body, "expected_total");
  EXPECT_EQ(expected, std::to_string(preview.at("total").as_int64()));
  for (auto& [name, value] : checkout)
    if (name == "expected_total") value = expected;
  auto placed = shopper->post_form("/checkout", checkout);
  ASSERT_EQ(placed.status, 303) << placed.body;
  auto orders = json::parse(shopper->get("/api/v1/orders").body);
  const auto& order = orders.at("orders").at(0);
  EXPECT_EQ(order.at("discount").as_int64(), discount);
  EXPECT_EQ(order.at("coupon").at("code").as_string(), code);
  EXPECT_EQ(order.at("total").as_int64(), preview.at("total").as_int64());
  // Counted for the operator; used once, the shopper cannot use it again (one per shopper by default).
  auto list = json::parse(op->get("/api/v1/operator/coupons").body);
  auto coupon = coupon_in(list, code);
  EXPECT_EQ(coupon.at("orders").as_int64(), 1);
  EXPECT_EQ(coupon.at("spent").as_int64(), discount);
  add_to_cart(*shopper, ring.variants.at(0).id, 1);
  auto again =
      shopper->request("POST", "/api/v1/orders", address_json() + R"(,"coupon_code":")" + code + "\"}",
                       json_headers(*shopper, "coupon-again-" + code));
  EXPECT_EQ(again.status, 422) << again.body;
  EXPECT_NE(again.body.find("coupon_used"), std::string::npos);
  EXPECT_NE(again.body.find("\"field\":\"coupon_code\""), std::string::npos);
  EXPECT_EQ(stock_of(ring.slug), 4);  // the refused order took nothing
}

TEST_F(CouponsHttp, AWorkshopsCouponsAreItsOwn) {
  const auto a = own_workshop("coupa", "가 공방", "A Atelier");
  const auto b = own_workshop("coupb", "나 공방", "B Atelier");
  auto maker_a = logged_in(web::Role::vendor_staff, a.slug);
  auto maker_b = logged_in(web::Role::vendor_staff, b.slug);
  const auto code = fresh_code("OWN");
  auto made = make(*maker_a, "/api/v1/console/coupons",
                   R"({"code":")" + code +
                       R"(","name_ko":"공방 쿠폰","name_en":"Atelier coupon","kind":"fixed","value":5000,)"
                       R"("starts_at":"2026-01-01","workshop_bears":false})");
  ASSERT_TRUE(made.contains("id"));
  EXPECT_EQ(made.at("bearer").as_string(), "workshop");  // a workshop's coupon is always its own cost
  const auto id = std::to_string(made.at("id").as_int64());
  auto theirs = maker_b->request("POST", "/api/v1/console/coupons/" + id + "/pause", R"({"paused":true})",
                                 json_headers(*maker_b));
  EXPECT_EQ(theirs.status, 404);
  EXPECT_TRUE(coupon_in(json::parse(maker_b->get("/api/v1/console/coupons").body), code).empty());
  auto paused = maker_a->request("POST", "/api/v1/console/coupons/" + id + "/pause", R"({"paused":true})",
                                 json_headers(*maker_a));
  ASSERT_EQ(paused.status, 200) << paused.body;
  EXPECT_EQ(json::parse(paused.body).at("state").as_string(), "paused");
  auto op = logged_in(web::Role::operator_);
  auto seen = coupon_in(json::parse(op->get("/api/v1/operator/coupons").body), code);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.at("workshop").as_string(), "가 공방");
  // The operator may resume any coupon.
  auto resumed = op->request("POST", "/api/v1/operator/coupons/" + id + "/pause", R"({"paused":false})",
                             json_headers(*op));
  ASSERT_EQ(resumed.status, 200) << resumed.body;
  EXPECT_EQ(json::parse(resumed.body).at("state").as_string(), "active");
  auto console = maker_a->get("/console/marketing/coupons");
  EXPECT_EQ(console.status, 200);
  EXPECT_NE(console.body.find(code), std::string::npos);
  EXPECT_EQ(client()->get("/api/v1/operator/coupons").status, 401);
  EXPECT_EQ(maker_a->get("/api/v1/operator/coupons").status, 403);
}

TEST_F(CouponsHttp, TwoTabsAtOnceNeverSpendABudgetTwice) {
  const auto shop = own_workshop("coupt", "탭 공방", "Tab Atelier");
  const auto ring = own_ring(shop, "Tab Ring", 6);
  auto op = logged_in(web::Role::operator_);
  const auto code = fresh_code("ONE");
  make(*op, "/api/v1/operator/coupons",
       R"({"code":")" + code +
           R"(","name_ko":"한 번","name_en":"Once","kind":"fixed","value":5000,)"
           R"("budget":5000,"per_customer":0,"starts_at":"2026-01-01"})");
  auto shopper = signed_up(unique_email("tabs"));
  add_to_cart(*shopper, ring.variants.at(0).id, 1);
  auto second = signed_up(unique_email("tabs2"));
  add_to_cart(*second, ring.variants.at(0).id, 1);
  HttpResponse r1, r2;
  const auto body = address_json() + R"(,"coupon_code":")" + code + "\"}";
  std::thread t1([&] {
    r1 = shopper->request("POST", "/api/v1/orders", body, json_headers(*shopper, "tab-1-" + code));
  });
  std::thread t2(
      [&] { r2 = second->request("POST", "/api/v1/orders", body, json_headers(*second, "tab-2-" + code)); });
  t1.join();
  t2.join();
  const int placed = (r1.status == 201) + (r2.status == 201);
  EXPECT_EQ(placed, 1) << r1.body << "\n" << r2.body;
  const auto& loser = r1.status == 201 ? r2 : r1;
  EXPECT_TRUE(loser.status == 409 || loser.status == 422) << loser.body;
  EXPECT_NE(loser.body.find("coupon_code"), std::string::npos);
  auto coupon = coupon_in(json::parse(op->get("/api/v1/operator/coupons").body), code);
  EXPECT_EQ(coupon.at("spent").as_int64(), 5000);
  EXPECT_EQ(coupon.at("state").as_string(), "used_up");
  EXPECT_EQ(stock_of(ring.slug), 5);
}

TEST_F(CouponsHttp, BadInputNamesTheField) {
  auto op = logged_in(web::Role::operator_);
  const auto field_of_error = [&](const std::string& body) {
    auto r = op->request("POST", "/api/v1/operator/coupons", body, json_headers(*op));
    EXPECT_EQ(r.status / 100, 4) << r.body;
    auto parsed = json::parse(r.body);
    return std::string(parsed.at("error").at("field").as_string());
  };
  const std::string base = R"("name_ko":"가","name_en":"A","starts_at":"2026-01-01")";
  EXPECT_EQ(field_of_error("{" + base + R"(,"code":"GOOD1","kind":"bogo","value":5})"), "kind");
  EXPECT_EQ(field_of_error("{" + base + R"(,"code":"GOOD1","kind":"fixed","value":"5000"})"), "value");
  EXPECT_EQ(field_of_error("{" + base + R"(,"code":"no way","kind":"fixed","value":5000})"), "code");
  EXPECT_EQ(
      field_of_error("{" + base + R"(,"code":"GOOD1","kind":"fixed","value":5000,"segment_id":987654321})"),
      "segment_id");
  EXPECT_EQ(field_of_error("{" + base + R"(,"code":"GOOD1","kind":"fixed","value":5000,"automatic":"yes"})"),
            "automatic");
  EXPECT_EQ(field_of_error(
                R"({"code":"GOOD1","kind":"fixed","value":5000,"starts_at":"2026-01-01","name_en":"A"})"),
            "name_ko");
}

}  // namespace
}  // namespace brilliant::test
