// The audit trail over HTTP on both databases (issue 15): the operator's change is recorded with its
// values (secrets never), a refused one is not, opening a page of customers' addresses is recorded as a
// view with the workshop of the person who opened it, shoppers are not traced, and only the operator
// reads the whole trail.
#include <boost/json.hpp>

#include "db/database.hpp"
#include "http/harness.hpp"
#include "legal/views.hpp"

namespace brilliant::test {
namespace json = boost::json;

class AuditHttp : public ServerTest {
 protected:
  static std::vector<std::string> json_headers(HttpClient& c) {
    return {"Content-Type: application/json", "X-CSRF-Token: " + c.cookie("csrf")};
  }
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

}  // namespace brilliant::test
