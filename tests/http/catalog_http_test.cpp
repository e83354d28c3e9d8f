// The storefront end to end: listing and facets, search in Korean and English, product and workshop
// pages, the JSON API, bad input, the page cache, and repricing from a quote change.
#include <boost/json.hpp>
#include <random>
#include <regex>
#include <tuple>

#include "app/seed_catalog.hpp"
#include "catalog/repo.hpp"
#include "catalog/rules.hpp"
#include "http/harness.hpp"

namespace brilliant::test {
namespace json = boost::json;

class CatalogHttp : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    app::seed_catalog(app->database(), app->catalog(), app->quotes(), *clock, 60);
    app->catalog().refresh();
  }

  // A published piece of the first workshop, priced by formula from today's quote; returns its slug.
  std::string add_piece(const std::string& category, const std::string& title_ko, const std::string& title_en,
                        const std::string& metal, int purity, const std::string& stone = "") {
    auto snap = app->catalog().snapshot();
    const auto& shop = snap->workshops.front();
    catalog::Product p;
    p.workshop_id = shop.id;
    p.slug = catalog::slugify(title_en) + "-" + std::to_string(std::random_device{}() % 100000000);
    p.status = catalog::ProductStatus::published;
    p.published_at = "2026-11-25T00:00:00Z";
    p.category = category;
    p.title_ko = title_ko;
    p.title_en = title_en;
    p.metal = metal;
    p.purity = purity;
    p.colour = metal == "gold" ? "yellow" : "white";
    p.weight_mg = 3000;
    p.labour_fee = 40000;
    p.margin_bp = 2000;
    if (!stone.empty()) p.stones.push_back({stone, "natural", 2, 0});
    p.variants.push_back({0, p.slug + "-1", 0, category == "ring" ? 520 : 0, 0, "", 0, 3, 0});  // 12호
    auto id = app->catalog().create(p, shop);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    app->quotes().reprice();
    return p.slug;
  }

  // A product with words no demo product has, so searches can be checked exactly.
  std::string add_galaxy_earrings() {
    return add_piece("earrings", "은하수 진주 귀걸이", "Milkyway Pearl Earrings", "silver", 925, "pearl");
  }

  json::value api(const std::string& path) {
    auto r = client()->get(path);
    EXPECT_EQ(r.status, 200) << path << " " << r.body.substr(0, 300);
    return json::parse(r.body);
  }
};

TEST_F(CatalogHttp, ListingWithTwoFacetsAndCounts) {
  auto all = api("/api/v1/products");
  ASSERT_GT(all.at("total").as_int64(), 20);
  auto filtered = api("/api/v1/products?category=ring&metal=gold");
  for (const auto& card : filtered.at("cards").as_array()) {
    EXPECT_EQ(card.at("category").as_string(), "ring");
    EXPECT_EQ(card.at("metal").as_string(), "gold");
  }
  // The "ring" count under metal=gold equals the total of category=ring&metal=gold.
  long long ring_count = -1;
  for (const auto& facet : filtered.at("facets").as_array())
    if (facet.at("name").as_string() == "category")
      for (const auto& v : facet.at("values").as_array())
        if (v.at("value").as_string() == "ring") ring_count = v.at("count").as_int64();
  EXPECT_EQ(ring_count, filtered.at("total").as_int64());
  auto page = client()->get("/shop?category=ring&metal=gold");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<strong>" + std::to_string(filtered.at("total").as_int64()) + "</strong>"),
            std::string::npos);
  EXPECT_NE(page.body.find("aria-current=\"true\""), std::string::npos);
  EXPECT_NE(page.body.find("<h1>반지</h1>"), std::string::npos);
}

TEST_F(CatalogHttp, SortAndPagination) {
  auto cheap = api("/api/v1/products?sort=price_asc");
  const auto& cards = cheap.at("cards").as_array();
  for (size_t i = 1; i < cards.size(); ++i)
    EXPECT_LE(cards[i - 1].at("price").as_int64(), cards[i].at("price").as_int64());
  auto second = api("/api/v1/products?page=2");
  EXPECT_EQ(second.at("page").as_int64(), 2);
  auto beyond = client()->get("/shop?page=999");
  EXPECT_EQ(beyond.status, 200);
  EXPECT_NE(beyond.body.find("조건에 맞는 작품이 없습니다"), std::string::npos);
}

