// Checkout and orders on pages and in the JSON API (see routes.hpp for the list).
#include <algorithm>
#include <boost/json.hpp>
#include <limits>

#include "core/secret.hpp"
#include "core/text.hpp"
#include "orders/order_page.hpp"
#include "orders/order_views.hpp"
#include "orders/routes.hpp"
#include "web/bind.hpp"
#include "web/errors.hpp"
#include "web/form.hpp"
#include "web/json_input.hpp"
#include "web/rows.hpp"

namespace brilliant::orders {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class OrderRoutes {
 public:
  explicit OrderRoutes(Deps deps) : d_(std::move(deps)) {}

  std::string t(const Request& req, const std::string& key) const {
    return d_.renderer.message(req.locale, key);
  }
  catalog::Messages messages(const std::string& locale) const {
    return [this, locale](const std::string& key) { return d_.renderer.message(locale, key); };
  }

  json::object order_json(const Request& req, const Order& o) const { return order_shown(d_, req, o); }
  json::array orders_json(const Request& req, const std::vector<Order>& orders) const {
    return orders_shown(d_, req, orders);
  }

  // --- checkout ---------------------------------------------------------------------------------

  json::object checkout_model(const Request& req, const Preview& p) const {
    auto out = checkout_json(p, req.locale, messages(req.locale),
                             [this](long long id) { return d_.catalog.workshop_by_id(id); });
    out["bank_account"] = d_.bank_account;
    out["card_enabled"] = d_.card_enabled;
    if (p.coupon_refused)
      out["coupon_refused"] = json::object{{"code", p.coupon_refused->code},
                                           {"message", d_.renderer.localized(req, *p.coupon_refused)}};
    return out;
  }
  // Who is ordering, for coupons' limits (a guest's email once typed).
  static Shopper shopper_of(const Request& req, const std::string& email) {
    return req.user ? Shopper{req.user->user_id, ""} : Shopper{0, ascii_lower(trim(email))};
  }

  // The coupon code asked for: the form's field, or ?coupon= on a link (a campaign's).
  static std::string coupon_asked(const Request& req) {
    return req.method == web::Method::post ? req.form().get("coupon_code") : req.query_params().get("coupon");
  }

  Response checkout_page_with(Request& req, const Address& typed, const std::string& key,
                              const std::optional<Error>& error) {
    const std::string coupon = coupon_asked(req);
    const std::string email = req.method == web::Method::post ? req.form().get("email") : "";
    auto preview = d_.orders.preview(cart_token(req), typed.postcode, coupon, shopper_of(req, email));
    if (!preview.ok() && preview.error().code == "cart_empty")
      return Response::redirect(req.locale_prefix() + "/cart");
    json::object model;
    if (preview.ok()) model = checkout_model(req, *preview);
    model["title"] = t(req, "orders.checkout_title");
    model["noindex"] = true;
    model["checkout_key"] = key.empty() ? random_token(18) : key;
    model["recipient"] = typed.recipient.empty() && req.user ? req.user->name : typed.recipient;
    model["phone"] = typed.phone;
    model["postcode"] = typed.postcode;
    model["address"] = typed.address;
    model["address_detail"] = typed.address_detail;
    model["note"] = typed.note;
    model["guest"] = !req.user;
    model["coupon_code"] = coupon;
    if (!req.user && req.method == web::Method::post) model["email"] = email;
    if (req.method == web::Method::post) {
      const auto typed_transfer = transfer_from(req.form());
      model["depositor"] = typed_transfer.depositor;
      model["cash_receipt_id"] = typed_transfer.cash_receipt_id;
      model["cash_receipt_" +
            (typed_transfer.cash_receipt.empty() ? std::string("none") : typed_transfer.cash_receipt)] = true;
    }
    model["can_order"] = preview.ok();
    std::optional<Error> shown = error;
    if (!preview.ok()) shown = preview.error();
    Response response = [&] {
      if (!shown) return d_.renderer.page_response(req, "store/checkout", std::move(model));
      Error on_form = *shown;
      // Errors about the cart or the total are said above the form.
      if (on_form.field == "cart" || on_form.field == "expected_total" || on_form.field == "checkout_key")
        on_form.field.clear();
      return d_.renderer.page_with_error(req, "store/checkout", std::move(model), on_form);
    }();
    response.set("Cache-Control", "no-store");
    // Placing the order by card redirects the form to the payment window.
    if (d_.card_enabled && !d_.payment_window_origin.empty())
      response.set("Content-Security-Policy", web::page_security_policy(d_.payment_window_origin));
    return response;
  }

