#include "orders/purchase_limits.hpp"

#include <map>

#include "db/database.hpp"

namespace brilliant::orders::purchase_limits {

std::string buyer_key(long long user_id, const std::string& email) {
  return user_id ? "u:" + std::to_string(user_id) : "e:" + email;
}

Result<void> count(soci::session& sql, const std::string& buyer, const std::vector<CartLine>& lines,
                   const std::string& locale) {
  struct Limited {
    int limit = 0, quantity = 0;
    std::string title;
  };
  std::map<long long, Limited> limited;  // by product: a piece in two sizes counts once, together
  for (const auto& line : lines) {
    if (!line.product || line.product->per_customer_limit <= 0 || !line.now) continue;
    auto& l = limited[line.product->id];
    l.limit = line.product->per_customer_limit;
    l.quantity += line.now->quantity;
    l.title = locale == "en" ? line.product->title_en : line.product->title_ko;
  }
  for (const auto& [product, l] : limited) {
    sql << "INSERT INTO purchase_counts (buyer, product_id, bought) VALUES (:b, :p, 0) ON CONFLICT (buyer, "
           "product_id) DO NOTHING",
        soci::use(buyer), soci::use(product);
    soci::statement add =
        (sql.prepare << "UPDATE purchase_counts SET bought = bought + :q WHERE buyer = :b AND "
                        "product_id = :p AND bought + :q2 <= :most",
         soci::use(l.quantity), soci::use(buyer), soci::use(product), soci::use(l.quantity),
         soci::use(l.limit));
    add.execute(true);
    if (add.get_affected_rows() == 1) continue;
    int bought = 0;
    sql << "SELECT bought FROM purchase_counts WHERE buyer = :b AND product_id = :p", soci::use(buyer),
        soci::use(product), soci::into(bought);
    return Error::conflict("cart", "purchase_limit",
                           "\"" + l.title + "\" is limited to " + std::to_string(l.limit) +
                               " per customer; you have bought " + std::to_string(bought) + " already");
  }
  return {};
}

void give_back(soci::session& sql, const std::string& buyer, const Order& order) {
  std::map<long long, int> quantities;
  for (const auto& line : order.lines) quantities[line.product_id] += line.quantity;
  for (const auto& [product, quantity] : quantities)
    sql << "UPDATE purchase_counts SET bought = bought - :q WHERE buyer = :b AND product_id = :p AND bought "
           ">= "
           ":q2",
        soci::use(quantity), soci::use(buyer), soci::use(product), soci::use(quantity);
}

}  // namespace brilliant::orders::purchase_limits
