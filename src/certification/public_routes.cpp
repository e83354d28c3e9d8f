// Public certification pages and JSON: anyone, no login (routes.hpp).
#include <boost/json.hpp>

#include "certification/routes.hpp"
#include "certification/service.hpp"
#include "certification/views.hpp"
#include "media/qr.hpp"
#include "trust/log.hpp"
#include "web/bind.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::certification {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class PublicRoutes {
 public:
  explicit PublicRoutes(Deps& d) : certs(d.certification), log(d.log), r(d.renderer) {}

  Text text_for(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r.message(locale, key); };
  }

  Result<Response> eco_page(Request& req) {
    auto scheme = certs.published();
    if (!scheme) return Error::not_found("scheme");
    const auto t = text_for(req);
    json::array certified;
    for (const auto& c : certs.registry(""))
      if (c.status == CertificateStatus::active)
        certified.push_back(certificate_json(c, req.locale == "en", t));
    json::object model{{"title", t("certification.eco_title")},
                       {"description", t("certification.eco_intro")},
                       {"scheme", scheme_json(*scheme, req.locale == "en", t)},
                       {"has_certified", !certified.empty()},
                       {"certified", std::move(certified)}};
    return r.page_response(req, "certification/eco", std::move(model));
  }

  Response api_scheme(Request& req) {
    auto scheme = certs.published();
    if (!scheme) return r.error(req, Error::not_found("scheme"));
    return Response::json(json::serialize(scheme_json(*scheme, req.locale == "en", text_for(req))));
  }

  json::array registry_json(const Request& req) {
    const auto t = text_for(req);
    json::array list;
    for (const auto& c : certs.registry(std::string(req.query_params().get("q"))))
      list.push_back(certificate_json(c, req.locale == "en", t));
    return list;
  }

  Response registry_page(Request& req) {
    const auto q = req.query_params().get("q");
    auto list = registry_json(req);
    json::object model{{"title", r.message(req.locale, "certification.registry_title")},
                       {"description", r.message(req.locale, "certification.registry_intro")},
                       {"q", q},
                       {"count", list.size()},
                       {"empty", list.empty()},
                       {"certificates", std::move(list)}};
    return r.page_response(req, "certification/registry", std::move(model));
  }

  Response api_registry(Request& req) {
    return Response::json(json::serialize(json::object{{"certificates", registry_json(req)}}));
  }

  Result<Certificate> find(const Request& req) {
    auto c = certs.certificate(std::string(req.param("certificate")));
    if (!c) return Error::not_found("certificate");
    return *c;
  }

  json::object full_json(const Request& req, const Certificate& c) {
    const auto t = text_for(req);
    auto o = certificate_json(c, req.locale == "en", t);
    o["events"] = events_json(certs.events(c.id), t);
    o["evidence"] = public_evidence_json(certs.evidence_of(c.application_id), t);
    return o;
  }

  Result<Response> certificate_page(Request& req) {
    const auto c = TRY(find(req));
    json::object model{{"title", r.message(req.locale, "certification.certificate") + " " + c.number},
                       {"description", c.workshop.name_ko + " · " + stars(c.level)},
                       {"certificate", full_json(req, c)},
                       {"issuer_did", certs.issuer().did},
                       {"issuer_key", trust::public_multikey(certs.issuer().key)}};
    return r.page_response(req, "certification/certificate", std::move(model));
  }

  Result<Response> api_certificate(Request& req) {
    const auto c = TRY(find(req));
    auto o = full_json(req, c);
    o["credential"] = json::parse(c.credential);
    return Response::json(json::serialize(o));
  }

  Result<Response> credential(Request& req) {
    const auto c = TRY(find(req));
    auto response = web::public_json(c.credential, "application/vc+json");
    response.add("Content-Disposition", "inline; filename=\"" + c.number + ".json\"");
    return response;
  }

  Result<Response> proof(Request& req) {
    const auto c = TRY(find(req));
    return web::public_json(TRY(certs.proof_bundle(c, log)));
  }

  Result<media::QrCode> qr_of(const Request& req) {
    const auto c = TRY(find(req));
    return media::qr_encode(r.base_url() + "/certificates/" + c.number);
  }

  Result<Response> qr_svg(Request& req) {
    auto response = Response::text(media::qr_svg(TRY(qr_of(req))), 200, "image/svg+xml");
    response.add("Cache-Control", "public, max-age=86400");
    return response;
  }

  Result<Response> qr_png(Request& req) {
    const auto scale = req.query_params().get("scale");
    auto response = Response::text(
        media::qr_png(TRY(qr_of(req)), scale.empty() ? 8 : std::atoi(std::string(scale).c_str())), 200,
        "image/png");
    response.add("Cache-Control", "public, max-age=86400");
    return response;
  }

  // A printable card for a piece: its name, its claims and the certificate's QR.
  Result<Response> tag_card(Request& req) {
    const auto c = TRY(find(req));
    const auto t = text_for(req);
    auto piece = certs.product_brief(std::string(req.query_params().get("product")));
    json::object model{
        {"title", t("certification.tag_title") + " " + c.number},
        {"noindex", true},
        {"certificate", certificate_json(c, req.locale == "en", t)},
        {"qr", media::qr_svg(TRY(media::qr_encode(r.base_url() + "/certificates/" + c.number)))}};
    if (piece && piece->workshop_id == c.workshop.id && c.status == CertificateStatus::active) {
      model["piece"] = json::object{{"title", req.locale == "en" ? piece->title_en : piece->title_ko},
                                    {"claims", claims_json(piece->claims, t)}};
    }
    return r.page_response(req, "certification/tag", std::move(model));
  }

  Result<Response> status_list(Request& req) {
    return web::public_json(TRY(certs.status_list(std::string(req.param("purpose")))), "application/vc+json");
  }

 private:
  Certification& certs;
  trust::TransparencyLog& log;
  const web::Renderer& r;
};

}  // namespace

void add_public_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<PublicRoutes>(deps), deps.renderer);
  router.get("/eco", bind(&PublicRoutes::eco_page)).cacheable = true;
  router.get("/certificates", bind(&PublicRoutes::registry_page));
  router.get("/certificates/status/{purpose}", bind(&PublicRoutes::status_list)).session = false;
  router.get("/certificates/{certificate}", bind(&PublicRoutes::certificate_page));
  router.get("/certificates/{certificate}/credential.json", bind(&PublicRoutes::credential)).session = false;
  router.get("/certificates/{certificate}/proof.json", bind(&PublicRoutes::proof)).session = false;
  router.get("/certificates/{certificate}/qr.svg", bind(&PublicRoutes::qr_svg)).session = false;
  router.get("/certificates/{certificate}/qr.png", bind(&PublicRoutes::qr_png)).session = false;
  router.get("/certificates/{certificate}/tag", bind(&PublicRoutes::tag_card));
  router.get("/api/v1/certification/scheme", bind(&PublicRoutes::api_scheme)).session = false;
  router.get("/api/v1/certificates", bind(&PublicRoutes::api_registry)).session = false;
  router.get("/api/v1/certificates/{certificate}", bind(&PublicRoutes::api_certificate)).session = false;
}

}  // namespace brilliant::certification
