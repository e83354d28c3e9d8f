// The workshop's side of the certification (routes.hpp): its application and evidence in the console,
// and a piece's eco claims.
#include <boost/json.hpp>

#include "certification/routes.hpp"
#include "certification/service.hpp"
#include "certification/views.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"
#include "web/render.hpp"
#include "web/router.hpp"
#include "web/rows.hpp"

namespace brilliant::certification {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// The answers a form or JSON body gives: self_score_<code> and self_note_<code> per criterion.
template <class Get>
Result<std::vector<Answer>> answers_from(const Scheme& scheme, Get get) {
  std::vector<Answer> out;
  for (const auto& c : scheme.criteria) {
    const auto score = get("self_score_" + c.code);
    if (score.empty()) continue;
    int value = -1;
    try {
      size_t used = 0;
      value = std::stoi(score, &used);
      if (used != score.size()) value = -1;
    } catch (const std::exception&) {
    }
    if (value < 0 || value > 100)
      return Error::invalid("self_score_" + c.code, "score_invalid", "a score is a whole number 0 to 100");
    out.push_back({c.code, value, get("self_note_" + c.code), -1, ""});
  }
  return out;
}

int years_of(const std::string& text) { return text == "1" ? 1 : text == "3" || text.empty() ? 3 : 0; }

class WorkshopRoutes {
 public:
  explicit WorkshopRoutes(Deps& d) : certs(d.certification), r(d.renderer) {}

  Text text_for(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r.message(locale, key); };
  }

  json::object model_for(const Request& req, const Dossier& d) {
    const auto t = text_for(req);
    json::object model{{"title", t("certification.console_title")},
                       {"noindex", true},
                       {"dossier", dossier_json(d, req.locale == "en", t)}};
    json::array mine;
    for (const auto& c : certs.certificates_of(req.user->workshop_id))
      mine.push_back(certificate_json(c, req.locale == "en", t));
    model["has_certificates"] = !mine.empty();
    model["certificates"] = std::move(mine);
    return model;
  }

  Result<Response> console_page(Request& req) {
    auto d = TRY(certs.open_application(req.user->workshop_id));
    auto model = model_for(req, d);
    if (req.query_params().get("saved") == "1") model["saved"] = true;
    return r.page_response(req, "certification/console", std::move(model));
  }

  Result<Response> with_error(Request& req, const Error& e) {
    auto d = TRY(certs.open_application(req.user->workshop_id));
    return r.page_with_error(req, "certification/console", model_for(req, d), e);
  }

  Result<Response> save_form(Request& req) {
    const auto form = req.form();
    auto d = TRY(certs.open_application(req.user->workshop_id));
    auto answers = answers_from(d.scheme, [&](const std::string& k) { return std::string(form.get(k)); });
    const int years = years_of(std::string(form.get("validity_years")));
    auto saved = answers ? certs.save_self_assessment(req.user->workshop_id, *answers,
                                                      std::string(form.get("product_lines")), years)
                         : Result<void>(answers.error());
    if (!saved) return with_error(req, saved.error());
    if (form.get("then") == "submit") {
      auto submitted = certs.submit(req.user->workshop_id);
      if (!submitted) return with_error(req, submitted.error());
    }
    return Response::redirect(req.locale_prefix() + "/console/certification?saved=1");
  }

  Result<Response> correct_form(Request& req) {
    const auto form = req.form();
    auto done =
        certs.correct(req.user->workshop_id, req.param_id("id"), std::string(form.get("corrective_action")));
    if (!done) {
      if (done.error().kind == ErrorKind::not_found) return done.error();
      // The page has a form per nonconformity: that one keeps what was typed, the error beside it.
      auto d = TRY(certs.open_application(req.user->workshop_id));
      auto model = model_for(req, d);
      if (auto* ncs = model["dossier"].as_object().if_contains("nonconformities"); ncs && ncs->is_array())
        web::keep_in_row(ncs->as_array(), "id", req.param_id("id"),
                         {{"typed_corrective_action", form.get("corrective_action")},
                          {"row_error", r.localized(req, done.error())}});
      return r.page_with_error(req, "certification/console", std::move(model), done.error());
    }
    return Response::redirect(req.locale_prefix() + "/console/certification?saved=1");
  }

