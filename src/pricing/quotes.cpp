#include "pricing/quotes.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "core/text.hpp"
#include "db/bulk.hpp"
#include "db/database.hpp"
#include "pricing/formula.hpp"

namespace brilliant::pricing {
namespace {

constexpr char select_current[] =
    "SELECT q.id, q.metal, q.day, q.won_per_gram, q.source, q.created_at FROM metal_quotes q "
    "WHERE q.day = (SELECT MAX(day) FROM metal_quotes x WHERE x.metal = q.metal)";
constexpr char select_history[] =
    "SELECT id, metal, day, won_per_gram, source, created_at FROM metal_quotes ORDER BY day DESC, metal "
    "LIMIT :n";
constexpr char select_formula_products[] =
    "SELECT id, metal, purity, weight_mg, loss_bp, labour_fee, stone_cost, margin_bp, pricing, fixed_price "
    "FROM products WHERE status <> 'archived'";
constexpr char select_variant_weights[] =
    "SELECT v.id, v.product_id, v.weight_mg FROM variants v JOIN products p ON p.id = v.product_id "
    "WHERE p.status <> 'archived'";

Quote quote_from(const soci::row& r) {
  return {db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2),
          db::row_int(r, 3), db::row_text(r, 4), db::row_text(r, 5)};
}

bool valid_day(const std::string& day) {
  static const std::regex shape(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(day, shape)) return false;
  TimePoint t;
  return parse_utc(day + "T00:00:00Z", t) && format_utc(t).substr(0, 10) == day;
}

// Stores one metal's quote for a day: a new row, or a same-day correction of the row in place (its id
// stays what carts and orders name) with the value it replaces appended to metal_quote_corrections.
void store_quote(soci::session& sql, const std::string& metal, const std::string& day, long long won,
                 const std::string& source, long long user_id, const std::string& now) {
  soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
  long long id = 0, old_won = 0;
  std::string old_source;
  sql << "SELECT id, won_per_gram, source FROM metal_quotes WHERE metal = :m AND day = :d", soci::use(metal),
      soci::use(day), soci::into(id), soci::into(old_won), soci::into(old_source);
  if (!sql.got_data()) {
    sql << "INSERT INTO metal_quotes (metal, day, won_per_gram, source, created_by, created_at) "
           "VALUES (:m, :d, :w, :s, :u, :now)",
        soci::use(metal), soci::use(day), soci::use(won), soci::use(source), soci::use(user_id, user_ind),
        soci::use(now);
    return;
  }
  if (old_won == won && old_source == source) return;  // the same again: nothing to correct
  sql << "INSERT INTO metal_quote_corrections (quote_id, metal, day, old_won_per_gram, new_won_per_gram, "
         "old_source, source, corrected_by, created_at) VALUES (:q, :m, :d, :o, :w, :os, :s, :u, :now)",
      soci::use(id), soci::use(metal), soci::use(day), soci::use(old_won), soci::use(won),
      soci::use(old_source), soci::use(source), soci::use(user_id, user_ind), soci::use(now);
  sql << "UPDATE metal_quotes SET won_per_gram = :w, source = :s, created_by = :u, created_at = :now WHERE "
         "id = :q",
      soci::use(won), soci::use(source), soci::use(user_id, user_ind), soci::use(now), soci::use(id);
}

}  // namespace

Quotes::Quotes(db::Database& db, const Clock& clock, CatalogChanged changed)
    : db_(db), clock_(clock), changed_(std::move(changed)) {}

std::map<std::string, Quote> Quotes::current() {
  return db_.read([](soci::session& sql) {
    std::map<std::string, Quote> out;
    soci::rowset<soci::row> rows = sql.prepare << select_current;
    for (const auto& r : rows) {
      auto q = quote_from(r);
      out[q.metal] = q;
    }
    return out;
  });
}

std::vector<Quote> Quotes::history(int limit) {
  return db_.read([limit](soci::session& sql) {
    std::vector<Quote> out;
    soci::rowset<soci::row> rows = (sql.prepare << select_history, soci::use(limit));
    for (const auto& r : rows) out.push_back(quote_from(r));
    return out;
  });
}

