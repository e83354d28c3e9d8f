// The returns station (issue 17): /station/returns (scan a returned piece's serial, or an order's number
// to list its pieces, and weigh it), /station/returns/{id} (its packing shots beside the return shots,
// distances, weight and the match score; the decision), and the JSON API under /api/v1/returns.
#include <boost/json.hpp>

#include "core/text.hpp"
#include "studio/list_paging.hpp"
#include "studio/routes.hpp"
#include "studio/service.hpp"
#include "studio/views.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::studio {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class ReturnsRoutes {
 public:
  explicit ReturnsRoutes(Deps& d) : studio(d.studio), r(d.renderer) {}

  // The returns on their way back to the studio, those sent back first: the first `show` (list_show), and
  // the link to 50 more while there are more.
  Result<json::object> coming_model(const Request& req) const {
    const int show = TRY(list_show(req.query_params().get("show")));
    json::array coming;
    auto on_the_way = studio.returns_on_the_way(show + 1);
    const bool more = static_cast<int>(on_the_way.size()) > show;
    if (more) on_the_way.resize(show);
    for (const auto& x : on_the_way)
      coming.push_back(json::object{
          {"order", x.order_number},
          {"workshop", in_language(req.locale == "en", x.workshop, x.workshop_en)},
          {"status", x.status},
          {"status_text", r.message(req.locale, "studio.coming." + x.status)},
          {"carrier", x.carrier},
          {"carrier_name", x.carrier.empty() ? "" : r.message(req.locale, "orders.carrier." + x.carrier)},
          {"tracking", x.tracking},
          {"pieces", in_language(req.locale == "en", x.pieces, x.pieces_en)},
          {"url", req.locale_prefix() + "/station/returns?order=" + x.order_number}});
    return json::object{
        {"returns", std::move(coming)},
        {"more_url", more && list_next(show) ? req.locale_prefix() + "/station/returns?show=" +
                                                   std::to_string(list_next(show)) + "#returns-coming"
                                             : std::string()}};
  }
  Result<Response> api_coming(Request& req) {
    return Response::json(json::serialize(TRY(coming_model(req))));
  }

  Result<json::object> model(const Request& req) {
    json::object m{{"title", r.message(req.locale, "studio.station.returns")}, {"noindex", true}};
    json::array recent;
    for (const auto& x : studio.recent_returns(20))
      recent.push_back(json::object{
          {"id", x.id},
          {"serial", x.serial},
          {"order", x.order_number},
          {"title", in_language(req.locale == "en", x.title, x.title_en)},
          {"decision_text", x.decision.empty() ? r.message(req.locale, "studio.undecided")
                                               : r.message(req.locale, "studio.decision." + x.decision)},
          {"at", x.created_at}});
    m["recent"] = std::move(recent);
    m["has_recent"] = !m["recent"].as_array().empty();
    auto coming = TRY(coming_model(req));
    m["has_coming"] = !coming["returns"].as_array().empty();
    m["coming"] = std::move(coming["returns"]);
    m["coming_more"] = std::move(coming["more_url"]);
    const std::string order(req.query_params().get("order"));
    if (!order.empty()) {
      json::array pieces;
      for (const auto& i : studio.order_items(order))
        pieces.push_back(json::object{{"serial", i.serial},
                                      {"sku", i.sku},
                                      {"title", in_language(req.locale == "en", i.title_ko, i.title_en)}});
      m["order"] = order;
      m["has_pieces"] = !pieces.empty();
      m["order_pieces"] = std::move(pieces);
    }
    return m;
  }

  Result<Response> page(Request& req) { return r.page_response(req, "studio/returns", TRY(model(req))); }

  Result<Response> open_form(Request& req) {
    const auto f = req.form();
    auto x = studio.open_return(req.user->user_id, f.get("serial"), f.get("weight"));
    if (!x) {
      auto m = TRY(model(req));
      m["form"] = json::object{{"serial", f.get("serial")}, {"weight", f.get("weight")}};
      return r.page_with_error(req, "studio/returns", std::move(m), x.error());
    }
    return Response::redirect(req.locale_prefix() + "/station/returns/" + std::to_string(x->id));
  }

  json::object inspection_model(const Request& req, const ReturnInspection& x) {
    json::object m{{"title", r.message(req.locale, "studio.return_title") + " " + x.serial},
                   {"noindex", true}};
    m["return"] = return_json(x, r, req);
    json::array decisions;
    for (const char* d : {"accept", "reject", "escalate"})
      decisions.push_back(
          json::object{{"value", d}, {"text", r.message(req.locale, std::string("studio.decision.") + d)}});
    m["decisions"] = std::move(decisions);
    return m;
  }

  Result<Response> inspection_page(Request& req) {
    const auto x = TRY(studio.inspection(req.param_id("id")));
    auto m = inspection_model(req, x);
    if (req.query_params().get("saved") == "1") m["saved"] = true;
    return r.page_response(req, "studio/return", std::move(m));
  }

  Result<Response> decision_form(Request& req) {
    const auto f = req.form();
    auto x = studio.decide(req.user->user_id, req.param_id("id"), f.get("decision"), f.get("reason"));
    if (!x) {
      auto m = inspection_model(req, TRY(studio.inspection(req.param_id("id"))));
      m["form"] = json::object{{"reason", f.get("reason")}};
      return r.page_with_error(req, "studio/return", std::move(m), x.error());
    }
    return Response::redirect(req.locale_prefix() + "/station/returns/" + std::to_string(x->id) + "?saved=1");
  }

  Result<Response> api_open(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const auto x = TRY(studio.open_return(req.user->user_id, TRY(web::json_string(body, "serial")),
                                          TRY(web::json_string(body, "weight"))));
    return Response::json(json::serialize(return_json(x, r, req)), 201);
  }

  Result<Response> api_one(Request& req) {
    return Response::json(json::serialize(return_json(TRY(studio.inspection(req.param_id("id"))), r, req)));
  }

  Result<Response> api_photo(Request& req) {
    TRY(studio.add_return_photo(req.param_id("id"), std::string(req.query_params().get("view")), req.body));
    return Response::json(json::serialize(return_json(TRY(studio.inspection(req.param_id("id"))), r, req)),
                          201);
  }

  Result<Response> api_decide(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const auto x =
        TRY(studio.decide(req.user->user_id, req.param_id("id"), TRY(web::json_string(body, "decision")),
                          TRY(web::json_string(body, "reason"))));
    return Response::json(json::serialize(return_json(x, r, req)));
  }

 private:
  Studio& studio;
  const web::Renderer& r;
};

}  // namespace

void add_returns_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<ReturnsRoutes>(deps), deps.renderer);
  const auto staff = web::require_any({web::Role::station_staff, web::Role::operator_});
  router.get("/station/returns", bind(&ReturnsRoutes::page)).access = staff;
  router.post("/station/returns", bind(&ReturnsRoutes::open_form)).access = staff;
  router.get("/station/returns/{id}", bind(&ReturnsRoutes::inspection_page)).access = staff;
  router.post("/station/returns/{id}/decision", bind(&ReturnsRoutes::decision_form)).access = staff;
  router.post("/api/v1/returns", bind(&ReturnsRoutes::api_open)).access = staff;
  router.get("/api/v1/returns/coming", bind(&ReturnsRoutes::api_coming)).access = staff;
  router.get("/api/v1/returns/{id}", bind(&ReturnsRoutes::api_one)).access = staff;
  router.post("/api/v1/returns/{id}/photos", bind(&ReturnsRoutes::api_photo)).access = staff;
  router.post("/api/v1/returns/{id}/decision", bind(&ReturnsRoutes::api_decide)).access = staff;
}

}  // namespace brilliant::studio