  Result<Response> api_dossier(Request& req) {
    auto d = TRY(certs.open_application(req.user->workshop_id));
    auto model = model_for(req, d);
    return Response::json(json::serialize(
        json::object{{"application", model["dossier"]}, {"certificates", model["certificates"]}}));
  }

  Result<Response> api_save(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    auto d = TRY(certs.open_application(req.user->workshop_id));
    std::map<std::string, std::string> fields;
    if (const auto* list = body.if_contains("answers"); list && list->is_array())
      for (const auto& item : list->get_array()) {
        if (!item.is_object()) return Error::invalid("answers", "answer_invalid", "each answer is an object");
        const auto& o = item.get_object();
        const auto code = TRY(web::json_string(o, "code"));
        const auto* score = o.if_contains("self_score");
        if (!score || !score->is_int64())
          return Error::invalid("self_score_" + code, "score_invalid",
                                "self_score is a whole number 0 to 100");
        fields["self_score_" + code] = std::to_string(score->get_int64());
        fields["self_note_" + code] = TRY(web::json_string(o, "self_note"));
        bool known = false;
        for (const auto& c : d.scheme.criteria) known = known || c.code == code;
        if (!known)
          return Error::invalid("code", "criterion_unknown", "no criterion " + code + " in this version");
      }
    auto answers = TRY(answers_from(d.scheme, [&](const std::string& k) {
      auto it = fields.find(k);
      return it == fields.end() ? std::string() : it->second;
    }));
    int years = 3;
    if (const auto* y = body.if_contains("validity_years")) {
      years = y->is_int64() ? static_cast<int>(y->get_int64()) : 0;
      if (years != 1 && years != 3)
        return Error::invalid("validity_years", "validity_invalid",
                              "a certificate is valid for 1 or 3 years");
    }
    const auto lines = body.contains("product_lines") ? TRY(web::json_string(body, "product_lines"))
                                                      : d.application.product_lines;
    TRY(certs.save_self_assessment(req.user->workshop_id, answers, lines, years));
    return api_dossier(req);
  }

  Result<Response> api_submit(Request& req) {
    TRY(certs.submit(req.user->workshop_id));
    return api_dossier(req);
  }

  Result<Response> api_evidence(Request& req) {
    const auto q = req.query_params();
    auto e = TRY(certs.add_evidence(req.user->workshop_id, std::string(q.get("code")),
                                    std::string(q.get("name")), req.body));
    return Response::json(json::serialize(json::object{{"id", e.id},
                                                       {"code", e.code},
                                                       {"name", e.name},
                                                       {"content_type", e.content_type},
                                                       {"bytes", e.bytes},
                                                       {"sha256", e.hash},
                                                       {"log_index", e.log_index}}),
                          201);
  }

  // Private: the workshop's staff, auditors and operators; anyone else the same 404 as a missing file.
  Result<Response> evidence_file(Request& req) {
    auto e = certs.evidence_file(req.param_id("id"));
    if (!e) return Error::not_found("file");
    auto bytes = TRY(certs.evidence_bytes(*req.user, *e));
    return web::private_file(std::move(bytes), e->content_type, e->name);
  }

  // --- a piece's claims ---
  Result<ProductBrief> own_piece(const Request& req) {
    auto piece = certs.product_brief(std::string(req.param("slug")));
    if (!piece || !req.user->may_act_for_workshop(piece->workshop_id)) return Error::not_found("product");
    return *piece;
  }

  json::object claims_model(const Request& req, const ProductBrief& piece) {
    const auto t = text_for(req);
    const auto chosen = certs.claims_of(piece.id);
    json::array options;
    for (const auto& code : certs.allowed_claims(piece.workshop_id, piece.metal)) {
      auto it =
          std::find_if(chosen.begin(), chosen.end(), [&](const ProductClaim& c) { return c.claim == code; });
      options.push_back(json::object{{"code", code},
                                     {"text", t("certification.claim." + code)},
                                     {"checked", it != chosen.end()},
                                     {"evidence", it == chosen.end() ? "" : it->evidence}});
    }
    json::array current;
    for (const auto& c : chosen)
      current.push_back(json::object{
          {"claim", c.claim}, {"text", t("certification.claim." + c.claim)}, {"evidence", c.evidence}});
    return {{"title", t("certification.claims_title")},
            {"noindex", true},
            {"piece", json::object{{"id", piece.id},
                                   {"slug", piece.slug},
                                   {"title", req.locale == "en" ? piece.title_en : piece.title_ko},
                                   {"metal", piece.metal}}},
            {"has_options", !options.empty()},
            {"options", std::move(options)},
            {"claims", std::move(current)},
            {"shown", claims_json(piece.claims, t)}};
  }

