// The operator plans a fair (a bad field is refused by name and the form keeps what was typed), selects a
// workshop that applied, and sees the exchange rates the line sheets use; the page renders in both
// languages.
#include <gtest/gtest.h>

#include "exhibitions/routes_testing.hpp"

namespace brilliant::exhibitions {
namespace {
using web::Method;

TEST_F(ExhibitionRoutesTest, TheOperatorPlansSelectsAndSetsRates) {
  auto r = call(
      Method::post, "/api/v1/operator/exhibitions", {}, op,
      R"({"slug":"bkk-2026","name_ko":"방콕 쇼","name_en":"Bangkok Show","city":"Bangkok",)"
      R"("country":"th","starts_on":"2026-09-01","ends_on":"2026-09-05","currency":"thb","cost":9000000})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(body_of(r).at("currency").as_string(), "THB");
  r = call(
      Method::post, "/operator/exhibitions", {}, op,
      "slug=seoul-2026&name_ko=%EC%84%9C%EC%9A%B8&name_en=Seoul&city=Seoul&country=KR&starts_on=2026-10-01&"
      "ends_on=2026-09-01",
      false);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("value=\"seoul-2026\""), std::string::npos);
  ASSERT_TRUE(exhibitions.apply("bkk-2026", 2, "은 공방").ok());
  r = call(Method::put, "/api/v1/operator/exhibitions/{slug}/workshops/{workshop_id}",
           {{"slug", "bkk-2026"}, {"workshop_id", "2"}}, op, R"({"state":"selected"})");
  ASSERT_EQ(r.status, 200) << r.body;
  r = call(Method::post, "/operator/exhibitions/{slug}/workshops/{workshop_id}",
           {{"slug", "bkk-2026"}, {"workshop_id", "1"}}, op, "state=selected", false);
  EXPECT_EQ(r.status, 404);  // gold never applied
  r = call(Method::get, "/api/v1/operator/exhibitions", {}, op);
  const auto fair = body_of(r).at("exhibitions").as_array().at(0).as_object();
  EXPECT_EQ(fair.at("participants").as_array().at(0).at("state").as_string(), "selected");
  for (const char* locale : {"ko", "en"}) {
    r = call(Method::get, "/operator/exhibitions", {}, op, "", false, "", locale);
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("Bangkok"), std::string::npos);
    EXPECT_NE(r.body.find("39.2"), std::string::npos);  // pricing's THB rate, shown
  }
}

}  // namespace
}  // namespace brilliant::exhibitions

namespace brilliant::exhibitions {
namespace {

TEST_F(ExhibitionRoutesTest, AFairsResultsCountLeadsAndTheOrdersItsSheetBrought) {
  fair_with_gold();
  const long long fair = exhibitions.find("hk-2026")->id;
  LeadInput lead{"phone-1-0001", 0, "Tanaka", "Ginza", "t@x.example", "", "JP", "", "", {1}, 4, true};
  ASSERT_TRUE(leads.sync(fair, lead, 1, false, {1}).ok());
  lead.client_id = "visitor-0001";
  lead.country = "";
  ASSERT_TRUE(leads.sync(fair, lead, 0, true, {1}).ok());
  db->write([](soci::session& sql) {
    for (const auto& [status, campaign] :
         {std::pair{"paid", "hk-2026"}, {"paid", "other"}, {"cancelled", "hk-2026"}}) {
      long long id = 0;
      const std::string s(status), c(campaign), number = "BR-" + c + s, key = number;
      sql << "INSERT INTO orders (number, user_id, checkout_key, request_hash, status, payment_method, "
             "subtotal, "
             "shipping_fee, total, recipient, phone, postcode, address, locale, pay_by, created_at, "
             "updated_at, "
             "utm_source, utm_campaign) VALUES (:n, 4, :k, '', :s, 'bank_transfer', 240000, 0, 240000, 'R', "
             "'1', "
             "'1', 'A', 'ko', 'x', 'x', 'x', 'exhibition', :c) RETURNING id",
          soci::use(number), soci::use(key), soci::use(s), soci::use(c), soci::into(id);
      sql << "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, created_at, "
             "updated_at) "
             "VALUES (:o, 1, 'to_ship', 240000, 0, 'x', 'x')",
          soci::use(id);
    }
  });
  auto r = call(Method::get, "/api/v1/operator/exhibitions/{slug}/results", {{"slug", "hk-2026"}}, op);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto o = body_of(r);
  EXPECT_EQ(o.at("leads").as_int64(), 2);
  EXPECT_EQ(o.at("visitors").as_int64(), 1);
  EXPECT_EQ(o.at("orders").as_int64(), 1);  // only the paid one through this fair's sheet
  EXPECT_EQ(o.at("amount").as_int64(), 240000);
  EXPECT_EQ(o.at("cost").as_int64(), 12000000);
  const auto& ws = o.at("workshops").as_array();
  ASSERT_EQ(ws.size(), 1u);
  EXPECT_EQ(ws.at(0).at("leads").as_int64(), 2);
  EXPECT_EQ(ws.at(0).at("amount").as_int64(), 240000);
  EXPECT_EQ(o.at("countries").as_array().size(), 2u);  // JP and unknown
  const auto en = body_of(web::call_route(router, Method::get, "/api/v1/operator/exhibitions/{slug}/results",
                                          {{"slug", "hk-2026"}}, op, "", "", true, "en"));
  EXPECT_EQ(ws.at(0).at("workshop").as_string(), "금 공방");
  EXPECT_EQ(en.at("workshops").at(0).at("workshop").as_string(), "Gold Atelier");  // the page's language
  // Sums as the page's language writes them (the line sheets for buyers abroad keep ₩).
  for (const auto& [locale, sum] : {std::pair{"ko", "240,000원"}, std::pair{"en", "₩240,000"}}) {
    r = call(Method::get, "/operator/exhibitions/{slug}/results", {{"slug", "hk-2026"}}, op, "", false, "",
             locale);
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find(sum), std::string::npos) << locale;
  }
  EXPECT_EQ(call(Method::get, "/api/v1/operator/exhibitions/{slug}/results", {{"slug", "none"}}, op).status,
            404);
}

}  // namespace
}  // namespace brilliant::exhibitions