  Response checkout_page(Request& req) { return checkout_page_with(req, {}, "", std::nullopt); }

  // Placing orders holds stock for days, so attempts are limited (429 with Retry-After).
  std::optional<Response> limited(const Request& req) {
    if (!d_.checkout_limit) return std::nullopt;
    const std::string key = req.user ? "user:" + std::to_string(req.user->user_id) : "ip:" + req.remote_ip;
    auto wait = d_.checkout_limit->take(key);
    if (!wait) return std::nullopt;
    auto response = d_.renderer.error(
        req, Error::too_many("too many orders tried; try again in " + std::to_string(*wait) + " seconds"));
    response.set("Retry-After", std::to_string(*wait));
    return response;
  }

  Response checkout_form(Request& req) {
    if (auto refused = limited(req)) return std::move(*refused);
    const auto form = req.form();
    const Address typed = address_from(form);
    const std::string key = form.get("checkout_key");
    // "Apply" beside the coupon field: the page again with the coupon, nothing placed.
    if (form.get("apply_coupon") == "1") return checkout_page_with(req, typed, key, std::nullopt);
    // The address first (its errors sit beside the fields), then the consent box.
    if (auto checked = check_address(typed); !checked.ok())
      return checkout_page_with(req, typed, key, checked.error());
    if (form.get("agree") != "1")
      return checkout_page_with(
          req, typed, key,
          Error::invalid("agree", "agree_required", "confirm the order and the payment terms"));
    long long expected = -1;
    if (auto text = form.get("expected_total"); !text.empty()) {
      expected = web::parse_id(text);
      if (expected <= 0)
        return checkout_page_with(req, typed, key,
                                  Error::invalid("expected_total", "number_invalid",
                                                 "expected_total must be the total in won (a whole number)"));
    }
    auto placed = d_.orders.place({.cart_token = cart_token(req),
                                   .user_id = req.user ? req.user->user_id : 0,
                                   .email = form.get("email"),
                                   .address = typed,
                                   .expected_total = expected,
                                   .key = key,
                                   .locale = req.locale,
                                   .coupon_code = std::string(trim(form.get("coupon_code"))),
                                   .utm = attribution_from(req.cookie("utm")),
                                   .transfer = transfer_from(form)});
    if (!placed.ok()) return checkout_page_with(req, typed, key, placed.error());
    // Paying by card: straight to the payment window (the order waits for it like a transfer).
    const bool card = d_.card_enabled && form.get("pay_with") != "bank_transfer";
    auto response =
        Response::redirect(card ? order_path(req, *placed, "/pay") : order_url(req, *placed, "placed=1"));
    web::set_cookie(response, "cart_n", "0", {.max_age_seconds = 60 * 60 * 24 * 30, .http_only = false});
    return response;
  }

  Response api_preview(Request& req) {
    const auto query = req.query_params();
    auto preview = d_.orders.preview(cart_token(req), query.get("postcode"), query.get("coupon_code"),
                                     shopper_of(req, ""));
    if (!preview.ok()) return d_.renderer.error(req, preview.error());
    auto response = Response::json(json::serialize(checkout_model(req, *preview)));
    response.set("Cache-Control", "no-store");
    return response;
  }

