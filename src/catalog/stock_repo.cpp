#include "catalog/stock_repo.hpp"

#include <algorithm>

#include "db/kept.hpp"

namespace brilliant::catalog::repo {
namespace {

constexpr const char* set_stock_sql =
    "UPDATE variants SET stock = :wanted, updated_at = :now WHERE id = :id AND (:seen < 0 OR stock = :seen2)";
constexpr const char* read_stock_sql = "SELECT stock, sku FROM variants WHERE id = :id";

}  // namespace

Result<void> set_stock(soci::session& sql, long long variant_id, int seen, int wanted, const std::string& now,
                       const std::string& field) {
  if (seen == wanted) return {};
  soci::statement update = (sql.prepare << set_stock_sql, soci::use(wanted), soci::use(now),
                            soci::use(variant_id), soci::use(seen), soci::use(seen));
  update.execute(true);
  if (update.get_affected_rows() == 1) return {};
  int current = 0;
  std::string sku;
  sql << read_stock_sql, soci::use(variant_id), soci::into(current), soci::into(sku);
  if (!sql.got_data()) return Error::not_found("variant " + std::to_string(variant_id));
  if (current == wanted) return {};
  return Error::conflict(field, "stock_changed",
                         "the stock of " + sku + " changed to " + std::to_string(current) +
                             " while you were editing (you saw " + std::to_string(seen) +
                             "): nothing was saved; check it and save again");
}

std::optional<int> take_stock(soci::session& sql, long long variant_id, int quantity,
                              const std::string& now) {
  int left = 0;
  soci::indicator left_ind = soci::i_null;
  const bool taken = db::run(
      sql,
      "UPDATE variants SET stock = stock - :q, updated_at = :at WHERE id = :v AND stock >= :q2 RETURNING "
      "stock",
      soci::use(quantity), soci::use(now), soci::use(variant_id), soci::use(quantity),
      soci::into(left, left_ind));
  if (!taken || left_ind != soci::i_ok) return std::nullopt;
  return left;
}

void give_back_stock(soci::session& sql, long long variant_id, int quantity, const std::string& now) {
  sql << "UPDATE variants SET stock = stock + :q, updated_at = :at WHERE id = :v", soci::use(quantity),
      soci::use(now), soci::use(variant_id);
}

void price_from_cheapest_variant(soci::session& sql, long long variant_id, const std::string& now) {
  sql << "UPDATE products SET price = (SELECT MIN(price) FROM variants WHERE product_id = products.id), "
         "fixed_price = (SELECT MIN(price) FROM variants WHERE product_id = products.id), updated_at = :now "
         "WHERE id = (SELECT product_id FROM variants WHERE id = :v)",
      soci::use(now), soci::use(variant_id);
}

namespace {

// One row's changes; `product` is set to its piece's id.
Result<int> apply_one(soci::session& sql, long long workshop, const StockChange& c, const std::string& now,
                      long long& product) {
  const auto row = std::to_string(c.variant);
  long long owner = 0;
  std::string pricing;
  sql << "SELECT p.workshop_id, p.pricing, p.id FROM variants v JOIN products p ON p.id = v.product_id "
         "WHERE v.id = :v",
      soci::use(c.variant), soci::into(owner), soci::into(pricing), soci::into(product);
  if (!sql.got_data() || owner != workshop) return Error::not_found("variant " + row);
  int changed = 0;
  if (c.stock >= 0 && c.stock != c.seen) {
    if (c.seen < 0)
      return Error::invalid("stock_" + row, "stock_seen_missing",
                            "reload the page: the stock it showed was not sent");
    TRY(set_stock(sql, c.variant, static_cast<int>(c.seen), static_cast<int>(c.stock), now, "stock_" + row));
    ++changed;
  }
  if (c.price >= 0) {
    if (pricing != "fixed")
      return Error::invalid(
          "price_" + row, "price_follows_quote",
          "this piece is priced by the metal quote; change its labour fee or margin instead");
    if (c.price < 1000)
      return Error::invalid("price_" + row, "number_invalid", "a price must be at least 1,000 won");
    sql << "UPDATE variants SET price = :p WHERE id = :v", soci::use(c.price), soci::use(c.variant);
    price_from_cheapest_variant(sql, c.variant, now);
    ++changed;
  }
  return changed;
}

}  // namespace

Result<StockApplied> apply_stock_changes(db::Database& db, long long workshop,
                                         const std::vector<StockChange>& changes, const std::string& now) {
  // Filled in the transaction and returned after it (a Result<StockApplied> made inside the transaction's
  // lambda trips g++ 12's -Wfree-nonheap-object at -O2, a false positive).
  StockApplied applied;
  auto done = db.write([&](soci::session& sql) -> Result<void> {
    applied = {};  // write() may run this again
    for (const auto& c : changes) {
      long long product = 0;
      const int changed = TRY(apply_one(sql, workshop, c, now, product));
      applied.changes += changed;
      if (changed &&
          std::find(applied.products.begin(), applied.products.end(), product) == applied.products.end())
        applied.products.push_back(product);
    }
    return {};
  });
  if (!done) return done.error();
  return applied;
}

std::unordered_map<long long, bool> in_stock_now(soci::session& sql, const std::vector<long long>& ids) {
  std::unordered_map<long long, bool> out;
  for (long long id : ids) {
    long long with_stock = 0;
    db::run(sql, "SELECT COUNT(*) FROM variants WHERE product_id = :p AND stock > 0", soci::use(id),
            soci::into(with_stock));
    out[id] = with_stock > 0;
  }
  return out;
}

void read_counts(soci::session& sql, Product& product) {
  db::each(
      sql, "SELECT id, stock FROM variants WHERE product_id = :p",
      [&](const soci::row& r) {
        for (auto& v : product.variants)
          if (v.id == db::row_int(r, 0)) v.stock = static_cast<int>(db::row_int(r, 1));
      },
      soci::use(product.id));
}

}  // namespace brilliant::catalog::repo
