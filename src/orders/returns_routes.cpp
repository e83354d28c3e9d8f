// Returns and exchanges on pages and in the JSON API:
//   the shopper:  GET|POST /orders/{number}/return, POST /orders/{number}/returns/{id}/shipment;
//                 GET|POST /api/v1/orders/{number}/returns, POST
//                 /api/v1/orders/{number}/returns/{id}/shipment, POST
//                 /api/v1/orders/{number}/returns/{id}/photos (the photo as the body); GET
//                 /orders/{number}/returns/{id}/photos/{photo} (also the workshop's staff and the operator)
//   a workshop:   GET /console/returns, POST /console/returns/{id}/decision; GET /api/v1/console/returns,
//                 POST /api/v1/console/returns/{id}/decision
//   the operator: GET /operator/returns, POST /operator/returns/{id}/decision, POST
//   /operator/returns/{id}/refund,
//                 GET /operator/returns/refunds.csv; GET /api/v1/operator/returns,
//                 POST /api/v1/operator/returns/{id}/decision, POST /api/v1/operator/returns/{id}/refund
// A decision is approve | reject | receive (accepted on inspection) | decline (failed inspection), with a
// note.
#include <boost/json.hpp>

#include <array>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "orders/returns.hpp"
#include "orders/returns_rules.hpp"
#include "orders/routes.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::orders {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// Article 18(2): a refund owed past its due day (or made after it) and the interest the shopper is owed.
void add_lateness(json::object& o, const OrderReturn& x, const std::string& locale,
                  const catalog::Messages& t, TimePoint now) {
  const bool owed = x.status == "received", made = x.status == "refunded";
  if (!owed && !made) return;
  const long long late = days_late(x.refund_due, owed ? format_utc(now) : x.refunded_at);
  if (late <= 0) return;
  const long long interest = delay_interest(x.refund_amount, late);
  o["days_late"] = late;
  o["delay_interest"] = interest;
  o["late_text"] = catalog::fill(t(owed ? "returns.late_owed" : "returns.late_made"),
                                 {{"days", std::to_string(late)},
                                  {"due", x.refund_due},
                                  {"interest", catalog::format_won(interest, locale)},
                                  {"rate", std::to_string(delay_interest_percent_a_year)}});
  if (!made) return;
  // How the interest reaches the shopper: with a transfer refund, to a virtual account's refund account,
  // or, for a card, to the account the shopper gives (asked for until then).
  // Once transferred, it says so, and a card's account can no longer change.
  const bool ask = x.refund_method == "card" && x.refund_account.empty(), paid = !x.transferred_at.empty();
  o["needs_interest_account"] = ask;
  if (x.refund_method == "card" && !ask && !paid) o["interest_account_given"] = true;  // may be given again
  const std::string how = paid                        ? "paid"
                          : x.refund_method != "card" ? x.refund_method
                          : ask                       ? "card_ask"
                                                      : "card_given";
  o["interest_text"] = t("returns.interest_how." + how);          // to the shopper
  o["interest_staff_text"] = t("returns.interest_staff." + how);  // to the hub and the workshop
}

}  // namespace

