// A workshop's seller particulars in its console (issue 15):
//   GET|POST /console/seller, GET|PUT /api/v1/console/seller   (read: its staff; change: its owner)
#include <boost/json.hpp>

#include "catalog/service.hpp"
#include "vendors/console/seller.hpp"
#include "vendors/console/seller_routes.hpp"
#include "vendors/deps.hpp"
#include "vendors/joining/application.hpp"
#include "web/bind.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

constexpr const char* fields[] = {"company", "representative", "registration_no",
                                  "address", "phone",          "email"};

std::string* field_of(catalog::Seller& s, std::string_view name) {
  if (name == "company") return &s.company;
  if (name == "representative") return &s.representative;
  if (name == "registration_no") return &s.registration_no;
  if (name == "address") return &s.address;
  if (name == "phone") return &s.phone;
  return &s.email;
}

class SellerRoutes {
 public:
  explicit SellerRoutes(Deps& d) : d_(d) {}

  Response page(Request& req) {
    auto m = model(req, current(req));
    m["saved"] = !req.query_params().get("saved").empty();
    return d_.renderer.page_response(req, "vendors/seller", std::move(m));
  }

  Response form(Request& req) {
    if (!req.user->workshop_owner)
      return d_.renderer.error(req, Error::forbidden("only the workshop's owner changes this"));
    catalog::Seller typed;
    const auto f = req.form();
    for (const char* name : fields) *field_of(typed, name) = f.get(name);
    auto saved = save_seller(d_.db, d_.clock, req.user->workshop_id, typed);
    if (saved) {
      d_.catalog_changed();
      return Response::redirect(req.locale_prefix() + "/console/seller?saved=1");
    }
    auto m = model(req, typed);
    const auto& e = saved.error();
    m["registration_display"] = typed.registration_no;
    m["errors"] = json::object{{e.field.empty() ? "form" : e.field, d_.renderer.localized(req, e)},
                               {"form", d_.renderer.localized(req, e)}};
    return d_.renderer.page_response(req, "vendors/seller", std::move(m), web::http_status(e.kind));
  }

  Response api(Request& req) {
    const auto w = d_.catalog.workshop_by_id(req.user->workshop_id);
    if (!w.seller) return Response::json(R"({"missing":true})");
    return Response::json(json::serialize(seller_json(*w.seller)));
  }

  Response api_put(Request& req) {
    if (!req.user->workshop_owner)
      return d_.renderer.error(req, Error::forbidden("only the workshop's owner changes this"));
    auto body = web::parse_json_object(req.body);
    if (!body) return d_.renderer.error(req, body.error());
    auto typed = seller_from_json(*body);
    if (!typed) return d_.renderer.error(req, typed.error());
    auto saved = save_seller(d_.db, d_.clock, req.user->workshop_id, *typed);
    if (!saved) return d_.renderer.error(req, saved.error());
    d_.catalog_changed();
    return Response::json(json::serialize(seller_json(*saved)));
  }

 private:
  catalog::Seller current(const Request& req) {
    const auto w = d_.catalog.workshop_by_id(req.user->workshop_id);
    return w.seller.value_or(catalog::Seller{});
  }
  json::object model(const Request& req, const catalog::Seller& s) {
    auto m = seller_json(s);
    m["title"] = d_.renderer.message(req.locale, "legal.seller_title");
    m["noindex"] = true;
    m["owner"] = req.user->workshop_owner;
    return m;
  }
  Deps& d_;
};

}  // namespace

json::object seller_json(const catalog::Seller& s) {
  json::object o;
  auto copy = s;
  for (const char* f : fields) o[f] = *field_of(copy, f);
  o["registration_display"] = format_registration_number(s.registration_no);
  return o;
}

Result<catalog::Seller> seller_from_json(const json::object& body) {
  catalog::Seller typed;
  for (const char* name : fields) {
    const auto* v = body.if_contains(name);
    if (!v) continue;
    if (!v->is_string()) return Error::invalid(name, "text_invalid", std::string(name) + " must be text");
    *field_of(typed, name) = std::string(v->as_string());
  }
  return typed;
}

void add_seller_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<SellerRoutes>(deps), deps.renderer);
  const auto vendor = web::require(web::Role::vendor_staff);
  router.get("/console/seller", bind(&SellerRoutes::page)).access = vendor;
  router.post("/console/seller", bind(&SellerRoutes::form)).access = vendor;
  router.get("/api/v1/console/seller", bind(&SellerRoutes::api)).access = vendor;
  router.add(web::Method::put, "/api/v1/console/seller", bind(&SellerRoutes::api_put)).access = vendor;
}

}  // namespace brilliant::vendors
