// Customers and segments over HTTP (issue 13) on SQLite and PostgreSQL: a shopper's paid order makes
// them a customer the rules can select, segments are saved and sized, the CSV holds emails only with
// consent, bad rules name the line, and only the operator may look. The PostgreSQL database is shared,
// so the assertions look for this test's own shopper.
#include <boost/json.hpp>

#include <set>

#include "core/secret.hpp"
#include "core/text.hpp"
#include "db/database.hpp"

#include "http/shop_testing.hpp"
#include "web/form.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

class CustomersHttp : public ShopTest {
 protected:
  static bool has_member(const json::value& answer, const std::string& email) {
    for (const auto& m : answer.at("members").as_array())
      if (m.at("email").as_string() == email) return true;
    return false;
  }
};

TEST_F(CustomersHttp, APaidOrderMakesACustomerTheRulesSelect) {
  const auto shop = own_workshop("cust", "고객 공방", "Customer Atelier");
  const auto ring = own_ring(shop, "Customer Ring", 3);
  const auto email = unique_email("customer");
  auto shopper = signed_up(email);
  add_to_cart(*shopper, ring.variants.at(0).id, 1);
  auto placed = place(*shopper, "customer-order-" + email);
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto number = std::string(json::parse(placed.body).at("number").as_string());
  auto op = logged_in(web::Role::operator_);
  const auto ask = [&](const std::string& rules) {
    auto r = op->get("/api/v1/operator/customers?rules=" + web::url_encode(rules));
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  };
  EXPECT_FALSE(has_member(ask("orders >= 1; category = ring"), email));  // not paid yet
  EXPECT_TRUE(has_member(ask("group = prospect"), email));
  auto paid = op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                          json_headers(*op));
  ASSERT_EQ(paid.status, 200) << paid.body;
  auto selected = ask("orders >= 1\ncategory = ring\nwithin_days = 30");
  ASSERT_TRUE(has_member(selected, email));
  for (const auto& m : selected.at("members").as_array())
    if (m.at("email").as_string() == email) {
      EXPECT_EQ(m.at("orders").as_int64(), 1);
      EXPECT_EQ(m.at("days_since").as_int64(), 0);
      EXPECT_GE(m.at("ltv").as_int64(), m.at("spent").as_int64());
      EXPECT_FALSE(m.at("marketing").as_bool());
    }
  EXPECT_FALSE(has_member(ask("category = necklace"), email));

  // Saved, sized, and exported: no email without consent.
  auto saved =
      op->request("POST", "/api/v1/operator/segments",
                  R"({"name":"반지 고객","rules":"category = ring; orders >= 1"})", json_headers(*op));
  ASSERT_EQ(saved.status, 201) << saved.body;
  const auto id = json::parse(saved.body).at("id").as_int64();
  EXPECT_GE(json::parse(saved.body).at("size").as_int64(), 1);
  auto list = json::parse(op->get("/api/v1/operator/segments").body);
  bool listed = false;
  for (const auto& s : list.at("segments").as_array()) listed = listed || s.at("id").as_int64() == id;
  EXPECT_TRUE(listed);
  auto page = op->get("/operator/marketing/customers?segment=" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("반지 고객"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"group-chart\""), std::string::npos);
  auto csv = op->get("/operator/marketing/customers.csv?segment=" + std::to_string(id));
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("content-type").find("text/csv"), std::string::npos);
  EXPECT_EQ(csv.body.find(email), std::string::npos);
}