json::object return_json(const OrderReturn& x, const std::string& locale, const catalog::Messages& t,
                         TimePoint now, const Order* order) {
  const bool en = locale == "en";
  json::object o{{"id", x.id},
                 {"order", x.order_number},
                 {"workshop", in_language(en, x.workshop_ko, x.workshop_en)},
                 {"kind", x.kind},
                 {"kind_text", t("returns.kind." + x.kind)},
                 {"reason", x.reason},
                 {"reason_text", t("returns.reason." + x.reason)},
                 {"status", x.status},
                 {"status_text", t("returns.status." + x.status)},
                 {"shipping_payer", x.shipping_payer},
                 {"payer_text", t("returns.payer." + x.shipping_payer)},
                 {"deadline", x.deadline.substr(0, 10)},  // the last Seoul day
                 {"refund_amount", x.refund_amount},
                 {"has_refund", x.refund_amount > 0},
                 {"refund_text", catalog::format_won(x.refund_amount, locale)},
                 {"refund_method", x.refund_method},
                 {"requested_at", format_seoul(x.created_at)},
                 {"lines", json::array(x.line_ids.begin(), x.line_ids.end())}};
  // Absent rather than "" (a section over "" still shows).
  for (auto [key, value] : {std::pair{"details", &x.details},
                            {"exchange_note", &x.exchange_note},
                            {"note", &x.note},
                            {"refund_due", &x.refund_due}})
    if (!value->empty()) o[key] = *value;
  if (x.exchange_variant_id) {
    o["exchange_variant_id"] = x.exchange_variant_id;
    o["size_held"] = x.exchange_units > 0;
  }
  if (x.replacement_id) o["replacement_parcel"] = x.replacement_id;
  if (!x.tracking.empty())
    o["shipment"] = json::object{
        {"carrier", x.carrier}, {"carrier_text", t("orders.carrier." + x.carrier)}, {"tracking", x.tracking}};
  for (const char* s : {"requested", "approved", "shipped_back", "received"})
    o[std::string("is_") + s] = x.status == s;
  json::array photos;  // a guest's pages add the order's key to these addresses
  for (auto p : x.photo_ids)
    photos.push_back(json::object{{"id", p},
                                  {"url", "/orders/" + x.order_number + "/returns/" + std::to_string(x.id) +
                                              "/photos/" + std::to_string(p)}});
  o["has_photos"] = !photos.empty();
  o["can_add_photos"] =
      (x.status == "requested" || x.status == "approved") && x.photo_ids.size() < max_return_photos;
  o["photos"] = std::move(photos);
  add_lateness(o, x, locale, t, now);
  if (!x.transferred_at.empty()) o["transferred_at"] = format_seoul(x.transferred_at);
  // A transfer refund made on the hub's side, its money not yet sent by the bank: refunded, not yet paid.
  if (x.status == "refunded" && x.refund_method == "transfer" && x.transferred_at.empty()) {
    o["awaiting_transfer"] = true;
    o["status_text"] = t("returns.status.awaiting_transfer");
  }
  // A bank transfer's refund owed late is paid with its interest (the refund file): the operator's button
  // says the sum that leaves.
  if (order && o.contains("delay_interest") && x.status == "received" &&
      order->payment_method == "bank_transfer")
    o["refund_total_text"] = catalog::format_won(x.refund_amount + o.at("delay_interest").as_int64(), locale);
  if (order) {
    json::array titles;
    for (const auto& l : order->lines)
      if (std::find(x.line_ids.begin(), x.line_ids.end(), l.id) != x.line_ids.end())
        titles.push_back(json::string(en ? l.title_en : l.title_ko));
    o["titles"] = std::move(titles);
  }
  return o;
}

namespace {

class ReturnsRoutes {
 public:
  explicit ReturnsRoutes(Deps deps) : d_(std::move(deps)), returns(*d_.returns) {}

  std::string t(const Request& req, const std::string& key) const {
    return d_.renderer.message(req.locale, key);
  }

  json::object return_json(const Request& req, const OrderReturn& x, const Order* order = nullptr) const {
    return orders::return_json(x, req.locale, messages(req), d_.clock.now(), order);
  }
  catalog::Messages messages(const Request& req) const {
    return [this, locale = req.locale](const std::string& key) { return d_.renderer.message(locale, key); };
  }
  json::array returns_json(const Request& req, const std::vector<OrderReturn>& list) const {
    json::array out;
    for (const auto& x : list) {
      const auto order = d_.orders.find(x.order_number);
      auto o = return_json(req, x, order ? &*order : nullptr);
      if (order) add_studio_check(req, x, *order, o);
      out.push_back(std::move(o));
    }
    return out;
  }
  // The returns station's comparison of the returned pieces with their packing photos, when the studio
  // received them: what the workshop and the operator inspect with.
  void add_studio_check(const Request& req, const OrderReturn& x, const Order& order, json::object& o) const {
    if (!d_.studio_inspections) return;
    std::vector<std::string> skus;
    for (const auto& l : order.lines)
      if (std::find(x.line_ids.begin(), x.line_ids.end(), l.id) != x.line_ids.end()) skus.push_back(l.sku);
    auto checks = d_.studio_inspections(order.number, skus, req.locale);
    o["has_studio_check"] = !checks.empty();
    o["studio_check"] = std::move(checks);
  }

