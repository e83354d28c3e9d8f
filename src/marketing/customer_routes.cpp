#include "marketing/customer_routes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>

#include "catalog/views.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "marketing/customer_repo.hpp"
#include "web/bind.hpp"
#include "web/form.hpp"
#include "web/json_input.hpp"

namespace brilliant::marketing {
namespace json = boost::json;
using web::Request;
using web::Response;

std::string members_csv(const std::vector<size_t>& members, const std::vector<CustomerFacts>& customers,
                        const std::vector<CustomerScore>& scores) {
  std::string out = "\xEF\xBB\xBF" + csv_line({"id", "name", "email", "marketing", "orders", "spent",
                                               "days_since", "rfm", "group", "churn_percent", "ltv"});
  for (size_t i : members) {
    const auto& c = customers[i];
    const auto& s = scores[i];
    out += csv_line({std::to_string(c.user_id), c.name, c.marketing ? c.email : "",
                     c.marketing ? "yes" : "no", std::to_string(c.paid_at.size()), std::to_string(c.spent),
                     s.days_since < 0 ? "" : std::to_string(s.days_since),
                     std::to_string(s.recency) + std::to_string(s.frequency) + std::to_string(s.monetary),
                     s.group, std::to_string(s.churn_percent), std::to_string(s.ltv)});
  }
  return out;
}

namespace {

constexpr std::array<std::string_view, 8> group_order = {
    "champions", "loyal", "new", "promising", "needs_attention", "at_risk", "hibernating", "prospect"};
constexpr size_t per_page = 200;

Result<std::string> segment_name(const std::string& raw) {
  std::string name(trim(raw));
  if (name.empty()) return Error::invalid("name", "required", "name the segment");
  if (!valid_utf8(name) || !single_line(name) || utf8_length(name) > 60)
    return Error::invalid("name", "name_invalid", "a segment's name is one line of at most 60 characters");
  return name;
}

class CustomerRoutes {
 public:
  explicit CustomerRoutes(const CustomerDeps& d)
      : db_(d.db), r_(d.renderer), clock_(d.clock), before_reading_(d.before_reading) {}

  // Everyone scored now, the segments saved.
  struct Base {
    std::vector<CustomerFacts> customers;
    std::vector<CustomerScore> scores;
    std::vector<repo::Segment> segments;
    TimePoint now;
  };
  Base base() const {
    Base b;
    b.now = clock_.now();
    if (before_reading_) before_reading_();
    db_.read([&](soci::session& sql) {
      b.customers = repo::load_customers(sql);
      b.segments = repo::segments(sql);
    });
    b.scores = score_customers(b.customers, b.now);
    return b;
  }

  // The rules asked for: ?segment=ID (a saved one) or ?rules=...
  Result<std::pair<std::string, std::string>> asked(const Request& req, const Base& b) const {
    const auto q = req.query_params();
    if (auto id = q.get("segment"); !id.empty()) {
      for (const auto& s : b.segments)
        if (std::to_string(s.id) == id) return std::pair{s.rules, s.name};
      return Error::not_found("segment");
    }
    return std::pair{q.get("rules"), std::string()};
  }

  json::object member_json(const CustomerFacts& c, const CustomerScore& s, const Request& req) const {
    json::object o{
        {"id", c.user_id},
        {"name", c.name},
        {"email", c.email},
        {"marketing", c.marketing},
        {"orders", static_cast<long long>(c.paid_at.size())},
        {"spent", c.spent},
        {"spent_text", catalog::format_won(c.spent, req.locale)},
        {"recency", s.recency},
        {"frequency", s.frequency},
        {"monetary", s.monetary},
        {"rfm", std::to_string(s.recency) + std::to_string(s.frequency) + std::to_string(s.monetary)},
        {"group", s.group},
        {"group_text", r_.message(req.locale, "customers.group." + s.group)},
        {"churn_percent", s.churn_percent},
        {"ltv", s.ltv},
        {"ltv_text", catalog::format_won(s.ltv, req.locale)}};
    if (s.days_since >= 0) o["days_since"] = s.days_since;
    return o;
  }

  Result<json::object> model(const Request& req, const Base& b, const std::string& rules_text,
                             const std::string& segment_name) const {
    const auto rules = TRY(parse_rules(rules_text));
    const auto members = members_of(rules, b.customers, b.scores, b.now);
    const auto window = TRY(web::page_window(req.query_params(), members.size(), per_page));
    json::array list, groups;
    long long consented = 0, value = 0;
    std::array<long long, group_order.size()> per_group{};
    for (size_t i : members) {
      consented += b.customers[i].marketing;
      value += b.scores[i].ltv;
      for (size_t g = 0; g < group_order.size(); ++g) per_group[g] += b.scores[i].group == group_order[g];
    }
    for (size_t k = window.first; k < window.end; ++k)
      list.push_back(member_json(b.customers[members[k]], b.scores[members[k]], req));
    const long long most = std::max(1LL, *std::max_element(per_group.begin(), per_group.end()));
    for (size_t g = 0; g < group_order.size(); ++g) {
      const std::string name(group_order[g]);
      groups.push_back(
          json::object{{"group", name},
                       {"group_text", r_.message(req.locale, "customers.group." + name)},
                       {"count", per_group[g]},
                       {"y", static_cast<long long>(g * 30)},
                       {"text_y", static_cast<long long>(g * 30 + 15)},
                       {"width", per_group[g] * 220 / most},
                       {"percent", per_group[g] ? std::max(1LL, per_group[g] * 100 / most) : 0}});
    }
    const std::string query = segment_name.empty()
                                  ? "rules=" + web::url_encode(rules_text)
                                  : "segment=" + web::url_encode(req.query_params().get("segment"));
    const auto page_url = [&](long long page) {
      return req.locale_prefix() + "/operator/marketing/customers?" + query + "&page=" + std::to_string(page);
    };
    json::object m{{"rules", rules_text},
                   {"segment_name", segment_name},
                   {"customers", static_cast<long long>(b.customers.size())},
                   {"size", static_cast<long long>(members.size())},
                   {"consented", consented},
                   {"value_text", catalog::format_won(value, req.locale)},
                   {"members", std::move(list)},
                   {"shown", static_cast<long long>(window.end - window.first)},
                   {"shown_from", static_cast<long long>(window.first + (window.end > window.first))},
                   {"shown_to", static_cast<long long>(window.end)},
                   {"page", window.page},
                   {"pages", window.pages},
                   {"groups", std::move(groups)},
                   {"segments", segments_json(b)},
                   {"csv_url", req.locale_prefix() + "/operator/marketing/customers.csv?" + query}};
    if (window.page > 1) m["prev_url"] = page_url(window.page - 1);
    if (window.page < window.pages) m["next_url"] = page_url(window.page + 1);
    m["paged"] = window.pages > 1;
    m["has_members"] = !members.empty();
    m["has_segments"] = !b.segments.empty();
    return m;
  }

