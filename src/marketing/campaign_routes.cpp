#include "marketing/campaign_routes.hpp"

#include <boost/json.hpp>

#include <cstdio>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::marketing {
namespace json = boost::json;
using web::Request;
using web::Response;

json::object variant_json(const VariantResult& v, const std::string& locale) {
  const auto percent = [&](long long n) { return v.sent ? (1000 * n / v.sent) / 10.0 : 0.0; };
  return {{"sent", v.sent},
          {"opened", v.opened},
          {"clicked", v.clicked},
          {"unsubscribed", v.unsubscribed},
          {"orders", v.orders},
          {"revenue", v.revenue},
          {"revenue_text", catalog::format_won(v.revenue, locale)},
          {"open_rate", percent(v.opened)},
          {"click_rate", percent(v.clicked)},
          {"order_rate", percent(v.orders)},
          // Bars of the chart (300 px for all sent).
          {"open_bar", v.sent ? 300 * v.opened / v.sent : 0},
          {"click_bar", v.sent ? 300 * v.clicked / v.sent : 0},
          {"order_bar", v.sent ? 300 * v.orders / v.sent : 0}};
}

std::string campaign_attribution(const Tracked& t) {
  return "mail|email|campaign-" + std::to_string(t.campaign_id) + "|" + std::string(1, t.variant);
}

namespace {

// A 1x1 transparent GIF.
constexpr unsigned char pixel[] = {0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80,
                                   0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0x21, 0xf9, 0x04,
                                   0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01,
                                   0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};

std::string p_text(double p, const std::string& locale) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", p);
  const bool en = locale == "en";
  if (p < 0.05) return std::string(en ? "significant (p = " : "유의함 (p = ") + buffer + ")";
  return std::string(en ? "not significant yet (p = " : "아직 유의하지 않음 (p = ") + buffer + ")";
}

class CampaignRoutes {
 public:
  explicit CampaignRoutes(const CampaignDeps& d) : campaigns_(d.campaigns), r_(d.renderer) {}

  // The operator's pages and API act for the hub (0); a workshop's staff for their workshop, whose
  // campaigns are only ever sent as tests to their author (the academy's practice).
  static long long owner(const Request& req) {
    return req.path.starts_with("/operator") || req.path.starts_with("/api/v1/operator")
               ? 0
               : req.user->workshop_id;
  }
  static std::string list_path(const Request& req) {
    return req.locale_prefix() +
           (owner(req) ? "/console/marketing/campaigns" : "/operator/marketing/campaigns");
  }

  json::object campaign_json(const Request& req, const Campaign& c) const {
    json::object o{{"id", c.id},
                   {"name", c.name},
                   {"segment_id", c.segment_id},
                   {"segment", c.segment_name},
                   {"subject_a", c.subject_a},
                   {"body_a", c.body_a},
                   {"subject_b", c.subject_b},
                   {"body_b", c.body_b},
                   {"ab", c.ab()},
                   {"link_path", c.link_path},
                   {"coupon_code", c.coupon_code},
                   {"status", c.status},
                   {"status_text", r_.message(req.locale, "campaigns.status." + c.status)},
                   {"draft", c.status == "draft"},
                   {"sent", c.status == "sent"},
                   {"scheduled_at", format_seoul(c.scheduled_at)},
                   {"sent_at", format_seoul(c.sent_at)},
                   {"recipients", c.recipients},
                   {"tested_at", format_seoul(c.tested_at)},
                   {"tested", !c.tested_at.empty()},
                   {"ad_subject", ad_subject(c.subject_a)}};
    return o;
  }

  json::object list_model(const Request& req) const {
    json::array list, segments;
    const long long w = owner(req);
    for (const auto& c : campaigns_.list(w)) list.push_back(campaign_json(req, c));
    if (w == 0)
      for (const auto& [id, name] : campaigns_.segments())
        segments.push_back(json::object{{"id", id}, {"name", name}});
    json::object m{{"title", r_.message(req.locale, "campaigns.title")}, {"noindex", true}};
    m["hub"] = w == 0;
    m["action"] = list_path(req);
    m["has_campaigns"] = !list.empty();
    m["has_segments"] = !segments.empty();
    m["can_create"] = w != 0 || !segments.empty();
    m["campaigns"] = std::move(list);
    m["segments"] = std::move(segments);
    return m;
  }
  Response page(Request& req) { return r_.page_response(req, "marketing/campaigns", list_model(req)); }
  Response api_list(Request& req) { return web::page_model_json(list_model(req)); }

