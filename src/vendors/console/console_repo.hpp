// What the workshop console reads about its pieces (products, variants, photos and review notes): the
// product list, the stock and price table, the dashboard's pieces and low stock, the CSV export's list.
// Reads only; writes go through catalog::Catalog and catalog::repo (the catalog owns those tables).
#pragma once
#include <string>
#include <vector>

#include "catalog/product.hpp"
#include "db/database.hpp"

namespace brilliant::vendors::repo {

struct ConsoleProduct {
  long long id = 0;
  std::string slug, title_ko, title_en;
  catalog::ProductStatus status = catalog::ProductStatus::draft;
  std::string workshop, workshop_en;  // its name in Korean and in English
  long long photos = 0;
  std::string comment;  // the latest review comment asking for changes (or rejecting), if any
};
// The workshop's products, newest first (at most 200); workshop 0: every workshop's (operators).
std::vector<ConsoleProduct> console_products(db::Database& db, long long workshop);
// The workshop's pieces that are not archived, newest first; `comment` only for changes requested.
std::vector<ConsoleProduct> dashboard_pieces(db::Database& db, long long workshop);

struct StockRow {
  long long id = 0;  // variant
  std::string sku, title_ko, title_en, slug;
  long long stock = 0, price = 0;
  bool fixed = false;  // fixed price (formula prices follow the metal quote)
};
// Every variant of the workshop's pieces that are not archived (at most 2,000), for the stock table.
std::vector<StockRow> stock_rows(db::Database& db, long long workshop);
// Published, ready-made variants with at most one left, fewest first (at most 20).
std::vector<StockRow> low_stock(db::Database& db, long long workshop);

// The slugs of the workshop's pieces that are not archived, oldest first (the CSV export's order).
std::vector<std::string> workshop_slugs(db::Database& db, long long workshop);

}  // namespace brilliant::vendors::repo
