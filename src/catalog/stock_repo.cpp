#include "catalog/stock_repo.hpp"

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

}  // namespace brilliant::catalog::repo
