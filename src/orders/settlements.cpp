#include "orders/settlements.hpp"

#include "db/database.hpp"

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "vendors/brand/brand.hpp"

namespace brilliant::orders {

Result<std::pair<std::string, std::string>> month_bounds(const std::string& month) {
  auto bad = [] { return Error::invalid("month", "month_invalid", "month must be YYYY-MM, e.g. 2026-11"); };
  if (month.size() != 7 || month[4] != '-' || month[0] != '2') return bad();
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (month[i] < '0' || month[i] > '9') return bad();
  const int m = std::stoi(month.substr(5));
  if (m < 1 || m > 12) return bad();
  TimePoint start, end;
  if (!parse_utc(month + "-01T00:00:00Z", start) || !parse_utc(shift_month(month, 1) + "-01T00:00:00Z", end))
    return bad();
  constexpr auto seoul_offset = std::chrono::hours(9);  // Asia/Seoul has no daylight saving
  return std::pair{format_utc(start - seoul_offset), format_utc(end - seoul_offset)};
}

std::string shift_month(const std::string& month, int by) {
  int year = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5)) - 1 + by;
  year += m >= 0 ? m / 12 : (m - 11) / 12;
  m = ((m % 12) + 12) % 12;
  char out[8];
  std::snprintf(out, sizeof out, "%04d-%02d", year, m + 1);
  return out;
}

void add_up(Statement& s) {
  s.sales = s.commission = 0;
  for (const auto& l : s.lines) {
    s.sales += l.amount;
    s.commission += l.commission;
  }
  s.payout = s.sales - s.commission + s.shipping;
}

namespace {

// Paid lines of the month, optionally of one workshop (0: all), grouped into statements.
std::vector<Statement> load(soci::session& sql, long long workshop_id, const std::string& month,
                            const std::pair<std::string, std::string>& bounds) {
  std::map<long long, Statement> by_workshop;
  const int every = workshop_id == 0 ? 1 : 0;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT f.workshop_id, w.slug, w.name, w.name_en, o.number, o.paid_at, l.title_ko, l.title_en, "
              "l.category, l.sku, l.quantity, l.commission_bp, l.line_total FROM order_lines l "
              "JOIN fulfilments f ON f.id = l.fulfilment_id JOIN orders o ON o.id = l.order_id "
              "JOIN workshops w ON w.id = f.workshop_id WHERE o.status = 'paid' AND o.paid_at >= :from "
              "AND o.paid_at < :to AND (f.workshop_id = :w OR :every = 1) ORDER BY o.paid_at, l.id",
       soci::use(bounds.first), soci::use(bounds.second), soci::use(workshop_id), soci::use(every));
  for (const auto& r : rows) {
    auto& s = by_workshop[db::row_int(r, 0)];
    s.workshop_id = db::row_int(r, 0);
    s.workshop_slug = db::row_text(r, 1);
    s.workshop_ko = db::row_text(r, 2);
    s.workshop_en = db::row_text(r, 3);
    SettlementLine l{.number = db::row_text(r, 4),
                     .paid_at = db::row_text(r, 5),
                     .title_ko = db::row_text(r, 6),
                     .title_en = db::row_text(r, 7),
                     .category = db::row_text(r, 8),
                     .sku = db::row_text(r, 9),
                     .quantity = static_cast<int>(db::row_int(r, 10)),
                     .rate_bp = static_cast<int>(db::row_int(r, 11)),
                     .amount = db::row_int(r, 12)};
    l.commission = vendors::commission_won(l.amount, l.rate_bp);
    s.lines.push_back(std::move(l));
  }
  soci::rowset<soci::row> parcels =
      (sql.prepare << "SELECT f.workshop_id, COUNT(*), CAST(COALESCE(SUM(f.shipping_fee), 0) AS BIGINT) "
                      "FROM fulfilments f JOIN orders o ON o.id = f.order_id WHERE o.status = 'paid' "
                      "AND o.paid_at >= :from AND o.paid_at < :to AND (f.workshop_id = :w OR :every = 1) "
                      "GROUP BY f.workshop_id",
       soci::use(bounds.first), soci::use(bounds.second), soci::use(workshop_id), soci::use(every));
  for (const auto& r : parcels) {
    auto it = by_workshop.find(db::row_int(r, 0));
    if (it == by_workshop.end()) continue;
    it->second.orders = db::row_int(r, 1);
    it->second.shipping = db::row_int(r, 2);
  }
  std::vector<Statement> out;
  for (auto& [id, s] : by_workshop) {
    s.month = month;
    add_up(s);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<Statement> Settlements::statement(long long workshop_id, const std::string& month) {
  if (workshop_id <= 0) return Error::forbidden("a statement belongs to one workshop");  // 0 would read all
  const auto bounds = TRY(month_bounds(month));
  auto found = db_.read([&](soci::session& sql) { return load(sql, workshop_id, month, bounds); });
  if (!found.empty()) return std::move(found.front());
  Statement empty;
  empty.workshop_id = workshop_id;
  empty.month = month;
  return empty;
}

Result<std::vector<Statement>> Settlements::overview(const std::string& month) {
  const auto bounds = TRY(month_bounds(month));
  auto all = db_.read([&](soci::session& sql) { return load(sql, 0, month, bounds); });
  std::stable_sort(all.begin(), all.end(),
                   [](const Statement& a, const Statement& b) { return a.payout > b.payout; });
  return all;
}

}  // namespace brilliant::orders
