// The cart end to end on both databases: add from the product page's form with engraving and gift
// wrap, refusals that name the field and keep the visitor's input, quantities, another visitor's
// lines, the JSON API with a cart token, and the price a line keeps after a quote change.
#include <boost/json.hpp>

#include "http/harness.hpp"

namespace brilliant::test {
namespace json = boost::json;

class CartHttp : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    // Today's silver quote (the demo seeder's value: the PostgreSQL database is shared by the tests), one
    // workshop, then a ring of our own with known options and stock (ServerTest::own_ring).
    auto quote = app->quotes().set_quote("silver", "2026-11-25", 2300, 0, "seed");
    ASSERT_TRUE(quote.ok()) << quote.error().message;
    const auto shop = own_workshop("cart-shop", "장바구니 공방", "Cart Atelier");
    const auto stored = own_ring(shop, "Engravable Silver Ring", 2, "각인 은반지");
    ASSERT_EQ(stored.variants.size(), 2u);
    slug = stored.slug;
    in_stock = stored.variants.at(0).id;
    sold_out = stored.variants.at(1).id;
    price = stored.variants.at(0).price;
    ASSERT_GT(price, 0);
  }

  HttpResponse add(HttpClient& c, long long variant, const std::string& engraving = "", bool wrap = false,
                   const std::string& quantity = "1") {
    auto csrf = c.csrf_from("/products/" + slug);
    std::vector<std::pair<std::string, std::string>> fields = {{"_csrf", csrf},
                                                               {"slug", slug},
                                                               {"variant_id", std::to_string(variant)},
                                                               {"quantity", quantity},
                                                               {"engraving", engraving}};
    if (wrap) fields.push_back({"gift_wrap", "1"});
    return c.post_form("/cart", fields);
  }

  json::value cart(HttpClient& c) {
    auto r = c.get("/api/v1/cart");
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }

  std::string slug;
  long long in_stock = 0, sold_out = 0, price = 0;
};

TEST_F(CartHttp, AddsAnEngravedGiftWrappedLineAsFinalSale) {
  auto c = client();
  auto r = add(*c, in_stock, "사랑해 J", true);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 400);
  EXPECT_EQ(r.header("location"), "/cart?added=1");
  EXPECT_FALSE(c->cookie("cart").empty());
  EXPECT_EQ(c->cookie("cart_n"), "1");
  auto body = cart(*c);
  ASSERT_EQ(body.at("lines").as_array().size(), 1u);
  const auto& line = body.at("lines").at(0);
  EXPECT_EQ(line.at("engraving").as_string(), "사랑해 J");
  EXPECT_TRUE(line.at("final_sale").as_bool());
  EXPECT_TRUE(line.at("gift_wrap").as_bool());
  EXPECT_EQ(line.at("options_fee").as_int64(), 13000);
  EXPECT_EQ(body.at("subtotal").as_int64(), price + 13000);
  EXPECT_GT(line.at("priced_at").at("quote_id").as_int64(), 0);  // the quote it was priced at
  auto page = c->get("/cart");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("각인 은반지"), std::string::npos);
  EXPECT_NE(page.body.find("단순 변심 반품 불가"), std::string::npos);
  auto en = c->get("/en/cart");
  EXPECT_NE(en.body.find("Engravable Silver Ring"), std::string::npos);
  EXPECT_NE(en.body.find("final sale"), std::string::npos);
}

TEST_F(CartHttp, RefusalsNameTheFieldAndKeepTheInput) {
  auto c = client();
  auto too_long = add(*c, in_stock, "일곱글자각인문");  // 7 characters, 6 allowed
  EXPECT_EQ(too_long.status, 400);
  EXPECT_NE(too_long.body.find("id=\"cart-error\""), std::string::npos);
  EXPECT_NE(too_long.body.find("value=\"일곱글자각인문\""), std::string::npos);  // kept
  auto no_size = add(*c, 0, "ok");
  EXPECT_EQ(no_size.status, 400);
  EXPECT_NE(no_size.body.find("사이즈"), std::string::npos);
  auto sold = add(*c, sold_out);
  EXPECT_EQ(sold.status, 409);
  auto silly = add(*c, in_stock, "", false, "-3");
  EXPECT_EQ(silly.status, 400);
  auto too_many = add(*c, in_stock, "", false, "3");  // 2 in stock
  EXPECT_EQ(too_many.status, 409);
  EXPECT_TRUE(cart(*c).at("lines").as_array().empty());  // nothing half-added
  // Without the form's token the add is refused.
  auto forged = c->post_form("/cart", {{"slug", slug}, {"variant_id", std::to_string(in_stock)}});
  EXPECT_EQ(forged.status, 403);
}

