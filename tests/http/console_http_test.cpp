// The workshop console's bulk stock and price editing, duplicating a piece and seeing review comments,

#include "db/database.hpp"
// on both databases; and that a workshop's staff cannot reach another workshop's variants or products.
#include <boost/json.hpp>

#include "app/seed_catalog.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"
#include "http/harness.hpp"

namespace brilliant::test {

class ConsoleHttp : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    app::seed_catalog(app->database(), app->catalog(), app->quotes(), *clock, 24);
    app->catalog().refresh();
  }
  struct VariantRow {
    long long id = 0, stock = 0, price = 0;
    std::string slug, pricing;
  };
  VariantRow variant_of(const std::string& workshop, const std::string& pricing) {
    return app->database().read([&](soci::session& sql) {
      VariantRow v;
      sql << "SELECT v.id, v.stock, v.price, p.slug, p.pricing FROM variants v JOIN products p ON p.id = "
             "v.product_id JOIN workshops w ON w.id = p.workshop_id WHERE w.slug = :w AND p.pricing = :p "
             "ORDER BY v.id LIMIT 1",
          soci::use(workshop), soci::use(pricing), soci::into(v.id), soci::into(v.stock), soci::into(v.price),
          soci::into(v.slug), soci::into(v.pricing);
      return v;
    });
  }
  long long stock_of(long long variant) {
    return app->database().read([&](soci::session& sql) {
      long long stock = 0;
      sql << "SELECT stock FROM variants WHERE id = :v", soci::use(variant), soci::into(stock);
      return stock;
    });
  }
};

