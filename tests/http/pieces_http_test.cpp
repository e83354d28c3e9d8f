// Listing a piece and brand review over HTTP: drafts stay hidden, staff act only for their own

#include "db/database.hpp"
// workshop, the operator's decisions need reasons (except approval) and approval publishes.
#include <boost/json.hpp>

#include "app/seed_catalog.hpp"
#include "http/harness.hpp"

namespace brilliant::test {

class PiecesHttp : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    app::seed_catalog(app->database(), app->catalog(), app->quotes(), *clock, 24);
    app->catalog().refresh();
  }
  std::string slug_of(const std::string& title_ko) {
    return app->database().read([&](soci::session& sql) {
      std::string slug;
      sql << "SELECT slug FROM products WHERE title_ko = :t", soci::use(title_ko), soci::into(slug);
      return slug;
    });
  }
};

TEST_F(PiecesHttp, DraftReviewApprovePublish) {
  auto vendor = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto token = vendor->cookie("csrf");
  const std::string title = "별빛 펜던트 " + unique_email("t").substr(2, 5);
  std::vector<std::pair<std::string, std::string>> form = {{"_csrf", token},
                                                           {"title_ko", title},
                                                           {"title_en", "Starlight Pendant"},
                                                           {"category", "pendant"},
                                                           {"metal", "gold"},
                                                           {"purity", "750"},
                                                           {"colour", "yellow"},
                                                           {"weight_g", "1.8"},
                                                           {"labour_fee", "70000"},
                                                           {"margin_pct", "25"},
                                                           {"stock", "3"},
                                                           {"story_ko", "별을 담았습니다."},
                                                           {"story_en", "A star to wear."}};
  auto bad = form;
  bad[6].second = "123";
  auto refused = vendor->post_form("/console/products", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("value=\"" + title + "\""), std::string::npos);
  ASSERT_EQ(vendor->post_form("/console/products", form).status, 303);
  const auto slug = slug_of(title);
  ASSERT_FALSE(slug.empty());
  EXPECT_EQ(client()->get("/products/" + slug).status, 404);  // drafts are not in the store

  auto stranger = logged_in(web::Role::vendor_staff, "mireuk-jewelry");
  EXPECT_EQ(
      stranger->post_form("/console/products/" + slug + "/submit", {{"_csrf", stranger->cookie("csrf")}})
          .status,
      403);
  auto shopper = signed_up(unique_email("s"));
  EXPECT_EQ(shopper->get("/console/products").status, 403);
  EXPECT_EQ(shopper->get("/operator/reviews").status, 403);

  ASSERT_EQ(vendor->post_form("/console/products/" + slug + "/submit", {{"_csrf", token}}).status, 303);
  EXPECT_EQ(vendor->post_form("/console/products/" + slug + "/submit", {{"_csrf", token}}).status, 409);

  auto op = logged_in(web::Role::operator_, "");
  const auto op_token = op->cookie("csrf");
  auto review = op->get("/operator/reviews/" + slug);
  EXPECT_EQ(review.status, 200);
  EXPECT_NE(review.body.find("data-check=\"photos\""), std::string::npos);
  EXPECT_EQ(op->post_form("/operator/reviews/" + slug + "/decision",
                          {{"_csrf", op_token}, {"decision", "request_changes"}})
                .status,
            400);
  ASSERT_EQ(
      op->post_form("/operator/reviews/" + slug + "/decision",
                    {{"_csrf", op_token}, {"decision", "request_changes"}, {"comment", "사진을 더 밝게"}})
          .status,
      303);
  ASSERT_EQ(vendor->post_form("/console/products/" + slug + "/submit", {{"_csrf", token}}).status, 303);
  ASSERT_EQ(
      op->post_form("/operator/reviews/" + slug + "/decision", {{"_csrf", op_token}, {"decision", "approve"}})
          .status,
      303);
  auto page = client()->get("/products/" + slug);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(title), std::string::npos);
  auto history = op->get("/operator/reviews/" + slug);
  EXPECT_NE(history.body.find("사진을 더 밝게"), std::string::npos);
}

}  // namespace brilliant::test