TEST_F(CatalogHttp, SearchKoreanEnglishAndTypos) {
  const auto slug = add_galaxy_earrings();
  auto ids_for = [&](const std::string& q) {
    auto r = api("/api/v1/search?q=" + HttpClient::encode(q));
    std::vector<std::string> slugs;
    for (const auto& c : r.at("cards").as_array()) slugs.emplace_back(c.at("slug").as_string());
    return slugs;
  };
  auto has = [&](const std::vector<std::string>& v) {
    return std::find(v.begin(), v.end(), slug) != v.end();
  };
  EXPECT_TRUE(has(ids_for("은하수")));
  EXPECT_TRUE(has(ids_for("은하")));  // two syllables: substring match
  EXPECT_TRUE(has(ids_for("milkyway")));
  EXPECT_TRUE(has(ids_for("MILKYWAY pearl")));
  EXPECT_TRUE(has(ids_for("milkywey")));  // one letter wrong
  EXPECT_FALSE(has(ids_for("sapphire brooch")));
  auto page = client()->get("/search?q=" + HttpClient::encode("은하수"));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("은하수 진주 귀걸이"), std::string::npos);
  auto none = client()->get("/en/search?q=zzqqxxvv");
  EXPECT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("Nothing matched your search"), std::string::npos);
  auto suggest = api("/api/v1/search/suggest?q=" + HttpClient::encode("은하수"));
  EXPECT_FALSE(suggest.at("suggestions").as_array().empty());
}

// Issue 10, point 3: typos, compounds and synonyms find what the shopper meant, on both databases, and
// in English a whole word ranks above a word that only contains it.
TEST_F(CatalogHttp, KoreanTyposCompoundsAndSynonymsFindWhatWasMeant) {
  // Pieces of its own, so the test holds whatever else the (shared PostgreSQL) database holds.
  add_piece("necklace", "물결 은 목걸이", "Ripple Silver Necklace", "silver", 925);
  add_piece("earrings", "물결 금 귀걸이", "Ripple Gold Earrings", "gold", 585);
  add_piece("bracelet", "물결 은 팔찌", "Ripple Silver Bracelet", "silver", 925);
  add_piece("ring", "물결 금 다이아몬드 반지", "Ripple Gold Diamond Ring", "gold", 750, "diamond");
  add_piece("ring", "물결 은 반지", "Ripple Silver Ring", "silver", 925);
  auto total = [&](const std::string& path) { return api(path).at("total").as_int64(); };
  auto search = [&](const std::string& q) {
    auto r = api("/api/v1/search?q=" + HttpClient::encode(q));
    std::vector<std::tuple<std::string, std::string, std::string>> cards;  // slug, category, metal
    for (const auto& c : r.at("cards").as_array())
      cards.emplace_back(c.at("slug").as_string(), c.at("category").as_string(), c.at("metal").as_string());
    return cards;
  };
  for (const auto& [typed, meant, category] :
       std::vector<std::tuple<std::string, std::string, std::string>>{{"목걸리", "목걸이", "necklace"},
                                                                      {"목거리", "목걸이", "necklace"},
                                                                      {"귀거리", "귀걸이", "earrings"},
                                                                      {"팔지", "팔찌", "bracelet"},
                                                                      {"빈지", "반지", "ring"}}) {
    const auto found = search(typed);
    ASSERT_FALSE(found.empty()) << typed;
    EXPECT_EQ(found, search(meant)) << typed;
    for (const auto& card : found) EXPECT_EQ(std::get<1>(card), category) << typed;
  }
  const auto diamonds = search("다이아몬드");
  ASSERT_FALSE(diamonds.empty());
  EXPECT_EQ(search("다이야몬드"), diamonds);
  EXPECT_EQ(search("다이야"), diamonds);  // the operator's default synonym
  const auto gold_rings = search("금반지");
  ASSERT_FALSE(gold_rings.empty());
  EXPECT_EQ(gold_rings, search("금 반지"));
  auto page = client()->get("/search?q=" + HttpClient::encode("금반지"));
  EXPECT_NE(page.body.find("‘금 반지’로 찾은 결과입니다"), std::string::npos);
  auto en = client()->get("/en/search?q=" + HttpClient::encode("silvr"));
  EXPECT_NE(en.body.find("Showing results for “silver”"), std::string::npos);
  // Every gold ring, and only gold rings (not the pieces of 금세공방 or 금마 보석, whose names hold 금).
  EXPECT_EQ(total("/api/v1/search?q=" + HttpClient::encode("금반지")),
            total("/api/v1/products?category=ring&metal=gold"));
  for (const auto& card : gold_rings) {
    EXPECT_EQ(std::get<1>(card), "ring");
    EXPECT_EQ(std::get<2>(card), "gold");
  }
  // English: rings first, earrings (which only contain "ring") after every ring.
  const auto rings = search("ring");
  ASSERT_FALSE(rings.empty());
  EXPECT_EQ(std::get<1>(rings.front()), "ring");
  bool earrings_seen = false;
  for (const auto& card : rings) {
    if (std::get<1>(card) == "earrings") earrings_seen = true;
    if (earrings_seen) {
      EXPECT_NE(std::get<1>(card), "ring") << "a ring after an earring";
    }
  }
}

