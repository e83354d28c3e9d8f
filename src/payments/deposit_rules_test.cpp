#include "payments/deposit_rules.hpp"

#include <gtest/gtest.h>

#include "media/spreadsheet.hpp"

namespace brilliant::payments {
namespace {

std::vector<CsvRow> rows(const std::string& csv) { return media::read_table(csv).value(); }

TEST(DepositRules, AKoreanBanksExportReadsAsDeposits) {
  // The account's details above the header, a withdrawal, a total row, the same deposit twice.
  const auto statement =
      read_statement(rows("계좌번호,123-456-789012\n"
                          "조회기간,2026.11.01 ~ 2026.11.30\n"
                          "거래일시,적요,기재내용,찾으신금액,맡기신금액,거래후잔액,취급점\n"
                          "2026.11.28 14:03:12,타행이체,김민지,0,\"35,000\",\"1,035,000\",인터넷\n"
                          "2026.11.28 15:00:00,카드대금,삼성카드,\"120,000\",0,\"915,000\",\n"
                          "2026/11/29 09:10,이체,KIM MINJI,,58000원,973000,\n"
                          "2026/11/29 09:10,이체,KIM MINJI,,58000원,973000,\n"
                          "합계,,,120000,151000,,\n"));
  ASSERT_TRUE(statement.ok()) << statement.error().message;
  ASSERT_EQ(statement->deposits.size(), 3u);
  EXPECT_EQ(statement->withdrawals, 1);
  EXPECT_TRUE(statement->refused.empty());
  const auto& first = statement->deposits[0];
  EXPECT_EQ(first.line, 4);
  EXPECT_EQ(first.at, "2026-11-28 14:03:12");
  EXPECT_EQ(first.depositor, "김민지");
  EXPECT_EQ(first.memo, "타행이체");
  EXPECT_EQ(first.amount, 35000);
  EXPECT_EQ(statement->deposits[1].at, "2026-11-29 09:10");
  // Two identical rows are two deposits with different fingerprints; reading the file again gives the same.
  EXPECT_NE(statement->deposits[1].fingerprint, statement->deposits[2].fingerprint);
}

TEST(DepositRules, SeparateDateAndTimeColumnsAndEnglishHeaders) {
  const auto a = read_statement(
      rows("거래일자,거래시간,입금자명,입금액(원),출금액(원)\n20261128,140312,홍길동,50000,\n"));
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->deposits.size(), 1u);
  EXPECT_EQ(a->deposits[0].at, "2026-11-28 14:03:12");
  const auto b = read_statement(rows("Date,Depositor,Deposit,Withdrawal,Balance\n46355.5,Tanaka,70000,,\n"));
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->deposits.size(), 1u);
  EXPECT_EQ(b->deposits[0].at, "2026-11-29 12:00:00");
}

TEST(DepositRules, BadRowsAreNamedAndAFileWithoutAHeaderIsRefused) {
  const auto s = read_statement(
      rows("거래일시,입금자,입금액\n2026-11-28,김민지,삼만원\nyesterday,홍길동,1000\n2026-11-28,,5000\n"));
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->deposits.empty());
  ASSERT_EQ(s->refused.size(), 3u);
  EXPECT_NE(s->refused[0].find("line 2"), std::string::npos);
  EXPECT_NE(s->refused[1].find("no date"), std::string::npos);
  EXPECT_NE(s->refused[2].find("no depositor"), std::string::npos);
  const auto none = read_statement(rows("name,price\nring,100\n"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "file");
}

TEST(DepositRules, NamesAreComparedAsKoreanTransfersWriteThem) {
  EXPECT_EQ(normal_name(" 김 민지님 "), "김민지");
  EXPECT_EQ(normal_name("(주)빛나는공방"), "빛나는공방");
  EXPECT_EQ(normal_name("KIM Minji"), normal_name("minji kim"));
  EXPECT_EQ(compare_names("김민지", "김민지"), NameMatch::same);
  EXPECT_EQ(compare_names("김민지0412", "김민지"), NameMatch::same);         // digits typed after the name
  EXPECT_EQ(compare_names("민지", "김민지"), NameMatch::similar);            // the surname left out
  EXPECT_EQ(compare_names("김민지쥬얼리공", "김민지"), NameMatch::similar);  // cut by the bank
  EXPECT_EQ(compare_names("김민기", "김민지"), NameMatch::similar);          // one syllable wrong
  EXPECT_EQ(compare_names("박서준", "김민지"), NameMatch::none);
  EXPECT_EQ(compare_names("김", "김민지"), NameMatch::none);  // one syllable says nothing
  EXPECT_EQ(compare_names("", "김민지"), NameMatch::none);
}

StatementDeposit deposit(std::string depositor, long long amount, std::string memo = "") {
  return {1, "2026-11-28", std::move(depositor), std::move(memo), amount, "f"};
}

TEST(DepositRules, ADepositFindsItsOrderByAmountThenName) {
  const std::vector<OpenOrder> orders{{"BR-261128-AAAAAAAA", 35000, {"김민지"}},
                                      {"BR-261128-BBBBBBBB", 35000, {"이서연", "이서연"}},
                                      {"BR-261128-CCCCCCCC", 58000, {"박서준"}},
                                      {"BR-261128-DDDDDDDD", 58000, {"박서준"}},
                                      {"BR-261128-EEEEEEEE", 90000, {"최유나", "최윤아"}}};
  const auto m = match_deposits(
      {deposit("김민지", 35000), deposit("민지", 35000), deposit("박서준", 58000), deposit("아무개", 35000),
       deposit("아무개", 12345), deposit("최유나", 58000, "주문 dddddddd"), deposit("최윤아", 90000)},
      orders);
  ASSERT_EQ(m.size(), 7u);
  // Exactly one order of 35,000 is 김민지's, but "민지" also picks it: both need a person's eye.
  EXPECT_EQ(m[0].confidence, Confidence::ambiguous);
  EXPECT_EQ(m[1].confidence, Confidence::ambiguous);
  EXPECT_EQ(m[0].candidates.front().number, "BR-261128-AAAAAAAA");
  // Two orders of 58,000 by the same name: side by side.
  EXPECT_EQ(m[2].confidence, Confidence::ambiguous);
  EXPECT_EQ(m[2].candidates.size(), 2u);
  // No name alike: every order of that amount is offered.
  EXPECT_EQ(m[3].confidence, Confidence::ambiguous);
  EXPECT_EQ(m[3].candidates.size(), 2u);
  EXPECT_EQ(m[4].confidence, Confidence::none);
  EXPECT_TRUE(m[4].candidates.empty());
  // The order's number typed in the memo settles it whatever the name.
  EXPECT_EQ(m[5].confidence, Confidence::certain);
  EXPECT_EQ(m[5].candidates.front().number, "BR-261128-DDDDDDDD");
  EXPECT_TRUE(m[5].candidates.front().number_typed);
  // The depositor named at checkout counts like the customer's own name.
  EXPECT_EQ(m[6].confidence, Confidence::certain);
}

TEST(DepositRules, ASimilarNameAloneIsLikely) {
  const auto m = match_deposits({deposit("김민기", 35000)}, {{"BR-261128-AAAAAAAA", 35000, {"김민지"}}});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].confidence, Confidence::likely);
  EXPECT_EQ(m[0].candidates.front().name, NameMatch::similar);
  EXPECT_EQ(name_of(m[0].confidence), "likely");
}

}  // namespace
}  // namespace brilliant::payments