namespace brilliant::test {

// Editing every field of a piece: by the form and by the API; a published piece goes back to review when
// more than stock and prices change; another workshop cannot edit it.
TEST_F(PiecesHttp, EditEveryFieldOfAPiece) {
  auto maker = logged_in(web::Role::vendor_staff, "iksan-gold");
  // A draft of our own to edit freely, copied through the console.
  std::string source;
  for (const auto& c : app->catalog().snapshot()->cards)
    if (c.workshop_slug == "iksan-gold") source = c.slug;
  ASSERT_FALSE(source.empty());
  auto copied =
      maker->post_form("/console/products/" + source + "/duplicate", {{"_csrf", maker->cookie("csrf")}});
  ASSERT_EQ(copied.status, 303);
  const auto location = copied.header("location");
  const auto slug = location.substr(location.find("copied=") + 7);
  auto page = maker->get("/en/console/products/" + slug + "/edit");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"variant_0_sku\""), std::string::npos);

  auto api = [&](const std::string& body) {
    return maker->request("PUT", "/api/v1/console/products/" + slug, body,
                          {"Content-Type: application/json", "X-CSRF-Token: " + maker->cookie("csrf")});
  };
  // New rows go after the existing ones: the API reports how many there are.
  const auto initial = boost::json::parse(maker->get("/api/v1/console/products/" + slug).body);
  const auto n = std::string(initial.at("fields").at("variant_rows").as_string());
  const auto v = "variant_" + n + "_";
  auto saved =
      api(R"({"plating_metal":"rhodium","plating_microns":0.5,"engraving_max_chars":8,"engraving_fee":12000,)"
          R"("stone_rows":1,"stone_0_kind":"diamond","stone_0_origin":"lab_grown","stone_0_count":3,)"
          R"("stone_0_carat":"0.1","stone_0_lab":"IGI","variant_rows":)" +
          std::to_string(std::stoi(n) + 1) + ",\"" + v + "sku\":\"" + slug + "-x\",\"" + v +
          "ring_size\":17,\"" + v + "length_mm\":420,\"" + v + "stock\":4}");
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto product = app->catalog().product(slug);
  ASSERT_TRUE(product);
  EXPECT_EQ(product->plating_metal, "rhodium");
  EXPECT_EQ(product->plating_microns_x100, 50);
  EXPECT_EQ(product->engraving_max_chars, 8);
  ASSERT_EQ(product->stones.size(), 1u);
  EXPECT_EQ(product->stones[0].count, 3);
  EXPECT_EQ(product->stones[0].lab, "IGI");
  EXPECT_EQ(product->variants.back().sku, slug + "-x");
  EXPECT_EQ(product->status, catalog::ProductStatus::draft);
  EXPECT_EQ(api(R"({"stone_rows":1,"stone_0_kind":"diamond","stone_0_origin":""})").status, 400);
  EXPECT_EQ(api(R"({"purity":[585]})").status, 400);

  // The form: a refusal keeps the typed values; a save redirects.
  const auto csrf = maker->cookie("csrf");
  auto fields =
      boost::json::parse(maker->get("/api/v1/console/products/" + slug).body).at("fields").as_object();
  std::vector<std::pair<std::string, std::string>> form{{"_csrf", csrf}};
  for (const auto& [k, v] : fields) form.emplace_back(std::string(k), std::string(v.as_string()));
  auto with = [&](const std::string& key, const std::string& value) {
    auto copy = form;
    for (auto& [k, v] : copy)
      if (k == key) v = value;
    return copy;
  };
  auto refused = maker->post_form("/en/console/products/" + slug + "/edit", with("variant_0_stock", "lots"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("value=\"lots\""), std::string::npos);
  auto ok = maker->post_form("/en/console/products/" + slug + "/edit", with("title_en", "Edited Ring"));
  ASSERT_EQ(ok.status, 303);
  EXPECT_EQ(app->catalog().product(slug)->title_en, "Edited Ring");

  // A published piece: stock alone keeps it on sale; a new title sends it back to review.
  auto published = app->catalog().product(source);
  ASSERT_TRUE(published);
  const auto before_stock = published->variants[0].stock;
  auto stock_only =
      maker->request("PUT", "/api/v1/console/products/" + source,
                     R"({"variant_0_stock":)" + std::to_string(before_stock + 1) +
                         R"(,"variant_0_stock_seen":)" + std::to_string(before_stock) + "}",
                     {"Content-Type: application/json", "X-CSRF-Token: " + maker->cookie("csrf")});
  ASSERT_EQ(stock_only.status, 200) << stock_only.body;
  EXPECT_EQ(app->catalog().product(source)->status, catalog::ProductStatus::published);
  // Another workshop: refused, by page and API.
  auto other = logged_in(web::Role::vendor_staff, "mahan-craft");
  EXPECT_EQ(other->get("/console/products/" + slug + "/edit").status, 403);
  EXPECT_EQ(other
                ->request("PUT", "/api/v1/console/products/" + slug, R"({"title_en":"Mine now"})",
                          {"Content-Type: application/json", "X-CSRF-Token: " + other->cookie("csrf")})
                .status,
            403);
  auto retitled =
      maker->request("PUT", "/api/v1/console/products/" + source,
                     R"({"variant_0_stock":)" + std::to_string(before_stock) + R"(,"variant_0_stock_seen":)" +
                         std::to_string(before_stock + 1) + R"(,"tags":"edited-)" + slug + "\"}",
                     {"Content-Type: application/json", "X-CSRF-Token: " + maker->cookie("csrf")});
  ASSERT_EQ(retitled.status, 200) << retitled.body;
  EXPECT_EQ(boost::json::parse(retitled.body).at("status").as_string(), "in_review");
  EXPECT_EQ(client()->get("/api/v1/products/" + source).status, 404);  // out of the store until approved
  // Put it back on sale for the other tests sharing this database.
  app->database().write([&](soci::session& sql) {
    sql << "UPDATE products SET status = 'published' WHERE slug = :s", soci::use(source);
  });
  app->catalog().refresh();
}