TEST_F(CustomersHttp, ALoggedInShoppersViewsFeedSegments) {
  const auto shop = own_workshop("custview", "보기 공방", "Viewing Atelier");
  const auto email = unique_email("looker");
  auto shopper = signed_up(email);
  // Three rings looked at by the logged-in shopper (the beacon carries their session cookie), none bought.
  for (const auto* title : {"Look One", "Look Two", "Look Three"}) {
    const auto ring = own_ring(shop, title, 2);
    auto r = shopper->request("POST", "/api/v1/products/" + ring.slug + "/view",
                              "before=", {"Content-Type: application/x-www-form-urlencoded"});
    ASSERT_EQ(r.status, 204) << r.body;
    EXPECT_TRUE(r.header("set-cookie").empty());  // the beacon keeps no session of its own
  }
  auto op = logged_in(web::Role::operator_);
  const auto ask = [&](const std::string& rules) {
    auto r = op->get("/api/v1/operator/customers?rules=" + web::url_encode(rules));
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  };
  EXPECT_TRUE(has_member(ask("viewed_category = ring\nviews >= 3\ncategory != ring"), email));
  EXPECT_FALSE(has_member(ask("viewed_category = ring\nviews >= 4"), email));
  EXPECT_FALSE(has_member(ask("viewed_category = necklace"), email));
  EXPECT_TRUE(has_member(ask("viewed_category != necklace\nviewed_days = 7\nviews >= 1"), email));
  // An anonymous visitor's view is counted for the piece, never for a person.
  const auto ring = own_ring(shop, "Look Four", 2);
  EXPECT_EQ(client()
                ->request("POST", "/api/v1/products/" + ring.slug + "/view",
                          "before=", {"Content-Type: application/x-www-form-urlencoded", "User-Agent: other"})
                .status,
            204);
  EXPECT_FALSE(has_member(ask("viewed_category = ring\nviews >= 4"), email));
}

TEST_F(CustomersHttp, VisitsAreCountedPerTrafficSourceOnTheDashboard) {
  const auto source = "t" + ascii_lower(random_code(8, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"));
  const auto visit = [&](const std::string& body) {
    return client()->request("POST", "/api/v1/visits", body,
                             {"Content-Type: application/x-www-form-urlencoded"});
  };
  for (int i = 0; i < 3; ++i) EXPECT_EQ(visit("utm_source=" + source + "&ref=").status, 204);
  // Moving between the store's own pages is no new visit.
  EXPECT_EQ(visit("utm_source=&ref=" + web::url_encode(base() + "/shop")).status, 204);
  EXPECT_EQ(visit("ref=" + web::url_encode("https://m.search.naver.com/search.naver?q=ring")).status, 204);
  auto op = logged_in(web::Role::operator_);
  auto dash = json::parse(op->get("/api/v1/operator/marketing/dashboard?days=7").body);
  long long mine = -1, naver = 0, self = 0;
  for (const auto& t : dash.at("traffic").as_array()) {
    if (t.at("source").as_string() == source) mine = t.at("visits").as_int64();
    if (t.at("source").as_string() == "naver") naver = t.at("visits").as_int64();
    if (t.at("source").as_string() == "127.0.0.1") self = t.at("visits").as_int64();
  }
  EXPECT_EQ(mine, 3);
  EXPECT_GE(naver, 1);
  EXPECT_EQ(self, 0);
  EXPECT_NE(op->get("/operator/marketing").body.find("id=\"traffic\""), std::string::npos);
}

// 205 customers of this test's own, each with one paid order of a sum no other test spends (and all
// different, so the order of the list is known): the list shows 200 at a time, best first, and the
// second page the other five; a page beyond the last shows the last, and a page that is not a number
// is refused naming the field.
TEST_F(CustomersHttp, TheListShowsTwoHundredAPageAndTheNextPageTheRest) {
  const long long base = 10'000'000'000'000LL + std::stoll(random_code(6, "12345678")) * 1'000'000;
  const std::string tag = random_code(8, "abcdefghijklmnopqrstuvwxyz234567");
  app->database().write([&](soci::session& sql) {
    for (int i = 0; i < 205; ++i) {
      const std::string email = "page-" + tag + "-" + std::to_string(i) + "@example.com";
      const std::string name = "Page " + std::to_string(i), number = "BR-PAGE-" + tag + std::to_string(i);
      const long long total = base + i * 1000;
      sql << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES (:e, :n, 'x', "
             "'2026-11-01T00:00:00Z', 'x')",
          soci::use(email), soci::use(name);
      sql << "INSERT INTO orders (number, user_id, checkout_key, status, subtotal, shipping_fee, total, "
             "recipient, phone, postcode, address, pay_by, paid_at, created_at, updated_at) SELECT :no, id, "
             ":no2, 'paid', :t, 0, :t2, 'x', '010', '54500', 'x', 'x', '2026-11-20T00:00:00Z', "
             "'2026-11-20T00:00:00Z', 'x' FROM users WHERE email = :e",
          soci::use(number), soci::use(number), soci::use(total), soci::use(total), soci::use(email);
    }
  });
  auto op = logged_in(web::Role::operator_);
  const std::string rules =
      "spent >= " + std::to_string(base) + "; spent < " + std::to_string(base + 1'000'000);
  const auto ask = [&](const std::string& page) {
    auto r = op->get("/api/v1/operator/customers?rules=" + web::url_encode(rules) + page);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).as_object();
  };
  const auto names = [](const json::object& answer) {
    std::vector<std::string> out;
    for (const auto& m : answer.at("members").as_array()) out.emplace_back(m.at("name").as_string());
    return out;
  };
  const auto first = ask("");
  EXPECT_EQ(first.at("size").as_int64(), 205);
  EXPECT_EQ(first.at("pages").as_int64(), 2);
  EXPECT_EQ(first.at("shown_from").as_int64(), 1);
  EXPECT_EQ(first.at("shown_to").as_int64(), 200);
  EXPECT_FALSE(first.contains("prev_url"));
  ASSERT_TRUE(first.contains("next_url"));
  const auto top = names(first);
  ASSERT_EQ(top.size(), 200u);
  EXPECT_EQ(top.front(), "Page 204");  // the most spent first
  EXPECT_EQ(top.back(), "Page 5");
  const auto second = ask("&page=2");
  EXPECT_EQ(second.at("shown_from").as_int64(), 201);
  EXPECT_EQ(second.at("shown_to").as_int64(), 205);
  EXPECT_FALSE(second.contains("next_url"));
  EXPECT_EQ(names(second), (std::vector<std::string>{"Page 4", "Page 3", "Page 2", "Page 1", "Page 0"}));
  EXPECT_EQ(names(ask("&page=7")), names(second));  // beyond the last: the last

  // The page follows its link, and keeps the rules.
  const std::string next(first.at("next_url").as_string());
  auto page = op->get(next);
  ASSERT_EQ(page.status, 200) << next;
  EXPECT_NE(page.body.find("201–205 / 205"), std::string::npos);
  EXPECT_NE(page.body.find("Page 0"), std::string::npos);
  EXPECT_EQ(page.body.find("Page 5<"), std::string::npos);
  EXPECT_NE(page.body.find("rel=\"prev\""), std::string::npos);
  auto bad = op->get("/api/v1/operator/customers?rules=" + web::url_encode(rules) + "&page=two");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"field\":\"page\""), std::string::npos) << bad.body;
}

