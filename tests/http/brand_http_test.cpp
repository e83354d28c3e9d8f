// Brand settings over HTTP on both databases: the operator's form (the name shows on every page, the
// colours in /brand.css), refusals that name the field and keep what was typed, the JSON API, the
// commission a workshop pays (most specific rate), and who may see and change what.
#include <boost/json.hpp>
#include <vips/vips8>

#include "app/seed_catalog.hpp"
#include "http/harness.hpp"

namespace brilliant::test {
namespace json = boost::json;

class BrandHttp : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    app::seed_catalog(app->database(), app->catalog(), app->quotes(), *clock, 12);
    app->catalog().refresh();
    app->brand().load();
    saved = *app->brand().current();
  }
  // Brand settings are one row set for the whole (shared PostgreSQL) database: put them back.
  void TearDown() override {
    if (app) {
      (void)app->brand().save(saved, 0);
      app->brand().set_logo(saved.logo_hash, 0);
    }
    ServerTest::TearDown();
  }
  long long workshop_id(const std::string& slug) {
    auto w = app->catalog().workshop(slug);
    EXPECT_TRUE(w.has_value()) << slug;
    return w ? w->id : 0;
  }
  std::vector<std::pair<std::string, std::string>> form(HttpClient& c) {
    return {{"_csrf", c.csrf_from("/operator/brand")},
            {"name_ko", "익산 보석 공동 브랜드"},
            {"name_en", "Iksan Gems"},
            {"colour_primary", "#202040"},
            {"colour_accent", "#C09040"},
            {"shipping_fee", "3,500"},
            {"free_shipping_over", "60000"},
            {"remote_surcharge", "4000"},
            {"default_rate", "14"},
            {"category_rate_ring", "12.5"},
            {"workshop_rate_" + std::to_string(workshop_id("iksan-gold")), "10"},
            {"pair_workshop_0", "iksan-gold"},
            {"pair_category_0", "ring"},
            {"pair_rate_0", "8"}};
  }
  vendors::BrandSettings saved;
};

TEST_F(BrandHttp, OperatorSavesAndEveryPageShowsIt) {
  auto op = logged_in(web::Role::operator_);
  auto page = op->get("/operator/brand");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"default_rate\""), std::string::npos);
  auto r = op->post_form("/operator/brand", form(*op));
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 500);
  EXPECT_NE(op->get("/operator/brand?saved=1").body.find("id=\"brand-notice\""), std::string::npos);
  auto home = client()->get("/shop");
  EXPECT_NE(home.body.find("익산 보석 공동 브랜드"), std::string::npos);
  EXPECT_NE(client()->get("/en/shop").body.find("Iksan Gems"), std::string::npos);
  auto css_at = home.body.find("/brand.css?v=");
  ASSERT_NE(css_at, std::string::npos);
  auto css_url = home.body.substr(css_at, home.body.find('"', css_at) - css_at);
  auto css = client()->get(css_url);
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.body.find("--gold: #c09040"), std::string::npos);
  auto all = json::parse(op->get("/api/v1/operator/brand").body);
  EXPECT_EQ(all.at("shipping_fee").as_int64(), 3500);
  EXPECT_EQ(all.at("rates").as_array().size(), 4u);
}

TEST_F(BrandHttp, CommissionIsTheMostSpecificRate) {
  auto op = logged_in(web::Role::operator_);
  ASSERT_EQ(op->post_form("/operator/brand", form(*op)).status, 303);
  auto rate = [&](HttpClient& c, const std::string& workshop, const std::string& category) {
    auto r = c.get("/api/v1/commission?workshop=" + workshop + "&category=" + category);
    return r.status == 200 ? json::parse(r.body).at("rate_bp").as_int64() : -r.status;
  };
  EXPECT_EQ(rate(*op, "iksan-gold", "ring"), 800);       // workshop + category
  EXPECT_EQ(rate(*op, "iksan-gold", "necklace"), 1000);  // workshop
  EXPECT_EQ(rate(*op, "mahan-craft", "ring"), 1250);     // category
  EXPECT_EQ(rate(*op, "mahan-craft", "brooch"), 1400);   // default
  // A workshop's staff see their own rates, not another workshop's.
  auto maker = logged_in(web::Role::vendor_staff, "iksan-gold");
  EXPECT_EQ(rate(*maker, "iksan-gold", "ring"), 800);
  EXPECT_EQ(rate(*maker, "mahan-craft", "ring"), -403);
  EXPECT_EQ(rate(*maker, "iksan-gold", "spaceship"), -400);
}

