#include "legal/routes.hpp"

#include <boost/json.hpp>

#include "legal/views.hpp"
#include "web/bind.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::legal {

namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

struct Field {
  const char* name;
  std::string BusinessInfo::*member;
};
constexpr Field text_fields[] = {
    {"company", &BusinessInfo::company},
    {"representative", &BusinessInfo::representative},
    {"registration_no", &BusinessInfo::registration_no},
    {"mail_order_no", &BusinessInfo::mail_order_no},
    {"address", &BusinessInfo::address},
    {"phone", &BusinessInfo::phone},
    {"email", &BusinessInfo::email},
    {"hosting", &BusinessInfo::hosting},
    {"privacy_officer", &BusinessInfo::privacy_officer},
    {"privacy_email", &BusinessInfo::privacy_email},
    {"processors", &BusinessInfo::processors},
};

Result<Arrangement> arrangement_of(const std::string& text) {
  if (text == "mediator") return Arrangement::mediator;
  if (text == "seller") return Arrangement::seller;
  return Error::invalid("arrangement", "choice_invalid", "arrangement must be mediator or seller");
}

class LegalRoutes {
 public:
  explicit LegalRoutes(Deps d) : store(d.store), r(d.renderer) {}

  Response terms(Request& req) { return legal_page(req, "terms"); }
  Response privacy(Request& req) { return legal_page(req, "privacy"); }

  Response api_legal(Request&) {
    auto out = footer_json(*store.current());
    out["terms_version"] = std::string(terms_version);
    out["privacy_version"] = std::string(privacy_version);
    return Response::json(json::serialize(out));
  }

  Response operator_page(Request& req) {
    auto current = store.current();
    auto m = form_model(req, current->value_or(BusinessInfo{}));
    if (!current->has_value()) m["missing"] = true;
    if (req.query_params().get("saved") == "1") m["notice"] = r.message(req.locale, "legal.saved");
    return r.page_response(req, "operator/legal", std::move(m));
  }

  Response operator_form(Request& req) {
    const auto form = req.form();
    BusinessInfo typed;
    for (const auto& f : text_fields) typed.*(f.member) = form.get(f.name);
    auto arrangement = arrangement_of(form.get("arrangement"));
    if (arrangement) typed.arrangement = *arrangement;
    auto saved =
        arrangement ? store.save(typed, req.user->user_id) : Result<BusinessInfo>(arrangement.error());
    if (saved) return Response::redirect(req.locale_prefix() + "/operator/legal?saved=1");
    auto m = form_model(req, typed);
    const auto& e = saved.error();
    m["errors"] = json::object{{e.field.empty() ? "form" : e.field, r.localized(req, e)},
                               {"form", r.localized(req, e)}};
    return r.page_response(req, "operator/legal", std::move(m), web::http_status(e.kind));
  }

  Response api_operator(Request&) {
    auto current = store.current();
    if (!current->has_value()) return Response::json(R"({"missing":true})");
    return Response::json(json::serialize(business_json(**current)));
  }

  Response api_operator_put(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return r.error(req, body.error());
    auto info = business_from_json(*body);
    if (!info) return r.error(req, info.error());
    auto saved = store.save(*info, req.user->user_id);
    if (!saved) return r.error(req, saved.error());
    return Response::json(json::serialize(business_json(*saved)));
  }

 private:
  Response legal_page(Request& req, const std::string& which) {
    json::object m{{"title", r.message(req.locale, "legal." + which + "_title")},
                   {"business", footer_json(*store.current())},
                   {"terms_version", std::string(terms_version)},
                   {"privacy_version", std::string(privacy_version)}};
    return r.page_response(req, "legal/" + which + "_" + (req.locale == "en" ? "en" : "ko"), std::move(m));
  }

  json::object form_model(const Request& req, const BusinessInfo& b) {
    auto m = business_json(b);
    m["title"] = r.message(req.locale, "legal.settings_title");
    m["noindex"] = true;
    return m;
  }

  LegalStore& store;
  const web::Renderer& r;
};

}  // namespace

Result<BusinessInfo> business_from_json(const json::object& body) {
  BusinessInfo b;
  for (const auto& f : text_fields) {
    const auto* v = body.if_contains(f.name);
    if (!v) continue;
    if (!v->is_string()) return Error::invalid(f.name, "text_invalid", std::string(f.name) + " must be text");
    b.*(f.member) = std::string(v->as_string());
  }
  if (const auto* v = body.if_contains("arrangement")) {
    if (!v->is_string()) return Error::invalid("arrangement", "choice_invalid", "arrangement must be text");
    b.arrangement = TRY(arrangement_of(std::string(v->as_string())));
  }
  return b;
}

void add_routes(web::Router& router, Deps deps) {
  const web::Bind bind(std::make_shared<LegalRoutes>(deps), deps.renderer);
  const auto operator_only = web::require(web::Role::operator_);
  router.get("/terms", bind(&LegalRoutes::terms));
  router.get("/privacy", bind(&LegalRoutes::privacy));
  router.get("/api/v1/legal", bind(&LegalRoutes::api_legal)).session = false;
  router.get("/operator/legal", bind(&LegalRoutes::operator_page)).access = operator_only;
  router.post("/operator/legal", bind(&LegalRoutes::operator_form)).access = operator_only;
  router.get("/api/v1/operator/legal", bind(&LegalRoutes::api_operator)).access = operator_only;
  router.add(web::Method::put, "/api/v1/operator/legal", bind(&LegalRoutes::api_operator_put)).access =
      operator_only;
}

}  // namespace brilliant::legal
