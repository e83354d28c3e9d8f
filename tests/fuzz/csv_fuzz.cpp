// libFuzzer target: CSV as workshops upload it (product imports, delivery lists, bank statements). Whatever
// the bytes, parse_csv returns rows of valid UTF-8 fields whose lines only grow, or an error naming "csv";
// it never throws or reads out of bounds. A field written back (csv_line) and read again (csv_value) is
// the field.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/csv.hpp"
#include "core/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  auto rows = brilliant::parse_csv(input, 500);
  if (!rows) {
    if (rows.error().field != "csv") std::abort();
    return 0;
  }
  int line = 0;
  for (const auto& row : *rows) {
    if (row.line < 1 || row.line < line) std::abort();
    line = row.line;
    for (const auto& field : row.fields) {
      if (!brilliant::valid_utf8(field)) std::abort();
      // (An empty field alone is a blank line, which is skipped; a byte-order mark opening the text is
      // skipped: both by design.)
      if (field.empty() || field.starts_with("\xEF\xBB\xBF")) continue;
      auto again = brilliant::parse_csv(brilliant::csv_line({field}));
      if (!again || again->size() != 1 || again->front().fields.size() != 1 ||
          brilliant::csv_value(again->front().fields.front()) != field)
        std::abort();
    }
  }
  return 0;
}