// The operator's synonym list is kept with the brand settings, checked line by line, and used at once.
TEST_F(CatalogHttp, TheOperatorsSynonymsAreCheckedAndUsed) {
  auto op = logged_in(web::Role::operator_);
  const std::vector<std::string> json_type = {"Content-Type: application/json",
                                              "X-CSRF-Token: " + op->cookie("csrf")};
  auto current = json::parse(op->get("/api/v1/operator/brand").body).as_object();
  current["search_synonyms"] = "반짝이 = 반지\n한 줄만";
  auto bad = op->request("PUT", "/api/v1/operator/brand", json::serialize(current), json_type);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body).at("error").at("field").as_string(), "search_synonyms");
  current["search_synonyms"] = "반짝이 = 반지";
  auto good = op->request("PUT", "/api/v1/operator/brand", json::serialize(current), json_type);
  ASSERT_EQ(good.status, 200) << good.body;
  auto rings = api("/api/v1/search?q=" + HttpClient::encode("반짝이"));
  EXPECT_EQ(rings.at("total").as_int64(),
            api("/api/v1/search?q=" + HttpClient::encode("반지")).at("total").as_int64());
  EXPECT_GT(rings.at("total").as_int64(), 0);
}

TEST_F(CatalogHttp, ProductPageInBothLanguages) {
  auto snap = app->catalog().snapshot();
  std::string ring;
  for (const auto& c : snap->cards)
    if (c.category == "ring") ring = c.slug;
  ASSERT_FALSE(ring.empty());
  auto ko = client()->get("/products/" + ring);
  EXPECT_EQ(ko.status, 200);
  EXPECT_NE(ko.body.find("사이즈 가이드"), std::string::npos);
  EXPECT_NE(ko.body.find("가격 구성"), std::string::npos);
  EXPECT_NE(ko.body.find("\"@type\":\"Product\""), std::string::npos);
  EXPECT_NE(ko.body.find("hreflang=\"en\" href=\"" + base() + "/en/products/" + ring + "\""),
            std::string::npos);
  EXPECT_NE(ko.body.find("rel=\"canonical\""), std::string::npos);
  // Issue 10, point 6: nothing machine-made shows: no empty separators, no placeholders, no (를).
  for (const auto& c : snap->cards) {
    auto page = client()->get("/products/" + c.slug).body;
    EXPECT_EQ(page.find(" · ·"), std::string::npos) << c.slug;
    EXPECT_EQ(page.find("· </td>"), std::string::npos) << c.slug;
    EXPECT_EQ(page.find("곧 제공"), std::string::npos) << c.slug;
    EXPECT_EQ(page.find("을(를)"), std::string::npos) << c.slug;
  }
  for (const auto& w : snap->workshops) {
    auto page = client()->get("/workshops/" + w.slug).body;
    EXPECT_EQ(page.find("을(를)"), std::string::npos) << w.slug;
    EXPECT_EQ(page.find("은(는)"), std::string::npos) << w.slug;
  }
  auto en = client()->get("/en/products/" + ring);
  EXPECT_NE(en.body.find("Size guide"), std::string::npos);
  EXPECT_NE(en.body.find("US "), std::string::npos);
  // The weight in Korean don too, spelled out on the English page.
  EXPECT_NE(ko.body.find("돈)"), std::string::npos);
  EXPECT_NE(en.body.find(" don)"), std::string::npos);
  EXPECT_EQ(en.body.find("돈)"), std::string::npos);
  auto detail = api("/api/v1/products/" + ring);
  EXPECT_GT(detail.at("variants").as_array().size(), 1u);
  EXPECT_TRUE(detail.at("variants").as_array()[0].as_object().contains("korean_size"));
  if (detail.as_object().contains("breakdown")) {  // formula-priced: the breakdown adds up to the shown price
    EXPECT_EQ(detail.at("breakdown").at("total").as_string(), detail.at("price_text").as_string());
  }
}

