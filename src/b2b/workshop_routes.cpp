// The workshop's and the operator's side of B2B (routes.hpp): answer quotes; approve buyers.
#include <boost/json.hpp>

#include "b2b/routes.hpp"
#include "b2b/views.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::b2b {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class WorkshopRoutes {
 public:
  explicit WorkshopRoutes(const Deps& d) : b_(d.b2b), r_(d.renderer) {}

  catalog::Messages words(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r_.message(locale, key); };
  }
  long long me(const Request& req) const { return req.user ? req.user->user_id : 0; }
  long long workshop(const Request& req) const { return req.user ? req.user->workshop_id : 0; }
  json::array list(const Request& req, const std::vector<Quote>& quotes, Viewer viewer) const {
    json::array out;
    for (const auto& q : quotes)
      out.push_back(quote_json(q, viewer, req.locale, req.locale_prefix(), words(req)));
    return out;
  }

  json::object console_model(const Request& req) {
    auto quotes = list(req, b_.of_workshop(workshop(req)), Viewer::workshop);
    long long waiting = 0;
    for (const auto& q : quotes) waiting += q.as_object().at("status").as_string() == "draft";
    json::object m{{"title", r_.message(req.locale, "b2b.console_title")}, {"noindex", true}};
    m["has_quotes"] = !quotes.empty();
    m["show_buyer"] = true;
    m["waiting"] = waiting;
    m["quotes"] = std::move(quotes);
    return m;
  }
  Response console(Request& req) { return r_.page_response(req, "b2b/console", console_model(req)); }
  Response api_console(Request& req) { return web::page_model_json(console_model(req)); }

  Result<Quote> ours(const Request& req) {
    auto q = b_.visible(std::string(req.param("number")), 0, workshop(req), false);
    if (!q || !workshop(req)) return Error::not_found("quote");
    return *q;
  }
  json::object quote_model(const Request& req, const Quote& q) {
    json::object m{{"title", r_.message(req.locale, "b2b.quote") + " " + q.number}, {"noindex", true}};
    auto o = quote_json(q, Viewer::workshop, req.locale, req.locale_prefix(), words(req));
    // The form's starting values: the last answer, else the fair's wholesale terms are the workshop's own.
    o["form_unit_price"] = q.unit_price ? std::to_string(q.unit_price) : "";
    o["form_min_quantity"] = q.min_quantity;
    o["form_lead_days"] = q.lead_days;
    m["quote"] = std::move(o);
    return m;
  }
  Result<Response> quote_page(Request& req) {
    return r_.page_response(req, "b2b/console_quote", quote_model(req, TRY(ours(req))));
  }
  Result<Response> api_quote(Request& req) {
    return Response::json(json::serialize(
        quote_json(TRY(ours(req)), Viewer::workshop, req.locale, req.locale_prefix(), words(req))));
  }
  Response back(const Request& req) {
    return Response::redirect(req.locale_prefix() + "/console/quotes/" + std::string(req.param("number")));
  }
  Result<Response> refused(Request& req, const Error& error) {
    return r_.page_with_error(req, "b2b/console_quote", quote_model(req, TRY(ours(req))), error);
  }

  Result<Response> answer_form(Request& req) {
    const auto f = req.form();
    auto number = [&](const char* name, long long fallback) {
      const auto text = f.get(name);
      return text.empty() ? fallback : web::parse_id(text);
    };
    const Answer a{number("unit_price", 0), number("min_quantity", 1), number("lead_days", 0),
                   number("valid_days", 14), f.get("answer_note")};
    auto done = b_.answer(workshop(req), std::string(req.param("number")), a, f.get("send") == "1", me(req));
    return done ? back(req) : refused(req, done.error());
  }
  Result<Response> api_answer(Request& req) {
    TRY(ours(req));  // another's quote (or none) is not found before its body is read
    const auto o = TRY(web::parse_json_object(req.body));
    Answer a;
    a.unit_price = TRY(web::json_int(o, "unit_price", 0));
    a.min_quantity = TRY(web::json_int(o, "min_quantity", 1));
    a.lead_days = TRY(web::json_int(o, "lead_days", 0));
    a.valid_days = TRY(web::json_int(o, "valid_days", 14));
    a.note = TRY(web::json_string(o, "note"));
    const bool send = TRY(web::json_bool(o, "send", true));
    const auto q = TRY(b_.answer(workshop(req), std::string(req.param("number")), a, send, me(req)));
    return Response::json(
        json::serialize(quote_json(q, Viewer::workshop, req.locale, req.locale_prefix(), words(req))));
  }
  Result<Response> decline_form(Request& req) {
    auto done =
        b_.decline(0, workshop(req), std::string(req.param("number")), req.form().get("note"), me(req));
    return done ? back(req) : refused(req, done.error());
  }
  Result<Response> api_decline(Request& req) {
    TRY(ours(req));
    const auto o = TRY(web::parse_json_object(req.body.empty() ? "{}" : req.body));
    const auto note = TRY(web::json_string(o, "note"));
    const auto q = TRY(b_.decline(0, workshop(req), std::string(req.param("number")), note, me(req)));
    return Response::json(
        json::serialize(quote_json(q, Viewer::workshop, req.locale, req.locale_prefix(), words(req))));
  }

  // The operator: applications to decide, and every quote.
  json::object operator_model(const Request& req) {
    json::array applications;
    long long pending = 0;
    for (const auto& a : b_.applications()) {
      pending += a.status == "pending";
      applications.push_back(application_json(a));
    }
    json::object m{{"title", r_.message(req.locale, "b2b.operator_title")}, {"noindex", true}};
    m["has_applications"] = !applications.empty();
    m["pending"] = pending;
    m["has_pending"] = pending > 0;
    m["applications"] = std::move(applications);
    auto quotes = list(req, b_.all(), Viewer::operator_);
    m["has_quotes"] = !quotes.empty();
    m["show_buyer"] = true;
    m["quotes"] = std::move(quotes);
    return m;
  }
  Response operator_page(Request& req) { return r_.page_response(req, "b2b/operator", operator_model(req)); }
  Response api_operator(Request& req) { return web::page_model_json(operator_model(req)); }
  Result<Response> decide_form(Request& req) {
    auto done = b_.decide(req.param_id("id"), req.form().get("decision"), me(req));
    if (!done) return r_.page_with_error(req, "b2b/operator", operator_model(req), done.error());
    return Response::redirect(req.locale_prefix() + "/operator/buyers");
  }
  Result<Response> api_decide(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    const auto decision = TRY(web::json_string(o, "decision"));
    const auto a = TRY(b_.decide(req.param_id("id"), decision, me(req)));
    return Response::json(json::serialize(application_json(a)));
  }
  Result<Response> operator_quote(Request& req) {
    const auto q = b_.visible(std::string(req.param("number")), 0, 0, true);
    if (!q) return Error::not_found("quote");
    json::object m{{"title", r_.message(req.locale, "b2b.quote") + " " + q->number}, {"noindex", true}};
    m["quote"] = quote_json(*q, Viewer::operator_, req.locale, req.locale_prefix(), words(req));
    m["back_path"] = "/operator/buyers";
    m["back_text"] = r_.message(req.locale, "b2b.operator_title");
    return r_.page_response(req, "b2b/quote", std::move(m));
  }

 private:
  B2b& b_;
  const web::Renderer& r_;
};

}  // namespace

