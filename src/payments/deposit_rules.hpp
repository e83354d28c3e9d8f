// Bank-transfer deposits (pure: no SQL, no HTTP). A Korean bank's statement export (read into rows by
// media::read_table) becomes a list of incoming deposits, and each deposit is matched to the unpaid orders
// of the same amount by the depositor's name: exactly, then with the variants Korean transfers produce
// (the bank cuts names to a few syllables, drops or adds the surname, a typo in one syllable, a company's
// "(주)", "님", digits or the order number typed after the name, western names in either order).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/result.hpp"

namespace brilliant::payments {

struct StatementDeposit {
  int line = 0;                 // the row in the file
  std::string at;               // "YYYY-MM-DD HH:MM[:SS]" (or just the day)
  std::string depositor, memo;  // as the bank wrote them, trimmed
  long long amount = 0;         // won, > 0
  std::string fingerprint;      // the same row of the same statement always has the same one
};
struct Statement {
  std::vector<StatementDeposit> deposits;
  int withdrawals = 0;               // rows with money going out (or nothing coming in): skipped
  std::vector<std::string> refused;  // "line 7: the amount is not a number", ...
};
// Finds the header among the first 20 rows (banks put the account's details above it): a date column
// (거래일시, 거래일자, 일자, 날짜, date...), optionally a time column (거래시간, time), the depositor
// (입금자명, 입금자, 보낸분, 기재내용, 적요, 내용, depositor, name...), the deposit amount (입금액, 입금금액,
// 맡기신금액, 입금, deposit, credit, amount...), and optionally the balance (잔액, 거래후잔액, balance) and a
// memo (메모, 비고, memo). Dates as the bank writes them (2026.11.28, 2026/11/28 14:03, 20261128, an Excel
// day number). Errors name "file": no header with a date, a depositor and an amount.
Result<Statement> read_statement(const std::vector<CsvRow>& rows);

// A name reduced for comparison: spaces, punctuation, digits, "(주)", "㈜", "주식회사" and a closing "님"
// taken out; Latin letters lower-cased; western words sorted (so "Minji Kim" equals "KIM MINJI").
std::string normal_name(std::string_view name);

enum class NameMatch { none, similar, same };
// How a depositor's name compares with a name the order holds: same (once normalised), similar (one
// starts with or contains the other and the shorter has 2+ syllables; or one syllable differs in names of
// 3+), or none.
NameMatch compare_names(std::string_view depositor, std::string_view name);

// An unpaid bank-transfer order a deposit may pay.
struct OpenOrder {
  std::string number;              // BR-261128-K3X9QW2M
  long long total = 0;             // won
  std::vector<std::string> names;  // the depositor name given at checkout, the customer's, the recipient's
};
enum class Confidence { none, ambiguous, likely, certain };
struct Candidate {
  std::string number;
  NameMatch name = NameMatch::none;
  bool number_typed = false;  // the deposit's text holds the order's number (or its last part)
};
struct Match {
  Confidence confidence = Confidence::none;
  std::vector<Candidate> candidates;  // best first; one for certain and likely, up to 6 when ambiguous
};
// For each deposit (same order), the orders of exactly its amount, ranked: the order's number typed, then
// the same name, then a similar one. certain: one order with its number typed or the same name; likely:
// one with a similar name; ambiguous: several equally good (or, with no name alike, every order of that
// amount), shown side by side; none: no unpaid order of that amount. An order that is the one pick of two
// deposits makes both ambiguous.
std::vector<Match> match_deposits(const std::vector<StatementDeposit>& deposits,
                                  const std::vector<OpenOrder>& orders);

std::string_view name_of(Confidence c);
std::string_view name_of(NameMatch m);

}  // namespace brilliant::payments
