// The auditor's and the operator's side of the certification (routes.hpp): the audit queue, scoring,
// audit records, non-conformities, decisions and status changes; the scheme's versions.
#include <boost/json.hpp>

#include "certification/routes.hpp"
#include "certification/service.hpp"
#include "certification/views.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::certification {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

Result<int> whole(const std::string& field, const std::string& text) {
  try {
    size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return Error::invalid(field, "number_invalid", field + " must be a whole number");
}

class AuditRoutes {
 public:
  explicit AuditRoutes(Deps& d) : certs(d.certification), r(d.renderer) {}

  Text text_for(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r.message(locale, key); };
  }

  json::array queue_json(const Request& req) {
    json::array list;
    for (const auto& a : certs.queue()) {
      auto d = certs.dossier(a.id);
      if (d) list.push_back(dossier_json(*d, req.locale == "en", text_for(req)));
    }
    return list;
  }

  Response queue_page(Request& req) {
    const auto t = text_for(req);
    json::array all;
    for (const auto& c : certs.registry("")) all.push_back(certificate_json(c, req.locale == "en", t));
    auto queue = queue_json(req);
    json::object model{{"title", t("certification.audit_title")},
                       {"noindex", true},
                       {"empty", queue.empty()},
                       {"queue", std::move(queue)},
                       {"certificates", std::move(all)}};
    return r.page_response(req, "certification/audit_queue", std::move(model));
  }

  Response api_queue(Request& req) {
    return Response::json(json::serialize(json::object{{"applications", queue_json(req)}}));
  }

  Result<json::object> application_model(const Request& req) {
    auto d = certs.dossier(req.param_id("id"));
    if (!d) return Error::not_found("application");
    const auto t = text_for(req);
    return json::object{{"title", t("certification.audit_title") + " · " + d->application.workshop.name_ko},
                        {"noindex", true},
                        {"dossier", dossier_json(*d, req.locale == "en", t)}};
  }

  Result<Response> application_page(Request& req) {
    auto model = TRY(application_model(req));
    if (req.query_params().get("saved") == "1") model["saved"] = true;
    return r.page_response(req, "certification/audit_application", std::move(model));
  }

  Result<Response> api_application(Request& req) {
    auto model = TRY(application_model(req));
    return Response::json(json::serialize(model["dossier"]));
  }

  Result<Response> done(Request& req, Result<void> result) {
    if (!result) {
      if (result.error().kind == ErrorKind::not_found || result.error().kind == ErrorKind::forbidden)
        return result.error();
      auto model = TRY(application_model(req));
      return r.page_with_error(req, "certification/audit_application", std::move(model), result.error());
    }
    return Response::redirect(req.locale_prefix() + "/audit/applications/" + std::string(req.param("id")) +
                              "?saved=1");
  }

  // Every criterion's score and note from the form (score_<code>, note_<code>); blank scores are skipped.
  Result<Response> scores_form(Request& req) {
    const auto form = req.form();
    auto d = certs.dossier(req.param_id("id"));
    if (!d) return Error::not_found("application");
    for (const auto& c : d->scheme.criteria) {
      const auto text = form.get("score_" + c.code);
      if (text.empty()) continue;
      auto value = whole("score_" + c.code, text);
      auto scored =
          value ? certs.score(d->application.id, *req.user, c.code, *value, form.get("note_" + c.code))
                : Result<void>(value.error());
      if (!scored) return done(req, scored);
    }
    return done(req, {});
  }

  Result<Response> api_scores(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const auto* list = body.if_contains("scores");
    if (!list || !list->is_array()) return Error::invalid("scores", "scores_invalid", "scores is a list");
    for (const auto& item : list->get_array()) {
      if (!item.is_object()) return Error::invalid("scores", "scores_invalid", "each score is an object");
      const auto& o = item.get_object();
      const auto code = TRY(web::json_string(o, "code"));
      const auto* score = o.if_contains("score");
      if (!score || !score->is_int64())
        return Error::invalid("score_" + code, "score_invalid", "score is a whole number 0 to 100");
      TRY(certs.score(req.param_id("id"), *req.user, code, static_cast<int>(score->get_int64()),
                      TRY(web::json_string(o, "note"))));
    }
    return api_application(req);
  }

  Result<Response> audit_form(Request& req) {
    const auto f = req.form();
    return done(
        req, certs.add_audit(req.param_id("id"), *req.user, f.get("kind"), f.get("held_on"), f.get("note")));
  }

  Result<Response> nonconformity_form(Request& req) {
    const auto f = req.form();
    return done(req, certs.add_nonconformity(req.param_id("id"), *req.user, f.get("code"), f.get("severity"),
                                             f.get("description"), f.get("due_on")));
  }

  Result<Response> close_form(Request& req) {
    const auto f = req.form();
    TRY(certs.close_nonconformity(req.param_id("nc"), *req.user));
    return Response::redirect(req.locale_prefix() + "/audit/applications/" + std::string(req.param("id")) +
                              "?saved=1");
  }

  Result<Decision> decision_of(const std::string& text) {
    if (text == "issue") return Decision::issue;
    if (text == "refuse") return Decision::refuse;
    return Error::invalid("decision", "decision_invalid", "decision is issue or refuse");
  }

  Result<Response> decision_form(Request& req) {
    const auto f = req.form();
    auto decision = decision_of(f.get("decision"));
    if (!decision) return done(req, Result<void>(decision.error()));
    auto decided = certs.decide(req.param_id("id"), *req.user, *decision, f.get("reason"));
    if (!decided) return done(req, Result<void>(decided.error()));
    if (decided->empty()) return Response::redirect(req.locale_prefix() + "/audit");
    return Response::redirect(req.locale_prefix() + "/certificates/" + *decided);
  }

  Result<Response> api_decision(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const auto decision = TRY(decision_of(TRY(web::json_string(body, "decision"))));
    const auto number =
        TRY(certs.decide(req.param_id("id"), *req.user, decision, TRY(web::json_string(body, "reason"))));
    return Response::json(
        json::serialize(json::object{{"decision", decision == Decision::issue ? "issue" : "refuse"},
                                     {"certificate", number}}),
        decision == Decision::issue ? 201 : 200);
  }

  Result<Certificate> change(Request& req, const std::string& action_text, const std::string& reason) {
    const auto action = status_action(action_text);
    if (!action || *action == StatusAction::expire)
      return Error::invalid("action", "action_invalid", "action is suspend, reinstate or withdraw");
    return certs.change_status(std::string(req.param("certificate")), *action, reason, req.user->user_id);
  }

  Result<Response> status_form(Request& req) {
    const auto f = req.form();
    auto changed = change(req, f.get("action"), f.get("reason"));
    if (!changed) {
      if (changed.error().kind == ErrorKind::not_found) return changed.error();
      const auto t = text_for(req);
      auto c = certs.certificate(std::string(req.param("certificate")));
      if (!c) return Error::not_found("certificate");  // a bad action is checked before the lookup
      json::object model{{"title", t("certification.certificate") + " " + c->number},
                         {"certificate", certificate_json(*c, req.locale == "en", t)},
                         {"events", events_json(certs.events(c->id), t)},
                         {"reason", f.get("reason")}};
      return r.page_with_error(req, "certification/status_change", std::move(model), changed.error());
    }
    return Response::redirect(req.locale_prefix() + "/certificates/" + changed->number);
  }

  Result<Response> status_page(Request& req) {
    const auto t = text_for(req);
    auto c = certs.certificate(std::string(req.param("certificate")));
    if (!c) return Error::not_found("certificate");
    json::object model{{"title", t("certification.certificate") + " " + c->number},
                       {"noindex", true},
                       {"certificate", certificate_json(*c, req.locale == "en", t)},
                       {"events", events_json(certs.events(c->id), t)}};
    return r.page_response(req, "certification/status_change", std::move(model));
  }

  Result<Response> api_status(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const auto c =
        TRY(change(req, TRY(web::json_string(body, "action")), TRY(web::json_string(body, "reason"))));
    return Response::json(json::serialize(certificate_json(c, req.locale == "en", text_for(req))));
  }

  // --- the operator's scheme versions ---
  json::array versions_json(const Request& req) {
    json::array versions;
    for (const auto& s : certs.schemes())
      versions.push_back(scheme_json(s, req.locale == "en", text_for(req)));
    return versions;
  }

  Response scheme_page(Request& req) {
    const auto t = text_for(req);
    auto versions = versions_json(req);
    json::object model{
        {"title", t("certification.scheme_title")}, {"noindex", true}, {"versions", std::move(versions)}};
    return r.page_response(req, "certification/scheme", std::move(model));
  }

  // The page's forms are one per version: the error shows above them all, its message naming the field.
  Response scheme_error(Request& req, const Error& e) {
    const auto t = text_for(req);
    auto versions = versions_json(req);
    auto shown = e;
    shown.field.clear();
    return r.page_with_error(
        req, "certification/scheme",
        json::object{{"title", t("certification.scheme_title")}, {"versions", std::move(versions)}}, shown);
  }

  Response draft_form(Request& req) {
    auto made = certs.new_draft();
    if (!made) return scheme_error(req, made.error());
    return Response::redirect(req.locale_prefix() + "/operator/certification");
  }

  Result<Criterion> criterion_from(const web::Form& f) {
    Criterion c;
    c.code = f.get("code");
    c.kind = f.get("kind") == "baseline" ? CriterionKind::baseline : CriterionKind::scored;
    c.weight = c.kind == CriterionKind::baseline ? 0 : TRY(whole("weight", f.get("weight")));
    c.position = f.get("position").empty() ? 99 : TRY(whole("position", f.get("position")));
    c.title_ko = f.get("title_ko");
    c.title_en = f.get("title_en");
    c.guide_ko = f.get("guide_ko");
    c.guide_en = f.get("guide_en");
    c.evidence_ko = f.get("evidence_ko");
    c.evidence_en = f.get("evidence_en");
    c.claims = split_words(f.get("claims"));
    return c;
  }

  Response criterion_form(Request& req) {
    auto c = criterion_from(req.form());
    auto saved =
        c ? certs.save_criterion(static_cast<int>(req.param_id("version")), *c) : Result<void>(c.error());
    if (!saved) return scheme_error(req, saved.error());
    return Response::redirect(req.locale_prefix() + "/operator/certification");
  }

  Response publish_form(Request& req) {
    auto published = certs.publish(static_cast<int>(req.param_id("version")));
    if (!published) return scheme_error(req, published.error());
    return Response::redirect(req.locale_prefix() + "/operator/certification");
  }

  Response api_schemes(Request& req) {
    json::array versions;
    for (const auto& s : certs.schemes())
      versions.push_back(scheme_json(s, req.locale == "en", text_for(req)));
    return Response::json(json::serialize(json::object{{"versions", std::move(versions)}}));
  }

 private:
  Certification& certs;
  const web::Renderer& r;
};

}  // namespace

