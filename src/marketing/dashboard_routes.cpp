#include "marketing/dashboard_routes.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "marketing/dashboard_repo.hpp"
#include "web/bind.hpp"

namespace brilliant::marketing {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

constexpr long long chart_width = 600, chart_height = 100, share_width = 220, share_row = 28;

json::array shares_json(const std::vector<Share>& shares, const std::string& locale, const web::Renderer& r,
                        const std::string& label_prefix) {
  std::vector<std::pair<std::string, long long>> values;
  for (const auto& s : shares) values.push_back({s.key, s.revenue});
  const auto bars = share_bars(values, share_width, share_row);
  json::array out;
  for (size_t i = 0; i < shares.size() && i < 8; ++i) {
    std::string label = shares[i].key;
    if (!label_prefix.empty()) {
      auto word = r.message(locale, label_prefix + label);
      if (!word.empty()) label = word;
    }
    out.push_back(json::object{{"key", shares[i].key},
                               {"label", label},
                               {"orders", shares[i].orders},
                               {"revenue", shares[i].revenue},
                               {"revenue_text", catalog::format_won(shares[i].revenue, locale)},
                               {"y", bars[i].y},
                               {"text_y", bars[i].y + bars[i].height / 2 + 1},
                               {"width", bars[i].width},
                               {"height", bars[i].height},
                               {"percent", bars[i].percent}});
  }
  return out;
}

int days_asked(const Request& req) {
  const auto days = req.query_params().get("days");
  return days == "7" ? 7 : days == "90" ? 90 : 30;
}

DashboardData load(const DashboardDeps& d, long long workshop, int days, const std::string& locale) {
  const auto now = d.clock.now();
  const auto last = format_seoul(now).substr(0, 10);
  const auto first = format_seoul(now - std::chrono::hours(24 * (days - 1))).substr(0, 10);
  return d.db.read(
      [&](soci::session& sql) { return repo::load_dashboard(sql, workshop, first, last, locale == "en"); });
}

class DashboardRoutes {
 public:
  explicit DashboardRoutes(const DashboardDeps& d) : d_(d) {}

  json::object console_model(const Request& req) const {
    const int days = days_asked(req);
    auto m = dashboard_json(load(d_, req.user->workshop_id, days, req.locale), req.locale, d_.renderer);
    m["title"] = d_.renderer.message(req.locale, "marketing.dashboard.console_title");
    m["noindex"] = true;
    m["path"] = req.locale_prefix() + "/console/marketing";
    return m;
  }
  Response console_page(Request& req) {
    return d_.renderer.page_response(req, "marketing/console", console_model(req));
  }
  Response console_api(Request& req) { return web::page_model_json(console_model(req)); }
  Response operator_api(Request& req) { return web::page_model_json(operator_dashboard(d_, req)); }

 private:
  DashboardDeps d_;
};

}  // namespace

json::object dashboard_json(const DashboardData& data, const std::string& locale, const web::Renderer& r) {
  json::array days;
  for (const auto& bar : day_bars(data.daily, chart_width, chart_height))
    days.push_back(json::object{{"day", bar.label},
                                {"value", bar.value},
                                {"value_text", catalog::format_won(bar.value, locale)},
                                {"x", bar.x},
                                {"y", bar.y},
                                {"width", bar.width},
                                {"height", bar.height}});
  const auto& f = data.funnel;
  const auto steps = funnel_steps(f);
  const std::vector<std::pair<std::string, long long>> stages = {
      {"views", f.views}, {"carts", f.carts}, {"placed", f.placed}, {"paid", f.paid}};
  json::array funnel;
  const auto bars = share_bars(stages, share_width, share_row);
  for (size_t i = 0; i < stages.size(); ++i) {
    json::object stage{{"stage", stages[i].first},
                       {"label", r.message(locale, "marketing.dashboard.stage." + stages[i].first)},
                       {"value", stages[i].second},
                       {"value_text", thousands(stages[i].second)},
                       {"y", bars[i].y},
                       {"text_y", bars[i].y + bars[i].height / 2 + 1},
                       {"width", bars[i].width},
                       {"height", bars[i].height},
                       {"percent", bars[i].percent}};
    if (i > 0) stage["rate"] = steps[i - 1];
    funnel.push_back(std::move(stage));
  }
  json::object m{{"first_day", data.first_day},
                 {"last_day", data.last_day},
                 {"days", static_cast<long long>(data.daily.size())},
                 {"orders", data.orders},
                 {"revenue", data.revenue},
                 {"revenue_text", catalog::format_won(data.revenue, locale)},
                 {"discount_text", catalog::format_won(data.discount, locale)},
                 {"average_text", catalog::format_won(data.orders ? data.revenue / data.orders : 0, locale)},
                 {"conversion", f.views ? static_cast<double>(1000 * f.paid / f.views) / 10.0 : 0.0},
                 {"funnel", std::move(funnel)},
                 {"daily", std::move(days)},
                 {"channels", shares_json(data.channels, locale, r, "marketing.dashboard.channel.")},
                 {"campaigns", shares_json(data.campaigns, locale, r, "")},
                 {"coupons", shares_json(data.coupons, locale, r, "")},
                 {"workshops", shares_json(data.workshops, locale, r, "")}};
  for (const char* list : {"channels", "campaigns", "coupons", "workshops"})
    m[std::string("has_") + list] = !m[list].as_array().empty();
  m["channels_height"] = static_cast<long long>(m["channels"].as_array().size()) * share_row;
  m["period_" + std::to_string(data.daily.size())] = true;
  return m;
}

json::array traffic_json(const std::vector<Traffic>& traffic, const std::string& locale,
                         const web::Renderer& r) {
  json::array out;
  for (const auto& t : traffic) {
    auto label = r.message(locale, "marketing.dashboard.channel." + t.source);
    out.push_back(json::object{{"source", t.source},
                               {"label", label.empty() ? t.source : label},
                               {"visits", t.visits},
                               {"visits_text", thousands(t.visits)},
                               {"orders", t.orders},
                               {"revenue", t.revenue},
                               {"revenue_text", catalog::format_won(t.revenue, locale)},
                               {"conversion", t.conversion}});
    if (out.size() == 12) break;
  }
  return out;
}

json::object operator_dashboard(const DashboardDeps& deps, const Request& req) {
  auto data = load(deps, 0, days_asked(req), req.locale);
  if (deps.visits)
    data.traffic = traffic_of(deps.visits->per_source(data.first_day, data.last_day), data.channels);
  auto m = dashboard_json(data, req.locale, deps.renderer);
  m["traffic"] = traffic_json(data.traffic, req.locale, deps.renderer);
  m["has_traffic"] = !data.traffic.empty();
  m["path"] = req.locale_prefix() + "/operator/marketing";
  return m;
}

void add_dashboard_routes(web::Router& router, const DashboardDeps& deps) {
  const web::Bind bind(std::make_shared<DashboardRoutes>(deps), deps.renderer);
  using D = DashboardRoutes;
  const auto workshop = web::require(web::Role::vendor_staff);
  router.get("/console/marketing", bind(&D::console_page)).access = workshop;
  router.get("/api/v1/console/marketing/dashboard", bind(&D::console_api)).access = workshop;
  router.get("/api/v1/operator/marketing/dashboard", bind(&D::operator_api)).access =
      web::require(web::Role::operator_);
}

}  // namespace brilliant::marketing
