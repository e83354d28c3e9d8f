// The number fields of a piece, specified once (issue 14): name, unit, decimals, range and whether it is
// required. The new-piece form (pieces.cpp), the edit form and piece API (piece_edit.cpp) and the CSV
// import (product_csv.cpp) all read numbers through this table, so a piece that imports can be saved
// from its forms and the other way round. Pure: no SQL, no HTTP.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/product.hpp"
#include "core/result.hpp"

namespace brilliant::vendors {

struct NumberSpec {
  std::string_view name;       // the form field and CSV column ("stone_count" for the rows' stone_{i}_count)
  std::string_view unit;       // "g", "won", "%", "‰", "µm", "mm", "ct", "days", "chars", "" (a count)
  int decimals = 0;            // stored as an integer scaled by 10^decimals (2.45 g -> 2450 mg)
  long long min = 0, max = 0;  // in stored units
  bool required = false;       // an empty value is refused (else it reads as 0)
};

// Every number field; the first one named `name`. Throws std::logic_error for a name not in the table,
// so a misspelt field cannot pass unchecked.
const std::vector<NumberSpec>& number_specs();
const NumberSpec& number_spec(std::string_view name);

// Reads `text` (spaces trimmed, "1,200" allowed) as the field: empty -> 0 unless required; otherwise a
// number with at most `decimals` decimals within [min, max]. Errors name `field` (a row's own name such
// as "stone_2_count", or the spec's name when empty) and say the range.
Result<long long> read_number(const NumberSpec& spec, std::string_view text, const std::string& field = "");

// "1 to 1,000" / "0.001 to 5,000 g": the range as a person reads it.
std::string range_text(const NumberSpec& spec);

// A piece's own fields as text (category to gift_wrap_fee), named and ordered as the CSV's columns: the
// CSV export writes them (product_csv.cpp) and the edit form starts from them (piece_edit.cpp).
std::vector<std::pair<std::string, std::string>> piece_text_fields(const catalog::Product& p);

}  // namespace brilliant::vendors
