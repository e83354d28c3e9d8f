// A workshop lists a piece and the operator reviews it for the joint brand (issue 4):
//   console: /console/products/new (form) -> draft -> "submit for review" -> in_review
//   operator: /operator/reviews (queue with a checklist) -> approve (published) / request changes /
//   reject, each with a comment kept in product_reviews.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>
#include "vendors/deps.hpp"

#include "catalog/product.hpp"
#include "catalog/service.hpp"
#include "core/result.hpp"
#include "pricing/quotes.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::vendors {

// Reads the console's product form into a catalog product of the workshop (pure; errors name the field).
// slug_suffix must be slug-safe ([a-z0-9]): the route uses hex digits.
using Fields = std::function<std::string(const std::string&)>;
Result<catalog::Product> piece_from_form(const Fields& field, long long workshop_id,
                                         const std::string& slug_suffix);

struct CheckItem {
  std::string key;  // photos, materials, stones, bilingual, price
  bool ok = false;
};
// The brand checklist for a product: photo standards, complete materials and stone disclosure, both
// languages, and price sanity against the metal quote (price at least the metal's worth).
std::vector<CheckItem> brand_checklist(const catalog::Product& product, long long quote_won_per_g);

// Saves an edited piece of a workshop (console_edit.cpp): a published piece whose shown facts or words
// changed goes back to the brand's review (recorded in its history), formula prices are worked out again
// and the store refreshed. user_id: who edited it.
Result<catalog::Product> save_piece(Deps& deps, long long user_id, const catalog::Product& before,
                                    catalog::Product after);

// Editing every field of a piece and CSV export/import (console_edit.cpp); add_piece_routes calls it.
void add_edit_routes(web::Router& router, Deps& deps);

void add_piece_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::vendors
