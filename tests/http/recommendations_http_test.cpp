// Recommendations over HTTP (issue 13): the product page's beacon teaches "viewed together", a paid order
// teaches "bought together", and both reach the JSON API, the product page and the "for you" row; on
// SQLite and PostgreSQL.
#include <soci/soci.h>

#include "core/text.hpp"
#include "db/database.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

class RecommendationsHttp : public ShopTest {
 protected:
  static const json::object* find(const json::value& list, const std::string& slug) {
    for (const auto& card : list.as_array())
      if (card.at("slug").as_string() == slug) return &card.as_object();
    return nullptr;
  }
  // A view from one visitor (an address and a browser: the browser's name tells them apart here).
  HttpResponse beacon(const std::string& slug, const std::string& before,
                      const std::string& browser = "test") {
    return client()->request("POST", "/api/v1/products/" + slug + "/view", "before=" + before,
                             {"Content-Type: application/x-www-form-urlencoded", "User-Agent: " + browser});
  }
};

TEST_F(RecommendationsHttp, TheBeaconTeachesViewedTogether) {
  const auto shop = own_workshop("recview", "추천 공방", "Rec Atelier");
  const auto first = own_ring(shop, "Rec First", 3), second = own_ring(shop, "Rec Second", 3);
  // The second is a gold necklace: nothing alike, so only the views can bring it.
  app->database().write([&](soci::session& sql) {
    sql << "UPDATE products SET category = 'necklace', metal = 'gold' WHERE id = :id", soci::use(second.id);
  });
  app->catalog().refresh();
  EXPECT_EQ(find(json::parse(client()->get("/api/v1/products/" + first.slug + "/recommendations").body)
                     .at("also_like"),
                 second.slug),
            nullptr);
  // Five visitors look at the necklace after the ring (a visitor's reload counts once).
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(beacon(second.slug, first.slug + ",no-such-piece", "browser " + std::to_string(i)).status, 204);
  EXPECT_EQ(beacon(second.slug, first.slug, "browser 0").status, 204);
  auto recs = client()->get("/api/v1/products/" + first.slug + "/recommendations");
  ASSERT_EQ(recs.status, 200) << recs.body;
  auto body = json::parse(recs.body);
  EXPECT_EQ(body.at("product"), first.slug.c_str());
  const auto* seen = find(body.at("also_like"), second.slug);
  ASSERT_NE(seen, nullptr) << recs.body;
  EXPECT_EQ(seen->at("reason"), "viewed_together");
  EXPECT_EQ(seen->at("reason_text"), "함께 많이 본 작품");
  EXPECT_EQ(find(body.at("also_like"), first.slug), nullptr);  // never the piece itself
  auto en = json::parse(
      client()
          ->request("GET", "/api/v1/products/" + first.slug + "/recommendations", "", {"Accept-Language: en"})
          .body);
  const auto* in_english = find(en.at("also_like"), second.slug);
  ASSERT_NE(in_english, nullptr);
  EXPECT_EQ(in_english->at("reason_text"), "Often viewed together");

  // The product page shows the row in both languages.
  auto page = client()->get("/products/" + first.slug);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("함께 보면 좋은 작품"), std::string::npos);
  EXPECT_NE(page.body.find("/products/" + second.slug), std::string::npos);
  EXPECT_NE(page.body.find("data-slug=\"" + first.slug + "\""), std::string::npos);
  EXPECT_NE(client()->get("/en/products/" + first.slug).body.find("You may also like"), std::string::npos);
}

TEST_F(RecommendationsHttp, BadInputIsRefusedNamingTheField) {
  const auto shop = own_workshop("recbad", "추천 공방", "Rec Atelier");
  const auto ring = own_ring(shop, "Rec Bad", 3);
  auto r = client()->get("/api/v1/products/" + ring.slug + "/recommendations?limit=0");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("limit"), std::string::npos);
  r = client()->get("/api/v1/recommendations?seen=" + std::string(2001, 'a'));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("seen"), std::string::npos);
  r = beacon(ring.slug, std::string(2001, 'a'));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("before"), std::string::npos);
  EXPECT_EQ(client()->get("/api/v1/products/no-such-piece-zz/recommendations").status, 404);
  EXPECT_EQ(beacon("no-such-piece-zz", "").status, 404);
}

TEST_F(RecommendationsHttp, APaidOrderTeachesBoughtTogetherAndTheShopperIsNotOfferedWhatTheyOwn) {
  const auto shop = own_workshop("recbuy", "추천 공방", "Rec Atelier");
  const auto ring = own_ring(shop, "Rec Bought", 3), other = own_ring(shop, "Rec Also", 3);
  auto shopper = logged_in(web::Role::shopper);
  add_to_cart(*shopper, ring.variants.at(0).id);
  add_to_cart(*shopper, other.variants.at(0).id);
  auto placed = place(*shopper, "rec-order-key-0001");
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto op = logged_in(web::Role::operator_);
  auto paid = op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                          json_headers(*op));
  ASSERT_EQ(paid.status, 200) << paid.body;

  auto body = json::parse(client()->get("/api/v1/products/" + ring.slug + "/recommendations").body);
  const auto* together = find(body.at("also_like"), other.slug);
  ASSERT_NE(together, nullptr);
  EXPECT_EQ(together->at("reason"), "bought_together");

  // A stranger who looked at the ring is offered the other; the shopper who owns both is offered neither.
  auto stranger = json::parse(client()->get("/api/v1/recommendations?seen=" + ring.slug + "&limit=24").body);
  EXPECT_NE(find(stranger.at("items"), other.slug), nullptr);
  auto mine = shopper->get("/api/v1/recommendations?seen=" + ring.slug + "&limit=24");
  ASSERT_EQ(mine.status, 200);
  auto items = json::parse(mine.body).at("items");
  EXPECT_EQ(find(items, ring.slug), nullptr);
  EXPECT_EQ(find(items, other.slug), nullptr);

  // The "for you" row, as the home page and the cart fetch it.
  auto row = client()->get("/recommendations/for-you?seen=" + ring.slug);
  ASSERT_EQ(row.status, 200);
  EXPECT_NE(row.body.find("당신을 위한 추천"), std::string::npos);
  EXPECT_NE(row.body.find("/products/" + other.slug), std::string::npos);
  EXPECT_NE(row.body.find("card-reason"), std::string::npos);
  EXPECT_EQ(row.header("cache-control"), "no-store");
  EXPECT_NE(client()->get("/en/recommendations/for-you?seen=" + ring.slug).body.find("Picked for you"),
            std::string::npos);
  EXPECT_NE(client()->get("/").body.find("data-for-you"), std::string::npos);

  // The operator sees the pair among those bought together, and how much comes from history.
  auto quality = op->get("/api/v1/operator/marketing/recommendations");
  ASSERT_EQ(quality.status, 200) << quality.body;
  auto q = json::parse(quality.body);
  EXPECT_GE(q.at("purchase_pairs").as_int64(), 1);
  EXPECT_GT(q.at("sampled").as_int64(), 0);
  EXPECT_EQ(q.at("view_pairs_text").as_string(), thousands(q.at("view_pairs").as_int64()));
  auto page = op->get("/operator/marketing");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"from-history\""), std::string::npos);
  EXPECT_EQ(shopper->get("/operator/marketing").status, 403);
}

}  // namespace
}  // namespace brilliant::test
