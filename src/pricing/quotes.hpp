// Metal quotes (won per gram of pure metal, per metal and day, with history), display-currency rates,
// and repricing the catalog when a quote changes. Returns Result values for expected failures.
// Thread safe: no state of its own beyond references.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"

namespace brilliant::pricing {

struct Quote {
  long long id = 0;
  std::string metal;
  std::string day;  // YYYY-MM-DD
  long long won_per_gram = 0;
  std::string source;
  std::string created_at;
};

// The currencies the operator keeps rates for: shoppers' approximate prices, exhibitions' line sheets.
inline constexpr const char* display_currencies[] = {"USD", "JPY", "CNY", "EUR", "HKD", "THB", "SGD", "TWD"};

struct Rate {
  std::string code;  // USD, JPY, CNY
  long long krw_per_unit_x1000 = 0;
  std::string updated_at;
};

struct RepriceReport {
  long long products = 0;
  long long variants = 0;
  long long refused = 0;  // products whose formula no longer gives a positive price (left unchanged)
  double seconds = 0;
};

// Called after prices change (the storefront rebuilds its snapshot and drops cached pages).
using CatalogChanged = std::function<void()>;

class Quotes {
 public:
  Quotes(db::Database& db, const Clock& clock, CatalogChanged changed);

  // The newest quote of each metal.
  std::map<std::string, Quote> current();
  std::vector<Quote> history(int limit);
  // Records (or replaces) a metal's quote for a day and reprices every formula-priced product.
  // Errors name the field: metal, day, won_per_gram.
  Result<RepriceReport> set_quote(const std::string& metal, const std::string& day, long long won_per_gram,
                                  long long user_id, const std::string& source = "operator");
  // Imports "metal,day,won_per_gram" lines (a header line is allowed); all or nothing. The error's
  // message names the line.
  Result<RepriceReport> import_csv(const std::string& csv, long long user_id);
  // Recomputes every formula-priced variant and product from the current quotes.
  RepriceReport reprice();
  // The same for these pieces alone (one edited, a CSV's imported), without telling the catalog: the
  // caller refreshes those pieces (Catalog::refresh_pieces) once its own change is in too.
  RepriceReport reprice_pieces(const std::vector<long long>& product_ids);

  std::vector<Rate> rates();
  Result<void> set_rate(const std::string& code, const std::string& krw_per_unit);

 private:
  Result<void> check(const std::string& metal, const std::string& day, long long won_per_gram) const;
  // Every piece not archived, or with `only` (an id list, db::id_list) those pieces.
  RepriceReport reprice_in(soci::session& sql, const std::string& only = "");

  db::Database& db_;
  const Clock& clock_;
  CatalogChanged changed_;
};

// "1380.5" -> 1380500 (thousandths); error on anything else.
Result<long long> parse_rate(const std::string& text);

}  // namespace brilliant::pricing