TEST_F(CatalogHttp, OnlyPublishedProductsAreVisible) {
  const auto slug = add_galaxy_earrings();
  auto id = app->database().read([&](soci::session& sql) {
    long long v = 0;
    sql << "SELECT id FROM products WHERE slug = :s", soci::use(slug), soci::into(v);
    return v;
  });
  for (const std::string status : {"draft", "in_review", "archived"}) {
    app->database().write([&](soci::session& sql) {
      catalog::repo::set_status(sql, id, catalog::product_status(status).value(), "2026-11-25T00:00:00Z");
    });
    app->catalog().refresh();
    EXPECT_EQ(client()->get("/products/" + slug).status, 404) << status;
    EXPECT_EQ(client()->get("/api/v1/products/" + slug).status, 404) << status;
    auto found = api("/api/v1/search?q=milkyway");
    for (const auto& c : found.at("cards").as_array()) EXPECT_NE(c.at("slug").as_string(), slug) << status;
  }
  app->database().write([&](soci::session& sql) {
    catalog::repo::set_status(sql, id, catalog::ProductStatus::published, "2026-11-25T00:00:00Z");
  });
  app->catalog().refresh();
  EXPECT_EQ(client()->get("/products/" + slug).status, 200);
}

TEST_F(CatalogHttp, FormulaGivingNoPositivePriceIsRefused) {
  auto snap = app->catalog().snapshot();
  catalog::Product p;
  p.workshop_id = snap->workshops.front().id;
  p.slug = "impossible-price-ring";
  p.category = "ring";
  p.title_ko = "가격 없는 반지";
  p.title_en = "Priceless ring";
  p.metal = "silver";  // 1 mg of silver at half margin rounds to 0 won
  p.purity = 925;
  p.colour = "white";
  p.weight_mg = 1;
  p.margin_bp = -5000;
  p.variants.push_back({0, "IMP-1", 0, 520, 0, "", 0, 1, 0});
  auto refused = app->catalog().create(p, snap->workshops.front());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "price_not_positive");
  EXPECT_NE(refused.error().message.find("above zero"), std::string::npos);
}

TEST_F(CatalogHttp, UnknownSlugIs404WithSuggestions) {
  auto r = client()->get("/products/gold-ring-that-does-not-exist");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("이런 작품은 어떠세요"), std::string::npos);
  EXPECT_NE(r.body.find("class=\"card\""), std::string::npos);
  EXPECT_EQ(client()->get("/api/v1/products/nope-nope").status, 404);
  EXPECT_EQ(client()->get("/workshops/no-such-workshop").status, 404);
}

