// The audit trail over HTTP on both databases (issue 15): the operator's change is recorded with its
// values (secrets never) and what it changed (before → after), a refused one is not, opening a page of
// customers' addresses is recorded as a view with the workshop of the person who opened it, shoppers are not
// traced, and only the operator reads the whole trail.
#include <boost/json.hpp>

#include "db/database.hpp"
#include "http/shop_testing.hpp"
#include "legal/views.hpp"

namespace brilliant::test {
namespace json = boost::json;

class AuditHttp : public ShopTest {
 protected:
  json::array entries(HttpClient& op, const std::string& query) {
    auto r = op.get("/api/v1/operator/audit?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).at("entries").as_array();
  }
};

TEST_F(AuditHttp, AnOperatorsChangeIsRecordedWithItsValuesAndARefusalIsNot) {
  std::string email;
  auto op = logged_in(web::Role::operator_, "", &email);
  const auto saved = app->legal().current();
  auto body = legal::business_json(legal::demo_business());
  body["processors"] = body.at("processors_text");
  body["company"] = "감사 추적 상호";
  auto put = op->request("PUT", "/api/v1/operator/legal", json::serialize(body), json_headers(*op));
  ASSERT_EQ(put.status, 200);
  body["registration_no"] = "1";
  EXPECT_EQ(op->request("PUT", "/api/v1/operator/legal", json::serialize(body), json_headers(*op)).status,
            400);
  const auto found = entries(*op, "q=" + HttpClient::encode(email) + "&kind=change");
  ASSERT_EQ(found.size(), 1u);  // the refused one is not there
  EXPECT_EQ(found[0].at("route"), "/api/v1/operator/legal");
  EXPECT_EQ(found[0].at("method"), "PUT");
  EXPECT_NE(json::value_to<std::string>(found[0].at("detail")).find("company=감사 추적 상호"),
            std::string::npos);
  EXPECT_NE(json::value_to<std::string>(found[0].at("roles")).find("operator"), std::string::npos);
  // What it changed, read before and after: the old name and the new.
  const auto changed = json::value_to<std::string>(found[0].at("changes"));
  const auto company = changed.find("company: ");  // its old name, or ∅ on a database that had none
  ASSERT_NE(company, std::string::npos) << changed;
  EXPECT_EQ(changed.substr(company, changed.find('\n', company) - company).ends_with(" → 감사 추적 상호"),
            true)
      << changed;
  // The page too, in Korean and English.
  auto page = op->get("/en/operator/audit?q=" + HttpClient::encode(email));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"audit-table\""), std::string::npos);
  EXPECT_NE(page.body.find("감사 추적 상호"), std::string::npos);
  if (saved->has_value()) (void)app->legal().save(**saved, 0);
}

TEST_F(AuditHttp, OpeningCustomersAddressesIsAViewWithTheWorkshopAndShoppersAreNotTraced) {
  const auto workshop = own_workshop("audit", "감사 공방", "Audit Atelier");
  std::string maker_email, shopper_email = unique_email("audit-shopper");
  auto maker = logged_in(web::Role::vendor_staff, workshop.slug, &maker_email);
  ASSERT_EQ(maker->get("/console/orders").status, 200);
  auto shopper = signed_up(shopper_email);
  ASSERT_EQ(shopper->get("/account").status, 200);
  auto op = logged_in(web::Role::operator_);
  const auto views = entries(*op, "kind=view&q=" + HttpClient::encode(maker_email));
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].at("target"), "/console/orders");
  EXPECT_EQ(views[0].at("workshop_id").as_int64(), workshop.id);
  EXPECT_TRUE(entries(*op, "q=" + HttpClient::encode(shopper_email)).empty());
  EXPECT_EQ(maker->get("/api/v1/operator/audit").status, 403);
  EXPECT_EQ(shopper->get("/api/v1/console/audit").status, 403);
  auto set_role = [&](const std::string& role) {
    app->database().write([&](soci::session& s) {
      s << "UPDATE user_roles SET workshop_role = :r WHERE role = 'vendor_staff' AND user_id = (SELECT id "
           "FROM "
           "users WHERE email = :e)",
          soci::use(role), soci::use(maker_email);
    });
  };
  set_role("staff");
  EXPECT_EQ(maker->get("/api/v1/console/audit").status, 403);  // staff, not the owner
  // The workshop's owner reads its own staff's trail.
  set_role("owner");
  const auto own = maker->get("/api/v1/console/audit?kind=view");
  ASSERT_EQ(own.status, 200) << own.body;
  const auto list = json::parse(own.body).at("entries").as_array();
  ASSERT_FALSE(list.empty());
  for (const auto& e : list) EXPECT_EQ(e.at("workshop_id").as_int64(), workshop.id);
  EXPECT_NE(maker->get("/console/audit").body.find("id=\"audit-table\""), std::string::npos);
}