  static CampaignInput input_of(const web::Form& f) {
    return {f.get("name"),        f.get("subject_a"),    f.get("body_a"),
            f.get("subject_b"),   f.get("body_b"),       f.get("link_path"),
            f.get("coupon_code"), f.get("scheduled_at"), web::parse_id(f.get("segment_id"))};
  }
  static Result<CampaignInput> input_of(const json::object& o) {
    CampaignInput in;
    for (auto [field, target] : {std::pair{"name", &in.name},
                                 {"subject_a", &in.subject_a},
                                 {"body_a", &in.body_a},
                                 {"subject_b", &in.subject_b},
                                 {"body_b", &in.body_b},
                                 {"link_path", &in.link_path},
                                 {"coupon_code", &in.coupon_code},
                                 {"scheduled_at", &in.scheduled_at}})
      *target = TRY(web::json_string(o, field));
    if (auto it = o.find("segment_id"); it != o.end()) {
      if (!it->value().is_int64())
        return Error::invalid("segment_id", "number_invalid", "segment_id must be a saved segment's id");
      in.segment_id = it->value().as_int64();
    }
    return in;
  }

  Response create_form(Request& req) {
    const auto form = req.form();
    auto made = campaigns_.create(input_of(form), req.user->user_id, owner(req));
    if (!made) return r_.page_with_error(req, "marketing/campaigns", list_model(req), made.error());
    return Response::redirect(owner(req) ? list_path(req) + "?made=" + std::to_string(made->id) +
                                               "#campaign-" + std::to_string(made->id)
                                         : list_path(req) + "/" + std::to_string(made->id));
  }
  Result<Response> api_create(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    auto made = TRY(campaigns_.create(TRY(input_of(body)), req.user->user_id, owner(req)));
    return Response::json(json::serialize(detail_model(req, made)), 201);
  }

  json::object detail_model(const Request& req, const Campaign& c) const {
    auto m = campaign_json(req, c);
    const auto r = campaigns_.results(c.id);
    m["a"] = variant_json(r.a, req.locale);
    m["b"] = variant_json(r.b, req.locale);
    m["click_p"] = r.click_p;
    m["order_p"] = r.order_p;
    m["click_p_text"] = p_text(r.click_p, req.locale);
    m["order_p_text"] = p_text(r.order_p, req.locale);
    json::array sample;
    for (const auto& p : paragraphs(c.body_a, req.locale == "en" ? "Jimin" : "김지민"))
      sample.push_back(json::value(p));
    m["sample"] = std::move(sample);
    m["title"] = c.name;
    m["noindex"] = true;
    return m;
  }
  Result<Campaign> campaign(const Request& req) {
    auto c = campaigns_.find(web::parse_id(req.param("id")));
    if (!c || c->workshop_id != owner(req)) return Error::not_found("campaign");
    return std::move(*c);
  }
  Result<Response> detail_page(Request& req) {
    return r_.page_response(req, "marketing/campaign", detail_model(req, TRY(campaign(req))));
  }
  Result<Response> api_detail(Request& req) {
    return web::page_model_json(detail_model(req, TRY(campaign(req))));
  }
  Result<Response> send_form(Request& req) {
    auto sent = TRY(campaigns_.send(TRY(campaign(req)).id));
    return Response::redirect(req.locale_prefix() + "/operator/marketing/campaigns/" +
                              std::to_string(sent.id));
  }
  Result<Response> api_send(Request& req) {
    return web::page_model_json(detail_model(req, TRY(campaigns_.send(TRY(campaign(req)).id))));
  }

  // A test to the person asking: the hub's from its page, a workshop's from the console.
  Result<Response> test_form(Request& req) {
    const auto c = TRY(campaign(req));
    TRY(campaigns_.send_test(c.id, owner(req), req.user->email, req.user->name));
    return Response::redirect(owner(req) ? list_path(req) + "?tested=" + std::to_string(c.id) + "#campaign-" +
                                               std::to_string(c.id)
                                         : list_path(req) + "/" + std::to_string(c.id) + "?tested=1");
  }
  Result<Response> api_test(Request& req) {
    const auto c = TRY(campaign(req));
    return Response::json(json::serialize(
        campaign_json(req, TRY(campaigns_.send_test(c.id, owner(req), req.user->email, req.user->name)))));
  }

