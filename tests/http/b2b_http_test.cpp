// B2B over HTTP (issue 19) on SQLite and PostgreSQL: a shopper applies to buy wholesale and cannot ask for
// quotes until the operator approves; the buyer asks a workshop for a quote; another workshop and another
// buyer see nothing of it; the workshop answers (a bad price is refused by name) and sends it; the buyer
// accepts and orders it once (a retried submit gets the same order), reads the invoice, and the operator's
// program report counts the paid order as B2B. A withdrawn piece cannot be asked about. Slugs and emails
// are unique per run: PostgreSQL is shared.
#include <boost/json.hpp>

#include "db/database.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

class B2bHttp : public ShopTest {
 protected:
  static json::object object(const HttpResponse& r) { return json::parse(r.body).as_object(); }
};

TEST_F(B2bHttp, FromAnApplicationToAPaidB2bOrder) {
  auto op = logged_in(web::Role::operator_);
  auto shop = logged_in(web::Role::shopper);
  EXPECT_EQ(shop->get("/buyer").status, 200);
  auto bad = call(*shop, "POST", "/api/v1/buyer/application", R"({"company":"","country":"TH"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("company"), std::string::npos);
  auto applied = call(*shop, "POST", "/api/v1/buyer/application",
                      R"({"company":"Siam Gems Co.","country":"th","website":"https://siam.example"})");
  ASSERT_EQ(applied.status, 201) << applied.body;
  const auto user_id = object(applied).at("user_id").as_int64();
  EXPECT_EQ(
      object(shop->get("/api/v1/buyer/application", {"Accept: application/json"})).at("status").as_string(),
      "pending");
  EXPECT_EQ(call(*shop, "POST", "/api/v1/buyer/quotes", R"({"product":"x","quantity":1})").status, 403);
  const auto decision = "/api/v1/operator/buyers/" + std::to_string(user_id) + "/decision";
  EXPECT_EQ(call(*shop, "POST", decision, R"({"decision":"approved"})").status, 403);
  ASSERT_EQ(call(*op, "POST", decision, R"({"decision":"approved"})").status, 200);

  const auto gold = own_workshop("b2b-a", "도매 공방 가", "Wholesale Atelier A");
  const auto silver = own_workshop("b2b-b", "도매 공방 나", "Wholesale Atelier B");
  const auto ring = own_ring(gold, "Trade Ring", 3, "도매 반지");
  auto maker = logged_in(web::Role::vendor_staff, gold.slug);
  auto other_maker = logged_in(web::Role::vendor_staff, silver.slug);
  auto other_buyer = logged_in(web::Role::buyer);
  auto asked = call(*shop, "POST", "/api/v1/buyer/quotes",
                    R"({"product":")" + ring.slug + R"(","quantity":12,"note":"for Bangkok"})");
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::string number(object(asked).at("number").as_string());
  const std::string mine = "/api/v1/buyer/quotes/" + number, theirs = "/api/v1/console/quotes/" + number;

  EXPECT_EQ(other_buyer->get(mine, {"Accept: application/json"}).status, 404);
  EXPECT_EQ(other_maker->get(theirs, {"Accept: application/json"}).status, 404);
  EXPECT_EQ(call(*other_maker, "POST", theirs + "/answer", R"({"unit_price":1})").status, 404);
  EXPECT_EQ(call(*other_buyer, "POST", mine + "/accept").status, 404);
  const auto waiting = object(maker->get("/api/v1/console/quotes", {"Accept: application/json"}));
  EXPECT_EQ(waiting.at("quotes").as_array().at(0).at("number").as_string(), number);
  EXPECT_EQ(call(*shop, "POST", mine + "/accept").status, 422);  // not answered yet

  auto refused = call(*maker, "POST", theirs + "/answer", R"({"unit_price":-5,"min_quantity":10})");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("unit_price"), std::string::npos);
  auto sent =
      call(*maker, "POST", theirs + "/answer",
           R"({"unit_price":85000,"min_quantity":10,"lead_days":21,"valid_days":30,"note":"ex works"})");
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(object(sent).at("status").as_string(), "sent");
  EXPECT_EQ(maker->get("/console/quotes/" + number).status, 200);
  ASSERT_EQ(call(*shop, "POST", mine + "/accept").status, 200);

  const std::string address =
      R"({"recipient":"Siam Gems Seoul","phone":"010-2345-6789","postcode":"04524","address":"서울 중구 세종대로 1")";
  auto low =
      call(*shop, "POST", mine + "/order", address + R"(,"quantity":5})", "b2b-order-" + number + "-low");
  EXPECT_EQ(low.status, 400);
  EXPECT_NE(low.body.find("quantity"), std::string::npos);
  EXPECT_EQ(call(*shop, "POST", mine + "/order", address + "}").status, 400);  // no Idempotency-Key
  auto ordered = call(*shop, "POST", mine + "/order", address + "}", "b2b-order-" + number);
  ASSERT_EQ(ordered.status, 201) << ordered.body;
  const std::string order(object(ordered).at("number").as_string());
  EXPECT_EQ(object(ordered).at("subtotal").as_int64(), 85000 * 12);
  auto again = call(*shop, "POST", mine + "/order", address + "}", "b2b-order-" + number);
  EXPECT_EQ(object(again).at("number").as_string(), order);
  EXPECT_EQ(stock_of(ring.slug), 3);  // made for the order (21 days): the shop's stock is untouched
  EXPECT_EQ(app->orders().find(order)->lines.at(0).lead_days, 21);  // the quote's days, not the piece's
  auto invoice = shop->get("/buyer/quotes/" + number + "/invoice");
  ASSERT_EQ(invoice.status, 200);
  EXPECT_NE(invoice.body.find(order), std::string::npos);
  EXPECT_NE(invoice.body.find("Siam Gems Co."), std::string::npos);
  EXPECT_EQ(other_buyer->get("/buyer/quotes/" + number + "/invoice").status, 404);
  EXPECT_EQ(object(shop->get(mine, {"Accept: application/json"})).at("status").as_string(), "ordered");
  const auto bill = object(shop->get(mine + "/invoice", {"Accept: application/json"}));
  EXPECT_EQ(bill.at("number").as_string(), order);
  EXPECT_EQ(bill.at("ordered_quantity").as_int64(), 12);
  const auto quotes = object(shop->get("/api/v1/buyer/quotes", {"Accept: application/json"}));
  EXPECT_EQ(quotes.at("quotes").as_array().at(0).at("number").as_string(), number);
  EXPECT_EQ(object(maker->get(theirs, {"Accept: application/json"})).at("company").as_string(),
            "Siam Gems Co.");

  // Either side may step back before an order: the buyer withdraws, the workshop declines.
  auto second =
      call(*shop, "POST", "/api/v1/buyer/quotes", R"({"product":")" + ring.slug + R"(","quantity":2})");
  const std::string second_number(object(second).at("number").as_string());
  auto withdrawn =
      call(*shop, "POST", "/api/v1/buyer/quotes/" + second_number + "/withdraw", R"({"note":"later"})");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(object(withdrawn).at("status").as_string(), "declined");
  EXPECT_EQ(call(*maker, "POST", "/api/v1/console/quotes/" + second_number + "/decline").status, 422);
  auto third =
      call(*shop, "POST", "/api/v1/buyer/quotes", R"({"product":")" + ring.slug + R"(","quantity":2})");
  const std::string third_number(object(third).at("number").as_string());
  auto declined =
      call(*maker, "POST", "/api/v1/console/quotes/" + third_number + "/decline", R"({"note":"sold out"})");
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(object(declined).at("status").as_string(), "declined");

  ASSERT_EQ(call(*op, "PUT", "/api/v1/operator/orders/" + order + "/status", R"({"status":"paid"})").status,
            200);
  const auto year = format_seoul(clock->now()).substr(0, 4);
  const auto report =
      object(op->get("/api/v1/operator/reports/program?year=" + year, {"Accept: application/json"}));
  const auto& b2b = report.at("total").at("channels").at("b2b");
  ASSERT_TRUE(b2b.is_object());
  EXPECT_GE(b2b.at("orders").as_int64(), 1);
  EXPECT_GE(b2b.at("gmv").as_int64(), 85000 * 12);
  EXPECT_GE(report.at("total").at("contracts").as_int64(), 1);
  const auto list = object(op->get("/api/v1/operator/buyers", {"Accept: application/json"}));
  EXPECT_NE(json::serialize(list).find(number), std::string::npos);
  EXPECT_EQ(op->get("/operator/buyers").status, 200);

  app->database().write([&](soci::session& sql) {
    sql << "UPDATE products SET status = 'archived' WHERE id = :id", soci::use(ring.id);
  });
  app->catalog().refresh();
  EXPECT_EQ(call(*shop, "POST", "/api/v1/buyer/quotes", R"({"product":")" + ring.slug + R"(","quantity":12})")
                .status,
            404);
}

}  // namespace
}  // namespace brilliant::test