TEST_F(BrandHttp, RefusalsNameTheFieldAndChangeNothing) {
  auto op = logged_in(web::Role::operator_);
  const auto before = app->brand().current()->name_en;
  auto bad = form(*op);
  bad[4].second = "gold";  // colour_accent
  auto r = op->post_form("/operator/brand", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("value=\"Iksan Gems\""), std::string::npos);  // what was typed is kept
  EXPECT_NE(r.body.find("field-error"), std::string::npos);
  bad = form(*op);
  bad.back().second = "75";  // pair_rate_0 above 50 %
  EXPECT_EQ(op->post_form("/operator/brand", bad).status, 400);
  bad = form(*op);
  bad[8].second = "";  // default_rate
  EXPECT_EQ(op->post_form("/operator/brand", bad).status, 400);
  EXPECT_EQ(app->brand().current()->name_en, before);
  auto put = op->request("PUT", "/api/v1/operator/brand",
                         R"({"name_ko":"가","name_en":"A","rates":[{"rate_bp":99999}]})",
                         {"Content-Type: application/json", "X-CSRF-Token: " + op->cookie("csrf")});
  EXPECT_EQ(put.status, 400);
  EXPECT_EQ(json::parse(put.body).at("error").at("field").as_string(), "rate");
}

TEST_F(BrandHttp, OnlyOperatorsChangeTheBrand) {
  auto maker = logged_in(web::Role::vendor_staff, "iksan-gold");
  EXPECT_EQ(maker->get("/operator/brand").status, 403);
  auto csrf = maker->cookie("csrf");
  EXPECT_EQ(maker->post_form("/operator/brand", {{"_csrf", csrf}, {"name_ko", "탈취"}}).status, 403);
  EXPECT_EQ(maker->request("PUT", "/api/v1/operator/brand", "{}", {"Content-Type: application/json"}).status,
            403);
  EXPECT_EQ(client()->get("/operator/brand").status, 303);  // to the login page
  auto pub = json::parse(client()->get("/api/v1/brand").body);
  EXPECT_FALSE(pub.as_object().contains("rates"));  // the public API shows name and colours only
}

}  // namespace brilliant::test

namespace brilliant::test {

// The logo: an image decoded and kept as a PNG, shown in every page's header; junk refused; operators only.
TEST_F(BrandHttp, LogoUploadShowsInEveryHeader) {
  auto op = logged_in(web::Role::operator_);
  auto upload = [&](HttpClient& c, const std::string& bytes) {
    return c.request("POST", "/api/v1/operator/brand/logo", bytes,
                     {"Content-Type: application/octet-stream", "X-CSRF-Token: " + c.cookie("csrf")});
  };
  op->get("/operator/brand");
  auto xy = vips::VImage::xyz(900, 900);
  auto disc = (((xy[0] - 450).pow(2) + (xy[1] - 450).pow(2)).pow(0.5) < 400)
                  .ifthenelse(200, 30)
                  .cast(VIPS_FORMAT_UCHAR);
  void* buf = nullptr;
  size_t size = 0;
  disc.bandjoin(disc).bandjoin(disc).write_to_buffer(".jpg", &buf, &size);
  const std::string jpeg(static_cast<char*>(buf), size);
  g_free(buf);

  EXPECT_EQ(upload(*op, "<svg>not accepted</svg>").status, 400);
  auto vendor = logged_in(web::Role::vendor_staff, "iksan-gold");
  vendor->get("/console");
  EXPECT_EQ(upload(*vendor, jpeg).status, 403);
  auto done = upload(*op, jpeg);
  ASSERT_EQ(done.status, 200) << done.body;
  const std::string url(json::parse(done.body).at("logo_url").as_string());
  auto home = client()->get("/");
  EXPECT_NE(home.body.find("class=\"brand-logo\" src=\"" + url + "\""), std::string::npos);
  auto logo = client()->get(url);
  ASSERT_EQ(logo.status, 200);
  EXPECT_EQ(logo.header("content-type"), "image/png");
  auto png = vips::VImage::new_from_buffer(logo.body.data(), logo.body.size(), "");
  EXPECT_EQ(png.width(), 600);  // scaled down
  EXPECT_EQ(op->post_form("/operator/brand/logo/remove", {{"_csrf", op->cookie("csrf")}}).status, 303);
  EXPECT_EQ(client()->get("/").body.find("class=\"brand-logo\""), std::string::npos);
  EXPECT_EQ(client()->get("/brand/logo.png").status, 404);
}

}  // namespace brilliant::test