void add_workshop_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<WorkshopRoutes>(deps), deps.renderer);
  using W = WorkshopRoutes;
  const auto staff = web::require(web::Role::vendor_staff);
  router.get("/console/quotes", bind(&W::console)).access = staff;
  router.get("/console/quotes/{number}", bind(&W::quote_page)).access = staff;
  router.post("/console/quotes/{number}/answer", bind(&W::answer_form)).access = staff;
  router.post("/console/quotes/{number}/decline", bind(&W::decline_form)).access = staff;
  router.get("/api/v1/console/quotes", bind(&W::api_console)).access = staff;
  router.get("/api/v1/console/quotes/{number}", bind(&W::api_quote)).access = staff;
  router.post("/api/v1/console/quotes/{number}/answer", bind(&W::api_answer)).access = staff;
  router.post("/api/v1/console/quotes/{number}/decline", bind(&W::api_decline)).access = staff;
  const auto op = web::require(web::Role::operator_);
  router.get("/operator/buyers", bind(&W::operator_page)).access = op;
  router.post("/operator/buyers/{id}/decision", bind(&W::decide_form)).access = op;
  router.get("/operator/quotes/{number}", bind(&W::operator_quote)).access = op;
  router.get("/api/v1/operator/buyers", bind(&W::api_operator)).access = op;
  router.post("/api/v1/operator/buyers/{id}/decision", bind(&W::api_decide)).access = op;
}

}  // namespace brilliant::b2b
