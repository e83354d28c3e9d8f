// The buyer's routes: apply, ask, accept, order, the invoice; JSON and pages.
#include "b2b/routes_testing.hpp"

namespace brilliant::b2b {
namespace {

using web::Method;
using BuyerRoutes = B2bRoutesTest;

TEST_F(BuyerRoutes, AShopperAppliesAndSeesTheApplicationWaiting) {
  const auto shopper = web::person(3, web::Role::shopper);
  auto bad = call(Method::post, "/api/v1/buyer/application", "", shopper,
                  R"({"company":"Gem Co","country":"Korea"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("country"), std::string::npos);
  auto ok = call(Method::post, "/api/v1/buyer/application", "", shopper,
                 R"({"company":"Gem Co","country":"kr","website":"https://gem.example"})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(body_of(ok).at("status").as_string(), "pending");
  const auto page = call(Method::get, "/buyer", "", shopper, "", false, "en");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Waiting for the hub"), std::string::npos);
  EXPECT_EQ(page.body.find("apply-form"), std::string::npos);  // no second form while pending
}

TEST_F(BuyerRoutes, ABuyerAsksAcceptsAndOrdersThenReadsTheInvoice) {
  auto asked = call(Method::post, "/api/v1/buyer/quotes", "", buyer_p,
                    R"({"product":"moon-ring","quantity":2,"note":"for Bangkok"})");
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::string number(body_of(asked).at("number").as_string());
  EXPECT_EQ(body_of(asked).at("status").as_string(), "draft");
  ASSERT_TRUE(b2b.answer(1, number, {90000, 1, 0, 14, ""}, true, maker).ok());
  const auto page = call(Method::get, "/buyer/quotes/{number}", number, buyer_p, "", false, "en");
  EXPECT_NE(page.body.find("Accept this quote"), std::string::npos);
  EXPECT_EQ(call(Method::post, "/api/v1/buyer/quotes/{number}/accept", number, buyer_p).status, 200);
  const std::string address =
      R"({"recipient":"Siam Gems","phone":"010-1234-5678","postcode":"04524","address":"서울시 중구 세종대로 1"})";
  EXPECT_EQ(call(Method::post, "/api/v1/buyer/quotes/{number}/order", number, buyer_p, address).status, 400);
  const auto ordered = order_with_key(number, address, "b2b-order-key-01");
  ASSERT_EQ(ordered.status, 201) << ordered.body;
  EXPECT_EQ(body_of(ordered).at("total").as_int64(), 180000);
  const auto invoice = call(Method::get, "/buyer/quotes/{number}/invoice", number, buyer_p, "", false, "en");
  ASSERT_EQ(invoice.status, 200);
  EXPECT_NE(invoice.body.find(std::string(body_of(ordered).at("number").as_string())), std::string::npos);
  EXPECT_NE(invoice.body.find("KB국민은행"), std::string::npos);
  EXPECT_NE(invoice.body.find("Siam Gems"), std::string::npos);
}

TEST_F(BuyerRoutes, AnotherBuyersQuoteIsNotFoundAndAWithdrawnPieceCannotBeAskedFor) {
  const auto q = sent_quote();
  EXPECT_EQ(call(Method::get, "/api/v1/buyer/quotes/{number}", q.number, stranger).status, 404);
  EXPECT_EQ(call(Method::post, "/api/v1/buyer/quotes/{number}/accept", q.number, stranger).status, 404);
  EXPECT_EQ(call(Method::get, "/buyer/quotes/{number}/invoice", q.number, buyer_p, "", false).status, 404);
  EXPECT_EQ(body_of(call(Method::get, "/api/v1/buyer/quotes", "", stranger)).at("quotes").as_array().size(),
            0u);
  db->write(
      [](soci::session& s) { s << "UPDATE products SET status = 'archived' WHERE slug = 'sun-chain'"; });
  EXPECT_EQ(call(Method::post, "/api/v1/buyer/quotes", "", buyer_p, R"({"product":"sun-chain","quantity":3})")
                .status,
            404);
  EXPECT_EQ(
      call(Method::post, "/api/v1/buyer/quotes", "", buyer_p, R"({"product":"moon-ring","quantity":"3"})")
          .status,
      400);
}

TEST_F(BuyerRoutes, OnlyABuyerReachesTheQuotesAndEveryoneLoggedInReachesTheApplication) {
  for (const auto& r : router.routes()) {
    if (r.pattern.find("/buyer/quotes") != std::string::npos) {
      EXPECT_EQ(r.access.any_of, static_cast<uint32_t>(web::Role::buyer)) << r.pattern;
    } else if (r.pattern.find("/buyer") != std::string::npos &&
               r.pattern.find("/operator/") == std::string::npos) {
      EXPECT_TRUE(r.access.login) << r.pattern;
      EXPECT_EQ(r.access.any_of, 0u) << r.pattern;
    }
  }
}

}  // namespace
}  // namespace brilliant::b2b