  // --- the recipient, by the token in their mail ---
  Response open_pixel(Request& req) {
    campaigns_.opened(std::string(req.param("token")));
    auto response =
        Response::text(std::string(reinterpret_cast<const char*>(pixel), sizeof pixel), 200, "image/gif");
    response.set("Cache-Control", "no-store");
    return response;
  }
  Response click(Request& req) {
    auto tracked = campaigns_.clicked(std::string(req.param("token")));
    if (!tracked) return Response::redirect("/");
    const auto id = "campaign-" + std::to_string(tracked->campaign_id);
    const auto& path = tracked->link_path;
    const std::string target = path + (path.find('?') == std::string::npos ? "?" : "&") +
                               "utm_source=mail&utm_medium=email&utm_campaign=" + id +
                               "&utm_content=" + std::string(1, tracked->variant);
    auto response = Response::redirect(target);
    web::set_cookie(response, "utm", campaign_attribution(*tracked), {.max_age_seconds = 60 * 60 * 24 * 7});
    return response;
  }
  Response unsubscribe_page(Request& req) {
    json::object m{{"title", r_.message(req.locale, "campaigns.unsubscribe_title")},
                   {"noindex", true},
                   {"token", std::string(req.param("token"))}};
    return r_.page_response(req, "marketing/unsubscribe", std::move(m));
  }
  Response unsubscribe(Request& req) {
    const bool known = campaigns_.unsubscribe(std::string(req.param("token")));
    if (!known) return r_.error(req, Error::not_found("subscription"));
    json::object m{
        {"title", r_.message(req.locale, "campaigns.unsubscribe_title")}, {"noindex", true}, {"done", true}};
    if (req.wants_json()) return Response::json(R"({"unsubscribed":true})");
    return r_.page_response(req, "marketing/unsubscribe", std::move(m));
  }

 private:
  Campaigns& campaigns_;
  const web::Renderer& r_;
};

}  // namespace

void add_campaign_routes(web::Router& router, const CampaignDeps& deps) {
  const web::Bind bind(std::make_shared<CampaignRoutes>(deps), deps.renderer);
  using C = CampaignRoutes;
  const auto operator_only = web::require(web::Role::operator_);
  router.get("/operator/marketing/campaigns", bind(&C::page)).access = operator_only;
  router.post("/operator/marketing/campaigns", bind(&C::create_form)).access = operator_only;
  router.get("/operator/marketing/campaigns/{id}", bind(&C::detail_page)).access = operator_only;
  router.post("/operator/marketing/campaigns/{id}/send", bind(&C::send_form)).access = operator_only;
  router.get("/api/v1/operator/campaigns", bind(&C::api_list)).access = operator_only;
  router.post("/api/v1/operator/campaigns", bind(&C::api_create)).access = operator_only;
  router.get("/api/v1/operator/campaigns/{id}", bind(&C::api_detail)).access = operator_only;
  router.post("/api/v1/operator/campaigns/{id}/send", bind(&C::api_send)).access = operator_only;
  router.post("/operator/marketing/campaigns/{id}/test", bind(&C::test_form)).access = operator_only;
  router.post("/api/v1/operator/campaigns/{id}/test", bind(&C::api_test)).access = operator_only;
  // A workshop writes campaigns and sends them as tests to itself (the academy's practice).
  const auto workshop = web::require(web::Role::vendor_staff);
  router.get("/console/marketing/campaigns", bind(&C::page)).access = workshop;
  router.post("/console/marketing/campaigns", bind(&C::create_form)).access = workshop;
  router.post("/console/marketing/campaigns/{id}/test", bind(&C::test_form)).access = workshop;
  router.get("/api/v1/console/campaigns", bind(&C::api_list)).access = workshop;
  router.post("/api/v1/console/campaigns", bind(&C::api_create)).access = workshop;
  router.post("/api/v1/console/campaigns/{id}/test", bind(&C::api_test)).access = workshop;
  // The recipient's links: no session needed; the token is the secret. The unsubscribe POST comes from
  // mail programs (RFC 8058) without a CSRF token.
  router.get("/c/{token}/open.gif", bind(&C::open_pixel)).session = false;
  router.get("/c/{token}/click", bind(&C::click));
  router.get("/c/{token}/unsubscribe", bind(&C::unsubscribe_page));
  auto& one_click = router.post("/c/{token}/unsubscribe", bind(&C::unsubscribe));
  one_click.csrf = false;
}

}  // namespace brilliant::marketing