TEST_F(CartHttp, QuantitiesAndRemovalOnlyReachTheVisitorsOwnLines) {
  auto mine = client();
  ASSERT_EQ(add(*mine, in_stock).status, 303);
  const auto my_line = cart(*mine).at("lines").at(0).at("id").as_int64();
  auto theirs = client();
  ASSERT_EQ(add(*theirs, in_stock).status, 303);
  const auto their_line = cart(*theirs).at("lines").at(0).at("id").as_int64();
  auto csrf = mine->csrf_from("/cart");
  EXPECT_EQ(
      mine->post_form("/cart/lines/" + std::to_string(their_line) + "/remove", {{"_csrf", csrf}}).status,
      404);
  EXPECT_EQ(mine->post_form("/cart/lines/" + std::to_string(their_line), {{"_csrf", csrf}, {"quantity", "2"}})
                .status,
            404);
  EXPECT_EQ(cart(*theirs).at("lines").as_array().size(), 1u);
  EXPECT_EQ(
      mine->post_form("/cart/lines/" + std::to_string(my_line), {{"_csrf", csrf}, {"quantity", "2"}}).status,
      303);
  EXPECT_EQ(cart(*mine).at("pieces").as_int64(), 2);
  EXPECT_EQ(
      mine->post_form("/cart/lines/" + std::to_string(my_line), {{"_csrf", csrf}, {"quantity", "x"}}).status,
      400);
  EXPECT_EQ(mine->post_form("/cart/lines/" + std::to_string(my_line) + "/remove", {{"_csrf", csrf}}).status,
            303);
  EXPECT_TRUE(cart(*mine).at("lines").as_array().empty());
}

TEST_F(CartHttp, JsonApiWithACartToken) {
  auto c = client();
  const std::vector<std::string> json_type = {"Content-Type: application/json"};
  auto r = c->request(
      "POST", "/api/v1/cart/lines",
      R"({"variant_id": )" + std::to_string(in_stock) + R"(, "quantity": 1, "engraving": "JM"})", json_type);
  ASSERT_EQ(r.status, 201) << r.body;
  auto body = json::parse(r.body);
  const std::string token(body.at("cart_token").as_string());
  const auto line = body.at("line_id").as_int64();
  auto other = client();  // no cookies: the token names the cart
  auto with_token = json_type;
  with_token.push_back("X-Cart-Token: " + token);
  auto seen = other->request("GET", "/api/v1/cart", "", with_token);
  EXPECT_EQ(json::parse(seen.body).at("lines").at(0).at("engraving").as_string(), "JM");
  auto changed =
      other->request("PATCH", "/api/v1/cart/lines/" + std::to_string(line), R"({"quantity": 2})", with_token);
  EXPECT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(json::parse(changed.body).at("pieces").as_int64(), 2);
  auto bad = other->request("POST", "/api/v1/cart/lines", R"({"variant_id": "one"})", with_token);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body).at("error").at("field").as_string(), "variant_id");
  auto wrap = other->request("POST", "/api/v1/cart/lines",
                             R"({"variant_id": )" + std::to_string(in_stock) + R"(, "gift_wrap": "yes"})",
                             with_token);
  EXPECT_EQ(json::parse(wrap.body).at("error").at("field").as_string(), "gift_wrap");
  EXPECT_EQ(json::parse(wrap.body).at("error").at("code").as_string(), "boolean_invalid");
  auto gone = other->request("DELETE", "/api/v1/cart/lines/" + std::to_string(line), "", with_token);
  EXPECT_EQ(gone.status, 200);
  EXPECT_TRUE(json::parse(gone.body).at("lines").as_array().empty());
}