  // --- the shopper ---
  Result<Order> shoppers_order(const Request& req) {
    auto order = d_.orders.visible(std::string(req.param("number")), req.user ? req.user->user_id : 0, false,
                                   guest_key(req));
    if (!order || !is_shopper(req, *order)) return Error::not_found("order");
    return *order;
  }

  // The sizes a line may be exchanged for, for the form's choice (sold-out ones shown, disabled).
  json::array sizes_json(const Request& req, const OrderLine& line, long long selected = 0) {
    json::array out;
    for (const auto& s : d_.orders.sizes_for(line))
      out.push_back(json::object{{"id", s.variant_id},
                                 {"label", in_language(req.locale == "en", s.label_ko, s.label_en)},
                                 {"available", s.available},
                                 {"current", s.current},
                                 {"selected", s.variant_id == selected}});
    return out;
  }

  // The form, with the choices sent kept when it comes back with an error (`sent`; what was typed is in
  // `typed`, from page_with_error), and each reason offered only while some piece may still be returned
  // for it (the rule `returns.request` applies).
  json::object form_model(const Request& req, const Order& order, const web::Form& sent = {}) {
    const bool en = req.locale == "en";
    const auto now = d_.clock.now();
    const auto chosen = sent.all("lines");
    const auto picked = [&](long long id) {
      return std::find(chosen.begin(), chosen.end(), std::to_string(id)) != chosen.end();
    };
    std::vector<long long> finished;  // lines already returned or exchanged, or on their way
    for (const auto& x : returns.of_order(order.id))
      if (x.status != "rejected" && x.status != "declined")
        finished.insert(finished.end(), x.line_ids.begin(), x.line_ids.end());
    constexpr std::array all_reasons = {ReturnReason::change_of_mind, ReturnReason::wrong_size,
                                        ReturnReason::defective, ReturnReason::not_as_described,
                                        ReturnReason::wrong_item};
    std::array<bool, all_reasons.size()> open{};
    json::array lines;
    for (const auto& f : order.fulfilments) {
      if (f.delivered_at.empty()) continue;
      for (const auto& l : order.lines) {
        if (l.fulfilment_id != f.id || std::find(finished.begin(), finished.end(), l.id) != finished.end())
          continue;
        for (size_t i = 0; i < all_reasons.size(); ++i)
          open[i] = open[i] || may_return(f.delivered_at, all_reasons[i], l.final_sale, now).ok();
        auto sizes = sizes_json(req, l, web::parse_id(sent.get("exchange_variant_id")));
        const bool has_sizes = !sizes.empty();
        lines.push_back(json::object{
            {"id", l.id},
            {"title", in_language(en, l.title_ko, l.title_en)},
            {"variant", in_language(en, l.variant_ko, l.variant_en)},
            {"total_text", catalog::format_won(paid_line(order, l).line_total, req.locale)},
            {"final_sale", l.final_sale},
            {"workshop", in_language(en, f.workshop_ko, f.workshop_en)},
            {"choice_deadline", return_deadline(f.delivered_at, ReturnReason::change_of_mind).substr(0, 10)},
            {"choice_closed", !may_return(f.delivered_at, ReturnReason::change_of_mind, false, now).ok()},
            {"fault_deadline", return_deadline(f.delivered_at, ReturnReason::defective).substr(0, 10)},
            {"checked", picked(l.id)},
            {"sizes", std::move(sizes)},
            {"has_sizes", has_sizes}});
      }
    }
    json::array reasons;
    for (size_t i = 0; i < all_reasons.size(); ++i) {
      const std::string value(name_of(all_reasons[i]));
      reasons.push_back(json::object{{"value", value},
                                     {"text", t(req, "returns.reason." + value)},
                                     {"sellers_fault", sellers_fault(all_reasons[i])},
                                     {"checked", sent.get("reason") == value},
                                     {"closed", !open[i]}});
    }
    json::object m{{"title", t(req, "returns.title")},
                   {"noindex", true},
                   {"number", order.number},
                   {"lines", std::move(lines)},
                   {"reasons", std::move(reasons)},
                   {"choice_closed", !open[0]},
                   {"exchange", sent.get("kind") == "exchange"},
                   {"needs_account", order.payment_method != "card"},
                   {"return_fee_text", catalog::format_won(return_shipping_fee, req.locale)}};
    m["has_lines"] = !m["lines"].as_array().empty();
    if (!order.guest_key.empty()) m["key"] = order.guest_key;
    return m;
  }

