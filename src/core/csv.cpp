#include "core/csv.hpp"

#include "core/text.hpp"

namespace brilliant {

Result<std::vector<CsvRow>> parse_csv(std::string_view text, size_t max_rows) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!valid_utf8(text)) return Error::invalid("csv", "csv_invalid", "the file is not UTF-8 text");
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  row.line = 1;
  bool quoted = false, after_quote = false, field_started = false;
  auto fail = [&](const std::string& what) -> Error {
    return Error::invalid("csv", "csv_invalid", "line " + std::to_string(line) + ": " + what);
  };
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    after_quote = false;
    field_started = false;
  };
  auto end_row = [&]() -> bool {
    end_field();
    const bool blank = row.fields.size() == 1 && row.fields[0].empty();
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
    row.line = line + 1;
    return rows.size() <= max_rows;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (!end_row())
        return Error::invalid("csv", "csv_too_long", "at most " + std::to_string(max_rows) + " rows at once");
      ++line;
    } else if (after_quote) {
      return fail("text after a closing quote");
    } else if (c == '"') {
      if (field_started) return fail("a quote inside an unquoted field (quote the whole field)");
      quoted = true;
      field_started = true;
    } else {
      field.push_back(c);
      field_started = true;
    }
  }
  if (quoted) return fail("a quoted field is not closed");
  if (field_started || !row.fields.empty()) {
    if (!end_row())
      return Error::invalid("csv", "csv_too_long", "at most " + std::to_string(max_rows) + " rows at once");
  }
  return rows;
}

namespace {

bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@'; }

// Apostrophes, then what a spreadsheet would take for a formula: csv_value drops the first apostrophe.
bool reads_defused(std::string_view value) {
  const auto first = value.find_first_not_of('\'');
  return first != 0 && first != std::string_view::npos && formula_start(value[first]);
}

}  // namespace

std::string csv_field(std::string_view value) {
  const bool formula = !value.empty() && formula_start(value[0]);
  // Negative numbers are data, not formulas.
  const bool number = formula && value.size() > 1 && value[0] == '-' &&
                      value.find_first_not_of("0123456789.", 1) == std::string_view::npos;
  // A value that itself reads as a defused formula ("'=x") gets one apostrophe more, so that csv_value
  // gives it back as it was.
  const bool inject = (formula && !number) || reads_defused(value);
  if (!inject && value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  if (inject) out.push_back('\'');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string csv_value(std::string field) {
  if (reads_defused(field)) field.erase(0, 1);
  return field;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace brilliant
