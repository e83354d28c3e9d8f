// CSV as RFC 4180 writes it (comma, CRLF or LF, fields quoted with "" doubling), UTF-8 only: what
// spreadsheets export and import. Rows keep the line they started on, so errors can point at it.
// A leading UTF-8 byte-order mark (Excel adds one) is skipped.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace brilliant {

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Errors (field "csv"): an unclosed quote, a quote inside an unquoted field, text after a closing quote,
// invalid UTF-8, more than max_rows rows.
Result<std::vector<CsvRow>> parse_csv(std::string_view text, size_t max_rows = 20000);
// One field, quoted when it holds a comma, quote, CR or LF, or starts with = + - @ (spreadsheet formula
// injection: such fields get a leading apostrophe inside the quotes; so does a value that already starts
// with apostrophes before such a character, so that it reads back whole).
std::string csv_field(std::string_view value);
// A field as written by csv_field, back to its value (drops the apostrophe that defused a formula: the
// first of the apostrophes before = + - @).
std::string csv_value(std::string field);
// A row of fields joined by commas, ending in CRLF.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace brilliant
