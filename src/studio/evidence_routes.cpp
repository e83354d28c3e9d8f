// An order's evidence pages, proof bundles, photos and JSON (issue 17), for the shopper, the workshop
// and the operator alike: each scope decides who may see the order (OrderAccess) and what they see (one
// workshop's parcel for the workshop; the people's names for staff only); the rest is shared.
#include <boost/json.hpp>

#include "studio/routes.hpp"
#include "studio/service.hpp"
#include "studio/views.hpp"
#include "web/bind.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::studio {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// Whose evidence a request asks for and how it links.
struct Scope {
  std::string number;
  long long workshop_id = 0;  // one workshop's parcel; 0: every parcel
  std::string base, query;    // photo and proof URLs: base + "/photos/...", with the guest's key
  bool staff = false;
};

class EvidenceRoutes {
 public:
  explicit EvidenceRoutes(Deps& d) : d_(d) {}

  Result<Scope> shopper(const Request& req) {
    const std::string number(req.param("number"));
    auto query = d_.orders.shopper ? d_.orders.shopper(req, number) : std::nullopt;
    if (!query) return Error::not_found("order");
    return Scope{number, 0, "/orders/" + number + "/evidence", *query, false};
  }
  Result<Scope> console(const Request& req) {
    const std::string number(req.param("number"));
    if (!d_.orders.workshop || !d_.orders.workshop(req.user->workshop_id, number))
      return Error::not_found("order");
    return Scope{number, req.user->workshop_id, "/console/orders/" + number + "/evidence", "", true};
  }
  Result<Scope> operator_(const Request& req) {
    const std::string number(req.param("number"));
    if (!d_.orders.exists || !d_.orders.exists(number)) return Error::not_found("order");
    return Scope{number, 0, "/operator/orders/" + number + "/evidence", "", true};
  }

  Result<json::object> evidence(const Request& req, const Scope& s) {
    auto e = d_.studio.evidence(s.number, s.workshop_id);
    return evidence_json(e, d_.renderer, req, s.base, s.query, s.staff);
  }

  Result<Response> page(Request& req, const Scope& s) {
    auto m = TRY(evidence(req, s));
    m["title"] = d_.renderer.message(req.locale, "studio.evidence_title") + " " + s.number;
    m["noindex"] = true;
    m["has_evidence"] = !m["parcels"].as_array().empty();
    m["public_key"] = d_.public_key;
    m["order_url"] =
        req.locale_prefix() + (s.staff ? (s.workshop_id ? "/console/orders" : "/operator/orders")
                                       : "/orders/" + s.number + (s.query.empty() ? "" : "?" + s.query));
    auto response = d_.renderer.page_response(req, "studio/evidence", std::move(m));
    response.set("Cache-Control", "no-store");
    return response;
  }

  Result<Response> api(Request& req, const Scope& s) {
    return Response::json(json::serialize(TRY(evidence(req, s))));
  }

  Result<Response> proof(const Scope& s) {
    auto bundle =
        TRY(d_.studio.evidence_bundle(d_.studio.evidence(s.number, s.workshop_id), d_.log, d_.public_key));
    return web::private_file(std::move(bundle), "application/json", "evidence-" + s.number + ".json", 0,
                             true);
  }

  Result<Response> photo(Request& req, const Scope& s) {
    // A workshop sees only its own parcel's photos.
    auto bytes = d_.studio.evidence_photo(s.number, std::string(req.param("sha256")),
                                          req.query_params().get("thumb") == "1", s.workshop_id);
    if (!bytes) return Error::not_found("photo");
    return web::private_file(std::move(*bytes), "", "", 86400);
  }

  Result<Response> shopper_page(Request& req) { return page(req, TRY(shopper(req))); }
  Result<Response> console_page(Request& req) { return page(req, TRY(console(req))); }
  Result<Response> operator_page(Request& req) { return page(req, TRY(operator_(req))); }
  Result<Response> shopper_api(Request& req) { return api(req, TRY(shopper(req))); }
  Result<Response> console_api(Request& req) { return api(req, TRY(console(req))); }
  Result<Response> operator_api(Request& req) { return api(req, TRY(operator_(req))); }
  Result<Response> shopper_proof(Request& req) { return proof(TRY(shopper(req))); }
  Result<Response> console_proof(Request& req) { return proof(TRY(console(req))); }
  Result<Response> operator_proof(Request& req) { return proof(TRY(operator_(req))); }
  Result<Response> shopper_photo(Request& req) { return photo(req, TRY(shopper(req))); }
  Result<Response> console_photo(Request& req) { return photo(req, TRY(console(req))); }
  Result<Response> operator_photo(Request& req) { return photo(req, TRY(operator_(req))); }

 private:
  Deps& d_;
};

}  // namespace

void add_evidence_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<EvidenceRoutes>(deps), deps.renderer);
  const auto login = web::Access::logged_in();
  const auto vendor = web::require(web::Role::vendor_staff);
  const auto op = web::require(web::Role::operator_);
  using E = EvidenceRoutes;
  // Guests open their order's evidence with its key, as they open the order.
  router.get("/orders/{number}/evidence", bind(&E::shopper_page));
  router.get("/orders/{number}/evidence/proof.json", bind(&E::shopper_proof));
  router.get("/orders/{number}/evidence/photos/{sha256}", bind(&E::shopper_photo));
  router.get("/api/v1/orders/{number}/evidence", bind(&E::shopper_api)).access = login;
  router.get("/console/orders/{number}/evidence", bind(&E::console_page)).access = vendor;
  router.get("/console/orders/{number}/evidence/proof.json", bind(&E::console_proof)).access = vendor;
  router.get("/console/orders/{number}/evidence/photos/{sha256}", bind(&E::console_photo)).access = vendor;
  router.get("/api/v1/console/orders/{number}/evidence", bind(&E::console_api)).access = vendor;
  router.get("/operator/orders/{number}/evidence", bind(&E::operator_page)).access = op;
  router.get("/operator/orders/{number}/evidence/proof.json", bind(&E::operator_proof)).access = op;
  router.get("/operator/orders/{number}/evidence/photos/{sha256}", bind(&E::operator_photo)).access = op;
  router.get("/api/v1/operator/orders/{number}/evidence", bind(&E::operator_api)).access = op;
}

}  // namespace brilliant::studio
