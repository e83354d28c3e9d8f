// The booth's leads over HTTP (routes.hpp): the booth app (/exhibitions/{slug}/booth, for the operator and
// the staff of the fair's selected workshops) that captures leads offline and syncs them; the visitor's own
// form behind the booth's QR code (/exhibitions/{slug}/contact); conflicts resolved by choosing a version.
#include <boost/json.hpp>

#include "core/secret.hpp"
#include "exhibitions/leads.hpp"
#include "exhibitions/routes.hpp"
#include "exhibitions/views_json.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"
#include "web/rate_limit.hpp"

namespace brilliant::exhibitions {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class LeadRoutes {
 public:
  explicit LeadRoutes(const Deps& d)
      : d_(d), x_(d.exhibitions), leads_(*d.leads), r_(d.renderer), visitors_(*d.visitor_forms) {}

  Result<Exhibition> fair(const Request& req) {
    auto e = x_.find(std::string(req.param("slug")));
    if (!e) return Error::not_found("exhibition");
    return *e;
  }
  // The operator, or staff of a workshop selected for the fair.
  Result<Exhibition> booth(const Request& req) {
    const auto e = TRY(fair(req));
    if (req.user && req.user->has(web::Role::operator_)) return e;
    const auto p = req.user ? x_.participant(e.id, req.user->workshop_id) : std::nullopt;
    if (!p || p->state != "selected")
      return Error::forbidden("the booth is for the fair's selected workshops");
    return e;
  }
  std::vector<long long> piece_ids(const Exhibition& e) {
    std::vector<long long> ids;
    for (const auto& p : x_.pieces(e.id)) ids.push_back(p.product_id);
    return ids;
  }
  json::array pieces_json(const Request& req, const Exhibition& e) {
    json::array out;
    const auto snap = d_.catalog.snapshot();
    for (const auto& p : x_.pieces(e.id))
      if (auto it = snap->by_id.find(p.product_id); it != snap->by_id.end()) {
        const auto& c = snap->cards[it->second];
        out.push_back(json::object{{"id", c.id}, {"title", req.locale == "en" ? c.title_en : c.title_ko}});
      }
    return out;
  }
  json::object model(const Request& req, const Exhibition& e) {
    json::array leads;
    for (const auto& l : leads_.of(e.id)) leads.push_back(lead_json(l));
    json::object m{{"title", r_.message(req.locale, "exhibitions.booth_title") + " · " +
                                 (req.locale == "en" ? e.info.name_en : e.info.name_ko)},
                   {"noindex", true},
                   {"exhibition", exhibition_json(e, req.locale)},
                   {"pieces", pieces_json(req, e)}};
    m["has_leads"] = !leads.empty();
    m["leads"] = std::move(leads);
    return m;
  }
  Result<Response> page(Request& req) {
    const auto e = TRY(booth(req));
    return r_.page_response(req, "exhibitions/booth", model(req, e));
  }
  Result<Response> api_list(Request& req) {
    const auto e = TRY(booth(req));
    auto m = model(req, e);
    m.erase("title");
    m.erase("noindex");
    return web::page_model_json(std::move(m));
  }
  Result<Response> api_sync(Request& req) {
    const auto e = TRY(booth(req));
    const auto in = TRY(lead_input_json(TRY(web::parse_json_object(req.body))));
    const auto done = TRY(leads_.sync(e.id, in, req.user->user_id, false, piece_ids(e)));
    const int status = done.outcome == Synced::created ? 201 : done.outcome == Synced::conflict ? 409 : 200;
    const char* outcome[] = {"created", "unchanged", "updated", "conflict"};
    auto o = lead_json(done.lead);
    o["outcome"] = outcome[static_cast<int>(done.outcome)];
    return Response::json(json::serialize(o), status);
  }
  Result<Response> api_resolve(Request& req) {
    const auto e = TRY(booth(req));
    const auto o = TRY(web::parse_json_object(req.body));
    const auto choice = TRY(web::json_string(o, "choice"));
    return Response::json(json::serialize(lead_json(TRY(leads_.resolve(e.id, req.param_id("id"), choice)))));
  }
  Result<Response> resolve_form(Request& req) {
    const auto e = TRY(booth(req));
    auto done = leads_.resolve(e.id, req.param_id("id"), req.form().get("choice"));
    if (!done) return r_.page_with_error(req, "exhibitions/booth", model(req, e), done.error());
    return Response::redirect(req.locale_prefix() + "/exhibitions/" + e.info.slug + "/booth");
  }