Result<void> Quotes::check(const std::string& metal, const std::string& day, long long won_per_gram) const {
  if (metal != "gold" && metal != "silver" && metal != "platinum")
    return Error::invalid("metal", "metal_unknown", "metal must be gold, silver or platinum");
  if (!valid_day(day)) return Error::invalid("day", "day_invalid", "day must be a date written YYYY-MM-DD");
  if (won_per_gram <= 0 || won_per_gram > 10'000'000)
    return Error::invalid("won_per_gram", "quote_range",
                          "the quote must be between 1 and 10,000,000 won per gram");
  return {};
}

Result<RepriceReport> Quotes::set_quote(const std::string& metal, const std::string& day,
                                        long long won_per_gram, long long user_id,
                                        const std::string& source) {
  TRY(check(metal, day, won_per_gram));
  const auto now = format_utc(clock_.now());
  auto report = db_.write([&](soci::session& sql) {
    store_quote(sql, metal, day, won_per_gram, source, user_id, now);
    return reprice_in(sql);
  });
  if (changed_) changed_();
  return report;
}

Result<RepriceReport> Quotes::import_csv(const std::string& csv, long long user_id) {
  struct Row {
    std::string metal, day;
    long long won = 0;
  };
  std::vector<Row> rows;
  std::istringstream in(csv);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    auto text = std::string(trim(line));
    if (text.empty() || (number == 1 && text.starts_with("metal"))) continue;
    std::vector<std::string> cells;
    std::stringstream cs(text);
    std::string cell;
    while (std::getline(cs, cell, ',')) cells.emplace_back(trim(cell));
    long long won = 0;
    if (cells.size() != 3 ||
        std::from_chars(cells[2].data(), cells[2].data() + cells[2].size(), won).ec != std::errc())
      return Error::invalid("csv", "csv_line",
                            "line " + std::to_string(number) + ": expected metal,YYYY-MM-DD,won_per_gram");
    auto ok = check(cells[0], cells[1], won);
    if (!ok)
      return Error::invalid("csv", "csv_line", "line " + std::to_string(number) + ": " + ok.error().message);
    rows.push_back({cells[0], cells[1], won});
  }
  if (rows.empty()) return Error::invalid("csv", "csv_empty", "the CSV holds no quotes");
  const auto now = format_utc(clock_.now());
  auto report = db_.write([&](soci::session& sql) {
    for (const auto& r : rows) store_quote(sql, r.metal, r.day, r.won, "csv", user_id, now);
    return reprice_in(sql);
  });
  if (changed_) changed_();
  return report;
}

RepriceReport Quotes::reprice() {
  auto report = db_.write([this](soci::session& sql) { return reprice_in(sql); });
  if (changed_) changed_();
  return report;
}

RepriceReport Quotes::reprice_pieces(const std::vector<long long>& product_ids) {
  if (product_ids.empty()) return {};
  return db_.write([&](soci::session& sql) { return reprice_in(sql, db::id_list(product_ids)); });
}