TEST_F(ConsoleHttp, BulkStockEditChangesOnlyTheWorkshopsOwnVariants) {
  auto maker = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto page = maker->get("/console/stock");
  ASSERT_EQ(page.status, 200);
  auto mine = variant_of("iksan-gold", "formula");
  ASSERT_GT(mine.id, 0);
  EXPECT_NE(page.body.find("name=\"stock_" + std::to_string(mine.id) + "\""), std::string::npos);
  auto theirs = variant_of("mahan-craft", "formula");
  ASSERT_GT(theirs.id, 0);
  EXPECT_EQ(page.body.find("name=\"stock_" + std::to_string(theirs.id) + "\""), std::string::npos);
  const auto csrf = maker->cookie("csrf");
  const auto seen = [&](long long id) {
    return std::pair{"seen_" + std::to_string(id), std::to_string(stock_of(id))};
  };
  auto saved = maker->post_form("/console/stock",
                                {{"_csrf", csrf}, {"stock_" + std::to_string(mine.id), "7"}, seen(mine.id)});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(stock_of(mine.id), 7);
  // Another workshop's variant by guessed id: refused, and nothing of the batch is applied.
  auto guessed = maker->post_form("/console/stock", {{"_csrf", csrf},
                                                     {"stock_" + std::to_string(mine.id), "9"},
                                                     seen(mine.id),
                                                     {"stock_" + std::to_string(theirs.id), "0"},
                                                     seen(theirs.id)});
  EXPECT_EQ(guessed.status, 404);
  EXPECT_EQ(stock_of(mine.id), 7);
  EXPECT_EQ(stock_of(theirs.id), theirs.stock);
  auto bad =
      maker->post_form("/console/stock", {{"_csrf", csrf}, {"stock_" + std::to_string(mine.id), "-1"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("alert-error"), std::string::npos);
  // A quote-linked price cannot be typed over.
  auto price =
      maker->post_form("/console/stock", {{"_csrf", csrf}, {"price_" + std::to_string(mine.id), "5000"}});
  EXPECT_EQ(price.status, 400);
  // The storefront shows the new stock (the catalog snapshot was refreshed).
  auto api = boost::json::parse(client()->get("/api/v1/products/" + mine.slug).body);
  bool found = false;
  for (const auto& v : api.at("variants").as_array())
    if (v.at("id").as_int64() == mine.id) found = v.at("stock").as_int64() == 7;
  EXPECT_TRUE(found);
}

TEST_F(ConsoleHttp, DuplicateMakesADraftCopyInTheSameWorkshop) {
  auto maker = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto mine = variant_of("iksan-gold", "formula");
  const auto csrf = maker->cookie("csrf");
  auto r = maker->post_form("/console/products/" + mine.slug + "/duplicate", {{"_csrf", csrf}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 300);
  const auto location = r.header("location");
  const auto copy = location.substr(location.find("copied=") + 7);
  auto product = app->catalog().product(copy);
  ASSERT_TRUE(product.has_value());
  EXPECT_EQ(product->status, catalog::ProductStatus::draft);
  EXPECT_EQ(product->workshop_id, app->catalog().workshop("iksan-gold")->id);
  EXPECT_EQ(client()->get("/products/" + copy).status, 404);  // drafts stay hidden
  auto theirs = variant_of("mahan-craft", "formula");
  EXPECT_EQ(maker->post_form("/console/products/" + theirs.slug + "/duplicate", {{"_csrf", csrf}}).status,
            403);
  EXPECT_EQ(maker->post_form("/console/products/no-such-piece/duplicate", {{"_csrf", csrf}}).status, 404);
}

TEST_F(ConsoleHttp, TheConsoleShowsTheReviewersComment) {
  auto maker = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto mine = variant_of("iksan-gold", "formula");
  const auto csrf = maker->cookie("csrf");
  auto r = maker->post_form("/console/products/" + mine.slug + "/duplicate", {{"_csrf", csrf}});
  const auto location = r.header("location");
  const auto copy = location.substr(location.find("copied=") + 7);
  ASSERT_EQ(maker->post_form("/console/products/" + copy + "/submit", {{"_csrf", csrf}}).status, 303);
  auto op = logged_in(web::Role::operator_);
  auto decided =
      op->post_form("/operator/reviews/" + copy + "/decision", {{"_csrf", op->cookie("csrf")},
                                                                {"decision", "request_changes"},
                                                                {"comment", "뒷면 사진을 더해 주세요"}});
  ASSERT_EQ(decided.status, 303);
  auto console = maker->get("/console/products");
  EXPECT_NE(console.body.find("뒷면 사진을 더해 주세요"), std::string::npos);
}

TEST_F(ConsoleHttp, ShoppersAndOperatorsCannotUseTheWorkshopsStockPage) {
  auto shopper = logged_in(web::Role::shopper);
  EXPECT_EQ(shopper->get("/console/stock").status, 403);
  EXPECT_EQ(shopper->post_form("/console/stock", {{"_csrf", shopper->cookie("csrf")}}).status, 403);
  EXPECT_EQ(client()->get("/console/stock").status, 303);
}

}  // namespace brilliant::test

namespace brilliant::test {

// CSV export -> import changes nothing; new rows make drafts; edits apply; a wrong row refuses the whole
// file with its line; another workshop's pieces cannot be reached through their slugs.
TEST_F(ConsoleHttp, CsvExportImportRoundTrip) {
  auto maker = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto exported = maker->get("/console/products.csv");
  ASSERT_EQ(exported.status, 200);
  EXPECT_TRUE(exported.header("content-type").starts_with("text/csv"));
  EXPECT_NE(exported.header("content-disposition").find("attachment"), std::string::npos);
  const auto mine = variant_of("iksan-gold", "formula");
  const auto theirs = variant_of("mahan-craft", "formula");
  EXPECT_NE(exported.body.find(mine.slug), std::string::npos);
  EXPECT_EQ(exported.body.find(theirs.slug), std::string::npos);

  auto import = [&](const std::string& csv) {
    return maker->request("POST", "/api/v1/console/products/import", csv,
                          {"Content-Type: text/csv", "X-CSRF-Token: " + maker->cookie("csrf")});
  };
  auto same = import(exported.body);
  ASSERT_EQ(same.status, 200) << same.body;
  auto summary = boost::json::parse(same.body).as_object();
  EXPECT_TRUE(summary.at("created").as_array().empty());
  EXPECT_FALSE(summary.at("updated").as_array().empty());
  EXPECT_TRUE(summary.at("back_to_review").as_array().empty());
  EXPECT_EQ(maker->get("/console/products.csv").body, exported.body);

  // A new piece with two sizes, then a stock change to it.
  auto token = random_token(4);
  for (auto& c : token) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : 'x';
  const auto slug = "csv-ring-" + token;
  const std::string header =
      "product_slug,category,title_ko,title_en,metal,purity,weight_g,labour_fee,sku,ring_size_ko,stock\n";
  const auto row = [&](const std::string& size, const std::string& stock) {
    return slug + ",ring,씨에스브이 반지,CSV Ring,gold,585,2.1,80000," + slug + "-" + size + "," + size +
           "," + stock + "\n";
  };
  auto created = import(header + row("9", "1") + row("11", "2"));
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(boost::json::parse(created.body).at("created").as_array().size(), 1u);
  auto draft = app->catalog().product(slug);
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->status, catalog::ProductStatus::draft);
  ASSERT_EQ(draft->variants.size(), 2u);
  EXPECT_GT(draft->price, 0);  // formula priced from today's quote
  ASSERT_EQ(import(header + row("11", "5")).status, 200);
  EXPECT_EQ(stock_of(app->catalog().product(slug)->variants[1].id), 5);

  // A wrong row: 400 naming the line, and nothing of the file is applied.
  auto bad = import(header + row("11", "6") + slug + ",ring,씨에스브이 반지,CSV Ring,gold,585,2.1,80000," +
                    slug + "-13,13,many\n");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("line 3, stock"), std::string::npos);
  EXPECT_EQ(stock_of(app->catalog().product(slug)->variants[1].id), 5);
  // Another workshop's piece by its slug: refused.
  auto other =
      import(header + theirs.slug + ",ring,남의 반지,Theirs,gold,585,2.1,80000,X-" + token + ",9,1\n");
  EXPECT_EQ(other.status, 400);
  EXPECT_NE(other.body.find("another workshop"), std::string::npos);

  // The page: a refused paste keeps the text and shows the line.
  auto page = maker->get("/en/console/import");
  ASSERT_EQ(page.status, 200);
  auto refused = maker->post_form(
      "/en/console/import", {{"_csrf", maker->cookie("csrf")}, {"csv", "product_slug,sku,purty\nx,y,z\n"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("purty"), std::string::npos);
  auto shown = maker->post_form("/en/console/import",
                                {{"_csrf", maker->cookie("csrf")}, {"csv", header + row("9", "4")}});
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("id=\"import-result\""), std::string::npos);
  // Shoppers have no console.
  auto shopper = logged_in(web::Role::shopper);
  EXPECT_EQ(shopper->get("/console/products.csv").status, 403);
}

}  // namespace brilliant::test

namespace brilliant::test {

// The dashboard counts views (the product page's beacon) and add-to-cart of the workshop's own pieces,
// and lists low stock; another workshop's numbers do not move.
TEST_F(ConsoleHttp, DashboardCountsViewsAddsAndLowStock) {
  auto maker = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto other = logged_in(web::Role::vendor_staff, "mahan-craft");
  auto numbers = [](HttpClient& c) {
    return boost::json::parse(c.get("/api/v1/console/dashboard").body).as_object();
  };
  const auto before = numbers(*maker);
  const auto other_before = numbers(*other);
  auto mine = variant_of("iksan-gold", "formula");
  ASSERT_GT(mine.id, 0);
  ASSERT_EQ(maker
                ->post_form("/console/stock",
                            {{"_csrf", maker->cookie("csrf")},
                             {"stock_" + std::to_string(mine.id), "5"},
                             {"seen_" + std::to_string(mine.id), std::to_string(stock_of(mine.id))}})
                .status,
            303);
  // The product page carries the beacon; anonymous visitors send it.
  auto page = client()->get("/products/" + mine.slug);
  EXPECT_NE(page.body.find("data-view-beacon=\"/api/v1/products/" + mine.slug + "/view\""),
            std::string::npos);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(client()->request("POST", "/api/v1/products/" + mine.slug + "/view", "", {}).status, 204);
  EXPECT_EQ(client()->request("POST", "/api/v1/products/no-such-piece/view", "", {}).status, 404);
  auto added =
      client()->request("POST", "/api/v1/cart/lines", R"({"variant_id": )" + std::to_string(mine.id) + "}",
                        {"Content-Type: application/json"});
  ASSERT_EQ(added.status, 201) << added.body;
  // Sold out: shows in low stock.
  ASSERT_EQ(maker
                ->post_form("/console/stock",
                            {{"_csrf", maker->cookie("csrf")},
                             {"stock_" + std::to_string(mine.id), "0"},
                             {"seen_" + std::to_string(mine.id), std::to_string(stock_of(mine.id))}})
                .status,
            303);

  const auto after = numbers(*maker);
  // Three beacons from one visitor within half an hour are one view (reloads do not inflate counts).
  EXPECT_EQ(after.at("views_7").as_int64(), before.at("views_7").as_int64() + 1);
  EXPECT_EQ(after.at("adds_7").as_int64(), before.at("adds_7").as_int64() + 1);
  bool top = false, low = false;
  for (const auto& t : after.at("top").as_array()) top = top || t.at("slug").as_string() == mine.slug;
  for (const auto& l : after.at("low_stock").as_array()) low = low || l.at("slug").as_string() == mine.slug;
  EXPECT_TRUE(top);
  EXPECT_TRUE(low);
  EXPECT_EQ(numbers(*other).at("views_7").as_int64(), other_before.at("views_7").as_int64());
  auto html = maker->get("/en/console");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("id=\"dashboard-stats\""), std::string::npos);
  // The page groups its counts in thousands; the API keeps them numbers.
  app->database().write([&](soci::session& sql) {
    sql << "UPDATE product_views SET views = views + 1500 WHERE product_id = (SELECT product_id FROM "
           "variants WHERE id = :v)",
        soci::use(mine.id);
  });
  const auto many = numbers(*maker).at("views_30").as_int64();
  ASSERT_GE(many, 1500);
  EXPECT_NE(maker->get("/en/console").body.find(" " + thousands(many) + "</span>"), std::string::npos);
  EXPECT_EQ(logged_in(web::Role::shopper)->get("/console").status, 403);
}

}  // namespace brilliant::test

