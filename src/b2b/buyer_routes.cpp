// The buyer's side of B2B (routes.hpp): apply, ask for quotes, accept, order, the invoice.
#include <boost/json.hpp>

#include "b2b/routes.hpp"
#include "b2b/views.hpp"
#include "core/secret.hpp"
#include "legal/store.hpp"
#include "legal/views.hpp"
#include "orders/order_views.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::b2b {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class BuyerRoutes {
 public:
  explicit BuyerRoutes(const Deps& d) : d_(d), b_(d.b2b), r_(d.renderer) {}

  catalog::Messages words(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r_.message(locale, key); };
  }
  long long me(const Request& req) const { return req.user ? req.user->user_id : 0; }
  bool approved(const Request& req) const { return req.user && req.user->has(web::Role::buyer); }
  json::object quote(const Request& req, const Quote& q) const {
    return quote_json(q, Viewer::buyer, req.locale, req.locale_prefix(), words(req));
  }

  // The buyer's home: the application (or its form) and, once approved, the quotes.
  json::object home_model(const Request& req) {
    json::object m{{"title", r_.message(req.locale, "b2b.buyer_title")}, {"noindex", true}};
    const auto a = b_.application(me(req));
    if (a) m["application"] = application_json(*a);
    m["approved"] = approved(req);
    m["can_apply"] = !approved(req) && (!a || a->status == "refused");
    if (approved(req)) {
      json::array list;
      for (const auto& q : b_.of_buyer(me(req))) list.push_back(quote(req, q));
      m["has_quotes"] = !list.empty();
      m["quotes"] = std::move(list);
    }
    return m;
  }
  Response home(Request& req) { return r_.page_response(req, "b2b/buyer", home_model(req)); }
  Response api_application(Request& req) {
    const auto a = b_.application(me(req));
    if (!a) return r_.error(req, Error::not_found("application"));
    return Response::json(json::serialize(application_json(*a)));
  }
  Response apply_form(Request& req) {
    const auto f = req.form();
    auto done = b_.apply(me(req), {f.get("company"), f.get("country"), f.get("website"), f.get("note")});
    if (!done) return r_.page_with_error(req, "b2b/buyer", home_model(req), done.error());
    return Response::redirect(req.locale_prefix() + "/buyer");
  }
  Result<Response> api_apply(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    ApplicationInput in;
    in.company = TRY(web::json_string(o, "company"));
    in.country = TRY(web::json_string(o, "country"));
    in.website = TRY(web::json_string(o, "website"));
    in.note = TRY(web::json_string(o, "note"));
    const auto a = TRY(b_.apply(me(req), in));
    return Response::json(json::serialize(application_json(a)), 201);
  }

  Response api_quotes(Request& req) {
    json::array list;
    for (const auto& q : b_.of_buyer(me(req))) list.push_back(quote(req, q));
    return Response::json(json::serialize(json::object{{"quotes", std::move(list)}}));
  }
  // From a piece's page or a fair's line sheet; back to the quote.
  Result<Response> request_form(Request& req) {
    const auto f = req.form();
    QuoteRequest in{f.get("product"), web::parse_id(f.get("variant_id")), web::parse_id(f.get("quantity")),
                    f.get("note"), f.get("exhibition")};
    const auto q = TRY(b_.request(me(req), in));
    return Response::redirect(req.locale_prefix() + "/buyer/quotes/" + q.number);
  }
  Result<Response> api_request(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    QuoteRequest in;
    in.product_slug = TRY(web::json_string(o, "product"));
    in.variant_id = TRY(web::json_int(o, "variant_id", 0));
    in.quantity = TRY(web::json_int(o, "quantity", 1));
    in.note = TRY(web::json_string(o, "note"));
    in.exhibition_slug = TRY(web::json_string(o, "exhibition"));
    const auto q = TRY(b_.request(me(req), in));
    return Response::json(json::serialize(quote(req, q)), 201);
  }

  Result<Quote> mine(const Request& req) {
    auto q = b_.visible(std::string(req.param("number")), me(req), 0, false);
    if (!q) return Error::not_found("quote");
    return *q;
  }
  json::object quote_model(const Request& req, const Quote& q) {
    json::object m{{"title", r_.message(req.locale, "b2b.quote") + " " + q.number}, {"noindex", true}};
    m["quote"] = quote(req, q);
    m["checkout_key"] = random_token(18);
    m["back_path"] = "/buyer";
    m["back_text"] = r_.message(req.locale, "b2b.buyer_title");
    return m;
  }
  Result<Response> quote_page(Request& req) {
    const auto q = TRY(mine(req));
    return r_.page_response(req, "b2b/quote", quote_model(req, q));
  }
  Result<Response> api_quote(Request& req) {
    return Response::json(json::serialize(quote(req, TRY(mine(req)))));
  }
  Response back(const Request& req) {
    return Response::redirect(req.locale_prefix() + "/buyer/quotes/" + std::string(req.param("number")));
  }
  // A refusal shown on the quote's page, above its forms.
  Result<Response> refused(Request& req, Error error) {
    const auto q = TRY(mine(req));
    if (error.field != "quantity") error.field.clear();
    return r_.page_with_error(req, "b2b/quote", quote_model(req, q), error);
  }

  Result<Response> accept_form(Request& req) {
    auto done = b_.accept(me(req), std::string(req.param("number")));
    return done ? back(req) : refused(req, done.error());
  }
  Result<Response> api_accept(Request& req) {
    const auto q = TRY(b_.accept(me(req), std::string(req.param("number"))));
    return Response::json(json::serialize(quote(req, q)));
  }
  Result<Response> withdraw_form(Request& req) {
    auto done = b_.decline(me(req), 0, std::string(req.param("number")), req.form().get("note"), me(req));
    return done ? back(req) : refused(req, done.error());
  }
  Result<Response> api_withdraw(Request& req) {
    TRY(mine(req));
    const auto o = TRY(web::parse_json_object(req.body.empty() ? "{}" : req.body));
    const auto note = TRY(web::json_string(o, "note"));
    const auto q = TRY(b_.decline(me(req), 0, std::string(req.param("number")), note, me(req)));
    return Response::json(json::serialize(quote(req, q)));
  }

  Result<Response> order_form(Request& req) {
    const auto f = req.form();
    Ordering how;
    how.address = orders::address_from(f);
    how.quantity = web::parse_id(f.get("quantity"));
    how.key = f.get("key");
    how.locale = req.locale;
    auto order = b_.order(me(req), std::string(req.param("number")), how);
    if (!order) return refused(req, order.error());
    return Response::redirect(req.locale_prefix() + "/buyer/quotes/" + std::string(req.param("number")) +
                              "/invoice");
  }
  Result<Response> api_order(Request& req) {
    TRY(mine(req));  // another's quote (or none) is not found before its body is read
    const auto o = TRY(web::parse_json_object(req.body));
    Ordering how;
    how.address = TRY(orders::address_from(o));
    how.quantity = TRY(web::json_int(o, "quantity", 0));
    how.key = std::string(req.header("idempotency-key"));
    if (how.key.empty())
      return Error::invalid("Idempotency-Key", "checkout_key_invalid",
                            "send an Idempotency-Key header (one per order you mean to place)");
    how.locale = req.locale;
    const auto order = TRY(b_.order(me(req), std::string(req.param("number")), how));
    auto out = orders::order_json(order, req.locale, words(req), d_.bank_account);
    out["invoice_url"] =
        req.locale_prefix() + "/buyer/quotes/" + std::string(req.param("number")) + "/invoice";
    return Response::json(json::serialize(out), 201);
  }

  // The invoice of an ordered quote: seller, buyer, the line, totals, how and by when to pay.
  Result<json::object> invoice_model(const Request& req) {
    const auto q = TRY(mine(req));
    const auto order = b_.order_of(q);
    if (!order) return Error::not_found("invoice");
    const auto t = words(req);
    json::object m{{"title", t("b2b.invoice") + " " + order->number}, {"noindex", true}};
    m["quote"] = quote(req, q);
    m["number"] = order->number;
    m["issued_at"] = format_seoul(order->created_at);
    m["pay_by"] = format_seoul(order->pay_by);
    m["paid"] = order->status != orders::OrderStatus::awaiting_payment;
    m["status_text"] = t("orders.status." + orders::to_string(order->status));
    m["ordered_quantity"] = order->lines.empty() ? 0 : order->lines.front().quantity;
    m["subtotal_text"] = catalog::format_won(order->subtotal, req.locale);
    m["shipping_text"] = catalog::format_won(order->shipping_fee, req.locale);
    m["total_text"] = catalog::format_won(order->total, req.locale);
    m["total"] = order->total;
    m["bank_account"] = d_.bank_account;
    const auto application = b_.application(me(req));
    m["buyer_company"] = application ? application->info.company : "";
    m["recipient"] = order->address.recipient;
    m["address"] = order->address.address + " " + order->address.address_detail;
    if (d_.legal)
      if (const auto seller = d_.legal->current(); seller && *seller)
        m["seller"] = legal::business_json(**seller);
    return m;
  }
  Result<Response> invoice(Request& req) {
    auto m = TRY(invoice_model(req));
    return r_.page_response(req, "b2b/invoice", std::move(m));
  }
  Result<Response> api_invoice(Request& req) { return web::page_model_json(TRY(invoice_model(req))); }

 private:
  const Deps d_;
  B2b& b_;
  const web::Renderer& r_;
};

}  // namespace