  Response api_place(Request& req) {
    if (auto refused = limited(req)) return std::move(*refused);
    auto body = web::parse_json_object(req.body);
    if (!body) return d_.renderer.error(req, body.error());
    auto read = address_from(*body);
    if (!read.ok()) return d_.renderer.error(req, read.error());
    const Address typed = *read;
    auto coupon = web::json_string(*body, "coupon_code");
    if (!coupon.ok()) return d_.renderer.error(req, coupon.error());
    auto transfer = transfer_from(*body);
    if (!transfer.ok()) return d_.renderer.error(req, transfer.error());
    long long expected = -1;
    if (auto it = body->find("expected_total"); it != body->end()) {
      if (!it->value().is_int64() || it->value().as_int64() <= 0)
        return d_.renderer.error(req,
                                 Error::invalid("expected_total", "number_invalid",
                                                "expected_total must be the total in won (a whole number)"));
      expected = it->value().as_int64();
    }
    std::string key(req.header("idempotency-key"));
    if (key.empty())
      return d_.renderer.error(
          req, Error::invalid("Idempotency-Key", "checkout_key_invalid",
                              "send an Idempotency-Key header (one per order you mean to place)"));
    const std::string cart = cart_token(req);
    if (cart.empty())  // a client without cookies: say which header names the cart
      return d_.renderer.error(
          req,
          Error::invalid("X-Cart-Token", "cart_empty",
                         "the cart is empty: send the X-Cart-Token header that adding to the cart returned"));
    auto placed = d_.orders.place({.cart_token = cart,
                                   .user_id = req.user->user_id,
                                   .address = typed,
                                   .expected_total = expected,
                                   .key = key,
                                   .locale = req.locale,
                                   .coupon_code = std::string(trim(*coupon)),
                                   .utm = attribution_from(req.cookie("utm")),
                                   .transfer = *transfer});
    if (!placed.ok()) return d_.renderer.error(req, placed.error());
    return Response::json(json::serialize(order_json(req, *placed)), 201);
  }

  // --- the shopper's orders -----------------------------------------------------------------------

  // The order when the viewer may see it whole: its shopper, an operator, or a guest with its key.
  std::optional<Order> visible(const Request& req) {
    return d_.orders.visible(std::string(req.param("number")), req.user ? req.user->user_id : 0,
                             req.user && req.user->has(web::Role::operator_), guest_key(req));
  }

  // The studio's photos of the open box and the sealed parcel, for the shopper to see what was sent.
  void add_packing_photos(const Request& req, const Order& order, json::object& model) {
    json::array photos;
    if (d_.packing_photos)
      for (const auto& [hash, view] : d_.packing_photos(order.number)) {
        const auto base = "/orders/" + order.number + "/evidence/photos/" + hash;
        const auto key = order.guest_key.empty() ? std::string() : "key=" + order.guest_key;
        photos.push_back(json::object{{"view", view},
                                      {"view_text", t(req, "studio.view." + view)},
                                      {"thumb_url", base + "?thumb=1" + (key.empty() ? "" : "&" + key)},
                                      {"url", base + (key.empty() ? "" : "?" + key)}});
      }
    model["has_packing_photos"] = !photos.empty();
    model["packing_photos"] = std::move(photos);
    model["evidence_url"] = order_path(req, order, "/evidence");
  }

  Response order_page(Request& req) {
    auto order = visible(req);
    if (!order) return d_.renderer.error(req, Error::not_found("order"));
    auto model = order_json(req, *order);
    model["title"] = t(req, "orders.order_title") + " " + order->number;
    model["noindex"] = true;
    model["placed_now"] = req.query_params().get("placed") == "1";
    if (req.query_params().get("confirmed") == "1") model["confirmed_now"] = true;
    model["is_owner"] = is_shopper(req, *order);
    if (!order->user_id && is_shopper(req, *order)) model["key"] = order->guest_key;
    model["guest"] = order->user_id == 0;
    model["is_operator"] = req.user && req.user->has(web::Role::operator_);
    add_packing_photos(req, *order, model);
    add_card_payment(d_, req, *order, model);
    add_returns(d_, req, *order, model);
    auto response = d_.renderer.page_response(req, "store/order", std::move(model));
    response.set("Cache-Control", "no-store");
    return response;
  }

