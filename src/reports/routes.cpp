#include "reports/routes.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "reports/chart.hpp"
#include "reports/program_pdf.hpp"
#include "reports/repo.hpp"
#include "web/bind.hpp"

namespace brilliant::reports {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class ReportRoutes {
 public:
  explicit ReportRoutes(const Deps& d) : d_(d), r_(d.renderer) {}

  Words words(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r_.message(locale, key); };
  }
  Result<int> year_of(const Request& req) const {
    const auto raw = std::string(req.query_params().get("year"));
    if (raw.empty()) return std::stoi(format_seoul(d_.clock.now()).substr(0, 4));
    const long long year = web::parse_id(raw);
    if (year < 2000 || year > 2100)
      return Error::invalid("year", "year_invalid", "year must be 2000 to 2100");
    return static_cast<int>(year);
  }
  Result<Report> report(const Request& req) const {
    const int year = TRY(year_of(req));
    auto r = build_report(d_.db.read([&](soci::session& sql) { return repo::facts(sql, year); }));
    for (auto& w : r.workshops) w.name = in_language(req.locale == "en", w.name, w.name_en);
    return r;
  }

  json::object figures_json(const Report& r, const Figures& f, const Request& req) const {
    const auto& locale = req.locale;
    const auto w = words(req);
    json::object channels;
    for (int c = 0; c < channel_count; ++c)
      channels[sales_channels[c]] =
          channel_in_use(r.in_use, c)
              ? json::value(json::object{{"orders", f.channel_orders[c]}, {"gmv", f.channel_gmv[c]}})
              : json::value(nullptr);
    auto part = [](bool used, long long v) { return used ? json::value(v) : json::value(nullptr); };
    json::object o{{"orders", f.orders},
                   {"gmv", f.gmv},
                   {"gmv_text", catalog::format_won(f.gmv, locale)},
                   {"aov", f.aov()},
                   {"aov_text", catalog::format_won(f.aov(), locale)},
                   {"channels", std::move(channels)},
                   {"workshops", f.workshops},
                   {"active_workshops", f.active_workshops},
                   {"new_products", f.new_products},
                   {"certified_workshops", part(r.in_use.certification, f.certified_workshops)},
                   {"certificates_issued", part(r.in_use.certification, f.certificates_issued)},
                   {"products_certified", part(r.in_use.certification, f.products_certified)},
                   {"trainees", part(r.in_use.academy, f.trainees)},
                   {"completions", part(r.in_use.academy, f.completions)},
                   {"leads", part(r.in_use.exhibitions, f.leads)},
                   {"contracts", part(r.in_use.b2b, f.contracts)}};
    // What a page shows of each: the number, or "not yet in use".
    for (const char* key : {"certified_workshops", "certificates_issued", "products_certified", "trainees",
                            "completions", "leads", "contracts"}) {
      const auto& v = o.at(key);
      o[std::string(key) + "_text"] = v.is_null() ? w("reports.not_in_use") : std::to_string(v.as_int64());
    }
    return o;
  }

  std::string chart(const Report& r, const Request& req) const {
    const auto w = words(req);
    std::vector<std::string> labels;
    for (int m = 1; m <= 12; ++m) labels.push_back(std::to_string(m));
    std::vector<Series> series;
    for (int c = 0; c < channel_count; ++c) {
      Series s{w(std::string("reports.channel.") + sales_channels[c]), channel_colours[c], {}};
      for (const auto& m : r.months) s.values.push_back(m.channel_gmv[c]);
      series.push_back(std::move(s));
    }
    return stacked_bars_svg(w("reports.chart_title") + " " + std::to_string(r.year), labels, series,
                            [&](long long v) { return catalog::format_won(v, req.locale); });
  }

  json::object model(const Request& req, const Report& r) const {
    const auto w = words(req);
    json::array months, channels, workshops;
    for (int m = 0; m < 12; ++m) {
      auto o = figures_json(r, r.months[m], req);
      o["month"] = month_label(r.year, m + 1);
      months.push_back(std::move(o));
    }
    for (int c = 0; c < channel_count; ++c)
      channels.push_back(json::object{{"channel", sales_channels[c]},
                                      {"name", w(std::string("reports.channel.") + sales_channels[c])},
                                      {"in_use", channel_in_use(r.in_use, c)},
                                      {"orders", r.total.channel_orders[c]},
                                      {"gmv", r.total.channel_gmv[c]},
                                      {"gmv_text", catalog::format_won(r.total.channel_gmv[c], req.locale)}});
    for (const auto& ws : r.workshops)
      workshops.push_back(json::object{{"name", ws.name},
                                       {"orders", ws.orders},
                                       {"gmv", ws.gmv},
                                       {"gmv_text", catalog::format_won(ws.gmv, req.locale)}});
    json::object m{{"title", w("reports.title") + " " + std::to_string(r.year)},
                   {"noindex", true},
                   {"year", r.year},
                   {"previous_year", r.year - 1},
                   {"next_year", r.year + 1},
                   {"total", figures_json(r, r.total, req)},
                   {"months", std::move(months)},
                   {"channels", std::move(channels)},
                   {"workshops", std::move(workshops)},
                   {"certification_in_use", r.in_use.certification},
                   {"academy_in_use", r.in_use.academy},
                   {"exhibitions_in_use", r.in_use.exhibitions},
                   {"b2b_in_use", r.in_use.b2b}};
    m["has_workshops"] = !m["workshops"].as_array().empty();
    if (!req.wants_json()) m["chart"] = chart(r, req);
    return m;
  }

  Result<Response> page(Request& req) {
    const auto r = TRY(report(req));
    return r_.page_response(req, "operator/program_report", model(req, r));
  }
  Result<Response> api(Request& req) {
    const auto r = TRY(report(req));
    return web::page_model_json(model(req, r));
  }
  Result<Response> csv(Request& req) {
    const auto r = TRY(report(req));
    auto out = Response::text("\xEF\xBB\xBF" + report_csv(r, words(req)), 200, "text/csv; charset=utf-8");
    out.set("Content-Disposition", "attachment; filename=\"program-" + std::to_string(r.year) + ".csv\"");
    return out;
  }
  Result<Response> pdf(Request& req) {
    const auto r = TRY(report(req));
    auto bytes = program_pdf(r, words(req), d_.brand(req.locale),
                             [&](long long v) { return catalog::format_won(v, req.locale); });
    auto out = Response::text(std::move(bytes), 200, "application/pdf");
    out.set("Content-Disposition", "attachment; filename=\"program-" + std::to_string(r.year) + ".pdf\"");
    return out;
  }

 private:
  const Deps d_;
  const web::Renderer& r_;
};

}  // namespace

void add_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<ReportRoutes>(deps), deps.renderer);
  using R = ReportRoutes;
  const auto operator_only = web::require(web::Role::operator_);
  router.get("/operator/reports/program", bind(&R::page)).access = operator_only;
  router.get("/operator/reports/program.csv", bind(&R::csv)).access = operator_only;
  router.get("/operator/reports/program.pdf", bind(&R::pdf)).access = operator_only;
  router.get("/api/v1/operator/reports/program", bind(&R::api)).access = operator_only;
}

}  // namespace brilliant::reports
