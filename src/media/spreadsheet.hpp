// A spreadsheet as a bank or a carrier exports it, read into rows of text: CSV (UTF-8, or CP949/EUC-KR as
// Korean banks' older exports write it, turned into UTF-8 with iconv) or an Excel workbook (.xlsx: a zip
// of XML parts, read with libzip and expat; the first worksheet, shared and inline strings, numbers as
// written). Dates in a workbook are day numbers (Excel serials) and stay so: the caller knows which
// column holds a date (see excel_date).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/result.hpp"

namespace brilliant::media {

// The rows of a CSV or XLSX file, told apart by the zip signature. Each row keeps its line (CSV) or row
// number (XLSX); a workbook's empty cells are empty fields, so columns line up. Errors (field "file"):
// not CSV nor a workbook, a broken workbook, a part over 64 MiB unpacked, more than max_rows rows.
Result<std::vector<CsvRow>> read_table(std::string_view bytes, size_t max_rows = 20000);

// CP949 (a superset of EUC-KR) to UTF-8, or nothing when the bytes are not CP949 either.
std::optional<std::string> cp949_to_utf8(std::string_view bytes);

// An Excel day number ("46356" or "46356.5834") as "YYYY-MM-DD HH:MM:SS" (the 1900 date system), or
// nothing when the text is no such number.
std::optional<std::string> excel_date(std::string_view text);

}  // namespace brilliant::media