TEST_F(CartHttp, ALineKeepsThePriceItWasAddedAtWhenTheQuoteMoves) {
  auto c = client();
  ASSERT_EQ(add(*c, in_stock).status, 303);
  auto before = cart(*c).at("lines").at(0);
  const auto quote_before = before.at("priced_at").at("quote_id").as_int64();
  // Today's silver quote (on the shared PostgreSQL database another test may have added a later day).
  const auto today = app->quotes().current().at("silver");
  ASSERT_EQ(today.id, quote_before);
  ASSERT_TRUE(app->quotes().set_quote("silver", today.day, today.won_per_gram + 700, 0, "test").ok());
  auto after = cart(*c).at("lines").at(0);
  EXPECT_EQ(after.at("priced_at").at("unit_price").as_int64(), price);
  EXPECT_EQ(after.at("priced_at").at("quote_id").as_int64(), quote_before);
  EXPECT_EQ(after.at("priced_at").at("quote_won_per_gram").as_int64(), today.won_per_gram);
  EXPECT_GT(after.at("unit_price").as_int64(), price);  // today's price, shown beside the old one
  EXPECT_TRUE(after.at("price_changed").as_bool());
  EXPECT_NE(c->get("/cart").body.find("담을 때"), std::string::npos);
  ASSERT_TRUE(
      app->quotes().set_quote("silver", today.day, today.won_per_gram, 0, today.source).ok());  // as it was
}

// The cart page is rendered once per thing it shows and kept (issue 16): each person still gets their
// own name, token and cart, and a change to the cart shows at once.
TEST_F(CartHttp, AKeptCartPageShowsEachPersonTheirOwnNameTokenAndLines) {
  auto ann = signed_up(unique_email("cart-ann"), "a-long-password", "앤 카트");
  auto bob = signed_up(unique_email("cart-bob"), "a-long-password", "밥 카트");
  auto nobody = client();
  for (int round = 0; round < 2; ++round) {  // the second round comes from what the first kept
    auto a = ann->get("/cart"), b = bob->get("/cart"), n = nobody->get("/cart");
    ASSERT_EQ(a.status, 200);
    ASSERT_EQ(b.status, 200);
    ASSERT_EQ(n.status, 200);
    EXPECT_NE(a.body.find("앤 카트"), std::string::npos);
    EXPECT_EQ(a.body.find("밥 카트"), std::string::npos);
    EXPECT_NE(b.body.find("밥 카트"), std::string::npos);
    EXPECT_EQ(b.body.find("앤 카트"), std::string::npos);
    EXPECT_EQ(n.body.find("앤 카트"), std::string::npos);
    EXPECT_EQ(n.body.find("밥 카트"), std::string::npos);
    EXPECT_NE(a.body.find(ann->cookie("csrf")), std::string::npos);
    EXPECT_EQ(a.body.find(bob->cookie("csrf")), std::string::npos);
    EXPECT_NE(b.body.find(bob->cookie("csrf")), std::string::npos);
  }
  ASSERT_EQ(add(*ann, in_stock).status, 303);
  auto a = ann->get("/cart"), b = bob->get("/cart");
  EXPECT_NE(a.body.find("각인 은반지"), std::string::npos);   // shown at once
  EXPECT_NE(a.body.find("/cart/lines/"), std::string::npos);  // her line's quantity form
  EXPECT_EQ(b.body.find("/cart/lines/"), std::string::npos);  // his cart is still empty
  const auto line = cart(*ann).at("lines").at(0).at("id").as_int64();
  auto csrf = ann->csrf_from("/cart");
  ASSERT_EQ(
      ann->post_form("/cart/lines/" + std::to_string(line), {{"_csrf", csrf}, {"quantity", "2"}}).status,
      303);
  EXPECT_EQ(cart(*ann).at("lines").at(0).at("quantity").as_int64(), 2);
  auto again = ann->get("/cart");
  EXPECT_NE(again.body, a.body);  // the new quantity and total, not the page kept before
}

}  // namespace brilliant::test