void add_audit_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<AuditRoutes>(deps), deps.renderer);
  const auto auditor = web::require(web::Role::auditor);
  const auto auditor_or_operator = web::require_any({web::Role::auditor, web::Role::operator_});
  router.get("/audit", bind(&AuditRoutes::queue_page)).access = auditor_or_operator;
  router.get("/audit/applications/{id}", bind(&AuditRoutes::application_page)).access = auditor_or_operator;
  router.post("/audit/applications/{id}/scores", bind(&AuditRoutes::scores_form)).access = auditor;
  router.post("/audit/applications/{id}/audits", bind(&AuditRoutes::audit_form)).access = auditor;
  router.post("/audit/applications/{id}/nonconformities", bind(&AuditRoutes::nonconformity_form)).access =
      auditor;
  router.post("/audit/applications/{id}/nonconformities/{nc}/close", bind(&AuditRoutes::close_form)).access =
      auditor;
  router.post("/audit/applications/{id}/decision", bind(&AuditRoutes::decision_form)).access = auditor;
  router.get("/audit/certificates/{certificate}", bind(&AuditRoutes::status_page)).access =
      auditor_or_operator;
  router.post("/audit/certificates/{certificate}/status", bind(&AuditRoutes::status_form)).access =
      auditor_or_operator;
  router.get("/api/v1/audit/applications", bind(&AuditRoutes::api_queue)).access = auditor_or_operator;
  router.get("/api/v1/audit/applications/{id}", bind(&AuditRoutes::api_application)).access =
      auditor_or_operator;
  router.post("/api/v1/audit/applications/{id}/scores", bind(&AuditRoutes::api_scores)).access = auditor;
  router.post("/api/v1/audit/applications/{id}/decision", bind(&AuditRoutes::api_decision)).access = auditor;
  router.post("/api/v1/certificates/{certificate}/status", bind(&AuditRoutes::api_status)).access =
      auditor_or_operator;

  const auto operator_only = web::require(web::Role::operator_);
  router.get("/operator/certification", bind(&AuditRoutes::scheme_page)).access = operator_only;
  router.post("/operator/certification/drafts", bind(&AuditRoutes::draft_form)).access = operator_only;
  router.post("/operator/certification/{version}/criteria", bind(&AuditRoutes::criterion_form)).access =
      operator_only;
  router.post("/operator/certification/{version}/publish", bind(&AuditRoutes::publish_form)).access =
      operator_only;
  router.get("/api/v1/certification/schemes", bind(&AuditRoutes::api_schemes)).access = operator_only;
}

void add_all_routes(web::Router& router, Deps& deps) {
  add_public_routes(router, deps);
  add_workshop_routes(router, deps);
  add_audit_routes(router, deps);
}

}  // namespace brilliant::certification