  Result<Response> claims_page(Request& req) {
    const auto piece = TRY(own_piece(req));
    auto model = claims_model(req, piece);
    if (req.query_params().get("saved") == "1") model["saved"] = true;
    return r.page_response(req, "certification/claims", std::move(model));
  }

  Result<Response> claims_form(Request& req) {
    const auto piece = TRY(own_piece(req));
    const auto form = req.form();
    std::vector<ProductClaim> claims;
    for (const auto& code : known_claims())
      if (form.get("claim_" + code) == "on")
        claims.push_back({piece.id, code, std::string(form.get("evidence_" + code))});
    auto done = certs.set_claims(piece.id, claims);
    if (!done) return r.page_with_error(req, "certification/claims", claims_model(req, piece), done.error());
    if (form.get("back") == "edit")  // chosen in the piece's edit page
      return Response::redirect(req.locale_prefix() + "/console/products/" + piece.slug + "/edit?saved=1");
    return Response::redirect(req.locale_prefix() + "/console/products/" + piece.slug + "/claims?saved=1");
  }

  Result<Response> api_claims(Request& req) {
    const auto piece = TRY(own_piece(req));
    auto model = claims_model(req, piece);
    return Response::json(json::serialize(json::object{{"product_id", piece.id},
                                                       {"claims", model["claims"]},
                                                       {"allowed", model["options"]},
                                                       {"shown", model["shown"]}}));
  }

  Result<Response> api_set_claims(Request& req) {
    const auto piece = TRY(own_piece(req));
    const auto body = TRY(web::parse_json_object(req.body));
    std::vector<ProductClaim> claims;
    const auto* list = body.if_contains("claims");
    if (!list || !list->is_array()) return Error::invalid("claims", "claims_invalid", "claims is a list");
    for (const auto& item : list->get_array()) {
      if (!item.is_object()) return Error::invalid("claims", "claims_invalid", "each claim is an object");
      claims.push_back({piece.id, TRY(web::json_string(item.get_object(), "claim")),
                        TRY(web::json_string(item.get_object(), "evidence"))});
    }
    TRY(certs.set_claims(piece.id, claims));
    return api_claims(req);
  }

 private:
  Certification& certs;
  const web::Renderer& r;
};

}  // namespace

void add_workshop_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<WorkshopRoutes>(deps), deps.renderer);
  const auto vendor = web::require(web::Role::vendor_staff);
  router.get("/console/certification", bind(&WorkshopRoutes::console_page)).access = vendor;
  router.post("/console/certification", bind(&WorkshopRoutes::save_form)).access = vendor;
  router.post("/console/certification/nonconformities/{id}", bind(&WorkshopRoutes::correct_form)).access =
      vendor;
  router.get("/api/v1/console/certification", bind(&WorkshopRoutes::api_dossier)).access = vendor;
  router.post("/api/v1/console/certification", bind(&WorkshopRoutes::api_save)).access = vendor;
  router.post("/api/v1/console/certification/submit", bind(&WorkshopRoutes::api_submit)).access = vendor;
  // The file is the request body (as photos are), its criterion and name in the query.
  router.post("/api/v1/console/certification/evidence", bind(&WorkshopRoutes::api_evidence)).access = vendor;
  router.get("/certification/evidence/{id}", bind(&WorkshopRoutes::evidence_file)).access =
      web::Access::logged_in();
  const auto maker = web::require_any({web::Role::vendor_staff, web::Role::operator_});
  router.get("/console/products/{slug}/claims", bind(&WorkshopRoutes::claims_page)).access = maker;
  router.post("/console/products/{slug}/claims", bind(&WorkshopRoutes::claims_form)).access = maker;
  router.get("/api/v1/console/products/{slug}/claims", bind(&WorkshopRoutes::api_claims)).access = maker;
  router
      .add(web::Method::put, "/api/v1/console/products/{slug}/claims", bind(&WorkshopRoutes::api_set_claims))
      .access = maker;
}

}  // namespace brilliant::certification
