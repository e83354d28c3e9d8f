// The money loop's smaller promises end to end on both databases: a piece limited per customer (shown on
// its page, a second order refused and nothing taken), and a return request with photos (seen by the
// shopper and the piece's workshop, nobody else) whose every step is mailed to the shopper, and a transfer
// refund that the refund file pays once: marked transferred, it leaves the file and the shopper is told.
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
  auto d = delivered("retphoto", "cj", "420000000001");
  const auto& [email, number, c, maker] = std::tie(d.email, d.number, d.shopper, d.maker);
  auto asked = call(
      *c, "POST", "/api/v1/orders/" + number + "/returns",
      R"({"lines":[)" + d.line +
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

TEST_F(MoneyExtrasHttp, TheRefundFilePaysATransferRefundOnce) {
  auto d = delivered("transfers", "cj", "420000000011");
  const auto& [email, number, c, op] = std::tie(d.email, d.number, d.shopper, d.op);
  auto asked = call(*c, "POST", "/api/v1/orders/" + number + "/returns",
                    R"({"lines":[)" + d.line +
                        R"(],"reason":"defective","refund_account":"하나은행 123-456789-01234 김보석"})");
  ASSERT_EQ(asked.status, 201) << asked.body;
  const auto id = json::parse(asked.body).at("id").as_int64();
  const auto path = "/api/v1/operator/returns/" + std::to_string(id);
  for (const char* action : {"approve", "receive"})
    ASSERT_EQ(call(*op, "POST", path + "/decision", std::string(R"({"action":")") + action + "\"}").status,
              200);
  auto refunded = call(*op, "POST", path + "/refund", "{}");
  ASSERT_EQ(refunded.status, 200) << refunded.body;
  const auto amount = json::parse(refunded.body).at("refund_amount").as_int64();
  EXPECT_TRUE(json::parse(refunded.body).at("awaiting_transfer").as_bool());
  EXPECT_EQ(json::parse(refunded.body).at("status_text").as_string(), "계좌 환불 예정");
  const auto to_transfer = [&]() -> long long {  // our line's amount in the file, 0 when absent
    const auto lines = json::parse(op->get("/api/v1/operator/returns/transfers").body).at("transfers");
    for (const auto& l : lines.as_array())
      if (l.at("id").as_int64() == id) return l.at("amount").as_int64();
    return 0;
  };
  EXPECT_EQ(to_transfer(), amount);
  const std::string csv_line = "081,하나은행 123-456789-01234 김보석," + std::to_string(amount);
  EXPECT_NE(op->get("/operator/returns/refunds.csv").body.find(csv_line), std::string::npos);
  EXPECT_NE(op->get("/operator/returns").body.find("data-transfer=\"" + std::to_string(id) + "\""),
            std::string::npos);
  EXPECT_EQ(call(*op, "POST", "/api/v1/operator/returns/transferred", R"({"ids":"all"})").status, 400);
  EXPECT_EQ(call(*op, "POST", "/api/v1/operator/returns/transferred", R"({"ids":[]})").status, 400);
  EXPECT_EQ(
      call(*c, "POST", "/api/v1/operator/returns/transferred", R"({"ids":[)" + std::to_string(id) + "]}")
          .status,
      403);
  const int mails = mails_to(email, number);

  // The bank made the file's transfers: the operator marks them, and they leave the file for good.
  auto marked = op->post_form("/operator/returns/transferred",
                              {{"_csrf", op->cookie("csrf")}, {"ids", std::to_string(id)}});
  ASSERT_EQ(marked.status, 303) << marked.body;
  EXPECT_NE(op->get(marked.header("location")).body.find("id=\"transferred-now\""), std::string::npos);
  EXPECT_EQ(to_transfer(), 0);
  EXPECT_EQ(op->get("/operator/returns/refunds.csv").body.find(csv_line), std::string::npos);
  EXPECT_EQ(mails_to(email, number), mails + 1);  // "your refund has been transferred"
  const auto mine = json::parse(c->get("/api/v1/orders/" + number + "/returns").body).at("returns").at(0);
  EXPECT_EQ(mine.at("status_text").as_string(), "환불 완료");
  EXPECT_FALSE(mine.at("transferred_at").as_string().empty());
  const auto listed = json::parse(c->get("/api/v1/orders/" + number).body);
  EXPECT_EQ(listed.at("return_step").as_string(), "return_refunded");
  EXPECT_EQ(listed.at("events").as_array().back().at("kind").as_string(), "return_refund_transferred");
  // Marked again (a second tab, a retried request): nothing is paid or mailed twice.
  auto again =
      call(*op, "POST", "/api/v1/operator/returns/transferred", R"({"ids":[)" + std::to_string(id) + "]}");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json::parse(again.body).at("transferred").as_int64(), 0);
  EXPECT_EQ(mails_to(email, number), mails + 1);
}

}  // namespace brilliant::test