TEST_F(CustomersHttp, BadRulesAndNamesAreRefusedAndOnlyTheOperatorLooks) {
  auto op = logged_in(web::Role::operator_);
  auto bad = op->get("/api/v1/operator/customers?rules=" + web::url_encode("metal = gold\ncolour = red"));
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("\"field\":\"rules\""), std::string::npos);
  EXPECT_NE(bad.body.find("line 2"), std::string::npos);
  auto page = op->get("/operator/marketing/customers?rules=" + web::url_encode("spent >= lots"));
  EXPECT_EQ(page.status, 400);
  EXPECT_NE(page.body.find("rules-error"), std::string::npos);
  EXPECT_NE(page.body.find("spent &gt;= lots"), std::string::npos);  // what was typed stays
  auto unnamed = op->request("POST", "/api/v1/operator/segments", R"({"name":" ","rules":"orders >= 1"})",
                             json_headers(*op));
  EXPECT_EQ(unnamed.status, 400);
  EXPECT_NE(unnamed.body.find("\"field\":\"name\""), std::string::npos);
  auto form =
      op->post_form("/operator/marketing/segments",
                    {{"_csrf", op->cookie("csrf")}, {"name", "큰 손"}, {"rules", "spent >= 1000000"}});
  EXPECT_EQ(form.status, 303);
  EXPECT_NE(form.header("location").find("/operator/marketing/customers?segment="), std::string::npos);
  auto maker = logged_in(web::Role::vendor_staff, own_workshop("custv", "공방", "Atelier").slug);
  EXPECT_EQ(maker->get("/api/v1/operator/customers").status, 403);
  EXPECT_EQ(client()->get("/operator/marketing/customers.csv").status / 100, 3);  // to the login page
}

}  // namespace
}  // namespace brilliant::test
