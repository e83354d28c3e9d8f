#include "payments/views.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::payments {
namespace {

TEST(PaymentViews, APartlyRefundedPaymentSaysWhatWentBack) {
  Payment p;
  p.provider_order_id = "BR-261129-7KQ4MX2P-1";
  p.order_number = "BR-261129-7KQ4MX2P";
  p.status = PaymentStatus::partial_canceled;
  p.amount = 243000;
  p.balance = 223000;
  auto t = [](const std::string& key) { return "[" + key + "]"; };
  auto j = payment_json(p, "ko", t);
  EXPECT_EQ(j.at("status_text").as_string(), "[payments.status.partial_canceled]");
  EXPECT_EQ(j.at("refunded").as_int64(), 20000);
  EXPECT_TRUE(j.at("holds_money").as_bool());
  PaymentEvent e;
  e.kind = "cancelled";
  e.answer = "{\"status\":\"PARTIAL_CANCELED\"}";
  auto shopper = payment_json(p, {e}, "en", t, false);
  EXPECT_FALSE(shopper.at("events").as_array()[0].as_object().contains("answer"));
  auto op = payment_json(p, {e}, "en", t, true);
  EXPECT_EQ(op.at("events").as_array()[0].as_object().at("answer").as_string(), e.answer);
}

TEST(PaymentViews, TheStandInWindowGetsEveryParameterEncoded) {
  Window w{.client_key = "test_ck_1",
           .window_url = "http://127.0.0.1:8091/window",
           .order_id = "BR-261129-7KQ4MX2P-1",
           .order_name = "달빛 반지 외 1건",
           .amount = 243000,
           .success_url = "https://shop.example/payments/toss/success?key=a&b",
           .fail_url = "https://shop.example/payments/toss/fail"};
  const auto url = w.stand_in_url();
  EXPECT_TRUE(
      url.starts_with("http://127.0.0.1:8091/window?clientKey=test_ck_1&orderId=BR-261129-7KQ4MX2P-1"));
  EXPECT_NE(url.find("amount=243000"), std::string::npos);
  EXPECT_NE(url.find("successUrl=https://shop.example/payments/toss/success?key=a%26b"), std::string::npos)
      << url;
  EXPECT_EQ(url.find(' '), std::string::npos);
  auto j = window_json(w);
  EXPECT_EQ(j.at("window_url").as_string(), url);
  EXPECT_EQ(j.at("amount").as_int64(), 243000);
}

}  // namespace
}  // namespace brilliant::payments
