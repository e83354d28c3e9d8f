// Card payment routes (the list is in routes.hpp).
#include "payments/routes.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "orders/order_page.hpp"
#include "orders/routes.hpp"
#include "payments/payment_events.hpp"
#include "payments/views.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::payments {
namespace json = boost::json;
using orders::Order;
using web::Request;
using web::Response;

namespace {

class PaymentRoutes {
 public:
  explicit PaymentRoutes(Deps& d) : payments(d.payments), orders(d.orders), r(d.renderer) {}

  Messages messages(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r.message(locale, key); };
  }

  // The order when the caller is its shopper (an operator does not pay for a shopper).
  Result<Order> own_order(const Request& req) {
    auto order = orders.visible(std::string(req.param("number")), req.user ? req.user->user_id : 0, false,
                                orders::guest_key(req));
    if (!order || !orders::is_shopper(req, *order)) return Error::not_found("order");
    return *order;
  }

  Result<Window> window_for(const Request& req, const Order& order) {
    return payments.open(order, r.base_url() + req.locale_prefix(), order.guest_key);
  }

  // The stand-in window takes its parameters in the query; Toss's own is opened by its JS SDK.
  Result<Response> pay_page(Request& req) {
    const auto order = TRY(own_order(req));
    auto window = window_for(req, order);
    if (!window)
      return Response::redirect(orders::order_url(req, order, "payment_error=" + window.error().code));
    if (!window->window_url.empty()) return Response::redirect(window->stand_in_url());
    json::object model{{"title", r.message(req.locale, "payments.pay_title")},
                       {"noindex", true},
                       {"number", order.number},
                       {"total_text", catalog::format_won(order.total, req.locale)},
                       {"window", window_json(*window)},
                       {"window_json", json::serialize(window_json(*window))}};
    auto response = r.page_response(req, "store/pay", std::move(model));
    response.set("Cache-Control", "no-store");
    // Toss's SDK opens its window from its own origin (script, frames and calls).
    response.set("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                 "script-src 'self' https://js.tosspayments.com; frame-src https://*.tosspayments.com; "
                 "connect-src 'self' https://*.tosspayments.com; frame-ancestors 'none'; base-uri 'self'; "
                 "form-action 'self' https://*.tosspayments.com; object-src 'none'");
    return response;
  }

  // --- virtual accounts (가상계좌) ---
  json::object account_model(const Request& req, const Order& order) {
    json::array banks;
    for (const auto& b : account_banks)
      banks.push_back(json::object{{"code", b.code}, {"name", req.locale == "en" ? b.name_en : b.name_ko}});
    json::object m{{"title", r.message(req.locale, "payments.account_title")},
                   {"noindex", true},
                   {"number", order.number},
                   {"total_text", catalog::format_won(order.total, req.locale)},
                   {"order_url", orders::order_url(req, order, "")},
                   {"banks", std::move(banks)}};
    if (!order.guest_key.empty()) m["key"] = order.guest_key;
    for (const auto& p : payments.of_order(order.id))
      if (p.is_account() && p.status == PaymentStatus::waiting_for_deposit)
        m["account"] = account_json(p, req.locale);
    return m;
  }
  Result<Response> account_page(Request& req) {
    const auto order = TRY(own_order(req));
    return r.page_response(req, "store/virtual_account", account_model(req, order));
  }
  Result<Response> account_form(Request& req) {
    const auto order = TRY(own_order(req));
    auto opened = payments.open_account(order, req.form().get("bank"));
    if (!opened)
      return r.page_with_error(req, "store/virtual_account", account_model(req, order), opened.error());
    return Response::redirect(orders::order_path(req, order, "/virtual-account"));
  }
  Result<Response> api_account(Request& req) {
    const auto order = TRY(own_order(req));
    auto body = TRY(web::parse_json_object(req.body));
    const auto bank = TRY(web::json_string(body, "bank"));
    const auto opened = TRY(payments.open_account(order, bank));
    return Response::json(json::serialize(payment_json(opened, req.locale, messages(req))), 201);
  }

  // Where the window sends the shopper: the order's page, paid or with what went wrong.
  Response back_to_order(const Request& req, const std::string& provider_order_id, const std::string& query) {
    const auto dash = provider_order_id.rfind('-');
    auto order = dash == std::string::npos ? std::nullopt : orders.find(provider_order_id.substr(0, dash));
    if (!order) return r.error(req, Error::not_found("order"));
    return Response::redirect(orders::order_url(req, *order, query));
  }

  Response success(Request& req) {
    const auto q = req.query_params();
    const std::string id = q.get("orderId");
    auto paid = payments.confirm(id, q.get("paymentKey"), web::parse_id(q.get("amount")));
    if (!paid && paid.error().kind == ErrorKind::not_found) return r.error(req, paid.error());
    return back_to_order(req, id, paid ? "paid=1" : "payment_error=" + paid.error().code);
  }

  Response fail(Request& req) {
    const auto q = req.query_params();
    const std::string id = q.get("orderId");
    auto order = payments.window_failed(id, q.get("code"), q.get("message"));
    if (!order) return r.error(req, order.error());
    return Response::redirect(
        orders::order_url(req, *order, "payment_failed=" + std::string(q.get("code")).substr(0, 60)));
  }

  Response webhook(Request& req) {
    auto out = payments.webhook(req.body);
    return Response::json(json::serialize(json::object{{"outcome", out.outcome}}), out.retry ? 503 : 200);
  }

