#include "vendors/dashboard.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

struct Piece {
  long long id = 0;
  std::string slug, title, status;
  long long photos = 0;
  std::string comment;
};

}  // namespace

std::string percent_text(long long part, long long whole) {
  if (whole <= 0) return "—";
  const long long tenths = (part * 1000 + whole / 2) / whole;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

void add_dashboard_routes(web::Router& router, catalog::Catalog& catalog, catalog::PageViews& views,
                          db::Database& db, const web::Renderer& r, const Clock& clock) {
  // The beacon: counted only for pieces on sale; no session, no CSRF (sendBeacon carries no header).
  auto& beacon = router.post("/api/v1/products/{slug}/view", [&](Request& req) {
    auto snap = catalog.snapshot();
    auto it = snap->by_slug.find(std::string(req.param("slug")));
    if (it == snap->by_slug.end()) return r.error(req, Error::not_found("product"));
    views.record(snap->cards[it->second].id, req.remote_ip);
    return Response::text("", 204);
  });
  beacon.session = false;
  beacon.csrf = false;

  auto model = [&](const Request& req) {
    const long long workshop = req.user->workshop_id;
    const bool en = req.locale == "en";
    std::vector<Piece> pieces;
    json::array low;
    long long adds_7 = 0, adds_30 = 0;
    const auto since_7 = format_utc(clock.now() - std::chrono::hours(24 * 7));
    const auto since_30 = format_utc(clock.now() - std::chrono::hours(24 * 30));
    std::map<long long, long long> adds_by_product;
    long long orders_7 = 0, orders_30 = 0, revenue_30 = 0, to_ship = 0;
    db.read([&](soci::session& sql) {
      // Orders holding this workshop's pieces (its parcels), not cancelled; revenue from paid ones, by the
      // day the payment was confirmed. CAST: PostgreSQL's SUM(bigint) is numeric.
      sql << "SELECT COUNT(*) FROM fulfilments f JOIN orders o ON o.id = f.order_id WHERE f.workshop_id = :w "
             "AND o.status <> 'cancelled' AND o.created_at >= :since",
          soci::use(workshop), soci::use(since_7), soci::into(orders_7);
      sql << "SELECT COUNT(*) FROM fulfilments f JOIN orders o ON o.id = f.order_id WHERE f.workshop_id = :w "
             "AND o.status <> 'cancelled' AND o.created_at >= :since",
          soci::use(workshop), soci::use(since_30), soci::into(orders_30);
      sql << "SELECT CAST(COALESCE(SUM(f.subtotal), 0) AS BIGINT) FROM fulfilments f JOIN orders o ON o.id = "
             "f.order_id WHERE f.workshop_id = :w AND o.status = 'paid' AND o.paid_at >= :since",
          soci::use(workshop), soci::use(since_30), soci::into(revenue_30);
      sql << "SELECT COUNT(*) FROM fulfilments WHERE workshop_id = :w AND status = 'to_ship'",
          soci::use(workshop), soci::into(to_ship);
      soci::rowset<soci::row> rows =
          (sql.prepare
               << "SELECT p.id, p.slug, p.title_ko, p.title_en, p.status, (SELECT COUNT(*) FROM "
                  "product_photos ph WHERE ph.product_id = p.id), (SELECT r.comment FROM product_reviews r "
                  "WHERE r.product_id = p.id AND r.decision = 'changes_requested' ORDER BY r.id DESC LIMIT "
                  "1) "
                  "FROM products p WHERE p.workshop_id = :w AND p.status <> 'archived' ORDER BY p.id DESC",
           soci::use(workshop));
      for (const auto& row : rows)
        pieces.push_back({db::row_int(row, 0), db::row_text(row, 1), db::row_text(row, en ? 3 : 2),
                          db::row_text(row, 4), db::row_int(row, 5),
                          row.get_indicator(6) == soci::i_ok ? db::row_text(row, 6) : std::string()});
      soci::rowset<soci::row> stock =
          (sql.prepare
               << "SELECT v.sku, p.title_ko, p.title_en, v.stock, p.slug FROM variants v JOIN products p ON "
                  "p.id = v.product_id WHERE p.workshop_id = :w AND p.status = 'published' AND "
                  "p.made_to_order = 0 AND v.stock <= 1 ORDER BY v.stock, p.id LIMIT 20",
           soci::use(workshop));
      for (const auto& row : stock)
        low.push_back(json::object{{"sku", db::row_text(row, 0)},
                                   {"title", db::row_text(row, en ? 2 : 1)},
                                   {"stock", db::row_int(row, 3)},
                                   {"out", db::row_int(row, 3) == 0},
                                   {"slug", db::row_text(row, 4)}});
      soci::rowset<soci::row> adds =
          (sql.prepare << "SELECT cl.product_id, cl.created_at FROM cart_lines cl JOIN products p ON p.id = "
                          "cl.product_id WHERE p.workshop_id = :w AND cl.created_at >= :since",
           soci::use(workshop), soci::use(since_30));
      for (const auto& row : adds) {
        ++adds_30;
        if (db::row_text(row, 1) >= since_7) ++adds_7;
        ++adds_by_product[db::row_int(row, 0)];
      }
    });
    std::vector<long long> ids;
    for (const auto& p : pieces) ids.push_back(p.id);
    const auto views_7 = views.totals(ids, 7);
    const auto views_30 = views.totals(ids, 30);
    long long total_7 = 0, total_30 = 0;
    for (const auto& [id, n] : views_7) total_7 += n;
    for (const auto& [id, n] : views_30) total_30 += n;

    std::map<std::string, long long> by_status;
    json::array attention, no_photos, top;
    for (const auto& p : pieces) {
      ++by_status[p.status];
      if (p.status == "changes_requested")
        attention.push_back(json::object{{"slug", p.slug}, {"title", p.title}, {"comment", p.comment}});
      if (p.photos == 0) no_photos.push_back(json::object{{"slug", p.slug}, {"title", p.title}});
    }
    auto ranked = pieces;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](const Piece& a, const Piece& b) { return views_7.at(a.id) > views_7.at(b.id); });
    for (size_t i = 0; i < ranked.size() && i < 5; ++i) {
      if (views_7.at(ranked[i].id) == 0) break;
      top.push_back(json::object{{"slug", ranked[i].slug},
                                 {"title", ranked[i].title},
                                 {"views", views_7.at(ranked[i].id)},
                                 {"adds", adds_by_product[ranked[i].id]}});
    }
    const auto workshop_info = catalog.workshop_by_id(workshop);
    return json::object{
        {"title", r.message(req.locale, "dashboard.title")},
        {"noindex", true},
        {"workshop", en && !workshop_info.name_en.empty() ? workshop_info.name_en : workshop_info.name_ko},
        {"views_7", total_7},
        {"views_30", total_30},
        {"adds_7", adds_7},
        {"adds_30", adds_30},
        {"add_rate_30", percent_text(adds_30, total_30)},
        {"orders_7", orders_7},
        {"orders_30", orders_30},
        {"to_ship", to_ship},
        {"revenue_30", revenue_30},
        {"revenue_30_text", catalog::format_won(revenue_30, req.locale)},
        {"conversion_30", percent_text(orders_30, total_30)},
        {"published", by_status["published"]},
        {"in_review", by_status["in_review"]},
        {"changes_requested", by_status["changes_requested"]},
        {"drafts", by_status["draft"]},
        {"low_stock", std::move(low)},
        {"attention", std::move(attention)},
        {"no_photos", std::move(no_photos)},
        {"top", std::move(top)}};
  };
  const auto vendor = web::require(web::Role::vendor_staff);
  router
      .get("/console",
           [&, model](Request& req) { return r.page_response(req, "vendors/dashboard", model(req)); })
      .access = vendor;
  router.get("/api/v1/console/dashboard", [model](Request& req) { return web::page_model_json(model(req)); })
      .access = vendor;
}

}  // namespace brilliant::vendors
