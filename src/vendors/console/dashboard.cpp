#include "vendors/console/dashboard.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "vendors/console/console_repo.hpp"
#include "web/bind.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

long long adds_of(const WorkshopSales& sales, long long product) {
  auto it = sales.adds_by_product.find(product);
  return it == sales.adds_by_product.end() ? 0 : it->second;
}

}  // namespace

std::string percent_text(long long part, long long whole) {
  if (whole <= 0) return "—";
  const long long tenths = (part * 1000 + whole / 2) / whole;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

namespace {

class DashboardRoutes {
 public:
  explicit DashboardRoutes(Deps& d)
      : catalog(d.catalog), views(d.views), db(d.db), r(d.renderer), clock(d.clock), sales_of(d.sales) {}

  auto model(const Request& req) {
    const long long workshop = req.user->workshop_id;
    const bool en = req.locale == "en";
    auto title = [en](const repo::ConsoleProduct& p) { return en ? p.title_en : p.title_ko; };
    const auto since_7 = format_utc(clock.now() - std::chrono::hours(24 * 7));
    const auto since_30 = format_utc(clock.now() - std::chrono::hours(24 * 30));
    const auto sales = sales_of(workshop, since_7, since_30);
    const auto pieces = repo::dashboard_pieces(db, workshop);
    json::array low;
    for (const auto& v : repo::low_stock(db, workshop))
      low.push_back(json::object{{"sku", v.sku},
                                 {"title", en ? v.title_en : v.title_ko},
                                 {"stock", v.stock},
                                 {"out", v.stock == 0},
                                 {"slug", v.slug}});
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
      ++by_status[to_string(p.status)];
      if (p.status == catalog::ProductStatus::changes_requested)
        attention.push_back(json::object{{"slug", p.slug}, {"title", title(p)}, {"comment", p.comment}});
      if (p.photos == 0) no_photos.push_back(json::object{{"slug", p.slug}, {"title", title(p)}});
    }
    auto ranked = pieces;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](const repo::ConsoleProduct& a, const repo::ConsoleProduct& b) {
                       return views_7.at(a.id) > views_7.at(b.id);
                     });
    for (size_t i = 0; i < ranked.size() && i < 5; ++i) {
      if (views_7.at(ranked[i].id) == 0) break;
      top.push_back(json::object{{"slug", ranked[i].slug},
                                 {"title", title(ranked[i])},
                                 {"views", views_7.at(ranked[i].id)},
                                 {"adds", adds_of(sales, ranked[i].id)}});
    }
    const auto workshop_info = catalog.workshop_by_id(workshop);
    return json::object{{"title", r.message(req.locale, "dashboard.title")},
                        {"noindex", true},
                        {"workshop", in_language(en, workshop_info.name_ko, workshop_info.name_en)},
                        {"views_7", total_7},
                        {"views_30", total_30},
                        {"adds_7", sales.adds_7},
                        {"adds_30", sales.adds_30},
                        {"add_rate_30", percent_text(sales.adds_30, total_30)},
                        {"orders_7", sales.orders_7},
                        {"orders_30", sales.orders_30},
                        {"to_ship", sales.to_ship},
                        {"revenue_30", sales.revenue_30},
                        {"revenue_30_text", catalog::format_won(sales.revenue_30, req.locale)},
                        {"conversion_30", percent_text(sales.orders_30, total_30)},
                        {"published", by_status["published"]},
                        {"in_review", by_status["in_review"]},
                        {"changes_requested", by_status["changes_requested"]},
                        {"drafts", by_status["draft"]},
                        {"low_stock", std::move(low)},
                        {"attention", std::move(attention)},
                        {"no_photos", std::move(no_photos)},
                        {"top", std::move(top)}};
  }

  // The page shows its counts grouped in thousands ("2,952"); the API keeps them numbers.
  Response console_page(Request& req) {
    auto m = model(req);
    auto grouped = [](json::object& o, std::initializer_list<const char*> keys) {
      for (const char* key : keys) o[std::string(key) + "_text"] = thousands(o.at(key).as_int64());
    };
    grouped(m, {"views_7", "views_30", "adds_7", "adds_30", "orders_7", "orders_30"});
    for (auto& t : m.at("top").as_array()) grouped(t.as_object(), {"views", "adds"});
    return r.page_response(req, "vendors/dashboard", std::move(m));
  }

  Response api_console_dashboard(Request& req) { return web::page_model_json(model(req)); }

 private:
  catalog::Catalog& catalog;
  catalog::PageViews& views;
  db::Database& db;
  const web::Renderer& r;
  const Clock& clock;
  std::function<WorkshopSales(long long, const std::string&, const std::string&)> sales_of;
};

}  // namespace

void add_dashboard_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<DashboardRoutes>(deps), deps.renderer);
  const auto vendor = web::require(web::Role::vendor_staff);
  router.get("/console", bind(&DashboardRoutes::console_page)).access = vendor;
  router.get("/api/v1/console/dashboard", bind(&DashboardRoutes::api_console_dashboard)).access = vendor;
}

}  // namespace brilliant::vendors