  Result<Response> page(Request& req) {
    const auto b = base();
    const auto [rules, name] = TRY(asked(req, b));
    auto m = model(req, b, rules, name);
    if (!m) {
      auto fallback = TRY(model(req, b, "", ""));
      fallback["rules"] = rules;
      fallback["rules_detail"] = m.error().message;
      fallback["title"] = r_.message(req.locale, "customers.title");
      fallback["noindex"] = true;
      return r_.page_with_error(req, "marketing/customers", std::move(fallback), m.error());
    }
    (*m)["title"] = r_.message(req.locale, "customers.title");
    (*m)["noindex"] = true;
    return r_.page_response(req, "marketing/customers", std::move(*m));
  }
  Result<Response> api_list(Request& req) {
    const auto b = base();
    const auto [rules, name] = TRY(asked(req, b));
    return Response::json(json::serialize(TRY(model(req, b, rules, name))));
  }
  Result<Response> csv(Request& req) {
    const auto b = base();
    const auto [rules, name] = TRY(asked(req, b));
    const auto members = members_of(TRY(parse_rules(rules)), b.customers, b.scores, b.now);
    auto response =
        Response::text(members_csv(members, b.customers, b.scores), 200, "text/csv; charset=utf-8");
    response.set("Content-Disposition", "attachment; filename=\"brilliant-customers.csv\"");
    return response;
  }

  Result<long long> save(const Request& req, const std::string& raw_name, const std::string& rules) {
    const auto name = TRY(segment_name(raw_name));
    TRY(parse_rules(rules));
    const auto at = format_utc(clock_.now());
    return db_.write(
        [&](soci::session& sql) { return repo::save_segment(sql, name, rules, req.user->user_id, at); });
  }
  Result<Response> save_form(Request& req) {
    const auto form = req.form();
    auto id = save(req, form.get("name"), form.get("rules"));
    if (!id) {
      const auto b = base();
      auto m = TRY(model(req, b, "", ""));
      m["rules"] = form.get("rules");
      m["name"] = form.get("name");
      m["title"] = r_.message(req.locale, "customers.title");
      return r_.page_with_error(req, "marketing/customers", std::move(m), id.error());
    }
    return Response::redirect(req.locale_prefix() +
                              "/operator/marketing/customers?segment=" + std::to_string(*id));
  }
  Result<Response> api_save(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    const auto name = TRY(web::json_string(body, "name"));
    const auto rules = TRY(web::json_string(body, "rules"));
    const auto id = TRY(save(req, name, rules));
    const auto b = base();
    const auto members = members_of(TRY(parse_rules(rules)), b.customers, b.scores, b.now);
    return Response::json(json::serialize(json::object{{"id", id},
                                                       {"name", std::string(trim(name))},
                                                       {"rules", rules},
                                                       {"size", static_cast<long long>(members.size())}}),
                          201);
  }
  Response api_segments(Request&) {
    return Response::json(json::serialize(json::object{{"segments", segments_json(base())}}));
  }

  // The saved segments with their sizes now.
  static json::array segments_json(const Base& b) {
    json::array out;
    for (const auto& s : b.segments) {
      auto parsed = parse_rules(s.rules);
      const auto size = parsed ? members_of(*parsed, b.customers, b.scores, b.now).size() : 0;
      out.push_back(json::object{
          {"id", s.id}, {"name", s.name}, {"rules", s.rules}, {"size", static_cast<long long>(size)}});
    }
    return out;
  }

 private:
  db::Database& db_;
  const web::Renderer& r_;
  const Clock& clock_;
  std::function<void()> before_reading_;
};

}  // namespace

void add_customer_routes(web::Router& router, const CustomerDeps& deps) {
  const web::Bind bind(std::make_shared<CustomerRoutes>(deps), deps.renderer);
  using C = CustomerRoutes;
  const auto operator_only = web::require(web::Role::operator_);
  for (auto* route : {&router.get("/operator/marketing/customers", bind(&C::page)),
                      &router.get("/operator/marketing/customers.csv", bind(&C::csv)),
                      &router.get("/api/v1/operator/customers", bind(&C::api_list))}) {
    route->access = operator_only;
    route->personal_data = true;  // names and emails: opening them is audited
  }
  router.post("/operator/marketing/segments", bind(&C::save_form)).access = operator_only;
  router.get("/api/v1/operator/segments", bind(&C::api_segments)).access = operator_only;
  router.post("/api/v1/operator/segments", bind(&C::api_save)).access = operator_only;
}

}  // namespace brilliant::marketing
