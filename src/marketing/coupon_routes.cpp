#include "marketing/coupon_routes.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::marketing {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

std::string state_of(const Coupon& c, const std::string& now) {
  if (c.paused) return "paused";
  if (now < c.starts_at) return "scheduled";
  if (!c.ends_at.empty() && now >= c.ends_at) return "ended";
  if (c.budget > 0 && c.spent >= c.budget) return "used_up";
  return "active";
}

// Won as typed in a form: digits with optional commas; "" is 0. Errors name the field.
Result<long long> won_field(const std::string& field, const std::string& raw) {
  std::string digits;
  for (char ch : trim(raw))
    if (ch != ',') digits += ch;
  if (digits.empty()) return 0LL;
  const long long n = web::parse_id(digits);
  if (n <= 0 && digits != "0")
    return Error::invalid(field, "number_invalid", field + " must be a whole number of won");
  return n;
}

Result<CouponInput> input_of(const web::Form& f) {
  CouponInput in{.code = f.get("code"),
                 .name_ko = f.get("name_ko"),
                 .name_en = f.get("name_en"),
                 .kind = f.get("kind"),
                 .categories = f.get("categories"),
                 .starts_at = f.get("starts_at"),
                 .ends_at = f.get("ends_at")};
  in.value = TRY(won_field("value", f.get("value")));
  in.max_discount = TRY(won_field("max_discount", f.get("max_discount")));
  in.min_subtotal = TRY(won_field("min_subtotal", f.get("min_subtotal")));
  in.budget = TRY(won_field("budget", f.get("budget")));
  const auto per = f.get("per_customer");
  in.per_customer = per.empty() ? 1 : static_cast<int>(TRY(won_field("per_customer", per)));
  in.automatic = f.get("automatic") == "1";
  in.first_order = f.get("first_order") == "1";
  in.workshop_bears = f.get("workshop_bears") == "1";
  in.segment_id = web::parse_id(f.get("segment_id"));
  return in;
}

Result<CouponInput> input_of(const json::object& o) {
  CouponInput in;
  in.code = TRY(web::json_string(o, "code"));
  in.name_ko = TRY(web::json_string(o, "name_ko"));
  in.name_en = TRY(web::json_string(o, "name_en"));
  in.kind = TRY(web::json_string(o, "kind"));
  in.categories = TRY(web::json_string(o, "categories"));
  in.starts_at = TRY(web::json_string(o, "starts_at"));
  in.ends_at = TRY(web::json_string(o, "ends_at"));
  in.value = TRY(web::json_int(o, "value", 0));
  in.max_discount = TRY(web::json_int(o, "max_discount", 0));
  in.min_subtotal = TRY(web::json_int(o, "min_subtotal", 0));
  in.budget = TRY(web::json_int(o, "budget", 0));
  in.per_customer = static_cast<int>(TRY(web::json_int(o, "per_customer", 1)));
  in.automatic = TRY(web::json_bool(o, "automatic", false));
  in.first_order = TRY(web::json_bool(o, "first_order", false));
  in.workshop_bears = TRY(web::json_bool(o, "workshop_bears", false));
  in.segment_id = TRY(web::json_int(o, "segment_id", 0));
  return in;
}

class CouponRoutes {
 public:
  explicit CouponRoutes(const CouponDeps& d) : coupons_(d.coupons), r_(d.renderer), clock_(d.clock) {}

  // The operator's pages and API act for the hub (workshop 0); a workshop's staff for their workshop.
  static long long owner(const Request& req) {
    return req.path.starts_with("/operator") || req.path.starts_with("/api/v1/operator")
               ? 0
               : req.user->workshop_id;
  }

  static std::string list_path(const Request& req) {
    return req.locale_prefix() + (owner(req) ? "/console/marketing/coupons" : "/operator/marketing/coupons");
  }

  json::object list_model(const Request& req) const {
    const long long w = owner(req);
    const auto rows = coupons_.list(w);
    const std::string now = format_utc(clock_.now());
    json::array list;
    for (const auto& row : rows) list.push_back(coupon_json(row, req.locale, now, messages(req.locale)));
    json::object m{{"title", r_.message(req.locale, "coupons.title")},
                   {"noindex", true},
                   {"hub", w == 0},
                   {"coupons", std::move(list)},
                   {"totals", coupon_totals_json(rows, req.locale, now)},
                   {"action", list_path(req)},
                   {"today", format_seoul(clock_.now()).substr(0, 10)}};
    m["has_coupons"] = !rows.empty();
    json::array segments;
    if (w == 0)
      for (const auto& [id, name] : coupons_.segments())
        segments.push_back(json::object{{"id", id}, {"name", name}});
    m["segments"] = std::move(segments);
    return m;
  }
  Response page(Request& req) { return r_.page_response(req, "marketing/coupons", list_model(req)); }
  Response api_list(Request& req) { return web::page_model_json(list_model(req)); }

  Response create_form(Request& req) {
    const auto form = req.form();
    auto made = [&]() -> Result<Coupon> {
      return coupons_.create(TRY(input_of(form)), owner(req), req.user->user_id);
    }();
    if (!made) {
      auto m = list_model(req);
      for (const char* field : {"code", "name_ko", "name_en", "kind", "value", "max_discount", "min_subtotal",
                                "categories", "budget", "per_customer", "starts_at", "ends_at"})
        m["form_" + std::string(field)] = form.get(field);
      m["form_open"] = true;
      return r_.page_with_error(req, "marketing/coupons", std::move(m), made.error());
    }
    return Response::redirect(list_path(req) + "?made=" + std::to_string(made->id) + "#coupon-" +
                              std::to_string(made->id));
  }
  Result<Response> api_create(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    auto made = TRY(coupons_.create(TRY(input_of(body)), owner(req), req.user->user_id));
    auto row = coupons_.find(made.id);
    return Response::json(
        json::serialize(coupon_json(*row, req.locale, format_utc(clock_.now()), messages(req.locale))), 201);
  }

