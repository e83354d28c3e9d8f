// The workshop console's bulk stock and price editing, duplicating a piece and seeing review comments,
// on both databases; and that a workshop's staff cannot reach another workshop's variants or products.
#include <boost/json.hpp>

#include "app/seed_catalog.hpp"
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
  auto saved =
      maker->post_form("/console/stock", {{"_csrf", csrf}, {"stock_" + std::to_string(mine.id), "7"}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(stock_of(mine.id), 7);
  // Another workshop's variant by guessed id: refused, and nothing of the batch is applied.
  auto guessed = maker->post_form("/console/stock", {{"_csrf", csrf},
                                                     {"stock_" + std::to_string(mine.id), "9"},
                                                     {"stock_" + std::to_string(theirs.id), "0"}});
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
  EXPECT_EQ(product->status, "draft");
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
