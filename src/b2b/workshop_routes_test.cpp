// The workshop's and the operator's routes: answer, decline, approve buyers; each sees only its own.
#include "b2b/routes_testing.hpp"

namespace brilliant::b2b {
namespace {

using web::Method;
using WorkshopRoutes = B2bRoutesTest;

TEST_F(WorkshopRoutes, AWorkshopAnswersItsQuoteAndAFieldErrorNamesTheField) {
  auto q = b2b.request(buyer, {"moon-ring", 0, 5, "", ""});
  ASSERT_TRUE(q.ok());
  const auto list = body_of(call(Method::get, "/api/v1/console/quotes", "", maker_p));
  EXPECT_EQ(list.at("waiting").as_int64(), 1);
  auto bad = call(Method::post, "/api/v1/console/quotes/{number}/answer", q->number, maker_p,
                  R"({"unit_price":0,"min_quantity":2})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("unit_price"), std::string::npos);
  auto ok =
      call(Method::post, "/api/v1/console/quotes/{number}/answer", q->number, maker_p,
           R"({"unit_price":88000,"min_quantity":3,"lead_days":10,"valid_days":30,"note":"FOB Incheon"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(body_of(ok).at("status").as_string(), "sent");
  EXPECT_EQ(b2b.visible(q->number, buyer, 0, false)->unit_price, 88000);
  const auto page = call(Method::get, "/console/quotes/{number}", q->number, maker_p, "", false, "en");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Siam Gems"), std::string::npos);
  EXPECT_NE(page.body.find("answer-form"), std::string::npos);  // revisable until accepted
}

TEST_F(WorkshopRoutes, AnotherWorkshopNeitherSeesNorAnswersTheQuote) {
  const auto q = sent_quote();
  EXPECT_EQ(call(Method::get, "/api/v1/console/quotes/{number}", q.number, other_maker).status, 404);
  EXPECT_EQ(call(Method::post, "/api/v1/console/quotes/{number}/answer", q.number, other_maker,
                 R"({"unit_price":1})")
                .status,
            404);
  EXPECT_EQ(call(Method::post, "/api/v1/console/quotes/{number}/decline", q.number, other_maker).status, 404);
  EXPECT_EQ(
      body_of(call(Method::get, "/api/v1/console/quotes", "", other_maker)).at("quotes").as_array().size(),
      0u);
  const auto declined = call(Method::post, "/api/v1/console/quotes/{number}/decline", q.number, maker_p,
                             R"({"note":"not this season"})");
  EXPECT_EQ(body_of(declined).at("status").as_string(), "declined");
}

TEST_F(WorkshopRoutes, TheOperatorApprovesABuyerAndSeesEveryQuote) {
  sent_quote();
  const auto shopper = web::person(3, web::Role::shopper);
  ASSERT_EQ(
      call(Method::post, "/api/v1/buyer/application", "", shopper, R"({"company":"Gem Co","country":"JP"})")
          .status,
      201);
  auto list = body_of(call(Method::get, "/api/v1/operator/buyers", "", op_p));
  EXPECT_EQ(list.at("pending").as_int64(), 1);
  EXPECT_EQ(list.at("quotes").as_array().size(), 1u);
  EXPECT_EQ(call(Method::post, "/api/v1/operator/buyers/{id}/decision", "3", op_p, R"({"decision":"maybe"})")
                .status,
            400);
  auto ok =
      call(Method::post, "/api/v1/operator/buyers/{id}/decision", "3", op_p, R"({"decision":"approved"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM user_roles WHERE user_id = 3 AND role = 'buyer'"), 1);
  const auto page = call(Method::get, "/operator/buyers", "", op_p, "", false, "en");
  EXPECT_NE(page.body.find("Gem Co"), std::string::npos);
  EXPECT_NE(page.body.find("Siam Gems"), std::string::npos);
}

TEST_F(WorkshopRoutes, ConsoleRoutesNeedStaffAndOperatorRoutesTheOperator) {
  for (const auto& r : router.routes()) {
    if (r.pattern.find("/console/") != std::string::npos) {
      EXPECT_EQ(r.access.any_of, static_cast<uint32_t>(web::Role::vendor_staff)) << r.pattern;
    }
    if (r.pattern.find("/operator/") != std::string::npos) {
      EXPECT_EQ(r.access.any_of, static_cast<uint32_t>(web::Role::operator_)) << r.pattern;
    }
  }
}

}  // namespace
}  // namespace brilliant::b2b
