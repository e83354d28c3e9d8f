#include "marketing/dashboard_repo.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "db/database.hpp"

namespace brilliant::marketing::repo {
namespace {

// The UTC instant a Seoul day starts ("2026-11-01" -> "2026-10-31T15:00:00Z").
std::string seoul_midnight(const std::string& day) {
  TimePoint t;
  if (!parse_utc(day + "T00:00:00Z", t)) return day;
  return format_utc(t - std::chrono::hours(9));
}

// Adds an order's amount under a key, counting each order once per key.
struct Tally {
  std::map<std::string, Share> shares;
  std::set<std::pair<std::string, long long>> seen;
  void add(const std::string& key, long long order_id, long long amount) {
    auto& s = shares[key];
    s.key = key;
    s.revenue += amount;
    if (seen.insert({key, order_id}).second) ++s.orders;
  }
  std::vector<Share> largest_first() const {
    std::vector<Share> out;
    for (const auto& [key, s] : shares) out.push_back(s);
    std::stable_sort(out.begin(), out.end(),
                     [](const Share& a, const Share& b) { return a.revenue > b.revenue; });
    return out;
  }
};

}  // namespace

DashboardData load_dashboard(soci::session& sql, long long w, const std::string& first_day,
                             const std::string& last_day, bool english) {
  DashboardData d;
  d.first_day = first_day;
  d.last_day = last_day;
  const std::string from = seoul_midnight(first_day);
  const auto days = days_between(first_day, last_day);
  std::string next_day = last_day;
  if (TimePoint t; parse_utc(last_day + "T00:00:00Z", t))
    next_day = format_utc(t + std::chrono::hours(24)).substr(0, 10);
  const std::string to = seoul_midnight(next_day);
  sql << "SELECT CAST(COALESCE(SUM(v.views), 0) AS BIGINT) FROM product_views v JOIN products p ON p.id = "
         "v.product_id WHERE v.day >= :f AND v.day <= :l AND (:w = 0 OR p.workshop_id = :w2)",
      soci::use(first_day), soci::use(last_day), soci::use(w), soci::use(w), soci::into(d.funnel.views);
  if (w == 0)
    sql << "SELECT COUNT(*) FROM orders WHERE created_at >= :f AND created_at < :t", soci::use(from),
        soci::use(to), soci::into(d.funnel.placed);
  else  // the orders holding a parcel of the workshop's
    sql << "SELECT COUNT(*) FROM fulfilments f JOIN orders o ON o.id = f.order_id WHERE o.created_at >= :f "
           "AND "
           "o.created_at < :t AND f.workshop_id = :w",
        soci::use(from), soci::use(to), soci::use(w), soci::into(d.funnel.placed);
  // Carts: those started in the period (a workshop: holding its pieces now, or ordered with them).
  long long carts = 0;
  sql << "SELECT COUNT(DISTINCT c.id) FROM carts c WHERE c.created_at >= :f AND c.created_at < :t AND (:w = "
         "0 OR "
         "EXISTS (SELECT 1 FROM cart_lines l JOIN products p ON p.id = l.product_id WHERE l.cart_id = c.id "
         "AND "
         "p.workshop_id = :w2))",
      soci::use(from), soci::use(to), soci::use(w), soci::use(w), soci::into(carts);
  d.funnel.carts = w == 0 ? std::max(carts, d.funnel.placed) : carts + d.funnel.placed;
  std::map<std::string, long long> per_day;
  for (const auto& day : days) per_day[day] = 0;
  Tally channels, campaigns, coupons, workshops;
  std::set<long long> paid_orders;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT o.id, o.paid_at, COALESCE(w.name, ''), f.subtotal + f.shipping_fee - f.discount, "
              "o.utm_source, o.utm_campaign, o.coupon_code, o.coupon_name, f.discount, "
              "COALESCE(c.name, ''), w.name_en, COALESCE(e.name_ko, ''), COALESCE(e.name_en, '') FROM "
              "fulfilments f JOIN orders o ON o.id = f.order_id JOIN workshops w ON w.id = f.workshop_id "
              "LEFT JOIN campaigns c ON o.utm_campaign = 'campaign-' || CAST(c.id AS TEXT) LEFT JOIN "
              "exhibitions e ON e.slug = o.utm_campaign WHERE o.status = 'paid' AND o.paid_at >= :f AND "
              "o.paid_at < :t AND "
              "(:w = 0 OR f.workshop_id = :w2) ORDER BY o.id",
       soci::use(from), soci::use(to), soci::use(w), soci::use(w));
  for (const auto& r : rows) {
    const long long order = db::row_int(r, 0), amount = db::row_int(r, 3);
    const std::string day = format_seoul(db::row_text(r, 1)).substr(0, 10);
    per_day[day] += amount;
    paid_orders.insert(order);
    d.revenue += amount;
    d.discount += db::row_int(r, 8);
    const auto source = db::row_text(r, 4);
    channels.add(source.empty() ? "direct" : source, order, amount);
    if (const auto campaign = db::row_text(r, 5); !campaign.empty()) {
      auto name = db::row_text(r, 9);
      if (name.empty()) name = in_language(english, db::row_text(r, 11), db::row_text(r, 12));
      campaigns.add(name.empty() ? campaign : name, order, amount);
    }
    const auto code = db::row_text(r, 6), coupon = db::row_text(r, 7);
    if (!code.empty() || !coupon.empty()) coupons.add(code.empty() ? coupon : code, order, amount);
    workshops.add(in_language(english, db::row_text(r, 2), db::row_text(r, 10)), order, amount);
  }
  d.funnel.paid = static_cast<long long>(paid_orders.size());
  d.orders = d.funnel.paid;
  for (const auto& day : days) d.daily.push_back({day, per_day[day]});
  d.channels = channels.largest_first();
  d.campaigns = campaigns.largest_first();
  d.coupons = coupons.largest_first();
  if (w == 0) d.workshops = workshops.largest_first();
  return d;
}

}  // namespace brilliant::marketing::repo
