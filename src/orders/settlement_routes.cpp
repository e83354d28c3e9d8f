// Settlement statements on pages, in the API and as CSV: the workshop's own (/console/settlements,
// /console/settlements.csv, /api/v1/console/settlements) and every workshop's for the operator
// (/operator/settlements, /api/v1/operator/settlements). ?month=YYYY-MM, this Seoul month by default.
#include <boost/json.hpp>
#include <functional>
#include "web/bind.hpp"

#include "core/csv.hpp"
#include "core/text.hpp"
#include "orders/order_views.hpp"
#include "orders/routes.hpp"

namespace brilliant::orders {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

json::object statement_json(const Request& req, const web::Renderer& r, const Statement& s) {
  const bool en = req.locale == "en";
  const auto won = [&](long long v) { return catalog::format_won(v, req.locale); };
  json::array lines;
  for (const auto& l : s.lines) {
    lines.push_back(json::object{
        {"number", l.number},
        {"paid_at", format_seoul(l.paid_at)},
        {"title", en ? l.title_en : l.title_ko},
        {"sku", l.sku},
        {"category", l.category},
        {"category_text", r.message(req.locale, "catalog.category." + l.category)},
        {"quantity", l.quantity},
        {"amount", l.amount},
        {"amount_text", won(l.amount)},
        {"rate_bp", l.rate_bp},
        {"rate_text", std::to_string(l.rate_bp / 100) + "." + std::to_string(l.rate_bp % 100 / 10) + "%"},
        {"commission", l.commission},
        {"commission_text", won(l.commission)}});
  }
  return {{"workshop", in_language(en, s.workshop_ko, s.workshop_en)},
          {"workshop_slug", s.workshop_slug},
          {"month", s.month},
          {"orders", s.orders},
          {"sales", s.sales},
          {"sales_text", won(s.sales)},
          {"commission", s.commission},
          {"commission_text", won(s.commission)},
          {"shipping", s.shipping},
          {"shipping_text", won(s.shipping)},
          {"payout", s.payout},
          {"payout_text", won(s.payout)},
          {"currency", "KRW"},
          {"lines", std::move(lines)}};
}

std::string csv_of(const Statement& s) {
  std::string out = "\xEF\xBB\xBF" + csv_line({"month", "order", "paid_at_utc", "sku", "title_ko", "category",
                                               "quantity", "amount_won", "rate_bp", "commission_won"});
  for (const auto& l : s.lines)
    out += csv_line({s.month, l.number, l.paid_at, l.sku, l.title_ko, l.category, std::to_string(l.quantity),
                     std::to_string(l.amount), std::to_string(l.rate_bp), std::to_string(l.commission)});
  out += csv_line({s.month, "shipping", "", "", "", "", "", std::to_string(s.shipping), "", ""});
  out += csv_line({s.month, "payout", "", "", "", "", "", std::to_string(s.payout), "", ""});
  return out;
}

class SettlementRoutes {
 public:
  explicit SettlementRoutes(const Deps& d)
      : settlements(d.settlements), catalog(d.catalog), r(d.renderer), clock(d.clock) {}

  // The month asked for, this Seoul month when none.
  auto month_of(const Request& req) {
    auto month = req.query_params().get("month");
    return month.empty() ? format_seoul(clock.now()).substr(0, 7) : month;
  }

  auto months_nav(json::object& model, const std::string& month) {
    model["month"] = month;
    model["previous_month"] = shift_month(month, -1);
    model["next_month"] = shift_month(month, 1);
    model["has_next"] = shift_month(month, 1) <= format_seoul(clock.now()).substr(0, 7);  // not the future
  }

  // One workshop's statement; the operator reads any workshop's by slug, a workshop only its own.
  Result<json::object> statement_model(const Request& req, long long workshop_id, const std::string& path) {
    const auto month = month_of(req);
    auto statement = TRY(settlements.statement(workshop_id, month));
    if (statement.workshop_slug.empty()) {  // nothing sold that month: name the workshop all the same
      const auto w = catalog.workshop_by_id(workshop_id);
      statement.workshop_slug = w.slug;
      statement.workshop_ko = w.name_ko;
      statement.workshop_en = w.name_en;
    }
    auto model = statement_json(req, r, statement);
    model["title"] = r.message(req.locale, "settlements.title");
    model["noindex"] = true;
    model["statement_path"] = path;
    model["csv_path"] = path.starts_with("/console/") ? path + ".csv" : path + "/csv";
    model["operator_view"] = path.starts_with("/operator/");
    months_nav(model, month);
    return model;
  }

