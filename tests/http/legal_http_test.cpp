// What a Korean store must show (issue 15) over HTTP on both databases: the terms and privacy policy
// pages, the business particulars at the foot of every page (set by the operator, the cache of
// anonymous pages refreshed at once), refusals that name the field, the marketplace notice and each
// workshop's seller particulars on its pieces, and who may change them.
#include <boost/json.hpp>

#include "catalog/repo.hpp"
#include "db/database.hpp"
#include "http/shop_testing.hpp"
#include "legal/views.hpp"

namespace brilliant::test {
namespace json = boost::json;

class LegalHttp : public ShopTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    app->legal().load();
    saved = *app->legal().current();
  }
  // The particulars are one row set for the whole (shared PostgreSQL) database: put them back.
  void TearDown() override {
    if (app && saved) (void)app->legal().save(*saved, 0);
    ServerTest::TearDown();
  }
  static std::string particulars(const std::string& company, const std::string& arrangement) {
    auto b = legal::business_json(legal::demo_business());
    b["company"] = company;
    b["arrangement"] = arrangement;
    b.erase("processors");  // the list is derived; the text is what is sent
    b["processors"] = b.at("processors_text");
    return json::serialize(b);
  }
  std::optional<legal::BusinessInfo> saved;
};

TEST_F(LegalHttp, TermsAndPrivacyPagesInBothLanguagesNameTheBusiness) {
  auto op = logged_in(web::Role::operator_);
  auto put = op->request("PUT", "/api/v1/operator/legal",
                         particulars("익산 보석 공동체 주식회사", "mediator"), json_headers(*op));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json::parse(put.body).at("registration_display"), "120-81-47521");
  auto c = client();
  for (const char* path : {"/terms", "/en/terms", "/privacy", "/en/privacy"}) {
    const auto page = c->get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_NE(page.body.find("익산 보석 공동체 주식회사"), std::string::npos) << path;
    EXPECT_NE(page.body.find("id=\"business-info\""), std::string::npos) << path;
  }
  const auto terms = c->get("/terms").body;
  EXPECT_NE(terms.find("id=\"terms-mediator\""), std::string::npos);
  EXPECT_NE(terms.find("통신판매중개자"), std::string::npos);
  const auto privacy = c->get("/en/privacy").body;
  EXPECT_NE(privacy.find("privacy@brilliant.example"), std::string::npos);
  EXPECT_NE(privacy.find("<strong>CJ대한통운</strong>"), std::string::npos);  // the processors, one a line
  const auto api = json::parse(c->get("/api/v1/legal").body);
  EXPECT_EQ(api.at("company"), "익산 보석 공동체 주식회사");
  EXPECT_EQ(api.at("terms_version"), "2026-11-29");
}

TEST_F(LegalHttp, EveryPageCarriesTheParticularsAndASaveShowsAtOnceEvenOnCachedPages) {
  auto op = logged_in(web::Role::operator_);
  ASSERT_EQ(
      op->request("PUT", "/api/v1/operator/legal", particulars("첫 상호", "mediator"), json_headers(*op))
          .status,
      200);
  auto c = client();
  auto home = c->get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("첫 상호"), std::string::npos);
  EXPECT_NE(home.body.find("href=\"/privacy\"><strong>"), std::string::npos);  // the privacy link stands out
  EXPECT_NE(home.body.find("bizCommPop.do?wrkr_no=1208147521"), std::string::npos);
  EXPECT_NE(home.body.find("id=\"mediator-notice\""), std::string::npos);
  c->get("/");  // now from the page cache
  // The form this time, as an operator would: the arrangement changes to selling in our own name.
  auto form = op->post_form("/operator/legal", {{"_csrf", op->csrf_from("/operator/legal")},
                                                {"company", "둘째 상호"},
                                                {"representative", "김보석"},
                                                {"registration_no", "120-81-47521"},
                                                {"mail_order_no", "제2026-전북익산-0123호"},
                                                {"address", "익산시"},
                                                {"phone", "063-850-1234"},
                                                {"email", "help@brilliant.example"},
                                                {"hosting", "자체"},
                                                {"arrangement", "seller"},
                                                {"privacy_officer", "이안전"},
                                                {"privacy_email", "privacy@brilliant.example"},
                                                {"processors", "CJ대한통운: 상품 배송"}});
  ASSERT_EQ(form.status, 303) << form.body;
  EXPECT_NE(form.header("location").find("/operator/legal?saved=1"), std::string::npos);
  home = c->get("/");
  EXPECT_NE(home.body.find("둘째 상호"), std::string::npos);
  EXPECT_EQ(home.body.find("첫 상호"), std::string::npos);
  EXPECT_EQ(home.body.find("id=\"mediator-notice\""), std::string::npos);
  EXPECT_EQ(c->get("/terms").body.find("id=\"terms-mediator\""), std::string::npos);
}

