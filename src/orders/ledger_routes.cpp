// The workshops' ledger and payouts on pages and in the JSON API:
//   GET /console/ledger, GET /api/v1/console/ledger                 a workshop's entries and statements
//   GET /operator/payouts, POST /operator/payouts/{month}/close, POST /operator/payouts/{month}/paid,
//   GET /operator/payouts/{month}/payouts.csv, GET /operator/payouts/{month}/tax-invoices.csv,
//   POST /operator/payouts/adjustments; GET /api/v1/operator/payouts, POST
//   /api/v1/operator/payouts/{month}/close, POST /api/v1/operator/payouts/{month}/paid, POST
//   /api/v1/operator/ledger/adjustments
// ?month=YYYY-MM (Seoul), the month before this one by default for payouts, this month for the ledger.
#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "orders/ledger.hpp"
#include "orders/routes.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::orders {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class LedgerRoutes {
 public:
  explicit LedgerRoutes(Deps deps) : d_(std::move(deps)), ledger(*d_.ledger) {}

  std::string t(const Request& req, const std::string& key) const {
    return d_.renderer.message(req.locale, key);
  }
  std::string this_month() const { return format_seoul(d_.clock.now()).substr(0, 7); }
  // ?month= as asked (refused naming the field when it is not YYYY-MM), or the default.
  Result<std::string> month_of(const Request& req, int default_shift) const {
    auto m = req.query_params().get("month");
    if (m.empty()) return shift_month(this_month(), default_shift);
    TRY(month_bounds(m));
    return m;
  }
  std::string won(const Request& req, long long amount) const {
    return catalog::format_won(amount, req.locale);
  }

  json::object entry_json(const Request& req, const LedgerEntry& e) const {
    return {{"id", e.id},
            {"kind", e.kind},
            {"kind_text", t(req, "ledger.kind." + e.kind)},
            {"amount", e.amount},
            {"amount_text", won(req, e.amount)},
            {"credit", e.amount > 0},
            {"order", e.order_number},
            {"rate_bp", e.rate_bp},
            {"memo", e.memo},
            {"actor", e.actor},
            {"at", format_seoul(e.created_at)}};
  }

  json::object statement_json(const Request& req, const PayoutStatement& s) const {
    const bool en = req.locale == "en";
    return {{"workshop_id", s.workshop_id},
            {"workshop", in_language(en, s.workshop_ko, s.workshop_en)},
            {"workshop_slug", s.workshop_slug},
            {"sales", s.sales},
            {"sales_text", won(req, s.sales)},
            {"commission", s.commission},
            {"commission_text", won(req, s.commission)},
            {"shipping", s.shipping},
            {"shipping_text", won(req, s.shipping)},
            {"other", s.other},
            {"other_text", won(req, s.other)},
            {"payout", s.payout},
            {"payout_text", won(req, s.payout)},
            {"entries", s.entries},
            {"has_account", !s.bank_account.empty()}};
  }

  json::object period_json(const Request& req, const PayoutPeriod& p) const {
    json::array statements;
    for (const auto& s : p.statements) statements.push_back(statement_json(req, s));
    json::object out{{"month", p.month},
                     {"closed_at", format_seoul(p.closed_at)},
                     {"closed_by", p.closed_by},
                     {"total", p.total},
                     {"total_text", won(req, p.total)},
                     {"paid", !p.paid_at.empty()},
                     {"statements", std::move(statements)}};
    if (!p.paid_at.empty()) out["paid_at"] = format_seoul(p.paid_at);
    return out;
  }

  // --- the workshop ---
  Result<json::object> console_model(const Request& req) {
    const auto month = TRY(month_of(req, 0));
    const long long w = req.user->workshop_id;
    auto open = TRY(ledger.open_statements(month, w));
    json::array entries;
    for (const auto& e : ledger.entries(w, month)) entries.push_back(entry_json(req, e));
    json::array closed;
    for (const auto& p : ledger.periods(w)) closed.push_back(period_json(req, p));
    json::object m{{"title", t(req, "ledger.title")},
                   {"noindex", true},
                   {"month", month},
                   {"previous_month", shift_month(month, -1)},
                   {"next_month", shift_month(month, 1)},
                   {"has_next", shift_month(month, 1) <= this_month()},
                   {"entries", std::move(entries)},
                   {"periods", std::move(closed)}};
    m["has_entries"] = !m["entries"].as_array().empty();
    m["has_periods"] = !m["periods"].as_array().empty();
    if (!open.empty()) m["statement"] = statement_json(req, open.front());
    return m;
  }
  Result<Response> console_page(Request& req) {
    return d_.renderer.page_response(req, "vendors/console_ledger", TRY(console_model(req)));
  }
  Result<Response> api_console(Request& req) { return web::page_model_json(TRY(console_model(req))); }

  // --- the operator ---
  Result<json::object> operator_model(const Request& req) {
    const auto month = TRY(month_of(req, -1));
    json::object m{{"title", t(req, "ledger.payouts_title")},
                   {"noindex", true},
                   {"month", month},
                   {"previous_month", shift_month(month, -1)},
                   {"next_month", shift_month(month, 1)},
                   {"has_next", shift_month(month, 1) <= this_month()}};
    if (auto p = ledger.period(month)) {
      m["period"] = period_json(req, *p);
    } else {
      json::array open;
      for (const auto& s : TRY(ledger.open_statements(month))) open.push_back(statement_json(req, s));
      m["open"] = std::move(open);
      m["can_close"] = format_utc(d_.clock.now()) >= TRY(month_bounds(month)).second;
    }
    json::array periods;
    for (const auto& p : ledger.periods())
      periods.push_back(
          json::object{{"month", p.month}, {"total_text", won(req, p.total)}, {"paid", !p.paid_at.empty()}});
    m["periods"] = std::move(periods);
    return m;
  }
  // The page's model with its adjustment form: the workshop named from a list (the API takes the code),
  // and what was typed into a refused form.
  Result<json::object> operator_view(const Request& req, const web::Form* typed = nullptr) {
    auto m = TRY(operator_model(req));
    const std::string chosen = typed ? typed->get("workshop") : "";
    json::array workshops;
    const bool en = req.locale == "en";
    for (const auto& w : d_.catalog.snapshot()->workshops)
      workshops.push_back(json::object{
          {"slug", w.slug}, {"name", in_language(en, w.name_ko, w.name_en)}, {"selected", w.slug == chosen}});
    m["workshops"] = std::move(workshops);
    if (typed) m["adjust"] = json::object{{"amount", typed->get("amount")}, {"memo", typed->get("memo")}};
    return m;
  }
  Result<Response> operator_page(Request& req) {
    auto m = TRY(operator_view(req));
    if (req.query_params().get("done") == "1") m["done"] = true;
    return d_.renderer.page_response(req, "operator/payouts", std::move(m));
  }
  Result<Response> api_operator(Request& req) { return web::page_model_json(TRY(operator_model(req))); }

  std::string month_param(const Request& req) const { return std::string(req.param("month")); }
  Response back(const Request& req, const std::string& month) {
    return Response::redirect(req.locale_prefix() + "/operator/payouts?month=" + month + "&done=1");
  }

  Result<Response> close_form(Request& req) {
    TRY(ledger.close(month_param(req), req.user->user_id));
    return back(req, month_param(req));
  }
  Result<Response> api_close(Request& req) {
    bool already = false;
    const auto p = TRY(ledger.close(month_param(req), req.user->user_id, &already));
    auto out = period_json(req, p);
    out["already_closed"] = already;
    return Response::json(json::serialize(out), already ? 200 : 201);
  }
  Result<Response> paid_form(Request& req) {
    TRY(ledger.mark_paid(month_param(req), req.user->user_id));
    return back(req, month_param(req));
  }
  Result<Response> api_paid(Request& req) {
    return Response::json(
        json::serialize(period_json(req, TRY(ledger.mark_paid(month_param(req), req.user->user_id)))));
  }

  Result<Response> csv(const Request& req, bool payouts) {
    const auto month = month_param(req);
    TRY(month_bounds(month));
    auto p = ledger.period(month);
    if (!p) return Error::conflict("month", "period_open", month + " is not closed yet: close it first");
    auto response = Response::text("\xEF\xBB\xBF" + (payouts ? payout_csv(*p) : tax_invoice_csv(*p)), 200,
                                   "text/csv; charset=utf-8");
    response.set("Content-Disposition", std::string("attachment; filename=\"brilliant-") +
                                            (payouts ? "payouts-" : "tax-invoices-") + month + ".csv\"");
    return response;
  }
  Result<Response> payouts_csv(Request& req) { return csv(req, true); }
  Result<Response> invoices_csv(Request& req) { return csv(req, false); }

  Result<Response> adjust_form(Request& req) {
    const auto f = req.form();
    auto adjusted = [&]() -> Result<LedgerEntry> {
      const auto workshop = d_.catalog.workshop(f.get("workshop"));
      if (!workshop) return Error::invalid("workshop", "workshop_unknown", "choose the workshop");
      // A debit is typed with a minus sign; "30,000" as people write sums is 30000.
      std::string typed = f.get("amount");
      std::erase_if(typed, [](char c) { return c == ',' || c == ' '; });
      const bool debit = !typed.empty() && typed.front() == '-';
      const long long amount = web::parse_id(debit ? typed.substr(1) : typed);
      return ledger.adjust(workshop->id, debit ? -amount : amount, f.get("memo"), req.user->user_id);
    }();
    if (!adjusted)  // the page again, with what was typed and the reason beside its field
      return d_.renderer.page_with_error(req, "operator/payouts", TRY(operator_view(req, &f)),
                                         adjusted.error());
    return Response::redirect(req.locale_prefix() + "/operator/payouts?month=" + this_month() + "&done=1");
  }
  Result<Response> api_adjust(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    const auto slug = TRY(web::json_string(body, "workshop"));
    const auto memo = TRY(web::json_string(body, "memo"));
    const auto* amount = body.if_contains("amount");
    if (!amount || !amount->is_int64())
      return Error::invalid("amount", "number_invalid",
                            "amount must be a whole number of won (negative: a debit)");
    const auto workshop = d_.catalog.workshop(slug);
    if (!workshop) return Error::invalid("workshop", "workshop_unknown", "no workshop has this code");
    const auto e = TRY(ledger.adjust(workshop->id, amount->as_int64(), memo, req.user->user_id));
    return Response::json(json::serialize(entry_json(req, e)), 201);
  }

 private:
  Deps d_;
  Ledger& ledger;
};

}  // namespace

