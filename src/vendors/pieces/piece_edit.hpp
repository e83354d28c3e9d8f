// Editing every field of a piece in the console (the form and PUT /api/v1/console/products/{slug} read
// the same field names): texts in both languages, materials and plating, pricing (fixed or formula),
// made to order, engraving and gift wrap options, stones (rows stone_{i}_...), variants (rows
// variant_{i}_...; existing ones are matched by id and never deleted, blank new rows are skipped).
// Pure: no SQL, no HTTP.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "catalog/product.hpp"
#include "vendors/pieces/piece_spec.hpp"
#include "vendors/pieces/pieces.hpp"

namespace brilliant::vendors {

// The form field `key` (default: the spec's own name) read as the number field `spec` of piece_spec.hpp:
// exact (2.45 g with 3 decimals is 2450), within the spec's range, empty -> 0 unless required. The error
// names `key` and the range.
Result<long long> number_field(const Fields& field, std::string_view spec, const std::string& key = "");

// The piece `base` with the form's values; errors name the field ("stone_2_count", "variant_0_stock").
Result<catalog::Product> edited_piece(const Fields& field, catalog::Product base);
// The piece as those fields (what the form shows), with `blank_rows` empty stone and variant rows to add
// more. edited_piece(piece_fields(p), p) gives p back.
std::map<std::string, std::string> piece_fields(const catalog::Product& product, int blank_rows);

// For the piece API, whose calls set only the fields they name: a stock given for an existing variant
// (variant_N_stock, where `current` has variant_N_id) must come with variant_N_stock_seen, the stock the
// caller read, so a sale made meanwhile is never undone. The error names the missing field.
Result<void> check_stock_seen(const std::vector<std::string>& given,
                              const std::map<std::string, std::string>& current);

}  // namespace brilliant::vendors
