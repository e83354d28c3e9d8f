// A bank statement of real size (issue 12): reading a 20,000-row export (CSV, and the same rows as an XLSX
// workbook) and matching every deposit against 2,000 unpaid orders. Usage: deposits_bench [rows] [orders]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "media/spreadsheet.hpp"
#include "media/zip.hpp"
#include "payments/deposit_rules.hpp"

using namespace brilliant;
using Clock = std::chrono::steady_clock;

static double millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

static const char* surnames[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"};
static const char* given[] = {"민지", "서연", "지훈", "하은", "도윤", "수아", "예준", "지우", "시우", "서준"};

static std::string name_of(std::mt19937& r) {
  return std::string(surnames[r() % 10]) + given[r() % 10] + (r() % 7 == 0 ? std::to_string(r() % 100) : "");
}

int main(int argc, char** argv) {
  const int rows = argc > 1 ? std::atoi(argv[1]) : 20000, open = argc > 2 ? std::atoi(argv[2]) : 2000;
  std::mt19937 r(7);
  std::vector<payments::OpenOrder> orders;
  for (int i = 0; i < open; ++i)
    orders.push_back({"BR-261130-" + std::to_string(10000000 + i),
                      10000 * (1 + static_cast<long long>(r() % 300)),
                      {name_of(r), name_of(r)}});
  std::string csv = "거래일시,기재내용,찾으신금액,맡기신금액,거래후잔액\n", sheet = "<worksheet><sheetData>";
  for (int i = 0; i < rows; ++i) {
    const auto amount = std::to_string(10000 * (1 + r() % 300));
    const auto who = name_of(r),
               at = "2026.11." + std::to_string(10 + i % 18) + " 1" + std::to_string(i % 10) + ":00:00";
    csv += at + "," + who + ",0," + amount + ",\n";
    sheet += "<row><c t=\"inlineStr\"><is><t>" + at + "</t></is></c><c t=\"inlineStr\"><is><t>" + who +
             "</t></is></c><c><v>0</v></c><c><v>" + amount + "</v></c></row>";
  }
  sheet =
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>거래일시</t></is></c><c "
      "t=\"inlineStr\"><is><t>기재내용"
      "</t></is></c><c t=\"inlineStr\"><is><t>찾으신금액</t></is></c><c t=\"inlineStr\"><is><t>맡기신금액</t>"
      "</is></c></row>" +
      sheet.substr(std::string("<worksheet><sheetData>").size()) + "</sheetData></worksheet>";
  const auto xlsx = media::zip_files({{"xl/worksheets/sheet1.xml", sheet}}).value();

  auto t0 = Clock::now();
  auto table = media::read_table(csv, 100000);
  auto statement = payments::read_statement(table.value());
  const double read_csv = millis(Clock::now() - t0);
  t0 = Clock::now();
  auto book = media::read_table(xlsx, 100000);
  auto from_book = payments::read_statement(book.value());
  const double read_xlsx = millis(Clock::now() - t0);
  t0 = Clock::now();
  const auto matches = payments::match_deposits(statement->deposits, orders);
  const double match = millis(Clock::now() - t0);
  int kinds[4] = {0, 0, 0, 0};
  for (const auto& m : matches) ++kinds[static_cast<int>(m.confidence)];
  std::printf("rows %d (csv %.1f MB, xlsx %.1f MB), open orders %d\n", rows, csv.size() / 1e6,
              xlsx.size() / 1e6, open);
  std::printf("read csv: %.1f ms, read xlsx: %.1f ms (%zu and %zu deposits)\n", read_csv, read_xlsx,
              statement->deposits.size(), from_book->deposits.size());
  std::printf("match: %.1f ms (certain %d, likely %d, ambiguous %d, none %d)\n", match, kinds[3], kinds[2],
              kinds[1], kinds[0]);
  return statement->deposits.size() == static_cast<size_t>(rows) ? 0 : 1;
}
