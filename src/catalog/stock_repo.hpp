// Writes of a variant's stock that a person makes (stock page, edit form, piece API, CSV import):
// compare-and-set against the stock the editor saw, so a sale made since the page was loaded is never
// undone (issue 20). Orders take and give back stock with their own conditional updates (orders.cpp).
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/product.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace brilliant::catalog::repo {

// Sets a variant's stock to `wanted` if it still is `seen`; seen < 0 sets it as given; seen == wanted
// changes nothing. Else a conflict naming `field` with the stock as it is now (not_found when the
// variant is gone). Runs in the caller's transaction.
Result<void> set_stock(soci::session& sql, long long variant_id, int seen, int wanted, const std::string& now,
                       const std::string& field);

// An order takes `quantity` units of a variant, only if that many are left (one conditional UPDATE, so two
// checkouts can never oversell): the units left after, or nothing when too few were left. Runs in the
// caller's transaction (the order's).
std::optional<int> take_stock(soci::session& sql, long long variant_id, int quantity, const std::string& now);
// A cancelled order gives its units back.
void give_back_stock(soci::session& sql, long long variant_id, int quantity, const std::string& now);

// Whether each of these products has a variant in stock, as the database has it now (one kept statement
// each: a sale's notice names a few).
std::unordered_map<long long, bool> in_stock_now(soci::session& sql, const std::vector<long long>& ids);
// The product's variants' stock counts as the database has them now (the rest of it as it was).
void read_counts(soci::session& sql, Product& product);

// One row of the workshop's stock and price table as posted: -1 leaves a value as it is.
struct StockChange {
  long long variant = 0;
  long long stock = -1;  // the new stock
  long long seen = -1;   // the stock the page showed (compare-and-set); -1: not sent
  long long price = -1;  // the new price (fixed-price pieces only)
};

// Applies the changes in one transaction, only to variants of `workshop`: all or nothing. Stock goes
// through set_stock (a stock without `seen` is refused); a price only on fixed-price pieces, at least
// 1,000 won, and the product's price follows its cheapest variant. Errors name the row's field
// ("stock_12", "price_12"); a variant of another workshop is not found.
struct StockApplied {
  int changes = 0;                  // stocks and prices changed
  std::vector<long long> products;  // the pieces they belong to, each once
};
Result<StockApplied> apply_stock_changes(db::Database& db, long long workshop,
                                         const std::vector<StockChange>& changes, const std::string& now);

// A fixed-price product's price is its cheapest variant's: sets products.price and fixed_price so, for the
// product of `variant_id`. Runs in the caller's transaction.
void price_from_cheapest_variant(soci::session& sql, long long variant_id, const std::string& now);

}  // namespace brilliant::catalog::repo
