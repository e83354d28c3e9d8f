// Delivery and purchase confirmation on pages and in the JSON API:
//   POST /orders/{number}/confirm, POST /api/v1/orders/{number}/confirmation        the shopper's 구매확정
//   POST /console/orders/{number}/delivered, POST /api/v1/console/orders/{number}/delivery   a workshop
//   POST /operator/orders/{number}/delivered, POST /api/v1/operator/orders/{number}/delivery the operator
//   GET /operator/delivery (tracking templates, the carrier export), POST /operator/delivery/links,
//   POST /operator/delivery/import; GET|PUT /api/v1/operator/carriers, POST /api/v1/operator/deliveries
#include <boost/json.hpp>

#include "orders/order_page.hpp"
#include "orders/order_views.hpp"
#include "orders/routes.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::orders {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class DeliveryRoutes {
 public:
  explicit DeliveryRoutes(Deps deps) : d_(std::move(deps)) {}

  std::string t(const Request& req, const std::string& key) const {
    return d_.renderer.message(req.locale, key);
  }

  Result<Order> shoppers_order(const Request& req) {
    auto order = d_.orders.visible(std::string(req.param("number")), req.user ? req.user->user_id : 0, false,
                                   guest_key(req));
    if (!order || !is_shopper(req, *order)) return Error::not_found("order");
    return *order;
  }

  Result<Response> confirm_form(Request& req) {
    const auto order = TRY(shoppers_order(req));
    TRY(d_.orders.confirm_purchase(order.number, order.user_id));
    return Response::redirect(order_url(req, order, "confirmed=1"));
  }

  Result<Response> api_confirm(Request& req) {
    const auto order = TRY(shoppers_order(req));
    const auto done = TRY(d_.orders.confirm_purchase(order.number, req.user->user_id));
    return Response::json(json::serialize(order_shown(d_, req, done)));
  }

  Result<Response> workshop_form(Request& req) {
    TRY(d_.orders.deliver(std::string(req.param("number")), req.user->workshop_id, req.user->user_id));
    return Response::redirect(req.locale_prefix() + "/console/orders");
  }
  Result<Response> api_workshop(Request& req) {
    const auto done =
        TRY(d_.orders.deliver(std::string(req.param("number")), req.user->workshop_id, req.user->user_id));
    return Response::json(json::serialize(order_shown(d_, req, workshop_part(done, req.user->workshop_id))));
  }
  Result<Response> operator_form(Request& req) {
    const auto done = TRY(d_.orders.deliver(std::string(req.param("number")), 0, req.user->user_id));
    return Response::redirect(req.locale_prefix() + "/orders/" + done.number);
  }
  Result<Response> api_operator(Request& req) {
    const auto done = TRY(d_.orders.deliver(std::string(req.param("number")), 0, req.user->user_id));
    return Response::json(json::serialize(order_shown(d_, req, done)));
  }

  json::object carriers_json(const Request& req) {
    json::array list;
    for (const auto& [code, url] : d_.orders.tracking_links())
      list.push_back(
          json::object{{"carrier", code}, {"name", t(req, "orders.carrier." + code)}, {"tracking_url", url}});
    return {{"carriers", std::move(list)}};
  }

  json::object page_model(const Request& req) {
    auto m = carriers_json(req);
    m["title"] = t(req, "delivery.title");
    m["noindex"] = true;
    return m;
  }
  Response page(Request& req) { return d_.renderer.page_response(req, "operator/delivery", page_model(req)); }

  Result<void> save_links(const std::vector<std::pair<std::string, std::string>>& links) {
    for (const auto& [carrier, url] : links) {
      auto saved = d_.orders.set_tracking_link(carrier, url);
      if (!saved) {
        Error e = saved.error();
        e.field = "tracking_url_" + carrier;
        return e;
      }
    }
    return {};
  }

  Response links_form(Request& req) {
    const auto f = req.form();
    std::vector<std::pair<std::string, std::string>> links;
    for (auto code : carriers)
      links.emplace_back(std::string(code), f.get("tracking_url_" + std::string(code)));
    if (auto saved = save_links(links); !saved) {
      auto m = page_model(req);
      Error above = saved.error();  // said above the form, naming the carrier
      above.field.clear();
      return d_.renderer.page_with_error(req, "operator/delivery", std::move(m), above);
    }
    return Response::redirect(req.locale_prefix() + "/operator/delivery?saved=1");
  }

  json::object import_json(const Orders::DeliveryImport& r) {
    json::array unmatched;
    for (const auto& u : r.unmatched) unmatched.push_back(json::string(u));
    return {{"delivered", r.delivered},
            {"already", r.already},
            {"other_rows", r.other_rows},
            {"unmatched", std::move(unmatched)}};
  }

  Response import_form(Request& req) {
    auto imported = d_.orders.import_deliveries(req.form().get("csv"), req.user->user_id);
    auto m = page_model(req);
    if (!imported) {
      Error e = imported.error();
      e.field = "csv";
      return d_.renderer.page_with_error(req, "operator/delivery", std::move(m), e);
    }
    m["imported"] = import_json(*imported);
    return d_.renderer.page_response(req, "operator/delivery", std::move(m));
  }

  Response api_carriers(Request& req) { return Response::json(json::serialize(carriers_json(req))); }

  Result<Response> api_set_carriers(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    const auto* list = body.if_contains("carriers");
    if (!list || !list->is_array())
      return Error::invalid("carriers", "carriers_invalid",
                            "carriers must be a list of {carrier, tracking_url}");
    std::vector<std::pair<std::string, std::string>> links;
    for (const auto& item : list->as_array()) {
      if (!item.is_object())
        return Error::invalid("carriers", "carriers_invalid", "each carrier is an object");
      const auto carrier = TRY(web::json_string(item.as_object(), "carrier"));
      const auto url = TRY(web::json_string(item.as_object(), "tracking_url"));
      links.emplace_back(carrier, url);
    }
    TRY(save_links(links));
    return Response::json(json::serialize(carriers_json(req)));
  }

  Result<Response> api_import(Request& req) {
    const auto imported = TRY(d_.orders.import_deliveries(req.body, req.user->user_id));
    return Response::json(json::serialize(import_json(imported)));
  }

 private:
  Deps d_;
};

}  // namespace