void add_ledger_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<LedgerRoutes>(deps), deps.renderer);
  const auto vendor = web::require(web::Role::vendor_staff);
  const auto op = web::require(web::Role::operator_);
  router.get("/console/ledger", bind(&LedgerRoutes::console_page)).access = vendor;
  router.get("/api/v1/console/ledger", bind(&LedgerRoutes::api_console)).access = vendor;
  router.get("/operator/payouts", bind(&LedgerRoutes::operator_page)).access = op;
  router.post("/operator/payouts/{month}/close", bind(&LedgerRoutes::close_form)).access = op;
  router.post("/operator/payouts/{month}/paid", bind(&LedgerRoutes::paid_form)).access = op;
  router.get("/operator/payouts/{month}/payouts.csv", bind(&LedgerRoutes::payouts_csv)).access = op;
  router.get("/operator/payouts/{month}/tax-invoices.csv", bind(&LedgerRoutes::invoices_csv)).access = op;
  router.post("/operator/payouts/adjustments", bind(&LedgerRoutes::adjust_form)).access = op;
  router.get("/api/v1/operator/payouts", bind(&LedgerRoutes::api_operator)).access = op;
  router.post("/api/v1/operator/payouts/{month}/close", bind(&LedgerRoutes::api_close)).access = op;
  router.post("/api/v1/operator/payouts/{month}/paid", bind(&LedgerRoutes::api_paid)).access = op;
  router.post("/api/v1/operator/ledger/adjustments", bind(&LedgerRoutes::api_adjust)).access = op;
}

}  // namespace brilliant::orders