  Result<Response> api_window(Request& req) {
    const auto order = TRY(own_order(req));
    const auto window = TRY(window_for(req, order));
    return Response::json(json::serialize(window_json(window)), 201);
  }

  Result<Response> api_confirm(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    const auto id = TRY(web::json_string(body, "orderId"));
    const auto key = TRY(web::json_string(body, "paymentKey"));
    const auto* amount = body.if_contains("amount");
    if (!amount || !amount->is_int64())
      return Error::invalid("amount", "number_invalid",
                            "amount must be the amount paid in won (a whole number)");
    const auto p = find_own(req, id);
    if (!p) return Error::not_found("payment");
    const auto order = TRY(payments.confirm(id, key, amount->as_int64()));
    return Response::json(
        json::serialize(payment_json(*payments.holding(order.id), {}, req.locale, messages(req), false)));
  }

  // An app client confirms only its own account's payments.
  std::optional<Payment> find_own(const Request& req, const std::string& provider_order_id) {
    const auto dash = provider_order_id.rfind('-');
    if (dash == std::string::npos) return std::nullopt;
    auto order = orders.find(provider_order_id.substr(0, dash));
    if (!order || order->user_id != req.user->user_id) return std::nullopt;
    for (auto& p : payments.of_order(order->id))
      if (p.provider_order_id == provider_order_id) return p;
    return std::nullopt;
  }

  // account: a virtual account's refund goes to the shopper's bank account, as typed ("국민 123-45 김").
  Result<Order> refund(Request& req, const std::string& amount_text, const std::string& reason,
                       const std::string& account) {
    const auto to = refund_account_of(account);
    if (!account.empty() && to.empty())
      return Error::invalid("refund_account", "refund_account_invalid",
                            "refund_account: the bank's name, the account number and the holder");
    long long amount = 0;
    if (!amount_text.empty()) {
      amount = web::parse_id(amount_text);
      if (amount <= 0)
        return Error::invalid("amount", "number_invalid",
                              "amount must be a whole number of won, or empty for all");
    }
    return payments.refund(std::string(req.param("number")), amount, reason, req.user->user_id, to);
  }

  Result<Response> refund_form(Request& req) {
    const auto f = req.form();
    const auto order = TRY(refund(req, f.get("amount"), f.get("reason"), f.get("refund_account")));
    return Response::redirect(req.locale_prefix() + "/orders/" + order.number + "?refunded=1");
  }

  Result<Response> api_refund(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    const auto reason = TRY(web::json_string(body, "reason"));
    std::string amount;
    if (const auto* a = body.if_contains("amount"); a && !a->is_null()) {
      if (!a->is_int64() || a->as_int64() <= 0)
        return Error::invalid("amount", "number_invalid",
                              "amount must be a whole number of won, or left out for all");
      amount = std::to_string(a->as_int64());
    }
    std::string account;
    if (body.contains("refund_account")) account = TRY(web::json_string(body, "refund_account"));
    const auto order = TRY(refund(req, amount, reason, account));
    return api_payments_of(req, order);
  }

  Response api_payments_of(const Request& req, const Order& order) {
    json::array list;
    for (const auto& p : payments.of_order(order.id))
      list.push_back(payment_json(p, payments.history(p.id), req.locale, messages(req), true));
    return Response::json(
        json::serialize(json::object{{"order", order.number}, {"payments", std::move(list)}}));
  }

  Result<Response> api_payments(Request& req) {
    auto order = orders.find(std::string(req.param("number")));
    if (!order) return Error::not_found("order");
    return api_payments_of(req, *order);
  }

 private:
  Payments& payments;
  orders::Orders& orders;
  const web::Renderer& r;
};

}  // namespace

void add_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<PaymentRoutes>(deps), deps.renderer);
  const auto login = web::Access::logged_in();
  const auto op = web::require(web::Role::operator_);
  router.get("/orders/{number}/pay", bind(&PaymentRoutes::pay_page));
  // The payment window's returns write, and the success confirms with Toss (a network wait): with the writes.
  router.get("/payments/toss/success", bind(&PaymentRoutes::success)).runs = web::Runs::with_writes;
  router.get("/payments/toss/fail", bind(&PaymentRoutes::fail)).runs = web::Runs::with_writes;
  auto& hook = router.post("/api/v1/payments/toss/webhook", bind(&PaymentRoutes::webhook));
  hook.csrf = false;
  hook.session = false;
  router.post("/api/v1/orders/{number}/payment-window", bind(&PaymentRoutes::api_window)).access = login;
  router.post("/api/v1/payments/toss/confirm", bind(&PaymentRoutes::api_confirm)).access = login;
  router.get("/orders/{number}/virtual-account",
             bind(&PaymentRoutes::account_page));  // guests with their key
  router.post("/orders/{number}/virtual-account", bind(&PaymentRoutes::account_form));
  router.post("/api/v1/orders/{number}/virtual-account", bind(&PaymentRoutes::api_account)).access = login;
  router.post("/operator/orders/{number}/refund", bind(&PaymentRoutes::refund_form)).access = op;
  router.post("/api/v1/operator/orders/{number}/refunds", bind(&PaymentRoutes::api_refund)).access = op;
  router.get("/api/v1/operator/orders/{number}/payments", bind(&PaymentRoutes::api_payments)).access = op;
  add_deposit_routes(router, deps);
}

}  // namespace brilliant::payments
