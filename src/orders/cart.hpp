// The cart's rules (pure: no SQL, no HTTP). A line is one variant of a published product with its
// add-to-cart options: engraving text (up to the product's character limit, for its fee; an engraved
// line is final sale) and gift wrap (for its fee, where the workshop offers it). The line keeps the
// price and metal quote it was priced at.
#pragma once
#include <string>

#include "catalog/product.hpp"
#include "core/result.hpp"

namespace brilliant::orders {

inline constexpr int max_quantity = 10;  // per line
inline constexpr int max_lines = 30;     // per cart

struct LineInput {
  long long variant_id = 0;
  int quantity = 1;
  std::string engraving;
  bool gift_wrap = false;
};

struct PricedLine {
  long long product_id = 0, variant_id = 0;
  int quantity = 1;
  std::string engraving;
  bool gift_wrap = false;
  bool final_sale = false;
  long long unit_price = 0;          // won, the variant's price
  long long options_fee = 0;         // won per piece
  long long quote_id = 0;            // 0: fixed price
  long long quote_won_per_gram = 0;  // that quote's value (filled from the database)
};

// Checks the input against the product (published, variant of it, quantity, stock unless made to
// order, engraving limit, gift wrap offered) and prices it. already_in_cart: pieces of the same variant
// the cart holds already (stock counts them); most: the largest quantity allowed. Errors name the field.
Result<PricedLine> price_line(const catalog::Product& product, const LineInput& input,
                              int already_in_cart = 0, int most = max_quantity);

inline long long line_total(const PricedLine& line) {
  return (line.unit_price + line.options_fee) * line.quantity;
}

// Engraving text as stored: trimmed; refused when it holds control characters or invalid UTF-8.
Result<std::string> clean_engraving(const std::string& text);

}  // namespace brilliant::orders
