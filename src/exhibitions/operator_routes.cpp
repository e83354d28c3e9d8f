// The operator's side of exhibitions (routes.hpp): plan a fair and select the workshops that applied; the
// page shows the exchange rates (kept at /operator/pricing) that the line sheets use.
#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "exhibitions/routes.hpp"
#include "exhibitions/views_json.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::exhibitions {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class OperatorRoutes {
 public:
  explicit OperatorRoutes(const Deps& d) : d_(d), x_(d.exhibitions), r_(d.renderer) {}

  json::object model(const Request& req) {
    json::array list, rates;
    for (const auto& e : x_.all()) {
      auto o = exhibition_json(e, req.locale);
      json::array people;
      for (const auto& p : x_.participants(e.id)) people.push_back(participant_json(p, req.locale));
      o["has_participants"] = !people.empty();
      o["participants"] = std::move(people);
      o["pieces"] = static_cast<long long>(x_.pieces(e.id).size());
      o["cost"] = e.info.cost;
      list.push_back(std::move(o));
    }
    if (d_.rates)
      for (const auto& [currency, won_x1000] : d_.rates())
        rates.push_back(json::object{{"currency", currency}, {"rate", scaled_text(won_x1000, 3)}});
    json::object m{{"title", r_.message(req.locale, "exhibitions.operator_title")}, {"noindex", true}};
    m["exhibitions"] = std::move(list);
    m["rates"] = std::move(rates);
    return m;
  }
  Response page(Request& req) { return r_.page_response(req, "exhibitions/operator", model(req)); }
  Response api(Request& req) { return web::page_model_json(model(req)); }
  Response back(const Request& req) {
    return Response::redirect(req.locale_prefix() + "/operator/exhibitions");
  }
  // Shown above the forms, which keep what was typed.
  Response refused(Request& req, const web::Form& form, Error error) {
    auto m = model(req);
    for (const auto& [k, v] : form.fields()) m["form_" + k] = v;
    error.field.clear();
    return r_.page_with_error(req, "exhibitions/operator", std::move(m), error);
  }

  static ExhibitionInput input_of(const std::function<std::string(const char*)>& get) {
    return {get("slug"),
            get("name_ko"),
            get("name_en"),
            get("city"),
            get("country"),
            get("venue"),
            get("booth"),
            get("starts_on"),
            get("ends_on"),
            get("currency"),
            web::parse_id(get("cost"))};
  }
  Response create_form(Request& req) {
    const auto f = req.form();
    auto made = x_.create(input_of([&](const char* k) { return f.get(k); }));
    if (!made) return refused(req, f, made.error());
    return back(req);
  }
  Result<Response> api_create(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    std::map<std::string, std::string> fields;
    for (const auto& [k, v] : o)
      fields[std::string(k)] = v.is_string()  ? std::string(v.as_string())
                               : v.is_int64() ? std::to_string(v.as_int64())
                                              : "";
    const auto made = TRY(x_.create(input_of([&](const char* k) { return fields[k]; })));
    return Response::json(json::serialize(exhibition_json(made, req.locale)), 201);
  }

  Response decide_form(Request& req) {
    const auto f = req.form();
    auto done = x_.decide(std::string(req.param("slug")), req.param_id("workshop_id"), f.get("state"));
    return done ? back(req) : refused(req, f, done.error());
  }
  Result<Response> api_decide(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    const auto state = TRY(web::json_string(o, "state"));
    TRY(x_.decide(std::string(req.param("slug")), req.param_id("workshop_id"), state));
    return Response::json(
        json::serialize(json::object{{"workshop_id", req.param_id("workshop_id")}, {"state", state}}));
  }

  Result<json::object> results_model(const Request& req) {
    const auto e = x_.find(std::string(req.param("slug")));
    if (!e) return Error::not_found("exhibition");
    const auto r = x_.results(*e);
    const auto won_text = [&](long long won) { return catalog::format_won(won, req.locale); };
    json::array countries, workshops;
    for (const auto& c : r.countries)
      countries.push_back(json::object{{"country", c.country.empty() ? "-" : c.country},
                                       {"leads", c.leads},
                                       {"quotes", c.quotes},
                                       {"orders", c.orders},
                                       {"amount", c.amount},
                                       {"amount_text", won_text(c.amount)}});
    for (const auto& w : r.workshops)
      workshops.push_back(json::object{{"workshop", in_language(req.locale == "en", w.name, w.name_en)},
                                       {"leads", w.leads},
                                       {"quotes", w.quotes},
                                       {"orders", w.orders},
                                       {"amount", w.amount},
                                       {"amount_text", won_text(w.amount)}});
    return json::object{{"title", r_.message(req.locale, "exhibitions.results_title") + " · " +
                                      (req.locale == "en" ? e->info.name_en : e->info.name_ko)},
                        {"noindex", true},
                        {"exhibition", exhibition_json(*e, req.locale)},
                        {"leads", r.leads},
                        {"visitors", r.visitors},
                        {"quotes", r.quotes},
                        {"items_sent", r.items_sent},
                        {"items_back", r.items_back},
                        {"items_sold", r.items_sold},
                        {"has_items", r.items_sent > 0},
                        {"orders", r.orders},
                        {"amount", r.amount},
                        {"amount_text", won_text(r.amount)},
                        {"cost", r.cost},
                        {"cost_text", won_text(r.cost)},
                        {"cost_per_lead_text", r.leads ? won_text(r.cost / r.leads) : "-"},
                        {"countries", std::move(countries)},
                        {"workshops", std::move(workshops)}};
  }
  Result<Response> results_page(Request& req) {
    return r_.page_response(req, "exhibitions/results", TRY(results_model(req)));
  }
  Result<Response> api_results(Request& req) { return web::page_model_json(TRY(results_model(req))); }

 private:
  const Deps d_;
  Exhibitions& x_;
  const web::Renderer& r_;
};

}  // namespace

void add_operator_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<OperatorRoutes>(deps), deps.renderer);
  using O = OperatorRoutes;
  const auto op = web::require(web::Role::operator_);
  router.get("/operator/exhibitions", bind(&O::page)).access = op;
  router.post("/operator/exhibitions", bind(&O::create_form)).access = op;
  router.post("/operator/exhibitions/{slug}/workshops/{workshop_id}", bind(&O::decide_form)).access = op;
  router.get("/api/v1/operator/exhibitions", bind(&O::api)).access = op;
  router.get("/operator/exhibitions/{slug}/results", bind(&O::results_page)).access = op;
  router.get("/api/v1/operator/exhibitions/{slug}/results", bind(&O::api_results)).access = op;
  router.post("/api/v1/operator/exhibitions", bind(&O::api_create)).access = op;
  router
      .add(web::Method::put, "/api/v1/operator/exhibitions/{slug}/workshops/{workshop_id}",
           bind(&O::api_decide))
      .access = op;
}

}  // namespace brilliant::exhibitions