// English pages name a piece's workshop in English: the console's list of pieces, the operator's review
// queue and a piece's review page (Korean pages in Korean).
TEST_F(PiecesHttp, EnglishPagesNameTheWorkshopInEnglish) {
  const auto shop = own_workshop("names", "이름 공방", "Names Atelier");
  auto vendor = logged_in(web::Role::vendor_staff, shop.slug);
  const std::string title = "이름 반지 " + unique_email("n").substr(2, 5);
  ASSERT_EQ(vendor
                ->post_form("/console/products", {{"_csrf", vendor->cookie("csrf")},
                                                  {"title_ko", title},
                                                  {"title_en", "Name Ring"},
                                                  {"category", "pendant"},
                                                  {"metal", "gold"},
                                                  {"purity", "750"},
                                                  {"colour", "yellow"},
                                                  {"weight_g", "2.5"},
                                                  {"labour_fee", "30000"},
                                                  {"margin_pct", "25"},
                                                  {"stock", "2"},
                                                  {"story_ko", "이름을 새깁니다."},
                                                  {"story_en", "A name to wear."}})
                .status,
            303);
  const auto slug = slug_of(title);
  ASSERT_FALSE(slug.empty());
  ASSERT_EQ(
      vendor->post_form("/console/products/" + slug + "/submit", {{"_csrf", vendor->cookie("csrf")}}).status,
      303);
  auto op = logged_in(web::Role::operator_, "");
  for (const auto& [who, path] : {std::pair{vendor.get(), std::string("/console/products")},
                                  {op.get(), std::string("/operator/reviews")},
                                  {op.get(), "/operator/reviews/" + slug}}) {
    const auto english = who->get("/en" + path), korean = who->get(path);
    ASSERT_EQ(english.status, 200) << path;
    ASSERT_EQ(korean.status, 200) << path;
    EXPECT_NE(english.body.find(shop.name_en), std::string::npos) << path;
    EXPECT_EQ(english.body.find(shop.name_ko), std::string::npos) << path;
    EXPECT_NE(korean.body.find(shop.name_ko), std::string::npos) << path;
  }
}

}  // namespace brilliant::test