  auto statement_csv(const Request& req, long long workshop_id, const std::string& month) {
    auto statement = settlements.statement(workshop_id, month);
    if (!statement.ok()) return r.error(req, statement.error());
    auto response = Response::text(csv_of(*statement), 200, "text/csv; charset=utf-8");
    response.add("Content-Disposition",
                 "attachment; filename=\"brilliant-settlement-" +
                     (statement->workshop_slug.empty() ? "" : statement->workshop_slug + "-") + month +
                     ".csv\"");
    return response;
  }

  auto workshop_of(const Request& req) -> Result<long long> {
    auto w = catalog.workshop(std::string(req.param("slug")));
    if (!w) return Error::not_found("workshop");
    return w->id;
  }

  // The workshop's own statement.
  Result<json::object> own_model(const Request& req) {
    return statement_model(req, req.user->workshop_id, "/console/settlements");
  }

  // Every workshop's totals for the operator.
  Result<json::object> overview_model(const Request& req) {
    const auto month = month_of(req);
    auto all = TRY(settlements.overview(month));
    Statement total;
    json::array workshops;
    for (const auto& s : all) {
      total.orders += s.orders;
      total.sales += s.sales;
      total.commission += s.commission;
      total.shipping += s.shipping;
      total.payout += s.payout;
      auto one = statement_json(req, r, s);
      one.erase("lines");
      one["line_count"] = static_cast<long long>(s.lines.size());
      workshops.push_back(std::move(one));
    }
    auto model = statement_json(req, r, total);
    model.erase("lines");
    model.erase("workshop");
    model["workshops"] = std::move(workshops);
    model["title"] = r.message(req.locale, "settlements.operator_title");
    model["noindex"] = true;
    months_nav(model, month);
    return model;
  }

  // Any one workshop's statement for the operator, by slug.
  Result<json::object> workshop_model(const Request& req) {
    const auto id = TRY(workshop_of(req));
    return statement_model(req, id, "/operator/settlements/" + std::string(req.param("slug")));
  }

  // Each statement is a page and its JSON twin from one model.
  Result<Response> own_page(Request& req) {
    return r.page_response(req, "vendors/settlements", TRY(own_model(req)));
  }
  Result<Response> own_api(Request& req) { return web::page_model_json(TRY(own_model(req))); }
  Result<Response> overview_page(Request& req) {
    return r.page_response(req, "operator/settlements", TRY(overview_model(req)));
  }
  Result<Response> overview_api(Request& req) { return web::page_model_json(TRY(overview_model(req))); }
  Result<Response> workshop_page(Request& req) {
    return r.page_response(req, "vendors/settlements", TRY(workshop_model(req)));
  }
  Result<Response> workshop_api(Request& req) { return web::page_model_json(TRY(workshop_model(req))); }

  Response own_csv(Request& req) { return statement_csv(req, req.user->workshop_id, month_of(req)); }

  Response workshop_csv(Request& req) {
    auto id = workshop_of(req);
    if (!id.ok()) return r.error(req, id.error());
    return statement_csv(req, *id, month_of(req));
  }

 private:
  Settlements& settlements;
  catalog::Catalog& catalog;
  const web::Renderer& r;
  const Clock& clock;
};

}  // namespace

void add_settlement_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<SettlementRoutes>(deps), deps.renderer);
  // The workshop's own statement.
  const auto vendor = web::require(web::Role::vendor_staff);
  router.get("/console/settlements", bind(&SettlementRoutes::own_page)).access = vendor;
  router.get("/api/v1/console/settlements", bind(&SettlementRoutes::own_api)).access = vendor;
  router.get("/console/settlements.csv", bind(&SettlementRoutes::own_csv)).access = vendor;
  // The operator: every workshop's totals, and any one workshop's statement by slug.
  const auto op = web::require(web::Role::operator_);
  router.get("/operator/settlements", bind(&SettlementRoutes::overview_page)).access = op;
  router.get("/api/v1/operator/settlements", bind(&SettlementRoutes::overview_api)).access = op;
  router.get("/operator/settlements/{slug}", bind(&SettlementRoutes::workshop_page)).access = op;
  router.get("/api/v1/operator/settlements/{slug}", bind(&SettlementRoutes::workshop_api)).access = op;
  router.get("/operator/settlements/{slug}/csv", bind(&SettlementRoutes::workshop_csv)).access = op;
}

}  // namespace brilliant::orders
