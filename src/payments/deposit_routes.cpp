// Bank deposits on the operator's page and in the JSON API:
//   GET  /operator/deposits                       the open deposits by match, decisions, the upload
//   POST /operator/deposits/import                a statement pasted or read as CSV text
//   POST /operator/deposits/confirm-certain       every certain match paid at once
//   POST /operator/deposits/{id}/confirm          order=BR-...: the order paid by this deposit
//   POST /operator/deposits/{id}/set-aside        note=...: a deposit that pays no order
//   GET  /api/v1/operator/deposits                the same board as JSON
//   POST /api/v1/operator/deposits/statements     the statement file as the body (CSV or XLSX; ?name=)
//   POST /api/v1/operator/deposits/confirm-certain, /api/v1/operator/deposits/{id}/confirmation {order},
//   POST /api/v1/operator/deposits/{id}/set-aside {note}
#include <boost/json.hpp>

#include "core/text.hpp"
#include "orders/order_views.hpp"
#include "payments/deposit_views.hpp"
#include "payments/routes.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::payments {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class DepositRoutes {
 public:
  explicit DepositRoutes(Deps& d) : deposits(d.deposits), r(d.renderer) {}

  Messages messages(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return r.message(locale, key); };
  }
  json::object board(const Request& req) { return board_json(deposits.board(), req.locale, messages(req)); }
  std::string here(const Request& req) const { return req.locale_prefix() + "/operator/deposits"; }

  json::object page_model(const Request& req) {
    auto m = board(req);
    m["title"] = r.message(req.locale, "deposits.title");
    m["noindex"] = true;
    m["has_decided"] = !m.at("decided").as_array().empty();
    const auto q = req.query_params();
    if (q.has("paid")) m["paid_note"] = q.get("paid");
    if (q.has("imported")) m["imported_note"] = true;
    return m;
  }
  Response page(Request& req) { return r.page_response(req, "operator/deposits", page_model(req)); }

  Response page_error(const Request& req, Error e, bool keep_field) {
    if (!keep_field) e.field.clear();  // said above the lists
    return r.page_with_error(req, "operator/deposits", page_model(req), e);
  }

  Response import_form(Request& req) {
    auto imported = deposits.import(req.form().get("csv"), "pasted.csv", req.user->user_id);
    if (!imported) {
      Error e = imported.error();
      e.field = "csv";
      return page_error(req, e, true);
    }
    auto m = page_model(req);
    m["imported"] = import_json(*imported);
    return r.page_response(req, "operator/deposits", std::move(m));
  }

  Response confirm_certain_form(Request& req) {
    const int paid = deposits.confirm_certain(req.user->user_id);
    return Response::redirect(here(req) + "?paid=" + std::to_string(paid));
  }

  Response confirm_form(Request& req) {
    const auto done = deposits.confirm(web::parse_id(req.param("id")),
                                       std::string(trim(req.form().get("order"))), req.user->user_id);
    if (!done) return page_error(req, done.error(), false);
    return Response::redirect(here(req) + "?paid=1");
  }

  Response set_aside_form(Request& req) {
    const auto done =
        deposits.set_aside(web::parse_id(req.param("id")), req.form().get("note"), req.user->user_id);
    if (!done) return page_error(req, done.error(), false);
    return Response::redirect(here(req));
  }

  Response api_board(Request& req) { return Response::json(json::serialize(board(req))); }

  Result<Response> api_import(Request& req) {
    const auto name = req.query_params().get("name");
    const auto imported =
        TRY(deposits.import(req.body, name.empty() ? "statement" : name, req.user->user_id));
    return Response::json(json::serialize(import_json(imported)), 201);
  }

  Response api_confirm_certain(Request& req) {
    const int paid = deposits.confirm_certain(req.user->user_id);
    return Response::json(json::serialize(json::object{{"paid", paid}, {"board", board(req)}}));
  }

  Result<Response> api_confirm(Request& req) {
    const long long id = web::parse_id(req.param("id"));
    if (id <= 0) return Error::not_found("deposit");
    auto body = TRY(web::parse_json_object(req.body));
    const auto number = TRY(web::json_string(body, "order"));
    if (number.empty()) return Error::invalid("order", "order_required", "name the order this deposit pays");
    const auto paid = TRY(deposits.confirm(id, number, req.user->user_id));
    return Response::json(
        json::serialize(json::object{{"order", paid.number}, {"status", orders::to_string(paid.status)}}));
  }

  Result<Response> api_set_aside(Request& req) {
    const long long id = web::parse_id(req.param("id"));
    if (id <= 0) return Error::not_found("deposit");
    auto body = TRY(web::parse_json_object(req.body));
    const auto note = TRY(web::json_string(body, "note"));
    const auto done = TRY(deposits.set_aside(id, note, req.user->user_id));
    return Response::json(json::serialize(deposit_json(done, req.locale, messages(req))));
  }

 private:
  Deposits& deposits;
  const web::Renderer& r;
};

}  // namespace

void add_deposit_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<DepositRoutes>(deps), deps.renderer);
  const auto op = web::require(web::Role::operator_);
  router.get("/operator/deposits", bind(&DepositRoutes::page)).access = op;
  router.post("/operator/deposits/import", bind(&DepositRoutes::import_form)).access = op;
  router.post("/operator/deposits/confirm-certain", bind(&DepositRoutes::confirm_certain_form)).access = op;
  router.post("/operator/deposits/{id}/confirm", bind(&DepositRoutes::confirm_form)).access = op;
  router.post("/operator/deposits/{id}/set-aside", bind(&DepositRoutes::set_aside_form)).access = op;
  router.get("/api/v1/operator/deposits", bind(&DepositRoutes::api_board)).access = op;
  router.post("/api/v1/operator/deposits/statements", bind(&DepositRoutes::api_import)).access = op;
  router.post("/api/v1/operator/deposits/confirm-certain", bind(&DepositRoutes::api_confirm_certain)).access =
      op;
  router.post("/api/v1/operator/deposits/{id}/confirmation", bind(&DepositRoutes::api_confirm)).access = op;
  router.post("/api/v1/operator/deposits/{id}/set-aside", bind(&DepositRoutes::api_set_aside)).access = op;
}

}  // namespace brilliant::payments
