#include "pricing/routes.hpp"

#include <boost/json.hpp>
#include <charconv>
#include "web/bind.hpp"

#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::pricing {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

json::object quote_json(const Quote& q) {
  return {{"metal", q.metal},
          {"day", q.day},
          {"won_per_gram", q.won_per_gram},
          {"source", q.source},
          {"created_at", q.created_at}};
}

json::object report_json(const RepriceReport& r) {
  return {{"products", r.products},
          {"variants", r.variants},
          {"refused", r.refused},
          {"milliseconds", static_cast<long long>(r.seconds * 1000.0 + 0.5)}};
}

long long parse_won(const std::string& text) {
  long long value = -1;
  std::string digits;
  for (char c : text)
    if (c != ',' && c != ' ') digits.push_back(c);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return ec == std::errc() && end == digits.data() + digits.size() ? value : -1;
}

Response page(Quotes& quotes, const web::Renderer& renderer, const Request& req, json::object model,
              const Error* error = nullptr) {
  json::array current, history, rates;
  for (const auto& [metal, q] : quotes.current()) {
    auto o = quote_json(q);
    o["metal_text"] = renderer.message(req.locale, "catalog.metal." + metal);
    current.push_back(std::move(o));
  }
  for (const auto& q : quotes.history(60)) {
    auto o = quote_json(q);
    o["metal_text"] = renderer.message(req.locale, "catalog.metal." + q.metal);
    history.push_back(std::move(o));
  }
  for (const char* code : display_currencies) {
    json::object o{{"code", code}, {"value", ""}};
    for (const auto& r : quotes.rates())
      if (r.code == code)
        o["value"] = std::to_string(r.krw_per_unit_x1000 / 1000) + "." +
                     std::to_string(r.krw_per_unit_x1000 % 1000 + 1000).substr(1);
    rates.push_back(std::move(o));
  }
  model["current"] = std::move(current);
  model["history"] = std::move(history);
  model["rates"] = std::move(rates);
  model["title"] = renderer.message(req.locale, "pricing.title");
  model["noindex"] = true;
  if (!model.contains("day"))
    model["day"] = format_utc(std::chrono::system_clock::now() + std::chrono::hours(9)).substr(0, 10);
  int status = 200;
  if (error) {
    model["errors"] =
        json::object{{error->field.empty() ? "form" : error->field, renderer.localized(req, *error)}};
    status = web::http_status(error->kind);
  }
  return renderer.page_response(req, "operator/pricing", std::move(model), status);
}

Response repriced_redirect(const Request& req, const RepriceReport& r) {
  return Response::redirect(req.locale_prefix() + "/operator/pricing?products=" + std::to_string(r.products) +
                            "&variants=" + std::to_string(r.variants) +
                            "&ms=" + std::to_string(static_cast<long long>(r.seconds * 1000.0 + 0.5)));
}

class QuoteRoutes {
 public:
  explicit QuoteRoutes(Deps& d) : quotes(d.quotes), renderer(d.renderer) {}

  Response operator_pricing_page(Request& req) {
    auto q = req.query_params();
    json::object model;
    if (q.has("products")) {
      auto text = renderer.message(req.locale, "pricing.repriced");
      for (auto [key, value] : {std::pair{"{{products}}", q.get("products")},
                                {"{{variants}}", q.get("variants")},
                                {"{{ms}}", q.get("ms")}})
        if (auto at = text.find(key); at != std::string::npos)
          text.replace(at, std::string(key).size(), value);
      model["notice"] = text;
    }
    return page(quotes, renderer, req, std::move(model));
  }

  Response operator_quotes_form(Request& req) {
    auto form = req.form();
    const long long won = parse_won(form.get("won_per_gram"));
    json::object model{
        {"metal", form.get("metal")}, {"day", form.get("day")}, {"won_per_gram", form.get("won_per_gram")}};
    auto report = quotes.set_quote(form.get("metal"), form.get("day"), won, req.user->user_id);
    if (!report) return page(quotes, renderer, req, std::move(model), &report.error());
    return repriced_redirect(req, *report);
  }

  Response operator_quotes_import_form(Request& req) {
    auto form = req.form();
    auto report = quotes.import_csv(form.get("csv"), req.user->user_id);
    if (!report) return page(quotes, renderer, req, {{"csv", form.get("csv")}}, &report.error());
    return repriced_redirect(req, *report);
  }

  Response operator_rates_form(Request& req) {
    auto form = req.form();
    for (const char* code : display_currencies) {
      auto value = form.get(code);
      if (value.empty()) continue;
      auto done = quotes.set_rate(code, value);
      if (!done) {
        Error e = done.error();
        e.field = code;
        return page(quotes, renderer, req, {}, &e);
      }
    }
    return Response::redirect(req.locale_prefix() + "/operator/pricing");
  }

  Response api_quotes(Request&) {
    json::object out;
    for (const auto& [metal, q] : quotes.current()) out[metal] = quote_json(q);
    return Response::json(json::serialize(json::object{{"quotes", std::move(out)}}));
  }

  Response api_quotes_post(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return renderer.error(req, body.error());
    auto metal = web::json_string(*body, "metal");
    auto day = web::json_string(*body, "day");
    if (!metal) return renderer.error(req, metal.error());
    if (!day) return renderer.error(req, day.error());
    auto it = body->find("won_per_gram");
    if (it == body->end() || !it->value().is_int64())
      return renderer.error(
          req, Error::invalid("won_per_gram", "quote_range", "won_per_gram must be a whole number"));
    auto report = quotes.set_quote(*metal, *day, it->value().as_int64(), req.user->user_id, "api");
    if (!report) return renderer.error(req, report.error());
    return Response::json(json::serialize(json::object{{"repriced", report_json(*report)}}), 201);
  }

 private:
  Quotes& quotes;
  const web::Renderer& renderer;
};

}  // namespace

void add_routes(web::Router& router, Deps deps) {
  const web::Bind bind(std::make_shared<QuoteRoutes>(deps), deps.renderer);
  const auto operator_only = web::require(web::Role::operator_);
  router.get("/operator/pricing", bind(&QuoteRoutes::operator_pricing_page)).access = operator_only;
  router.post("/operator/quotes", bind(&QuoteRoutes::operator_quotes_form)).access = operator_only;
  router.post("/operator/quotes/import", bind(&QuoteRoutes::operator_quotes_import_form)).access =
      operator_only;
  router.post("/operator/rates", bind(&QuoteRoutes::operator_rates_form)).access = operator_only;
  router.get("/api/v1/quotes", bind(&QuoteRoutes::api_quotes));
  router.post("/api/v1/quotes", bind(&QuoteRoutes::api_quotes_post)).access = operator_only;
}

}  // namespace brilliant::pricing
