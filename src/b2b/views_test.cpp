#include "b2b/views.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::b2b {
namespace {

Quote quote(const std::string& status) {
  Quote q;
  q.number = "Q-261130-7KQ4MX";
  q.product_slug = "moon-ring";
  q.title_ko = "달 반지";
  q.title_en = "Moon ring";
  q.workshop = "달 공방";
  q.workshop_en = "Moon Workshop";
  q.buyer_name = "Somchai";
  q.buyer_company = "Siam Gems";
  q.buyer_country = "TH";
  q.quantity = 3;
  q.status = status;
  if (status != "draft") {
    q.unit_price = 90000;
    q.min_quantity = 2;
    q.valid_until = "2026-12-14T00:00:00Z";
  }
  return q;
}

const catalog::Messages words = [](const std::string& key) { return "[" + key + "]"; };

TEST(B2bViews, TheBuyerSeesTheAnswerAndWhatItMayDoNextButNotItsOwnCompanyLine) {
  const auto o = quote_json(quote("sent"), Viewer::buyer, "en", "/en", words);
  EXPECT_EQ(o.at("url").as_string(), "/en/buyer/quotes/Q-261130-7KQ4MX");
  EXPECT_EQ(o.at("title").as_string(), "Moon ring");
  EXPECT_EQ(o.at("workshop").as_string(), "Moon Workshop");  // a buyer abroad reads English
  EXPECT_EQ(o.at("status_text").as_string(), "[b2b.status.sent]");
  EXPECT_EQ(o.at("total").as_int64(), 270000);
  EXPECT_TRUE(o.at("can_accept").as_bool());
  EXPECT_FALSE(o.at("can_order").as_bool());
  EXPECT_FALSE(o.at("can_answer").as_bool());
  EXPECT_FALSE(o.contains("company"));
}

TEST(B2bViews, TheWorkshopSeesTheBuyerAndMayAnswerADraftWhoseTermsAreNotYetShown) {
  const auto o = quote_json(quote("draft"), Viewer::workshop, "ko", "", words);
  EXPECT_EQ(o.at("url").as_string(), "/console/quotes/Q-261130-7KQ4MX");
  EXPECT_EQ(o.at("company").as_string(), "Siam Gems");
  EXPECT_TRUE(o.at("can_answer").as_bool());
  EXPECT_TRUE(o.at("can_decline").as_bool());
  EXPECT_FALSE(o.at("answered").as_bool());
  EXPECT_FALSE(o.contains("unit_price"));
}

TEST(B2bViews, AnOrderedQuoteLinksItsOrderAndInvoice) {
  auto q = quote("ordered");
  q.order_number = "BR-261130-7KQ4MX2P";
  const auto buyer = quote_json(q, Viewer::buyer, "ko", "", words);
  EXPECT_EQ(buyer.at("invoice_url").as_string(), "/buyer/quotes/Q-261130-7KQ4MX/invoice");
  EXPECT_EQ(buyer.at("order_url").as_string(), "/orders/BR-261130-7KQ4MX2P");
  EXPECT_FALSE(buyer.at("can_decline").as_bool());
  const auto workshop = quote_json(q, Viewer::workshop, "ko", "", words);
  EXPECT_FALSE(workshop.contains("invoice_url"));
  EXPECT_EQ(workshop.at("order_url").as_string(), "/console/orders");
}

TEST(B2bViews, AnApplicationSaysItsState) {
  Application a;
  a.user_id = 4;
  a.info = {"Siam Gems", "TH", "https://siam.example", ""};
  a.status = "pending";
  const auto o = application_json(a);
  EXPECT_TRUE(o.at("pending").as_bool());
  EXPECT_FALSE(o.at("approved").as_bool());
  EXPECT_EQ(o.at("company").as_string(), "Siam Gems");
}

}  // namespace
}  // namespace brilliant::b2b