TEST_F(LegalHttp, BadParticularsAreRefusedByFieldAndNothingChanges) {
  auto op = logged_in(web::Role::operator_);
  ASSERT_EQ(op->request("PUT", "/api/v1/operator/legal", particulars("그대로", "mediator"), json_headers(*op))
                .status,
            200);
  auto body = json::parse(particulars("바뀜", "mediator")).as_object();
  body["registration_no"] = "120-81-47522";  // the checksum digit is wrong
  auto bad = op->request("PUT", "/api/v1/operator/legal", json::serialize(body), json_headers(*op));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body).at("error").at("field"), "registration_no");
  body["registration_no"] = "120-81-47521";
  body["arrangement"] = "broker";
  bad = op->request("PUT", "/api/v1/operator/legal", json::serialize(body), json_headers(*op));
  EXPECT_EQ(json::parse(bad.body).at("error").at("field"), "arrangement");
  // The form keeps what was typed and says what is wrong beside the field.
  auto form = op->post_form(
      "/en/operator/legal",
      {{"_csrf", op->csrf_from("/operator/legal")}, {"company", "바뀜"}, {"arrangement", "mediator"}});
  EXPECT_EQ(form.status, 400);
  EXPECT_NE(form.body.find("value=\"바뀜\""), std::string::npos);
  EXPECT_NE(form.body.find("class=\"field-error\""), std::string::npos);
  EXPECT_EQ(json::parse(op->get("/api/v1/operator/legal").body).at("company"), "그대로");
}

TEST_F(LegalHttp, APieceShowsItsWorkshopAsTheSellerWhileTheHubMediates) {
  auto op = logged_in(web::Role::operator_);
  ASSERT_EQ(
      op->request("PUT", "/api/v1/operator/legal", particulars("허브", "mediator"), json_headers(*op)).status,
      200);
  const auto workshop = own_workshop("seller", "판매 공방", "Seller Atelier");
  const auto ring = own_ring(workshop, "Seller Ring", 3);
  auto c = client();
  auto page = c->get("/products/" + ring.slug);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("id=\"seller-info\""), std::string::npos);  // not known yet: said so
  app->database().write([&](soci::session& s) {
    catalog::repo::set_seller(
        s, workshop.id,
        {"판매 공방", "박장인", "2208162517", "익산시 왕궁면 1", "063-111-2222", "s@x.example"},
        "2026-11-25T00:00:00Z");
  });
  app->catalog().refresh();
  page = c->get("/en/products/" + ring.slug);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"seller-info\""), std::string::npos);
  EXPECT_NE(page.body.find("220-81-62517"), std::string::npos);
  EXPECT_NE(page.body.find("박장인"), std::string::npos);
  const auto api = json::parse(c->get("/api/v1/products/" + ring.slug).body);
  EXPECT_EQ(api.at("workshop").at("seller").at("registration_no"), "2208162517");
  // The order mail names the seller too (the contract's confirmation).
  auto shopper = signed_up(unique_email("seller-mail"));
  add_to_cart(*shopper, ring.variants[0].id);
  auto placed = place(*shopper, "seller-mail-order-0001");
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto number = json::value_to<std::string>(json::parse(placed.body).at("number"));
  const auto body = app->database().read([&](soci::session& s) {
    std::string text;
    const std::string like = "%" + number + "%";
    s << "SELECT body_text FROM outbox WHERE subject LIKE :s", soci::use(like), soci::into(text);
    return text;
  });
  EXPECT_NE(body.find("220-81-62517"), std::string::npos) << body;
  EXPECT_NE(body.find("박장인"), std::string::npos);
}

TEST_F(LegalHttp, AWorkshopsOwnerKeepsItsSellerParticularsCurrent) {
  ASSERT_TRUE(app->legal().save(legal::demo_business(), 0));
  const auto workshop = own_workshop("own-seller", "대표 공방", "Owner Atelier");
  const auto ring = own_ring(workshop, "Owner Ring", 2);
  std::string email;
  auto owner = logged_in(web::Role::vendor_staff, workshop.slug, &email);
  EXPECT_EQ(owner->get("/api/v1/console/seller").body, R"({"missing":true})");
  const std::string particulars =
      R"({"company":"대표 공방","representative":"최대표","registration_no":"220-81-62517","address":"익산시 1",)"
      R"("phone":"063-123-4567","email":"owner@example.com"})";
  std::string wrong = particulars;
  wrong.replace(wrong.find("220-81-62517"), 12, "220-81-62518");  // the checksum digit is wrong
  auto bad = owner->request("PUT", "/api/v1/console/seller", wrong, json_headers(*owner));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body).at("error").at("field"), "registration_no");
  auto put = owner->request("PUT", "/api/v1/console/seller", particulars, json_headers(*owner));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json::parse(put.body).at("registration_display"), "220-81-62517");
  const auto page = client()->get("/products/" + ring.slug);
  EXPECT_NE(page.body.find("최대표"), std::string::npos);
  EXPECT_NE(owner->get("/console/seller").body.find("value=\"최대표\""), std::string::npos);
  // A staff member who is not the owner reads them but may not change them.
  app->database().write([&](soci::session& s) {
    s << "UPDATE user_roles SET workshop_role = 'staff' WHERE role = 'vendor_staff' AND user_id = (SELECT id "
         "FROM "
         "users WHERE email = :e)",
        soci::use(email);
  });
  EXPECT_EQ(owner->request("PUT", "/api/v1/console/seller", particulars, json_headers(*owner)).status, 403);
  EXPECT_EQ(owner->get("/api/v1/console/seller").status, 200);
}

TEST_F(LegalHttp, OnlyOperatorsChangeTheParticulars) {
  const auto workshop = own_workshop("legal", "약관 공방", "Terms Atelier");
  auto maker = logged_in(web::Role::vendor_staff, workshop.slug);
  EXPECT_EQ(maker->get("/operator/legal").status, 403);
  EXPECT_EQ(maker->request("PUT", "/api/v1/operator/legal", "{}", json_headers(*maker)).status, 403);
  EXPECT_EQ(maker->get("/api/v1/operator/legal").status, 403);
  EXPECT_EQ(client()->get("/operator/legal").status, 303);
  EXPECT_EQ(client()->get("/api/v1/legal").status, 200);
}

}  // namespace brilliant::test
