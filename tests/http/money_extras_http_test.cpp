// The money loop's smaller promises end to end on both databases: a piece limited per customer (shown on
// its page, a second order refused and nothing taken), and a return request with photos (seen by the
// shopper and the piece's workshop, nobody else) whose every step is mailed to the shopper.
#include <boost/json.hpp>

#include "db/database.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace json = boost::json;

class MoneyExtrasHttp : public ShopTest {
 protected:
  int mails_to(const std::string& email, const std::string& number) {
    long long n = 0;
    const std::string subject = "%" + number + "%";
    app->database().read([&](soci::session& sql) {
      sql << "SELECT COUNT(*) FROM outbox WHERE to_address = :e AND subject LIKE :s", soci::use(email),
          soci::use(subject), soci::into(n);
    });
    return static_cast<int>(n);
  }
};

TEST_F(MoneyExtrasHttp, APieceLimitedToOnePerCustomerSellsThemOne) {
  const auto shop = own_workshop("limited", "한정 공방", "Limited Atelier");
  const auto ring = own_ring(shop, "Limited Ring", 3);
  app->database().write([&](soci::session& sql) {
    sql << "UPDATE products SET per_customer_limit = 1 WHERE id = :p", soci::use(ring.id);
  });
  app->catalog().refresh();
  auto c = signed_up(unique_email("limited"));
  EXPECT_NE(c->get("/products/" + ring.slug).body.find("id=\"purchase-limit\""), std::string::npos);
  EXPECT_EQ(call(*c, "POST", "/api/v1/cart/lines",
                 R"({"variant_id":)" + std::to_string(ring.variants.at(0).id) + R"(,"quantity":2})")
                .status,
            409);
  add_to_cart(*c, ring.variants.at(0).id);
  ASSERT_EQ(place(*c, "limited-order-1").status, 201);
  add_to_cart(*c, ring.variants.at(0).id);
  const auto second = place(*c, "limited-order-2");
  EXPECT_EQ(second.status, 409) << second.body;
  EXPECT_NE(second.body.find("purchase_limit"), std::string::npos);
  EXPECT_EQ(stock_of(ring.slug), 2);  // the refused order took nothing
}

TEST_F(MoneyExtrasHttp, AReturnRequestCarriesPhotosAndEveryStepIsMailed) {
  const auto shop = own_workshop("retphoto", "사진 공방", "Photo Return Atelier");
  const auto ring = own_ring(shop, "Photo Return Ring", 3);
  const auto email = unique_email("retphoto");
  auto c = signed_up(email);
  add_to_cart(*c, ring.variants.at(0).id);
  auto placed = place(*c, "retphoto-order-1");
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto op = logged_in(web::Role::operator_);
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  pay_and_ship(op.get(), *maker, number, "cj", "420000000001");
  ASSERT_EQ(call(*maker, "POST", "/api/v1/console/orders/" + number + "/delivery", "{}").status, 200);
  const auto line = app->orders().find(number)->lines.at(0).id;
  auto asked = call(
      *c, "POST", "/api/v1/orders/" + number + "/returns",
      R"({"lines":[)" + std::to_string(line) +
          R"(],"reason":"defective","details":"a scratch","refund_account":"국민은행 123401-04-567890 김보석"})");
  ASSERT_EQ(asked.status, 201) << asked.body;
  const auto id = std::to_string(json::parse(asked.body).at("id").as_int64());
  EXPECT_GE(mails_to(email, number), 2);  // placed, paid, shipped, delivered, then the return's first
  const int before = mails_to(email, number);

  const auto photos = "/api/v1/orders/" + number + "/returns/" + id + "/photos";
  const std::vector<std::string> upload{"Content-Type: image/jpeg", "X-CSRF-Token: " + c->cookie("csrf")};
  auto bad = c->request("POST", photos, "not a photo", upload);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"photo\""), std::string::npos);
  auto sent = c->request("POST", photos, test_jpeg(1600, 1200), upload);
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string url(json::parse(sent.body).at("url").as_string());
  auto mine = c->get(url);
  EXPECT_EQ(mine.status, 200);
  EXPECT_EQ(mine.header("content-type"), "image/png");
  EXPECT_EQ(maker->get(url).status, 200);  // the piece's workshop
  auto stranger = signed_up(unique_email("retphoto-stranger"));
  EXPECT_EQ(stranger->get(url).status, 404);
  const auto theirs =
      stranger->request("POST", photos, test_jpeg(64, 64),
                        {"Content-Type: image/jpeg", "X-CSRF-Token: " + stranger->cookie("csrf")});
  EXPECT_EQ(theirs.status, 404) << theirs.body;
  EXPECT_NE(c->get("/orders/" + number).body.find(url), std::string::npos);

  ASSERT_EQ(
      call(*maker, "POST", "/api/v1/console/returns/" + id + "/decision", R"({"action":"approve"})").status,
      200);
  EXPECT_EQ(mails_to(email, number), before + 1);
}

}  // namespace brilliant::test