namespace brilliant::test {

// Every console route that names a piece, by page or API, called by another workshop's staff with this
// workshop's piece (and guessed ids): refused with 403 or 404, and nothing in the database changes. The
// routes come from the router itself, so a new console route is covered without editing this test.
TEST_F(ConsoleHttp, EveryConsoleRouteRefusesAnotherWorkshopsPieces) {
  auto intruder = logged_in(web::Role::vendor_staff, "mahan-craft");
  const auto victim = variant_of("iksan-gold", "formula");
  ASSERT_FALSE(victim.slug.empty());
  auto fingerprint = [&] {
    return app->database().read([](soci::session& sql) {
      std::string out;
      soci::rowset<soci::row> rows =
          sql.prepare
          << "SELECT p.slug, p.status, p.title_en, p.updated_at, v.sku, v.stock, v.price, "
             "(SELECT COUNT(*) FROM product_photos ph WHERE ph.product_id = p.id) FROM products p JOIN "
             "variants v ON v.product_id = p.id WHERE p.workshop_id = (SELECT id FROM workshops WHERE "
             "slug = 'iksan-gold') ORDER BY v.id";
      for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) out += db::row_text(r, i) + "|";
      return out;
    });
  };
  const auto before = fingerprint();
  int checked = 0;
  for (const auto& route : app->router().routes()) {
    const bool console =
        route.pattern.starts_with("/console/") || route.pattern.starts_with("/api/v1/console/");
    if (!console || route.pattern.find("{slug}") == std::string::npos) continue;
    std::string path = route.pattern;
    path.replace(path.find("{slug}"), 6, victim.slug);
    if (auto id = path.find("{id}"); id != std::string::npos) path.replace(id, 4, "1");
    const std::string method(web::method_name(route.method));
    const std::string body =
        method == "GET" ? "" : (path.starts_with("/api/") ? R"({"title_en":"Mine now","order":[1]})" : "");
    auto response =
        path.starts_with("/api/") || method == "GET"
            ? intruder->request(
                  method, path, body,
                  {"Content-Type: application/json", "X-CSRF-Token: " + intruder->cookie("csrf")})
            : intruder->post_form(path, {{"_csrf", intruder->cookie("csrf")}, {"title_en", "Mine now"}});
    EXPECT_TRUE(response.status == 403 || response.status == 404)
        << method << " " << path << " -> " << response.status;
    ++checked;
  }
  EXPECT_GE(checked, 10);  // photos (page, form, API x5), edit (page, form, API x2), submit, duplicate
  EXPECT_EQ(fingerprint(), before);
}

}  // namespace brilliant::test