void add_delivery_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<DeliveryRoutes>(deps), deps.renderer);
  const auto login = web::Access::logged_in();
  const auto vendor = web::require(web::Role::vendor_staff);
  const auto op = web::require(web::Role::operator_);
  router.post("/orders/{number}/confirm", bind(&DeliveryRoutes::confirm_form));  // guests with their key too
  router.post("/api/v1/orders/{number}/confirmation", bind(&DeliveryRoutes::api_confirm)).access = login;
  router.post("/console/orders/{number}/delivered", bind(&DeliveryRoutes::workshop_form)).access = vendor;
  router.post("/api/v1/console/orders/{number}/delivery", bind(&DeliveryRoutes::api_workshop)).access =
      vendor;
  router.post("/operator/orders/{number}/delivered", bind(&DeliveryRoutes::operator_form)).access = op;
  router.post("/api/v1/operator/orders/{number}/delivery", bind(&DeliveryRoutes::api_operator)).access = op;
  router.get("/operator/delivery", bind(&DeliveryRoutes::page)).access = op;
  router.post("/operator/delivery/links", bind(&DeliveryRoutes::links_form)).access = op;
  router.post("/operator/delivery/import", bind(&DeliveryRoutes::import_form)).access = op;
  router.get("/api/v1/operator/carriers", bind(&DeliveryRoutes::api_carriers)).access = op;
  router.add(web::Method::put, "/api/v1/operator/carriers", bind(&DeliveryRoutes::api_set_carriers)).access =
      op;
  router.post("/api/v1/operator/deliveries", bind(&DeliveryRoutes::api_import)).access = op;
}

}  // namespace brilliant::orders