  Response cancel_form(Request& req) {
    auto order = visible(req);
    if (!order || !is_shopper(req, *order)) return d_.renderer.error(req, Error::not_found("order"));
    auto done =
        d_.orders.cancel(order->number, order->user_id, CancelledBy::shopper, req.form().get("reason"));
    if (!done.ok()) return d_.renderer.error(req, done.error());
    return Response::redirect(order_url(req, *order));
  }

  Response my_orders_page(Request& req) {
    json::object model{{"title", t(req, "orders.my_orders")},
                       {"noindex", true},
                       {"orders", orders_json(req, d_.orders.of_user(req.user->user_id))}};
    return d_.renderer.page_response(req, "store/orders", std::move(model));
  }

  Response api_mine(Request& req) {
    return Response::json(
        json::serialize(json::object{{"orders", orders_json(req, d_.orders.of_user(req.user->user_id))}}));
  }

  Response api_one(Request& req) {
    auto order = visible(req);
    if (!order) return d_.renderer.error(req, Error::not_found("order"));
    return Response::json(json::serialize(order_json(req, *order)));
  }

  Response api_cancel(Request& req) {
    auto order = visible(req);
    if (!order || order->user_id != req.user->user_id)
      return d_.renderer.error(req, Error::not_found("order"));
    auto done = d_.orders.cancel(order->number, req.user->user_id, CancelledBy::shopper, "");
    if (!done.ok()) return d_.renderer.error(req, done.error());
    return Response::json(json::serialize(order_json(req, *done)));
  }

  // --- the workshop's console ---------------------------------------------------------------------

  // The workshop's orders, by the state of its parcel, a page at a time, with how many are in each state.
  Result<json::object> console_model(Request& req) {
    constexpr size_t per_page = 30;
    const long long workshop = req.user->workshop_id;
    const auto parcels = d_.orders.workshop_parcels(workshop);
    const auto count = [&](std::string_view state) {
      long long n = 0;
      for (const auto& [s, k] : parcels) n += state == "all" || s == state ? k : 0;
      return n;
    };
    const auto asked = TRY(list_asked(req.query_params(), count, per_page));
    const auto orders = d_.orders.of_workshop(workshop, asked.show == "all" ? "" : asked.show, per_page,
                                              static_cast<int>(asked.window.first));
    auto m = list_json(req.locale_prefix() + "/console/orders", asked, count, messages(req.locale));
    m["title"] = t(req, "orders.console_title");
    m["noindex"] = true;
    m["to_ship"] = count("to_ship");
    m["awaiting"] = count("awaiting_payment");
    m["orders"] = orders_json(req, orders);
    return m;
  }

  Result<Response> console_page(Request& req) {
    auto model = TRY(console_model(req));
    // Absent rather than "": a Mustache section over an empty string still shows.
    if (auto shipped = req.query_params().get("shipped"); looks_like_order_number(shipped))
      model["shipped_now"] = shipped;
    return d_.renderer.page_response(req, "vendors/console_orders", std::move(model));
  }
  Result<Response> api_console(Request& req) { return web::page_model_json(TRY(console_model(req))); }
  Response api_console_one(Request& req) {
    auto order = d_.orders.of_workshop(req.user->workshop_id, std::string(req.param("number")));
    if (!order) return d_.renderer.error(req, Error::not_found("order"));
    return Response::json(json::serialize(order_json(req, *order)));
  }