TEST_F(CatalogHttp, WorkshopPagesAndSitemap) {
  auto list = client()->get("/workshops");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("익산 금세공방"), std::string::npos);
  auto one = client()->get("/en/workshops/iksan-gold");
  EXPECT_EQ(one.status, 200);
  EXPECT_NE(one.body.find("Iksan Goldsmiths"), std::string::npos);
  auto sitemap = client()->get("/sitemap.xml");
  EXPECT_NE(sitemap.body.find("/workshops/iksan-gold"), std::string::npos);
  EXPECT_NE(sitemap.body.find("hreflang=\"en\""), std::string::npos);
  auto spec = api("/api/v1/openapi.json");
  const auto& paths = spec.at("paths").as_object();
  EXPECT_TRUE(paths.contains("/api/v1/products"));
  EXPECT_EQ(paths.at("/api/v1/products").at("get").at("summary").as_string(),
            "List published products with facets");
  // Every other API route is listed from the route table, with who may call it.
  EXPECT_EQ(paths.at("/api/v1/cart/lines/{id}").at("patch").at("summary").as_string(),
            "Change a line's quantity");
  EXPECT_EQ(paths.at("/api/v1/console/staff/invitations").at("post").at("x-roles").at(0).as_string(),
            "vendor_staff");
  EXPECT_TRUE(paths.at("/api/v1/operator/brand").as_object().contains("put"));
  // JSON request bodies carry their schema.
  const auto& order_body = paths.at("/api/v1/orders")
                               .at("post")
                               .at("requestBody")
                               .at("content")
                               .at("application/json")
                               .at("schema");
  EXPECT_EQ(order_body.at("properties").at("postcode").at("pattern").as_string(), "^[0-9]{5}$");
  EXPECT_TRUE(paths.at("/api/v1/cart/lines").at("post").as_object().contains("requestBody"));
}

TEST_F(CatalogHttp, AbsurdFiltersAnswerCleanly) {
  auto c = client();
  auto negative = c->get("/api/v1/products?price_min=-5");
  EXPECT_EQ(negative.status, 400);
  EXPECT_EQ(json::parse(negative.body).at("error").at("field").as_string(), "price_min");
  EXPECT_EQ(c->get("/shop?page=1000000000").status, 400);
  EXPECT_EQ(c->get("/shop?category=spaceship").status, 400);
  EXPECT_EQ(c->get("/search?q=" + std::string(5000, 'a')).status, 400);
  std::string pasted;  // 200 syllables pasted into the search box are a search (600 bytes), 201 are not
  for (int i = 0; i < 200; ++i) pasted += "반";
  EXPECT_EQ(c->get("/search?q=" + HttpClient::encode(pasted)).status, 200);
  EXPECT_EQ(c->get("/search?q=" + HttpClient::encode(pasted + "지")).status, 400);
  EXPECT_EQ(c->get("/api/v1/search/suggest?q=" + HttpClient::encode(pasted)).status, 200);
  EXPECT_EQ(c->get("/shop?metal=%FF").status, 400);
  auto inverted = c->get("/api/v1/products?price_min=500&price_max=100");
  EXPECT_EQ(json::parse(inverted.body).at("error").at("field").as_string(), "price_min");
}

TEST_F(CatalogHttp, AnonymousPagesComeFromTheCacheWithTheirOwnToken) {
  auto first = client();
  auto a = first->get("/shop?metal=silver");
  auto b = first->get("/shop?metal=silver");
  EXPECT_EQ(b.header("x-cache"), "hit");
  EXPECT_EQ(a.body.size(), b.body.size());
  auto other = client();
  auto c = other->get("/shop?metal=silver");
  EXPECT_EQ(c.header("x-cache"), "hit");
  std::smatch m1, m2;
  ASSERT_TRUE(std::regex_search(b.body, m1, std::regex("csrf-token\" content=\"([^\"]+)\"")));
  ASSERT_TRUE(std::regex_search(c.body, m2, std::regex("csrf-token\" content=\"([^\"]+)\"")));
  EXPECT_NE(m1[1].str(), m2[1].str());
  EXPECT_EQ(m2[1].str(), other->cookie("csrf"));
}