  Result<Response> form_page(Request& req) {
    const auto order = TRY(shoppers_order(req));
    return d_.renderer.page_response(req, "store/return", form_model(req, order));
  }

  static ReturnRequest request_from_form(const web::Form& f) {
    ReturnRequest r;
    for (const auto& v : f.all("lines")) r.line_ids.push_back(web::parse_id(v));
    r.kind = f.get("kind").empty() ? "return" : f.get("kind");
    r.reason = f.get("reason");
    r.details = f.get("details");
    r.exchange_variant_id = web::parse_id(f.get("exchange_variant_id"));
    r.refund_account = f.get("refund_account");
    return r;
  }

  Result<Response> request_form(Request& req) {
    const auto order = TRY(shoppers_order(req));
    const auto f = req.form();
    auto made = returns.request(order, request_from_form(f), order.user_id);
    if (!made)
      return d_.renderer.page_with_error(req, "store/return", form_model(req, order, f), made.error());
    return Response::redirect(order_url(req, order, "return_requested=1"));
  }

  Result<Response> ship_form(Request& req) {
    const auto order = TRY(shoppers_order(req));
    const auto x = returns.find(req.param_id("id"));
    if (!x || x->order_id != order.id) return Error::not_found("return");
    const auto f = req.form();
    TRY(returns.ship_back(x->id, f.get("carrier"), f.get("tracking"), order.user_id));
    return Response::redirect(order_url(req, order));
  }

  // The account a late card refund's delay interest goes to.
  Result<OrderReturn> interest_account(Request& req, const Order& order, const std::string& account) {
    const auto x = returns.find(req.param_id("id"));
    if (!x || x->order_id != order.id) return Error::not_found("return");
    return returns.give_interest_account(x->id, account, req.user ? req.user->user_id : order.user_id);
  }
  Result<Response> interest_account_form(Request& req) {
    const auto order = TRY(shoppers_order(req));
    TRY(interest_account(req, order, req.form().get("refund_account")));
    return Response::redirect(order_url(req, order, "interest_account=1"));
  }
  Result<Response> api_interest_account(Request& req) {
    const auto order = TRY(shoppers_order(req));
    auto body = TRY(web::parse_json_object(req.body));
    const auto done = TRY(interest_account(req, order, TRY(web::json_string(body, "refund_account"))));
    return Response::json(json::serialize(return_json(req, done, &order)));
  }

  Result<Response> api_list(Request& req) {
    const auto order = TRY(shoppers_order(req));
    return Response::json(
        json::serialize(json::object{{"returns", returns_json(req, returns.of_order(order.id))}}));
  }

  Result<Response> api_request(Request& req) {
    const auto order = TRY(shoppers_order(req));
    auto body = TRY(web::parse_json_object(req.body));
    ReturnRequest r;
    const auto* lines = body.if_contains("lines");
    if (!lines || !lines->is_array())
      return Error::invalid("lines", "lines_required", "lines: the order line ids to send back");
    for (const auto& l : lines->as_array()) r.line_ids.push_back(l.is_int64() ? l.as_int64() : 0);
    r.reason = TRY(web::json_string(body, "reason"));
    if (body.contains("kind")) r.kind = TRY(web::json_string(body, "kind"));
    for (auto [field, target] : {std::pair{"details", &r.details}, {"refund_account", &r.refund_account}})
      if (body.contains(field)) *target = TRY(web::json_string(body, field));
    if (const auto* v = body.if_contains("exchange_variant_id")) {
      if (!v->is_int64())
        return Error::invalid("exchange_variant_id", "number_invalid",
                              "exchange_variant_id is a variant's id");
      r.exchange_variant_id = v->as_int64();
    }
    const auto made = TRY(returns.request(order, r, req.user->user_id));
    return Response::json(json::serialize(return_json(req, made, &order)), 201);
  }