  // The workshop ships its parcel: a carrier and the waybill number (form or JSON).
  Result<Order> ship(Request& req, const std::string& carrier, const std::string& tracking) {
    auto shipped = d_.orders.ship(std::string(req.param("number")), req.user->workshop_id, req.user->user_id,
                                  carrier, tracking);
    if (!shipped.ok()) return shipped.error();
    return workshop_part(std::move(*shipped), req.user->workshop_id);
  }

  Response ship_form(Request& req) {
    const auto form = req.form();
    auto shipped = ship(req, form.get("carrier"), form.get("tracking"));
    if (!shipped.ok()) {
      if (shipped.error().field == "carrier" || shipped.error().field == "tracking") {
        auto model = console_model(req);
        if (!model) return d_.renderer.error(req, model.error());
        keep_refused_shipment(*model, std::string(req.param("number")), form.get("carrier"),
                              form.get("tracking"), d_.renderer.localized(req, shipped.error()));
        Error above = shipped.error();  // the page has a form per order: said above them all too
        above.field.clear();
        return d_.renderer.page_with_error(req, "vendors/console_orders", std::move(*model), above);
      }
      return d_.renderer.error(req, shipped.error());
    }
    // Back to the list the form was on: its state and page (any from 1) ride on the form's address.
    const auto query = req.query_params();
    const auto show = query.get("show");
    const bool listed = std::find(list_states.begin(), list_states.end(), show) != list_states.end();
    const auto page = web::page_window(query, std::numeric_limits<int>::max(), 1);
    const auto back = list_query(listed ? show : "all", page ? page->page : 1);
    return Response::redirect(req.locale_prefix() + "/console/orders" + (back.empty() ? "?" : back + "&") +
                              "shipped=" + shipped->number);
  }

  Response api_ship(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return d_.renderer.error(req, body.error());
    auto carrier = web::json_string(*body, "carrier");
    if (!carrier.ok()) return d_.renderer.error(req, carrier.error());
    auto tracking = web::json_string(*body, "tracking");
    if (!tracking.ok()) return d_.renderer.error(req, tracking.error());
    auto shipped = ship(req, *carrier, *tracking);
    if (!shipped.ok()) return d_.renderer.error(req, shipped.error());
    return Response::json(json::serialize(order_json(req, *shipped)));
  }

  // --- the operator -------------------------------------------------------------------------------

  json::object operator_model(Request& req) {
    std::string status = req.query_params().get("status");
    if (status != "awaiting_payment" && status != "paid" && status != "cancelled") status.clear();
    json::object model{{"title", t(req, "orders.operator_title")},
                       {"noindex", true},
                       {"status", status},
                       {"q", req.query_params().get("q")},
                       {"orders", orders_json(req, d_.orders.recent(status, req.query_params().get("q")))}};
    for (const char* s : {"awaiting_payment", "paid", "cancelled"})
      model[std::string("filter_") + s] = status == s;
    model["filter_all"] = status.empty();
    return model;
  }

  Response operator_page(Request& req) {
    return d_.renderer.page_response(req, "operator/orders", operator_model(req));
  }
  Response api_operator(Request& req) { return web::page_model_json(operator_model(req)); }

  Result<Order> set_status(Request& req, const std::string& status, const std::string& reason) {
    const std::string number(req.param("number"));
    if (status == "paid") return d_.orders.mark_paid(number, req.user->user_id);
    if (status == "cancelled")
      return d_.operator_cancel ? d_.operator_cancel(number, reason, req.user->user_id)
                                : d_.orders.cancel(number, req.user->user_id, CancelledBy::operator_, reason);
    return Error::invalid("status", "choice_invalid", "status must be paid or cancelled");
  }

  Response operator_paid_form(Request& req) {
    auto done = set_status(req, "paid", "");
    if (!done.ok()) return d_.renderer.error(req, done.error());
    return Response::redirect(req.locale_prefix() + "/operator/orders?status=awaiting_payment");
  }

