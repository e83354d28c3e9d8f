#include "vendors/console/console_repo.hpp"

namespace brilliant::vendors::repo {
namespace {

std::string optional_text(const soci::row& row, std::size_t i) {
  return row.get_indicator(i) == soci::i_ok ? db::row_text(row, i) : std::string();
}

std::vector<ConsoleProduct> products_of(soci::rowset<soci::row>& rows) {
  std::vector<ConsoleProduct> out;
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   catalog::product_status(db::row_text(r, 4)).value_or(catalog::ProductStatus::draft),
                   db::row_text(r, 5), db::row_text(r, 6), db::row_int(r, 7), optional_text(r, 8)});
  return out;
}

std::vector<StockRow> stock_of(soci::rowset<soci::row>& rows) {
  std::vector<StockRow> out;
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   db::row_text(r, 4), db::row_int(r, 5), db::row_int(r, 6), db::row_text(r, 7) == "fixed"});
  return out;
}

constexpr const char* product_columns =
    "SELECT p.id, p.slug, p.title_ko, p.title_en, p.status, w.name, w.name_en, "
    "(SELECT COUNT(*) FROM product_photos ph WHERE ph.product_id = p.id), ";

constexpr const char* stock_columns =
    "SELECT v.id, v.sku, p.title_ko, p.title_en, p.slug, v.stock, v.price, p.pricing "
    "FROM variants v JOIN products p ON p.id = v.product_id ";

}  // namespace

std::vector<ConsoleProduct> console_products(db::Database& db, long long workshop) {
  return db.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(product_columns) +
                            "(SELECT r.comment FROM product_reviews r WHERE r.product_id = p.id AND "
                            "r.decision IN ('changes_requested', 'rejected') ORDER BY r.id DESC LIMIT 1) "
                            "FROM products p JOIN workshops w ON w.id = p.workshop_id "
                            "WHERE (:w = 0 OR p.workshop_id = :w2) ORDER BY p.id DESC LIMIT 200",
         soci::use(workshop), soci::use(workshop));
    return products_of(rows);
  });
}

std::vector<ConsoleProduct> dashboard_pieces(db::Database& db, long long workshop) {
  return db.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(product_columns) +
                            "(SELECT r.comment FROM product_reviews r WHERE r.product_id = p.id AND "
                            "r.decision = 'changes_requested' ORDER BY r.id DESC LIMIT 1) "
                            "FROM products p JOIN workshops w ON w.id = p.workshop_id "
                            "WHERE p.workshop_id = :w AND p.status <> 'archived' ORDER BY p.id DESC",
         soci::use(workshop));
    return products_of(rows);
  });
}

std::vector<StockRow> stock_rows(db::Database& db, long long workshop) {
  return db.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare
             << std::string(stock_columns) +
                    "WHERE p.workshop_id = :w AND p.status <> 'archived' ORDER BY p.id DESC, v.position "
                    "LIMIT 2000",
         soci::use(workshop));
    return stock_of(rows);
  });
}

std::vector<StockRow> low_stock(db::Database& db, long long workshop) {
  return db.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(stock_columns) +
                            "WHERE p.workshop_id = :w AND p.status = 'published' AND p.made_to_order = 0 "
                            "AND v.stock <= 1 ORDER BY v.stock, p.id LIMIT 20",
         soci::use(workshop));
    return stock_of(rows);
  });
}

std::vector<std::string> workshop_slugs(db::Database& db, long long workshop) {
  return db.read([&](soci::session& sql) {
    std::vector<std::string> slugs;
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT slug FROM products WHERE workshop_id = :w AND status <> 'archived' ORDER BY id",
         soci::use(workshop));
    for (const auto& row : rows) slugs.push_back(db::row_text(row, 0));
    return slugs;
  });
}

}  // namespace brilliant::vendors::repo
