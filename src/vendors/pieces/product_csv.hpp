// A workshop's pieces as a spreadsheet: one CSV row per variant, the piece's fields repeated on each of
// its rows. Export writes every field the catalog holds; import reads the same columns back, creating
// new pieces as drafts and updating the workshop's existing ones (matched by slug; variants by SKU), so
// export -> import changes nothing. Pure: no SQL, no HTTP.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/product.hpp"
#include "core/result.hpp"

namespace brilliant::vendors {

// The columns, in export order. Import needs product_slug, sku and the piece's required fields; it
// refuses unknown columns (a misspelt header would otherwise be silently ignored).
const std::vector<std::string>& product_csv_columns();

// UTF-8 with a byte-order mark, so spreadsheet programs open Korean text correctly.
std::string products_to_csv(const std::vector<catalog::Product>& products);

struct CsvImport {
  std::vector<catalog::Product> products;  // id 0: new (draft); otherwise an update of that piece
  std::vector<std::string> created, updated;
  std::vector<std::string> back_to_review;  // published pieces whose catalog facts changed
};

// Looks up a piece by slug in the whole catalog (to tell the workshop's own pieces from taken slugs).
using ProductLookup = std::function<std::optional<catalog::Product>(const std::string& slug)>;

// Errors are on field "csv" and name the line (and column) to fix; nothing is applied when any row is
// wrong. Changing more than stock and prices of a published piece sends it back to brand review.
Result<CsvImport> products_from_csv(std::string_view text, long long workshop_id,
                                    const ProductLookup& lookup);

// True when `after` differs from `before` in anything but stock and prices (what brand review checks).
bool needs_review(const catalog::Product& before, const catalog::Product& after);

}  // namespace brilliant::vendors