  Result<Response> pause_form(Request& req) {
    TRY(coupons_.set_paused(web::parse_id(req.param("id")), req.form().get("paused") == "1", owner(req)));
    return Response::redirect(list_path(req));
  }
  Result<Response> api_pause(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    const bool paused = TRY(web::json_bool(body, "paused", false));
    auto row = TRY(coupons_.set_paused(web::parse_id(req.param("id")), paused, owner(req)));
    return Response::json(
        json::serialize(coupon_json(row, req.locale, format_utc(clock_.now()), messages(req.locale))));
  }

 private:
  catalog::Messages messages(const std::string& locale) const {
    return [this, locale](const std::string& key) { return r_.message(locale, key); };
  }
  Coupons& coupons_;
  const web::Renderer& r_;
  const Clock& clock_;
};

}  // namespace

json::object coupon_json(const CouponRow& row, const std::string& locale, const std::string& now,
                         const catalog::Messages& t) {
  const auto& c = row.coupon;
  const bool en = locale == "en";
  const std::string state = state_of(c, now);
  std::string categories;
  for (const auto& cat : c.categories) categories += (categories.empty() ? "" : ", ") + cat;
  json::object o{{"id", c.id},
                 {"code", c.code},
                 {"automatic", c.code.empty()},
                 {"name", en ? c.name_en : c.name_ko},
                 {"name_ko", c.name_ko},
                 {"name_en", c.name_en},
                 {"kind", std::string(name_of(c.kind))},
                 {"value", c.value},
                 {"describe", describe(c, locale)},
                 {"max_discount", c.max_discount},
                 {"min_subtotal", c.min_subtotal},
                 {"categories", categories},
                 {"first_order", c.first_order},
                 {"per_customer", c.per_customer},
                 {"bearer", c.workshop_bears ? "workshop" : "hub"},
                 {"bearer_text", t(c.workshop_bears ? "coupons.bearer_workshop" : "coupons.bearer_hub")},
                 {"budget", c.budget},
                 {"has_budget", c.budget > 0},
                 {"budget_text", c.budget ? catalog::format_won(c.budget, locale) : t("coupons.no_limit")},
                 {"spent", c.spent},
                 {"spent_text", catalog::format_won(c.spent, locale)},
                 {"budget_percent", c.budget ? std::min(100LL, 100 * c.spent / c.budget) : 0LL},
                 {"starts_at", format_seoul(c.starts_at)},
                 {"ends_at", c.ends_at.empty() ? t("coupons.open_ended") : format_seoul(c.ends_at)},
                 {"paused", c.paused},
                 {"state", state},
                 {"state_text", t("coupons.state." + state)},
                 {"chip", state == "active"      ? "published"
                          : state == "scheduled" ? "in_review"
                                                 : "rejected"},
                 {"orders", row.results.orders},
                 {"paid_orders", row.results.paid_orders},
                 {"revenue", row.results.revenue},
                 {"revenue_text", catalog::format_won(row.results.revenue, locale)}};
  if (c.workshop_id) o["workshop"] = in_language(en, row.workshop_ko, row.workshop_en);
  if (c.segment_id) {
    o["segment_id"] = c.segment_id;
    o["segment"] = row.segment;
  }
  return o;
}

json::object coupon_totals_json(const std::vector<CouponRow>& rows, const std::string& locale,
                                const std::string& now) {
  long long active = 0, orders = 0, paid = 0, revenue = 0, discount = 0;
  for (const auto& row : rows) {
    active += state_of(row.coupon, now) == "active";
    orders += row.results.orders;
    paid += row.results.paid_orders;
    revenue += row.results.revenue;
    discount += row.results.discount;
  }
  return {{"active", active},
          {"orders", orders},
          {"paid_orders", paid},
          {"revenue", revenue},
          {"revenue_text", catalog::format_won(revenue, locale)},
          {"discount", discount},
          {"discount_text", catalog::format_won(discount, locale)}};
}

void add_coupon_routes(web::Router& router, const CouponDeps& deps) {
  const web::Bind bind(std::make_shared<CouponRoutes>(deps), deps.renderer);
  using C = CouponRoutes;
  const auto operator_only = web::require(web::Role::operator_);
  const auto workshop = web::require(web::Role::vendor_staff);
  router.get("/operator/marketing/coupons", bind(&C::page)).access = operator_only;
  router.post("/operator/marketing/coupons", bind(&C::create_form)).access = operator_only;
  router.post("/operator/marketing/coupons/{id}/pause", bind(&C::pause_form)).access = operator_only;
  router.get("/api/v1/operator/coupons", bind(&C::api_list)).access = operator_only;
  router.post("/api/v1/operator/coupons", bind(&C::api_create)).access = operator_only;
  router.post("/api/v1/operator/coupons/{id}/pause", bind(&C::api_pause)).access = operator_only;
  router.get("/console/marketing/coupons", bind(&C::page)).access = workshop;
  router.post("/console/marketing/coupons", bind(&C::create_form)).access = workshop;
  router.post("/console/marketing/coupons/{id}/pause", bind(&C::pause_form)).access = workshop;
  router.get("/api/v1/console/coupons", bind(&C::api_list)).access = workshop;
  router.post("/api/v1/console/coupons", bind(&C::api_create)).access = workshop;
  router.post("/api/v1/console/coupons/{id}/pause", bind(&C::api_pause)).access = workshop;
}

}  // namespace brilliant::marketing