  Result<Response> api_ship(Request& req) {
    const auto order = TRY(shoppers_order(req));
    const auto x = returns.find(req.param_id("id"));
    if (!x || x->order_id != order.id) return Error::not_found("return");
    auto body = TRY(web::parse_json_object(req.body));
    const auto carrier = TRY(web::json_string(body, "carrier"));
    const auto tracking = TRY(web::json_string(body, "tracking"));
    const auto shipped = TRY(returns.ship_back(x->id, carrier, tracking, req.user->user_id));
    return Response::json(json::serialize(return_json(req, shipped, &order)));
  }

  Result<Response> api_photo(Request& req) {
    const auto order = TRY(shoppers_order(req));
    const auto x = returns.find(req.param_id("id"));
    if (!x || x->order_id != order.id) return Error::not_found("return");
    const auto photo = TRY(returns.add_photo(x->id, req.body, req.user ? req.user->user_id : 0));
    return Response::json(
        json::serialize(json::object{{"id", photo},
                                     {"url", "/orders/" + order.number + "/returns/" + std::to_string(x->id) +
                                                 "/photos/" + std::to_string(photo)}}),
        201);
  }

  // A return photo's preview for the shopper (a guest with the key), the return's workshop or the operator.
  Result<Response> photo(Request& req) {
    const auto x = returns.find(req.param_id("id"));
    if (!x || x->order_number != req.param("number")) return Error::not_found("photo");
    const bool staff =
        req.user && (req.user->has(web::Role::operator_) ||
                     (req.user->has(web::Role::vendor_staff) && req.user->workshop_id == x->workshop_id));
    if (!staff) TRY(shoppers_order(req));
    auto png = returns.photo_preview(x->id, req.param_id("photo"));
    if (!png) return Error::not_found("photo");
    return web::private_file(std::move(*png), "image/png");
  }

  // --- workshops and the operator ---
  long long scope(const Request& req) const {
    return req.user->has(web::Role::operator_) ? 0 : req.user->workshop_id;
  }
  Result<OrderReturn> decide(const Request& req, const std::string& action, const std::string& note) {
    const long long id = req.param_id("id");
    if (action == "approve") return returns.approve(id, scope(req), note, req.user->user_id);
    if (action == "reject") return returns.reject(id, scope(req), note, req.user->user_id);
    if (action == "receive") return returns.receive(id, scope(req), true, note, req.user->user_id);
    if (action == "decline") return returns.receive(id, scope(req), false, note, req.user->user_id);
    return Error::invalid("action", "choice_invalid", "action must be approve, reject, receive or decline");
  }

  json::object list_model(const Request& req) {
    auto list = returns.of_workshop(scope(req));
    if (scope(req) == 0)  // the operator: the refunds to make first, the one due soonest (or late) first
      std::stable_sort(list.begin(), list.end(), [](const OrderReturn& a, const OrderReturn& b) {
        const bool owed_a = a.status == "received", owed_b = b.status == "received";
        return owed_a != owed_b ? owed_a : owed_a && a.refund_due < b.refund_due;
      });
    json::object m{{"title", t(req, "returns.list_title")},
                   {"noindex", true},
                   {"returns", returns_json(req, list)},
                   {"is_operator", req.user->has(web::Role::operator_)}};
    m["has_returns"] = !m["returns"].as_array().empty();
    if (scope(req) == 0) {  // the refund file's transfers still to make, and how many were just marked
      for (auto& [k, v] : transfers_json(returns, req.locale, messages(req))) m[k] = v;
      if (const auto marked = req.query_params().get("transferred"); !marked.empty())
        m["transferred_now"] = catalog::fill(t(req, "returns.transferred_now"),
                                             {{"count", std::to_string(web::parse_id(marked))}});
    }
    return m;
  }
  Response console_page(Request& req) {
    return d_.renderer.page_response(req, "vendors/console_returns", list_model(req));
  }
  Response operator_page(Request& req) {
    return d_.renderer.page_response(req, "operator/returns", list_model(req));
  }
  Response api_list_all(Request& req) { return web::page_model_json(list_model(req)); }

