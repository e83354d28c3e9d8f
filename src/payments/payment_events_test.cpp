#include "payments/payment_events.hpp"

#include <gtest/gtest.h>

namespace brilliant::payments {
namespace {

TEST(PaymentEvents, AnOrderIsNamedAsKoreanShopsNameItNeverCutMidSyllable) {
  orders::Order o;
  o.number = "BR-261130-AAAAAAAA";
  EXPECT_EQ(order_name(o), o.number);
  orders::OrderLine ring;
  ring.title_ko = "달빛 반지";
  o.lines = {ring, ring, ring};
  EXPECT_EQ(order_name(o), "달빛 반지 외 2건");
  o.lines.resize(1);
  o.lines[0].title_ko = std::string(41, 'a') + std::string("가나다라마바사아자차카타파하가나다라마바사아");
  const auto name = order_name(o);
  EXPECT_EQ(name.size(), 98u);  // 41 letters and 19 whole three-byte syllables, not 100 bytes
}

TEST(PaymentEvents, ATransitionKeepsTheProvidersAnswer) {
  Answer a;
  a.http_status = 403;
  a.code = "REJECT_CARD_PAYMENT";
  a.message = "declined";
  a.raw = "{}";
  const auto e = event_of("declined", a, PaymentStatus::in_progress, PaymentStatus::aborted, 5000);
  EXPECT_EQ(e.from_status, "in_progress");
  EXPECT_EQ(e.to_status, "aborted");
  EXPECT_EQ(e.code, "REJECT_CARD_PAYMENT");
  EXPECT_EQ(e.amount, 5000);
  EXPECT_EQ(our_refusal("secret_mismatch", "no").kind, Answer::Kind::refused);
}

}  // namespace
}  // namespace brilliant::payments

namespace brilliant::payments {

TEST(RefundAccountOf, TheBanksCodeTheDigitsAndTheHolder) {
  const auto kb = refund_account_of("국민은행 123401-04-567890 김보석");
  EXPECT_EQ(kb.bank, "04");
  EXPECT_EQ(kb.number, "12340104567890");
  EXPECT_EQ(kb.holder, "김보석");
  EXPECT_EQ(refund_account_of("신한 110-123-456789").bank, "88");
  EXPECT_EQ(refund_account_of("신한 110-123-456789").holder, "");  // no holder named: the number's last part
  EXPECT_TRUE(refund_account_of("어딘가은행 123456789 김").empty());  // no bank we know
  EXPECT_TRUE(refund_account_of("국민 123 김").empty());              // too short a number
}

}  // namespace brilliant::payments