RepriceReport Quotes::reprice_in(soci::session& sql, const std::string& only) {
  const auto started = std::chrono::steady_clock::now();
  std::unordered_map<std::string, std::pair<long long, long long>> quotes;  // metal -> (won, id)
  {
    soci::rowset<soci::row> rows = sql.prepare << select_current;
    for (const auto& r : rows) quotes[db::row_text(r, 1)] = {db::row_int(r, 3), db::row_int(r, 0)};
  }
  struct Inputs {
    FormulaInputs formula;
    bool fixed = false;
    long long fixed_price = 0;
    long long quote_id = 0;
    long long min_price = 0;
    bool refused = false;
  };
  std::unordered_map<long long, Inputs> products;
  {
    soci::rowset<soci::row> rows = sql.prepare << select_formula_products + db::and_in("id", only);
    for (const auto& r : rows) {
      Inputs in;
      const auto metal = db::row_text(r, 1);
      auto q = quotes.find(metal);
      in.formula = {db::row_int(r, 3),
                    static_cast<int>(db::row_int(r, 2)),
                    q == quotes.end() ? 0 : q->second.first,
                    static_cast<int>(db::row_int(r, 4)),
                    db::row_int(r, 5),
                    db::row_int(r, 6),
                    static_cast<int>(db::row_int(r, 7))};
      in.quote_id = q == quotes.end() ? 0 : q->second.second;
      in.fixed = db::row_text(r, 8) == "fixed";
      in.fixed_price = db::row_int(r, 9);
      products.emplace(db::row_int(r, 0), in);
    }
  }
  std::vector<long long> variant_ids, variant_prices;
  {
    soci::rowset<soci::row> rows = sql.prepare << select_variant_weights + db::and_in("p.id", only);
    for (const auto& r : rows) {
      auto it = products.find(db::row_int(r, 1));
      if (it == products.end()) continue;
      Inputs& in = it->second;
      auto formula = in.formula;
      if (db::row_int(r, 2) > 0) formula.weight_mg = db::row_int(r, 2);
      auto priced = in.fixed ? fixed_price(in.fixed_price) : formula_price(formula);
      if (!priced) {
        in.refused = true;
        continue;
      }
      variant_ids.push_back(db::row_int(r, 0));
      variant_prices.push_back(priced->price);
      if (in.min_price == 0 || priced->price < in.min_price) in.min_price = priced->price;
    }
  }
  RepriceReport report;
  if (!variant_ids.empty())
    sql << "UPDATE variants SET price = :p WHERE id = :id", soci::use(variant_prices), soci::use(variant_ids);
  std::vector<long long> product_ids, product_prices, quote_ids;
  for (const auto& [id, in] : products) {
    if (in.refused) ++report.refused;
    if (in.min_price == 0) continue;
    product_ids.push_back(id);
    product_prices.push_back(in.min_price);
    quote_ids.push_back(in.fixed ? 0 : in.quote_id);
  }
  if (!product_ids.empty())
    sql << "UPDATE products SET price = :p, quote_id = NULLIF(:q, 0) WHERE id = :id",
        soci::use(product_prices), soci::use(quote_ids), soci::use(product_ids);
  report.products = static_cast<long long>(product_ids.size());
  report.variants = static_cast<long long>(variant_ids.size());
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

std::vector<Rate> Quotes::rates() {
  return db_.read([](soci::session& sql) {
    std::vector<Rate> out;
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT code, krw_per_unit_x1000, updated_at FROM currency_rates ORDER BY code";
    for (const auto& r : rows) out.push_back({db::row_text(r, 0), db::row_int(r, 1), db::row_text(r, 2)});
    return out;
  });
}

Result<long long> parse_rate(const std::string& text) {
  static const std::regex shape(R"((\d{1,7})(?:\.(\d{1,3}))?)");
  std::smatch m;
  const std::string t(trim(text));
  if (!std::regex_match(t, m, shape))
    return Error::invalid("krw_per_unit", "rate_invalid", "rate must be a positive number such as 1380.5");
  std::string frac = m[2].matched ? m[2].str() : "";
  while (frac.size() < 3) frac.push_back('0');
  const long long value = std::stoll(m[1]) * 1000 + std::stoll(frac);
  if (value <= 0) return Error::invalid("krw_per_unit", "rate_invalid", "rate must be above zero");
  return value;
}

Result<void> Quotes::set_rate(const std::string& code, const std::string& krw_per_unit) {
  if (std::none_of(std::begin(display_currencies), std::end(display_currencies),
                   [&](const char* c) { return code == c; }))
    return Error::invalid("code", "currency_unknown",
                          "currency must be USD, JPY, CNY, EUR, HKD, THB, SGD or TWD");
  const long long value = TRY(parse_rate(krw_per_unit));
  const auto now = format_utc(clock_.now());
  db_.write([&](soci::session& sql) {
    sql << "DELETE FROM currency_rates WHERE code = :c", soci::use(code);
    sql << "INSERT INTO currency_rates (code, krw_per_unit_x1000, updated_at) VALUES (:c, :v, :now)",
        soci::use(code), soci::use(value), soci::use(now);
  });
  if (changed_) changed_();
  return {};
}

}  // namespace brilliant::pricing
