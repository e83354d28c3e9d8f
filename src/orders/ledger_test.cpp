#include "orders/ledger.hpp"

#include <gtest/gtest.h>

#include "db/database.hpp"
#include "orders/settlements.hpp"
#include "orders/testing.hpp"

namespace brilliant::orders {
namespace {

TEST(LedgerRules, ConfirmingAParcelCreditsItsLinesAndShippingAndDebitsCommission) {
  Order o;
  o.number = "BR-261129-AAAAAAAA";
  Fulfilment f;
  f.id = 4;
  f.workshop_id = 7;
  f.shipping_fee = 3000;
  o.fulfilments = {f};
  OrderLine a, b, other;
  a.id = 10, a.fulfilment_id = 4, a.line_total = 120000, a.commission_bp = 1500;
  b.id = 11, b.fulfilment_id = 4, b.line_total = 33333, b.commission_bp = 1500;
  other.id = 12, other.fulfilment_id = 5, other.line_total = 99999;
  o.lines = {a, b, other};
  const auto entries = confirmation_entries(o, f);
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0].source, "line:10:sale");
  EXPECT_EQ(entries[1].amount, -18000);
  EXPECT_EQ(entries[3].amount, -5000);  // 4,999.95 rounded half up
  EXPECT_EQ(entries[4].kind, "shipping");
  const auto s = sum_entries(entries);
  EXPECT_EQ(s.sales, 153333);
  EXPECT_EQ(s.commission, -23000);
  EXPECT_EQ(s.shipping, 3000);
  EXPECT_EQ(s.payout, s.sales + s.commission + s.shipping + s.other);
  EXPECT_EQ(s.entries, 5);
}

TEST(LedgerRules, PayoutFilesFollowTheBanksColumns) {
  EXPECT_EQ(bank_code("KB국민은행"), "004");
  EXPECT_EQ(bank_code("신한은행"), "088");
  EXPECT_EQ(bank_code("전북은행"), "037");
  EXPECT_EQ(bank_code("Mystery Bank"), "");
  PayoutPeriod p;
  p.month = "2026-10";
  PayoutStatement s;
  s.workshop_ko = "달 공방";
  s.workshop_slug = "moon";
  s.bank_name = "KB국민은행";
  s.bank_account = "123401-04-567890";
  s.account_holder = "김달";
  s.commission = -22000;
  s.payout = 131333;
  PayoutStatement owes = s;
  owes.payout = -500;  // owes the brand: nothing to send
  p.statements = {s, owes};
  const auto csv = payout_csv(p);
  EXPECT_EQ(
      csv,
      "은행코드,계좌번호,예금주,금액,메모\r\n004,12340104567890,김달,131333,브릴리언트 2026-10 정산\r\n");
  EXPECT_NE(tax_invoice_csv(p).find("달 공방,moon,2026-10,22000,20000,2000"), std::string::npos);
}

class LedgerTest : public OrdersFixture {
 protected:
  Ledger ledger{*db, clock};
};

TEST_F(LedgerTest, AMemoCountsCharactersAsItsFormDoes) {
  std::string memo;  // 300 characters (900 bytes) fit the memo's 300, as its form's maxlength="300" says
  for (int i = 0; i < 300; ++i) memo += "포";
  EXPECT_EQ(ledger.adjust(1, 10, memo + "장", 2).error().code, "too_long");
  auto kept = ledger.adjust(1, 10, memo, 2);
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_EQ(kept->memo, memo);
}

TEST_F(LedgerTest, AClosedMonthIsFrozenOnceAndEqualsItsEntries) {
  const auto month = format_seoul(clock.now()).substr(0, 7);
  ASSERT_TRUE(ledger.adjust(1, 5000, "packaging refund", 2).ok());
  ASSERT_TRUE(ledger.adjust(1, -2000, "late fee", 2).ok());
  ASSERT_TRUE(ledger.adjust(2, 700, "rounding", 2).ok());
  EXPECT_EQ(ledger.adjust(1, 0, "x", 2).error().field, "amount");
  EXPECT_EQ(ledger.adjust(1, 10, " ", 2).error().field, "memo");
  EXPECT_EQ(ledger.adjust(99, 10, "x", 2).error().kind, ErrorKind::not_found);
  EXPECT_EQ(ledger.close(month, 2).error().code, "month_not_over");
  EXPECT_EQ(ledger.close("2026-13", 2).error().field, "month");
  EXPECT_EQ(ledger.mark_paid(month, 2).error().code, "period_open");
  clock.advance(std::chrono::hours(24 * 32));
  bool again = true;
  auto closed = ledger.close(month, 2, &again);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_FALSE(again);
  EXPECT_EQ(closed->total, 3700);
  ASSERT_EQ(closed->statements.size(), 2u);
  EXPECT_EQ(closed->statements[0].payout, 3000);
  EXPECT_EQ(closed->statements[0].other, 3000);
  EXPECT_EQ(closed->statements[0].entries, 2);
  // A late adjustment belongs to the month it is made in; closing twice changes nothing.
  ASSERT_TRUE(ledger.adjust(1, 100, "late", 2).ok());
  auto twice = ledger.close(month, 2, &again);
  EXPECT_TRUE(again);
  EXPECT_EQ(twice->total, 3700);
  auto paid = ledger.mark_paid(month, 2);
  ASSERT_TRUE(paid.ok());
  EXPECT_FALSE(paid->paid_at.empty());
  EXPECT_EQ(ledger.mark_paid(month, 2)->paid_at, paid->paid_at);
  EXPECT_EQ(ledger.period(month, 2)->statements.size(), 1u);  // one workshop's view
  EXPECT_EQ(ledger.periods().size(), 1u);
}

TEST_F(LedgerTest, AWorkshopThatOwesAtCloseIsPaidNothingAndOwesItNextMonth) {
  const auto month = format_seoul(clock.now()).substr(0, 7);
  ASSERT_TRUE(ledger.adjust(1, -8000, "a refund after the payout", 2).ok());
  ASSERT_TRUE(ledger.adjust(2, 700, "rounding", 2).ok());
  clock.advance(std::chrono::hours(24 * 32));
  auto closed = ledger.close(month, 2);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(closed->total, 700);
  ASSERT_EQ(closed->statements.size(), 2u);
  for (const auto& statement : closed->statements)  // the one that owed is paid nothing, nothing negative
    EXPECT_EQ(statement.payout, statement.workshop_id == 1 ? 0 : 700);
  EXPECT_EQ(payout_csv(*closed).find("-8000"), std::string::npos);
  const auto next = shift_month(month, 1);
  const auto owed = ledger.entries(1, next);
  ASSERT_EQ(owed.size(), 1u);
  EXPECT_EQ(owed[0].kind, "carry");
  EXPECT_EQ(owed[0].amount, -8000);
  EXPECT_EQ(ledger.open_statements(next, 1)->at(0).payout, -8000);
  EXPECT_TRUE(ledger.close(month, 2).ok());  // closed once: no second carry
  EXPECT_EQ(ledger.entries(1, next).size(), 1u);
}

}  // namespace
}  // namespace brilliant::orders