void add_buyer_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<BuyerRoutes>(deps), deps.renderer);
  using B = BuyerRoutes;
  const auto person = web::Access::logged_in();
  const auto buyer = web::require(web::Role::buyer);
  router.get("/buyer", bind(&B::home)).access = person;
  router.post("/buyer/application", bind(&B::apply_form)).access = person;
  router.get("/api/v1/buyer/application", bind(&B::api_application)).access = person;
  router.post("/api/v1/buyer/application", bind(&B::api_apply)).access = person;
  router.get("/buyer/quotes", bind(&B::home)).access = buyer;
  router.post("/buyer/quotes", bind(&B::request_form)).access = buyer;
  router.get("/buyer/quotes/{number}", bind(&B::quote_page)).access = buyer;
  router.post("/buyer/quotes/{number}/accept", bind(&B::accept_form)).access = buyer;
  router.post("/buyer/quotes/{number}/order", bind(&B::order_form)).access = buyer;
  router.post("/buyer/quotes/{number}/withdraw", bind(&B::withdraw_form)).access = buyer;
  router.get("/buyer/quotes/{number}/invoice", bind(&B::invoice)).access = buyer;
  router.get("/api/v1/buyer/quotes", bind(&B::api_quotes)).access = buyer;
  router.post("/api/v1/buyer/quotes", bind(&B::api_request)).access = buyer;
  router.get("/api/v1/buyer/quotes/{number}", bind(&B::api_quote)).access = buyer;
  router.post("/api/v1/buyer/quotes/{number}/accept", bind(&B::api_accept)).access = buyer;
  router.post("/api/v1/buyer/quotes/{number}/order", bind(&B::api_order)).access = buyer;
  router.post("/api/v1/buyer/quotes/{number}/withdraw", bind(&B::api_withdraw)).access = buyer;
  router.get("/api/v1/buyer/quotes/{number}/invoice", bind(&B::api_invoice)).access = buyer;
}

}  // namespace brilliant::b2b