  Response operator_cancel_form(Request& req) {
    const auto reason = req.form().get("reason");
    auto done = set_status(req, "cancelled", reason);
    if (!done.ok()) {
      if (done.error().field == "reason") {  // said beside that order's reason, which stays as typed
        auto model = operator_model(req);
        web::keep_in_row(model["orders"].as_array(), "number", json::string(req.param("number")),
                         {{"typed_reason", reason}, {"row_error", d_.renderer.localized(req, done.error())}});
        return d_.renderer.page_with_error(req, "operator/orders", std::move(model), done.error());
      }
      return d_.renderer.error(req, done.error());
    }
    return Response::redirect(req.locale_prefix() + "/operator/orders");
  }

  Response api_operator_status(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return d_.renderer.error(req, body.error());
    auto status = web::json_string(*body, "status");
    if (!status.ok()) return d_.renderer.error(req, status.error());
    auto reason = web::json_string(*body, "reason");
    if (!reason.ok()) return d_.renderer.error(req, reason.error());
    auto done = set_status(req, *status, *reason);
    if (!done.ok()) return d_.renderer.error(req, done.error());
    return Response::json(json::serialize(order_json(req, *done)));
  }

 private:
  Deps d_;
};

}  // namespace

void add_order_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<OrderRoutes>(deps), deps.renderer);
  const auto login = web::Access::logged_in();
  const auto vendor = web::require(web::Role::vendor_staff);
  const auto op = web::require(web::Role::operator_);
  // Guests check out too (an email instead of an account) and open their order with its key.
  router.get("/checkout", bind(&OrderRoutes::checkout_page));
  router.post("/checkout", bind(&OrderRoutes::checkout_form));
  router.get("/orders/{number}", bind(&OrderRoutes::order_page));
  router.post("/orders/{number}/cancel", bind(&OrderRoutes::cancel_form));
  router.get("/account/orders", bind(&OrderRoutes::my_orders_page)).access = login;
  router.get("/api/v1/checkout", bind(&OrderRoutes::api_preview));  // the visitor's own cart, guests too
  router.post("/api/v1/orders", bind(&OrderRoutes::api_place)).access = login;
  router.get("/api/v1/orders", bind(&OrderRoutes::api_mine)).access = login;
  router.get("/api/v1/orders/{number}", bind(&OrderRoutes::api_one)).access = login;
  router.post("/api/v1/orders/{number}/cancel", bind(&OrderRoutes::api_cancel)).access = login;
  // Pages with customers' addresses and phones: staff opening them is audited (issue 15).
  const auto personal = [](web::Route& route, const web::Access& access) {
    route.access = access;
    route.personal_data = true;
  };
  personal(router.get("/console/orders", bind(&OrderRoutes::console_page)), vendor);
  personal(router.get("/api/v1/console/orders", bind(&OrderRoutes::api_console)), vendor);
  personal(router.get("/api/v1/console/orders/{number}", bind(&OrderRoutes::api_console_one)), vendor);
  router.post("/console/orders/{number}/ship", bind(&OrderRoutes::ship_form)).access = vendor;
  router.post("/api/v1/console/orders/{number}/shipment", bind(&OrderRoutes::api_ship)).access = vendor;
  personal(router.get("/operator/orders", bind(&OrderRoutes::operator_page)), op);
  router.post("/operator/orders/{number}/paid", bind(&OrderRoutes::operator_paid_form)).access = op;
  router.post("/operator/orders/{number}/cancel", bind(&OrderRoutes::operator_cancel_form)).access = op;
  personal(router.get("/api/v1/operator/orders", bind(&OrderRoutes::api_operator)), op);
  router
      .add(web::Method::put, "/api/v1/operator/orders/{number}/status",
           bind(&OrderRoutes::api_operator_status))
      .access = op;
}

}  // namespace brilliant::orders
