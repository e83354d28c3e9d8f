// Carts in the database. A visitor's cart is named by a random token (kept in a cookie; the database
// holds only its SHA-256). Adding the same variant with the same options again adds to that line.
// Viewing a cart prices every line again against the catalog as it is now and says what changed.
// A cart's writes commit without waiting for the disk (decision 019): the order that takes its lines does.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "catalog/service.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "orders/cart.hpp"

namespace brilliant::orders {

struct CartLine {
  long long id = 0;
  std::string slug;
  PricedLine added;               // as priced when added (price and quote kept)
  std::optional<PricedLine> now;  // priced again now; empty when it can no longer be bought
  std::string problem;            // why not (sold out, no longer for sale, ...)
  std::optional<catalog::Product> product;
};

struct CartView {
  long long cart_id = 0;
  std::vector<CartLine> lines;
  long long subtotal = 0;  // won, at today's prices, lines that can be bought
  int pieces = 0;
  bool has_final_sale = false;
  bool price_changed = false;
};

class Carts {
 public:
  Carts(db::Database& db, catalog::Catalog& catalog, const Clock& clock);

  struct Added {
    std::string token;  // the cart's token (new when the visitor had none)
    long long line_id = 0;
    CartView view;  // the cart after the add, as view() shows it (read in the add's own transaction)
  };
  // user_id: the logged-in shopper, 0 for a guest.
  Result<Added> add(const std::string& token, long long user_id, const LineInput& input);
  CartView view(const std::string& token);
  Result<void> set_quantity(const std::string& token, long long line_id, int quantity);
  Result<void> remove(const std::string& token, long long line_id);

 private:
  db::Database& db_;
  catalog::Catalog& catalog_;
  const Clock& clock_;
};

}  // namespace brilliant::orders