  // --- the visitor's own form ---
  json::object contact_model(const Request& req, const Exhibition& e) {
    auto pieces = pieces_json(req, e);
    const bool has_pieces = !pieces.empty();
    return {{"title", r_.message(req.locale, "exhibitions.contact_title") + " · " +
                          (req.locale == "en" ? e.info.name_en : e.info.name_ko)},
            {"exhibition", exhibition_json(e, req.locale)},
            {"pieces", std::move(pieces)},
            {"has_pieces", has_pieces},
            {"client_id", random_token(12)}};
  }
  Result<Response> contact_page(Request& req) {
    const auto e = TRY(fair(req));
    return r_.page_response(req, "exhibitions/contact", contact_model(req, e));
  }
  Result<Response> contact_form(Request& req) {
    const auto e = TRY(fair(req));
    // A public form: limited per address (Deps::visitor_forms), on every node together.
    if (const auto wait = visitors_.take("contact:" + req.remote_ip)) {
      auto refused = r_.error(req, Error::too_many("too many forms from here; try again in " +
                                                   std::to_string(*wait) + " seconds"));
      refused.set("Retry-After", std::to_string(*wait));
      return refused;
    }
    const auto f = req.form();
    LeadInput in{f.get("client_id"),
                 0,
                 f.get("name"),
                 f.get("company"),
                 f.get("email"),
                 f.get("phone"),
                 f.get("country"),
                 f.get("notes"),
                 "",
                 {},
                 0,
                 f.get("consent") == "1"};
    for (long long id : piece_ids(e))
      if (f.get("interest_" + std::to_string(id)) == "1") in.interests.push_back(id);
    auto done = leads_.sync(e.id, in, 0, true, piece_ids(e));
    if (!done && done.error().code != "lead_exists") {
      auto m = contact_model(req, e);
      for (const auto& [k, v] : f.fields()) m["form_" + k] = v;
      m["client_id"] = in.client_id;
      return r_.page_with_error(req, "exhibitions/contact", std::move(m), done.error());
    }
    auto m = contact_model(req, e);
    m["thanks"] = true;
    return r_.page_response(req, "exhibitions/contact", std::move(m));
  }

 private:
  const Deps d_;
  Exhibitions& x_;
  Leads& leads_;
  const web::Renderer& r_;
  web::RateLimiter& visitors_;
};

}  // namespace

void add_lead_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<LeadRoutes>(deps), deps.renderer);
  using L = LeadRoutes;
  const auto in = web::Access::logged_in();
  router.get("/exhibitions/{slug}/booth", bind(&L::page)).access = in;
  router.post("/exhibitions/{slug}/leads/{id}/resolve", bind(&L::resolve_form)).access = in;
  router.get("/exhibitions/{slug}/contact", bind(&L::contact_page));
  router.post("/exhibitions/{slug}/contact", bind(&L::contact_form));
  router.get("/api/v1/exhibitions/{slug}/leads", bind(&L::api_list)).access = in;
  router.post("/api/v1/exhibitions/{slug}/leads", bind(&L::api_sync)).access = in;
  router.post("/api/v1/exhibitions/{slug}/leads/{id}/resolve", bind(&L::api_resolve)).access = in;
}

}  // namespace brilliant::exhibitions
