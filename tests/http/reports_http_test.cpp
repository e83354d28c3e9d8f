// The program report over HTTP (issue 19) on SQLite and PostgreSQL: its figures move by exactly the
// orders this test places and pays (one from the store, one that came from the Naver feed's link), per
// channel and for the workshop; the CSV's total row and the PDF agree; only the operator may read it.
// The PostgreSQL database is shared, so the test compares before and after.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/csv.hpp"
#include "core/secret.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

class ReportsHttp : public ShopTest {
 protected:
  json::object report(HttpClient& op, const std::string& year) {
    auto r = op.get("/api/v1/operator/reports/program?year=" + year, {"Accept: application/json"});
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).as_object();
  }
  // Places the client's cart (with extra headers) and has the operator confirm its transfer; its subtotal.
  long long place_and_pay(HttpClient& shopper, HttpClient& op, const std::vector<std::string>& extra) {
    auto headers = json_headers(shopper, "report-" + random_token(8));
    headers.insert(headers.end(), extra.begin(), extra.end());
    auto placed = shopper.request("POST", "/api/v1/orders", address_json() + "}", headers);
    EXPECT_EQ(placed.status, 201) << placed.body;
    const auto order = json::parse(placed.body).as_object();
    const std::string number(order.at("number").as_string());
    auto paid = op.request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                           json_headers(op));
    EXPECT_EQ(paid.status, 200) << paid.body;
    return order.at("subtotal").as_int64();
  }
  static long long channel_gmv(const json::object& r, const char* channel) {
    for (const auto& c : r.at("channels").as_array())
      if (c.at("channel").as_string() == channel) return c.at("gmv").as_int64();
    return -1;
  }
  static long long workshop_gmv(const json::object& r, const std::string& name) {
    for (const auto& w : r.at("workshops").as_array())
      if (w.at("name").as_string() == name) return w.at("gmv").as_int64();
    return 0;
  }
};

TEST_F(ReportsHttp, TheFiguresMatchTheOrdersPlaced) {
  auto op = logged_in(web::Role::operator_);
  const std::string year = format_seoul(clock->now()).substr(0, 4);
  const auto before = report(*op, year);
  const std::string name = "보고 공방 " + random_token(4);
  const auto w = own_workshop("report", name, "Report Atelier");
  const auto ring = own_ring(w, "Report Ring", 5, "보고 반지");

  auto store_shopper = signed_up(unique_email("report-store"));
  add_to_cart(*store_shopper, ring.variants.at(0).id, 2);
  const long long from_store = place_and_pay(*store_shopper, *op, {});
  auto feed_shopper = signed_up(unique_email("report-feed"));
  add_to_cart(*feed_shopper, ring.variants.at(0).id, 1);
  const long long from_feed = place_and_pay(*feed_shopper, *op, {"Cookie: utm=naver|shopping_feed||"});

  const auto after = report(*op, year);
  const auto& t0 = before.at("total").as_object();
  const auto& t1 = after.at("total").as_object();
  EXPECT_EQ(t1.at("orders").as_int64() - t0.at("orders").as_int64(), 2);
  EXPECT_EQ(t1.at("gmv").as_int64() - t0.at("gmv").as_int64(), from_store + from_feed);
  EXPECT_EQ(channel_gmv(after, "store") - channel_gmv(before, "store"), from_store);
  EXPECT_EQ(channel_gmv(after, "marketplaces") - channel_gmv(before, "marketplaces"), from_feed);
  EXPECT_EQ(workshop_gmv(after, name), from_store + from_feed);
  long long months = 0, channels = 0, workshops = 0;
  for (const auto& m : after.at("months").as_array()) months += m.at("gmv").as_int64();
  for (const auto& c : after.at("channels").as_array()) channels += c.at("gmv").as_int64();
  for (const auto& x : after.at("workshops").as_array()) workshops += x.at("gmv").as_int64();
  EXPECT_EQ(months, t1.at("gmv").as_int64());
  EXPECT_EQ(channels, t1.at("gmv").as_int64());
  EXPECT_EQ(workshops, t1.at("gmv").as_int64());

  auto csv = op->get("/operator/reports/program.csv?year=" + year);
  ASSERT_EQ(csv.status, 200);
  auto rows = parse_csv(csv.body);
  ASSERT_TRUE(rows.ok());
  ASSERT_GT(rows->size(), 14u);
  EXPECT_EQ((*rows)[14].fields.at(2), std::to_string(t1.at("gmv").as_int64()));  // the total row
  auto pdf = op->get("/operator/reports/program.pdf?year=" + year);
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  const auto page = op->get("/operator/reports/program?year=" + year);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(name), std::string::npos);
  // English readers see the workshop's English name, in the page and in the CSV alike
  const auto english = op->get("/en/operator/reports/program?year=" + year);
  EXPECT_NE(english.body.find("Report Atelier"), std::string::npos);
  EXPECT_EQ(english.body.find(name), std::string::npos);
  EXPECT_NE(op->get("/en/operator/reports/program.csv?year=" + year).body.find("Report Atelier"),
            std::string::npos);

  EXPECT_EQ(store_shopper->get("/api/v1/operator/reports/program", {"Accept: application/json"}).status, 403);
  EXPECT_EQ(op->get("/api/v1/operator/reports/program?year=20x6", {"Accept: application/json"}).status, 400);
}

}  // namespace
}  // namespace brilliant::test
