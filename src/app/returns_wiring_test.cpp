// The returns wiring (returns_wiring.cpp): the return mails: each step in the shopper's language, with what
// the step says.
#include <gtest/gtest.h>

#include "app/app.hpp"
#include "app/returns_wiring.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"

namespace brilliant::app {

TEST(ReturnMail, EachStepSaysWhatHappenedInTheShoppersLanguage) {
  SystemClock clock;
  TempApp temp(clock, "return-mail");
  orders::Order o;
  o.number = "BR-261130-AAAAAAAA";
  o.locale = "ko";
  o.customer_name = "김지민";
  o.customer_email = "jimin@x.kr";
  orders::OrderReturn r;
  r.kind = "return";
  r.status = "approved";
  r.shipping_payer = "shopper";
  r.refund_amount = 116500;
  const auto approved = temp->return_mail(o, r, "return_approved", "CJ대한통운으로 보내 주세요");
  EXPECT_EQ(approved.to, "jimin@x.kr");
  EXPECT_NE(approved.subject.find(o.number), std::string::npos);
  EXPECT_NE(approved.subject.find("승인"), std::string::npos);
  EXPECT_NE(approved.body.find("CJ대한통운으로 보내 주세요"), std::string::npos);
  EXPECT_NE(approved.body.find("반품 배송비 고객 부담"), std::string::npos);
  EXPECT_NE(approved.body.find("116,500원"), std::string::npos);
  o.locale = "en";
  r.status = "refunded";
  const auto refunded = temp->return_mail(o, r, "return_refunded", "");
  EXPECT_NE(refunded.subject.find("refunded"), std::string::npos);
  EXPECT_NE(refunded.body.find("/en/orders/" + o.number), std::string::npos);
}

}  // namespace brilliant::app

namespace brilliant::app {

TEST(ReturnsWiring, AReturnRowShowsTheStudiosCheckOfItsOwnPiecesOnly) {
  SystemClock clock;
  TempApp temp(clock, "returns-wiring");
  App& app = *temp;
  seed_demo(app, 24);  // the demo shopper's returned order went through the returns station
  const auto inspections = app.studio().recent_returns(10);
  ASSERT_FALSE(inspections.empty());
  const auto& r = inspections.front();
  const auto checks = app.studio_inspections(r.order_number, {r.sku}, "ko");
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].at("serial").as_string(), r.serial);
  EXPECT_GE(checks[0].at("score").as_int64(), 0);
  EXPECT_FALSE(checks[0].at("decision_text").as_string().empty());
  EXPECT_TRUE(app.studio_inspections(r.order_number, {"ANOTHER-SKU"}, "ko").empty());
}

// A return's pieces came back when the returns station first took in one of its own lines' SKUs after the
// return was asked for: not another line's piece, not an earlier return's.
TEST(ReturnsWiring, APieceCameBackWhenTheReturnsStationFirstTookItIn) {
  orders::Order o;
  o.number = "BR-261206-AAAAAAAA";
  o.lines.resize(2);
  o.lines[0].id = 1;
  o.lines[0].sku = "BR-1-13";
  o.lines[1].id = 2;
  o.lines[1].sku = "BR-2";
  orders::OrderReturn x;
  x.line_ids = {1};
  x.created_at = "2026-12-01T00:00:00Z";
  const auto seen = [](const std::string& sku, const std::string& at) {
    studio::ReturnInspection i;
    i.sku = sku;
    i.created_at = at;
    return i;
  };
  EXPECT_EQ(first_arrival({}, o, x), "");
  EXPECT_EQ(first_arrival({seen("BR-1-13", "2026-11-20T00:00:00Z"),   // an earlier return's
                           seen("BR-2", "2026-12-02T00:00:00Z"),      // another line's piece
                           seen("BR-1-13", "2026-12-04T00:00:00Z"),   // this one, again
                           seen("BR-1-13", "2026-12-03T00:00:00Z")},  // this one, first
                          o, x),
            "2026-12-03T00:00:00Z");
}

}  // namespace brilliant::app
