// Catalog rules (pure): the vocabularies, slugs, ring sizes, weights, and product validation.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/product.hpp"
#include "core/result.hpp"

namespace brilliant::catalog {

inline const std::vector<std::string> categories = {"ring",     "necklace", "pendant", "earrings",
                                                    "bracelet", "anklet",   "brooch",  "set"};
inline const std::vector<std::string> metals = {"gold", "silver", "platinum"};
inline const std::vector<std::string> colours = {"yellow", "white", "rose"};
inline const std::vector<std::string> stone_kinds = {"diamond", "ruby",     "sapphire",       "emerald",
                                                     "pearl",   "amethyst", "cubic_zirconia", "moissanite"};
inline const std::vector<std::string> stone_origins = {"natural", "lab_grown", "simulant"};
// Purities a metal may be sold at, per mille.
std::vector<int> purities_for(std::string_view metal);
// "24K", "18K", "14K", "925", "Pt950".
std::string purity_label(std::string_view metal, int purity);
bool known(const std::vector<std::string>& vocabulary, std::string_view value);

// A slug is 3-80 of [a-z0-9-], no leading, trailing or double hyphen.
bool valid_slug(std::string_view slug);
// Builds a slug from English text ("18K Rose Gold Ring" -> "18k-rose-gold-ring"); "item" when empty.
std::string slugify(std::string_view text);

// Ring sizes from inner circumference (tenths of a mm). Korean 호: circumference 40 mm is 1호, one
// size per millimetre. US: diameter = 11.63 mm + 0.8128 mm per size (to the quarter size).
int korean_ring_size(int circumference_x10);
double us_ring_size(int circumference_x10);
int circumference_for_korean_size(int ho);

// "3.75 g", and Korean don (1 don = 3.75 g) to two decimals: "1.00돈", in English "1.00 don".
std::string grams_text(long long weight_mg);
std::string don_text(long long weight_mg, std::string_view locale);

// Checks a product's fields for publishing-grade completeness and ranges; the error names the field.
Result<void> check_product(const Product& product);

}  // namespace brilliant::catalog