  std::string list_url(const Request& req) const {
    return req.locale_prefix() +
           (req.user->has(web::Role::operator_) ? "/operator/returns" : "/console/returns");
  }
  Response decision_form(Request& req) {
    const auto f = req.form();
    auto done = decide(req, f.get("action"), f.get("note"));
    if (!done) {
      Error above = done.error();
      above.field.clear();
      return d_.renderer.page_with_error(
          req, req.user->has(web::Role::operator_) ? "operator/returns" : "vendors/console_returns",
          list_model(req), above);
    }
    return Response::redirect(list_url(req) + "?done=" + std::to_string(done->id));
  }
  Result<Response> api_decision(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    const auto action = TRY(web::json_string(body, "action"));
    std::string note;
    if (body.contains("note")) note = TRY(web::json_string(body, "note"));
    const auto done = TRY(decide(req, action, note));
    return Response::json(json::serialize(return_json(req, done)));
  }
  Result<Response> refund_form(Request& req) {
    TRY(returns.refund(req.param_id("id"), req.user->user_id));
    return Response::redirect(req.locale_prefix() + "/operator/returns");
  }
  Result<Response> api_refund(Request& req) {
    const auto done = TRY(returns.refund(req.param_id("id"), req.user->user_id));
    return Response::json(json::serialize(return_json(req, done)));
  }
  Response batch_csv(Request&) {
    auto response =
        Response::text("\xEF\xBB\xBF" + returns.transfer_batch_csv(), 200, "text/csv; charset=utf-8");
    response.set("Content-Disposition", "attachment; filename=\"brilliant-return-refunds.csv\"");
    return response;
  }

 private:
  Deps d_;
  Returns& returns;
};

}  // namespace

void add_returns_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<ReturnsRoutes>(deps), deps.renderer);
  const auto login = web::Access::logged_in();
  const auto vendor = web::require(web::Role::vendor_staff);
  const auto op = web::require(web::Role::operator_);
  router.get("/orders/{number}/return", bind(&ReturnsRoutes::form_page));  // guests with their key too
  router.post("/orders/{number}/return", bind(&ReturnsRoutes::request_form));
  router.post("/orders/{number}/returns/{id}/shipment", bind(&ReturnsRoutes::ship_form));
  router.post("/orders/{number}/returns/{id}/interest-account", bind(&ReturnsRoutes::interest_account_form));
  router
      .post("/api/v1/orders/{number}/returns/{id}/interest-account",
            bind(&ReturnsRoutes::api_interest_account))
      .access = login;
  router.get("/api/v1/orders/{number}/returns", bind(&ReturnsRoutes::api_list)).access = login;
  router.post("/api/v1/orders/{number}/returns", bind(&ReturnsRoutes::api_request)).access = login;
  router.post("/api/v1/orders/{number}/returns/{id}/shipment", bind(&ReturnsRoutes::api_ship)).access = login;
  router.post("/api/v1/orders/{number}/returns/{id}/photos",
              bind(&ReturnsRoutes::api_photo));  // guests: ?key=
  router.get("/orders/{number}/returns/{id}/photos/{photo}", bind(&ReturnsRoutes::photo));
  router.get("/console/returns", bind(&ReturnsRoutes::console_page)).access = vendor;
  router.post("/console/returns/{id}/decision", bind(&ReturnsRoutes::decision_form)).access = vendor;
  router.get("/api/v1/console/returns", bind(&ReturnsRoutes::api_list_all)).access = vendor;
  router.post("/api/v1/console/returns/{id}/decision", bind(&ReturnsRoutes::api_decision)).access = vendor;
  router.get("/operator/returns", bind(&ReturnsRoutes::operator_page)).access = op;
  router.get("/operator/returns/refunds.csv", bind(&ReturnsRoutes::batch_csv)).access = op;
  router.post("/operator/returns/{id}/decision", bind(&ReturnsRoutes::decision_form)).access = op;
  router.post("/operator/returns/{id}/refund", bind(&ReturnsRoutes::refund_form)).access = op;
  router.get("/api/v1/operator/returns", bind(&ReturnsRoutes::api_list_all)).access = op;
  router.post("/api/v1/operator/returns/{id}/decision", bind(&ReturnsRoutes::api_decision)).access = op;
  router.post("/api/v1/operator/returns/{id}/refund", bind(&ReturnsRoutes::api_refund)).access = op;
}

}  // namespace brilliant::orders