// Before and after: a workshop's stock saved from its table page, the operator's gold quote and an order
// marked paid each record the values they changed, as the state the route changes was before and after.
TEST_F(AuditHttp, AChangeRecordsTheValuesItChangedBeforeAndAfter) {
  const auto workshop = own_workshop("auditstock", "재고 감사 공방", "Stock Audit Atelier");
  const auto ring = own_ring(workshop, "Audit Ring", 3);
  std::string maker_email, op_email;
  auto maker = logged_in(web::Role::vendor_staff, workshop.slug, &maker_email);
  auto table = maker->get("/api/v1/console/stock");
  ASSERT_EQ(table.status, 200) << table.body;
  EXPECT_EQ(json::parse(table.body).at("rows").as_array().size(), 2u);
  const auto v = std::to_string(ring.variants.at(0).id);
  ASSERT_EQ(maker
                ->post_form("/console/stock",
                            {{"_csrf", maker->cookie("csrf")}, {"stock_" + v, "7"}, {"seen_" + v, "3"}})
                .status,
            303);
  auto op = logged_in(web::Role::operator_, "", &op_email);
  const auto mine = entries(*op, "q=" + HttpClient::encode(maker_email) + "&kind=change");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(json::value_to<std::string>(mine[0].at("changes")),
            "rows[sku=" + ring.variants.at(0).sku + "].stock: 3 → 7");
  EXPECT_TRUE(mine[0].at("has_changes").as_bool());

  const auto today = app->quotes().current().at("silver");
  const auto raised = std::to_string(today.won_per_gram + 11);
  const auto quote = op->request(
      "POST", "/api/v1/quotes",
      R"({"metal":"silver","day":")" + today.day + R"(","won_per_gram":)" + raised + "}", json_headers(*op));
  ASSERT_EQ(quote.status, 201) << quote.body;
  ASSERT_TRUE(app->quotes().set_quote("silver", today.day, today.won_per_gram, 0, today.source).ok());
  auto c = signed_up(unique_email("audit-buyer"));
  add_to_cart(*c, ring.variants.at(0).id);
  auto placed = place(*c, "audit-paid-" + unique_email("k"));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  ASSERT_EQ(op->post_form("/operator/orders/" + number + "/paid", {{"_csrf", op->cookie("csrf")}}).status,
            303);
  const auto ops = entries(*op, "q=" + HttpClient::encode(op_email) + "&kind=change");
  ASSERT_EQ(ops.size(), 2u);
  const auto paid = json::value_to<std::string>(ops[0].at("changes"));  // newest first
  EXPECT_NE(paid.find("status: awaiting_payment → paid"), std::string::npos) << paid;
  const auto gold = json::value_to<std::string>(ops[1].at("changes"));
  EXPECT_NE(gold.find("quotes.silver.won_per_gram: " + std::to_string(today.won_per_gram) + " → " + raised),
            std::string::npos)
      << gold;
  // The operator's page shows it, in both languages.
  auto page = op->get("/operator/audit?q=" + HttpClient::encode(maker_email));
  EXPECT_NE(page.body.find("audit-changes"), std::string::npos);
  EXPECT_NE(page.body.find("3 → 7"), std::string::npos);
}

}  // namespace brilliant::test
