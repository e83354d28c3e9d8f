#include "marketing/customer_repo.hpp"

#include <algorithm>
#include <map>

#include "db/database.hpp"

namespace brilliant::marketing::repo {

std::vector<CustomerFacts> load_customers(soci::session& sql, bool with_views) {
  std::map<long long, CustomerFacts> by_id;
  soci::rowset<soci::row> people =
      sql.prepare
      << "SELECT u.id, u.name, u.email, u.created_at FROM users u WHERE u.status = 'active' AND "
         "((EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'shopper') AND NOT "
         "EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('operator', "
         "'vendor_staff', 'auditor', 'station_staff'))) OR "
         "EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.status = 'paid'))";
  for (const auto& r : people) {
    auto& c = by_id[db::row_int(r, 0)];
    c.user_id = db::row_int(r, 0);
    c.name = db::row_text(r, 1);
    c.email = db::row_text(r, 2);
    c.joined_at = db::row_text(r, 3);
  }
  soci::rowset<soci::row> orders =
      sql.prepare
      << "SELECT user_id, COALESCE(paid_at, created_at) AS at, total FROM orders WHERE status = 'paid' "
         "AND user_id IS NOT NULL ORDER BY user_id, at";
  for (const auto& r : orders)
    if (auto it = by_id.find(db::row_int(r, 0)); it != by_id.end()) {
      it->second.paid_at.push_back(db::row_text(r, 1));
      it->second.spent += db::row_int(r, 2);
    }
  soci::rowset<soci::row> lines =
      sql.prepare << "SELECT o.user_id, l.category, COALESCE(p.metal, ''), COALESCE(o.paid_at, o.created_at) "
                     "FROM order_lines l JOIN orders o ON o.id = l.order_id LEFT JOIN products p ON p.id = "
                     "l.product_id WHERE o.status = 'paid' AND o.user_id IS NOT NULL";
  for (const auto& r : lines)
    if (auto it = by_id.find(db::row_int(r, 0)); it != by_id.end())
      it->second.bought.push_back({db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3)});
  // What each looked at, per Seoul day and kind of piece.
  if (with_views) {
    soci::rowset<soci::row> views =
        (sql.prepare << "SELECT v.user_id, p.category, p.metal, v.day, CAST(SUM(v.views) AS BIGINT) "
                        "FROM customer_views v JOIN products p ON p.id = v.product_id "
                        "GROUP BY v.user_id, p.category, p.metal, v.day");
    for (const auto& r : views)
      if (auto it = by_id.find(db::row_int(r, 0)); it != by_id.end())
        it->second.viewed.push_back(
            {db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3), db::row_int(r, 4)});
  }
  // The latest marketing decision holds (consents are appended, never changed).
  soci::rowset<soci::row> consents =
      sql.prepare << "SELECT user_id, agreed FROM consents WHERE item = 'marketing' ORDER BY id";
  for (const auto& r : consents)
    if (auto it = by_id.find(db::row_int(r, 0)); it != by_id.end())
      it->second.marketing = db::row_int(r, 1) != 0;
  std::vector<CustomerFacts> out;
  out.reserve(by_id.size());
  for (auto& [id, c] : by_id) out.push_back(std::move(c));
  return out;
}

std::vector<CustomerFacts> segment_members(soci::session& sql, const std::string& rules, TimePoint now) {
  auto conditions = parse_rules(rules);
  if (!conditions) return {};
  auto customers = load_customers(sql, uses_views(*conditions));
  const auto scores = score_customers(customers, now);
  std::vector<CustomerFacts> out;
  for (size_t i : members_of(*conditions, customers, scores, now)) out.push_back(std::move(customers[i]));
  return out;
}

long long save_segment(soci::session& sql, const std::string& name, const std::string& rules, long long by,
                       const std::string& at) {
  long long id = 0;
  sql << "INSERT INTO segments (name, rules, created_by, created_at) VALUES (:n, :r, :b, :a) RETURNING id",
      soci::use(name), soci::use(rules), soci::use(by), soci::use(at), soci::into(id);
  return id;
}

std::vector<Segment> segments(soci::session& sql) {
  std::vector<Segment> out;
  soci::rowset<soci::row> rows = sql.prepare
                                 << "SELECT id, name, rules, created_at FROM segments ORDER BY id DESC";
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3)});
  return out;
}

std::optional<Segment> segment(soci::session& sql, long long id) {
  Segment s;
  sql << "SELECT id, name, rules, created_at FROM segments WHERE id = :id", soci::use(id), soci::into(s.id),
      soci::into(s.name), soci::into(s.rules), soci::into(s.created_at);
  if (!sql.got_data()) return std::nullopt;
  return s;
}

}  // namespace brilliant::marketing::repo