// Logged-in visitors (issue 16) get the same cached page with their own account area and token put back;
// nobody's name reaches another visitor.
TEST_F(CatalogHttp, LoggedInPagesComeFromTheCacheWithTheirOwnAccountArea) {
  // Names no other test's data holds (the PostgreSQL database is shared).
  const std::string kim_name = "김보석 " + random_token(4), lee_name = "이진주 " + random_token(4);
  auto kim = signed_up(unique_email("kim"), "a-long-password", kim_name);
  auto lee = signed_up(unique_email("lee"), "a-long-password", lee_name);
  auto first = kim->get("/shop?metal=gold");
  auto again = kim->get("/shop?metal=gold");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.header("x-cache"), "hit");
  EXPECT_NE(again.body.find(kim_name), std::string::npos);
  EXPECT_NE(again.body.find("action=\"/logout\""), std::string::npos);
  EXPECT_NE(again.body.find("value=\"" + kim->cookie("csrf") + "\""), std::string::npos) << "Kim's own token";
  EXPECT_EQ(again.body.find("nav-login"), std::string::npos);
  EXPECT_EQ(again.header("cache-control"), "no-store");
  auto theirs = lee->get("/shop?metal=gold");
  EXPECT_EQ(theirs.header("x-cache"), "hit");
  EXPECT_NE(theirs.body.find(lee_name), std::string::npos);
  EXPECT_EQ(theirs.body.find(kim_name), std::string::npos);
  auto nobody = client()->get("/shop?metal=gold");
  EXPECT_EQ(nobody.header("x-cache"), "hit");
  EXPECT_NE(nobody.body.find("nav-login"), std::string::npos);
  EXPECT_EQ(nobody.body.find(kim_name), std::string::npos);
  EXPECT_EQ(nobody.body.find(lee_name), std::string::npos);
  // The page itself is the same for all three: only the account area and the token differ.
  auto strip = [](std::string body, const std::string& token) {
    const auto from = body.find("<div class=\"header-tools\">"), to = body.find("</header>");
    body.erase(from, to - from);
    for (size_t at; (at = body.find(token)) != std::string::npos;) body.erase(at, token.size());
    return body;
  };
  EXPECT_EQ(strip(again.body, kim->cookie("csrf")), strip(theirs.body, lee->cookie("csrf")));
  // An operator's area has the operator's link; in English, the English page.
  auto op = logged_in(web::Role::operator_);
  auto english = op->get("/en/shop?metal=gold");
  EXPECT_NE(english.body.find("href=\"/en/operator\""), std::string::npos);
  EXPECT_NE(english.body.find("lang=\"en\""), std::string::npos);
  (void)first;
}

