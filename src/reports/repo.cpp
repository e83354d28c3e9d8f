#include "reports/repo.hpp"

namespace brilliant::reports::repo {
namespace {

std::vector<std::string> times(soci::session& sql, const std::string& query, const std::string& from,
                               const std::string& to) {
  std::vector<std::string> out;
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(from), soci::use(to));
  for (const auto& r : rows) out.push_back(db::row_text(r, 0));
  return out;
}

bool any(soci::session& sql, const std::string& table, const std::string& where = "") {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM (SELECT 1 FROM " + table + (where.empty() ? "" : " WHERE " + where) +
             " LIMIT 1) AS t",
      soci::into(n);
  return n > 0;
}

void sales(soci::session& sql, Facts& f, const std::string& from, const std::string& to) {
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT o.id, o.paid_at, f.workshop_id, w.name, f.subtotal, o.utm_source, o.utm_medium, "
              "CASE WHEN EXISTS (SELECT 1 FROM live_deal_orders d WHERE d.order_id = o.id) THEN 1 ELSE 0 "
              "END, CASE WHEN EXISTS (SELECT 1 FROM quotes q WHERE q.order_id = o.id) THEN 1 ELSE 0 END, "
              "w.name_en "
              "FROM orders o JOIN fulfilments f ON f.order_id = o.id JOIN workshops w ON w.id = "
              "f.workshop_id WHERE o.status = 'paid' AND f.status <> 'cancelled' AND o.paid_at >= :f AND "
              "o.paid_at < :t ORDER BY o.id",
       soci::use(from), soci::use(to));
  for (const auto& r : rows)
    f.sales.push_back(
        {db::row_int(r, 0), db::row_text(r, 1), db::row_int(r, 2), db::row_text(r, 3), db::row_int(r, 4),
         channel_of(db::row_int(r, 8) != 0, db::row_int(r, 7) != 0, db::row_text(r, 5), db::row_text(r, 6)),
         db::row_text(r, 9)});
}

}  // namespace

Facts facts(soci::session& sql, int year) {
  Facts f;
  f.year = year;
  const auto [from, to] = year_bounds(year);
  sales(sql, f, from, to);
  soci::rowset<soci::row> workshops = sql.prepare
                                      << "SELECT id, created_at FROM workshops WHERE status = 'active'";
  for (const auto& r : workshops) f.workshops.emplace_back(db::row_int(r, 0), db::row_text(r, 1));
  f.published = times(sql, "SELECT published_at FROM products WHERE published_at >= :f AND published_at < :t",
                      from, to);
  soci::rowset<soci::row> certificates =
      sql.prepare << "SELECT workshop_id, valid_from, valid_until, status, created_at FROM certificates";
  for (const auto& r : certificates)
    f.certificates.push_back(
        {db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3), db::row_text(r, 4)});
  f.products_certified =
      times(sql,
            "SELECT MIN(created_at) AS first FROM product_claims GROUP BY product_id HAVING "
            "MIN(created_at) >= :f AND MIN(created_at) < :t",
            from, to);
  f.attended =
      times(sql, "SELECT attended_at FROM enrolments WHERE attended_at >= :f AND attended_at < :t", from, to);
  f.completions = times(
      sql, "SELECT issued_at FROM course_certificates WHERE issued_at >= :f AND issued_at < :t", from, to);
  f.leads = times(
      sql, "SELECT captured_at FROM exhibition_leads WHERE captured_at >= :f AND captured_at < :t", from, to);
  f.contracts =
      times(sql, "SELECT at FROM quote_events WHERE status = 'ordered' AND at >= :f AND at < :t", from, to);
  f.in_use.live = any(sql, "live_shows", "rehearsal = 0");
  f.in_use.certification = any(sql, "certificates");
  f.in_use.academy = any(sql, "courses");
  f.in_use.b2b = any(sql, "quotes");
  f.in_use.exhibitions = any(sql, "exhibitions");
  return f;
}

}  // namespace brilliant::reports::repo
