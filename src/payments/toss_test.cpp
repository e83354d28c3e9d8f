#include "payments/toss.hpp"

#include <gtest/gtest.h>

namespace brilliant::payments {
namespace {

// A Payment object as Toss's v1 API documents it (fields the shop does not read trimmed).
constexpr char done_payment[] = R"({"mId":"tvivarepublica","version":"2022-11-16",
  "paymentKey":"5zJ4xY7m0kODnyRpQWGrN2xqGlNvLrKwv1M9ENjbeoPaZdL6","orderId":"BR-261129-7KQ4MX2P-1",
  "orderName":"달빛 반지 외 1건","status":"DONE","requestedAt":"2026-11-29T10:00:00+09:00",
  "approvedAt":"2026-11-29T10:00:07+09:00","method":"카드","totalAmount":243000,"balanceAmount":243000,
  "suppliedAmount":220909,"vat":22091,"currency":"KRW","cancels":null,
  "card":{"issuerCode":"4V","number":"433012******1234","installmentPlanMonths":0}})";

TEST(TossAnswer, ReadsAPaymentObject) {
  auto a = parse_answer(200, done_payment);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.payment.payment_key, "5zJ4xY7m0kODnyRpQWGrN2xqGlNvLrKwv1M9ENjbeoPaZdL6");
  EXPECT_EQ(a.payment.order_id, "BR-261129-7KQ4MX2P-1");
  EXPECT_EQ(a.payment.status, "DONE");
  EXPECT_EQ(a.payment.method, "카드");
  EXPECT_EQ(a.payment.total, 243000);
  EXPECT_EQ(a.payment.balance, 243000);
  EXPECT_EQ(a.payment.approved_at, "2026-11-29T10:00:07+09:00");
  EXPECT_EQ(a.raw, done_payment);  // kept as received, for the record
}

TEST(TossAnswer, ErrorsAreRefusalsWithTheProvidersCode) {
  auto a = parse_answer(
      403, R"({"code":"REJECT_CARD_PAYMENT","message":"한도초과 혹은 잔액부족으로 결제에 실패했습니다."})");
  EXPECT_EQ(a.kind, Answer::Kind::refused);
  EXPECT_EQ(a.http_status, 403);
  EXPECT_EQ(a.code, "REJECT_CARD_PAYMENT");
  EXPECT_EQ(a.message, "한도초과 혹은 잔액부족으로 결제에 실패했습니다.");
}

TEST(TossAnswer, SilenceServerErrorsAndStrangeBodiesLeaveTheOutcomeUnknown) {
  EXPECT_EQ(parse_answer(0, "").kind, Answer::Kind::unreachable);  // timed out
  auto five = parse_answer(500, R"({"code":"FAILED_INTERNAL_SYSTEM_PROCESSING","message":"x"})");
  EXPECT_EQ(five.kind, Answer::Kind::unreachable);
  EXPECT_EQ(five.code, "FAILED_INTERNAL_SYSTEM_PROCESSING");
  EXPECT_EQ(parse_answer(200, "<html>proxy error</html>").kind, Answer::Kind::unreachable);
  EXPECT_EQ(parse_answer(200, R"({"status":"DONE"})").kind, Answer::Kind::unreachable);  // no paymentKey
}

TEST(TossSettings, TheCardIsOfferedOnlyWithBothKeys) {
  TossSettings s;
  EXPECT_FALSE(s.enabled());
  s.client_key = "test_ck_x";
  EXPECT_FALSE(s.enabled());
  s.secret_key = "test_sk_x";
  EXPECT_TRUE(s.enabled());
  EXPECT_TRUE(s.test_mode());
  s.client_key = "live_ck_x";
  EXPECT_FALSE(s.test_mode());
}

TEST(TossClient, AnUnreachableProviderIsAnUnknownOutcomeNotAnError) {
  // Port 9 (discard) on loopback refuses connections: the call ends at once, unanswered.
  TossClient client(
      {.api_url = "http://127.0.0.1:9", .client_key = "c", .secret_key = "s", .timeout_seconds = 2});
  EXPECT_EQ(client.by_order("BR-261129-7KQ4MX2P-1").kind, Answer::Kind::unreachable);
  EXPECT_EQ(client.confirm("k", "BR-261129-7KQ4MX2P-1", 1000, "confirm-1").kind, Answer::Kind::unreachable);
}

}  // namespace
}  // namespace brilliant::payments