TEST_F(CatalogHttp, OperatorQuoteRepricesTheCatalog) {
  auto op = app->accounts().add_user({unique_email("op"), "Operator", "operator-password", "ko"},
                                     web::Role::operator_, "");
  ASSERT_TRUE(op.ok());
  auto snap = app->catalog().snapshot();
  std::string gold;
  for (const auto& c : snap->cards)
    if (c.metal == "gold") gold = c.slug;
  ASSERT_FALSE(gold.empty());
  auto before = api("/api/v1/products/" + gold).at("price").as_int64();
  auto cached = client()->get("/products/" + gold);  // warms the page cache
  auto c = client();
  auto token = c->csrf_from("/login");
  ASSERT_EQ(
      c->post_form("/login", {{"_csrf", token}, {"email", op->email}, {"password", "operator-password"}})
          .status,
      303);
  token = c->csrf_from("/operator/pricing");  // log-in gave this browser a fresh token
  auto bad =
      c->post_form("/operator/quotes",
                   {{"_csrf", token}, {"metal", "gold"}, {"day", "2026-11-30"}, {"won_per_gram", "-3"}});
  EXPECT_EQ(bad.status, 400);
  auto done =
      c->post_form("/operator/quotes",
                   {{"_csrf", token}, {"metal", "gold"}, {"day", "2099-01-01"}, {"won_per_gram", "380,000"}});
  EXPECT_EQ(done.status, 303);
  auto after = api("/api/v1/products/" + gold).at("price").as_int64();
  EXPECT_GT(after, before);
  auto fresh = client()->get("/products/" + gold);
  EXPECT_NE(fresh.header("x-cache"), "hit");
  EXPECT_NE(fresh.body.find("380,000"), std::string::npos);
  // Shoppers may not set quotes.
  auto shopper = signed_up(unique_email("shop"));
  EXPECT_EQ(shopper->get("/operator/pricing").status, 403);
  auto api_token = json::parse(
      client()
          ->request("POST", "/api/v1/tokens",
                    json::serialize(json::object{{"email", op->email}, {"password", "operator-password"}}),
                    {"Content-Type: application/json"})
          .body);
  auto via_api = client()->request(
      "POST", "/api/v1/quotes", R"({"metal":"silver","day":"2099-01-01","won_per_gram":2500})",
      {"Content-Type: application/json",
       "Authorization: Bearer " + std::string(api_token.at("token").as_string())});
  EXPECT_EQ(via_api.status, 201);
  EXPECT_EQ(api("/api/v1/quotes").at("quotes").at("silver").at("won_per_gram").as_int64(), 2500);
}

}  // namespace brilliant::test

namespace brilliant::test {

// A logged-in visitor's listing is rendered per request from cards rendered once per catalog snapshot:
// a quote change (a new snapshot) shows the new price at once, in each language.
TEST_F(CatalogHttp, RenderedListingCardsFollowTheCatalog) {
  const auto shop = own_workshop("cards", "카드 공방", "Card Atelier");
  const auto ring = own_ring(shop, "Card Ring", 3);
  auto shopper = logged_in(web::Role::shopper);
  auto listing = [&](const std::string& prefix) {
    auto r = shopper->get(prefix + "/shop?workshop=" + shop.slug);
    EXPECT_EQ(r.status, 200);
    return r.body;
  };
  EXPECT_NE(listing("").find(catalog::format_won(ring.price, "ko")), std::string::npos);
  EXPECT_NE(listing("/en").find(catalog::format_won(ring.price, "en")), std::string::npos);
  EXPECT_NE(listing("/en").find("/en/products/" + ring.slug), std::string::npos);
  const auto today = app->quotes().current().at("silver");
  ASSERT_TRUE(app->quotes().set_quote("silver", today.day, today.won_per_gram + 900, 0, "test").ok());
  const auto repriced = app->catalog().product(ring.slug)->price;
  ASSERT_NE(repriced, ring.price);
  const auto ko = listing("");
  EXPECT_NE(ko.find(catalog::format_won(repriced, "ko")), std::string::npos);
  EXPECT_EQ(ko.find(catalog::format_won(ring.price, "ko")), std::string::npos);
  EXPECT_NE(listing("/en").find(catalog::format_won(repriced, "en")), std::string::npos);
  ASSERT_TRUE(app->quotes().set_quote("silver", today.day, today.won_per_gram, 0, today.source).ok());
}

}  // namespace brilliant::test

namespace brilliant::test {

// The demo catalog first on the shared PostgreSQL database: a CTest fixture (tests/CMakeLists.txt) runs
// this before every pg. test, so the tests that use the demo workshops find them whichever tests made
// products of their own before (the demo seeds only into a database without products).
class PgDemoSeed : public ServerTest {};

TEST_F(PgDemoSeed, LoadsTheDemoCatalogBeforeAnyTestMakesProducts) {
  if (!sqlite_file.empty()) GTEST_SKIP() << "SQLite: every test has a database of its own";
  app::seed_catalog(app->database(), app->catalog(), app->quotes(), *clock, 60);
  app->catalog().refresh();
  EXPECT_TRUE(app->catalog().workshop("iksan-gold").has_value());
}

}  // namespace brilliant::test
