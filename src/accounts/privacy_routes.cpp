// A person's own data (issue 15, PIPA §35-§37): the marketing opt-in kept apart from everything else and
// withdrawn at once, every consent given, a download of everything we hold about them, and closing the
// account (the orders keep their record with the personal data reduced; a mail confirms it).
//   POST /account/marketing          GET|PUT /api/v1/me/marketing (PUT {"agreed": bool})
//   GET  /account/data               GET /api/v1/me/data            the export, JSON
//   GET  /api/v1/me/consents
//   POST /account/close              POST /api/v1/me/close {"password"}
//   GET  /account/closed             the page after closing
#include <boost/json.hpp>

#include "accounts/routes.hpp"
#include "core/clock.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::accounts {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

json::object consent_json(const Consent& c) {
  return {{"item", c.item},     {"version", c.version}, {"agreed", c.agreed},
          {"source", c.source}, {"at", c.created_at},   {"at_seoul", format_seoul(c.created_at)}};
}

json::array consents_json(const std::vector<Consent>& consents) {
  json::array out;
  for (const auto& c : consents) out.push_back(consent_json(c));
  return out;
}

json::object export_json(WebDeps& deps, const Request& req) {
  const auto own = deps.accounts.own_data(req.user->user_id);
  json::object account{{"id", req.user->user_id}};
  json::array events, tokens, viewed;
  if (own) {
    account = {{"id", own->user.id},
               {"email", own->user.email},
               {"name", own->user.name},
               {"locale", own->user.locale},
               {"created_at", own->user.created_at}};
    for (const auto& [kind, ip, at] : own->events)
      events.push_back(json::object{{"kind", kind}, {"ip", ip}, {"at", at}});
    for (const auto& [slug, day, times] : own->views)
      viewed.push_back(json::object{{"piece", slug}, {"day", day}, {"views", times}});
  }
  for (const auto& t : deps.accounts.api_tokens(req.user->user_id))
    tokens.push_back(json::object{{"name", t.name}, {"created_at", t.created_at}, {"live", t.live}});
  json::array roles;
  for (auto role : web::all_roles)
    if (req.user->has(role)) roles.emplace_back(web::role_name(role));
  account["roles"] = std::move(roles);
  return {{"exported_at", format_utc(std::chrono::system_clock::now())},
          {"account", std::move(account)},
          {"consents", consents_json(own ? own->consents : std::vector<Consent>{})},
          {"sign_ins", std::move(events)},
          {"api_tokens", std::move(tokens)},
          {"pieces_viewed", std::move(viewed)},
          {"orders", deps.orders_export ? deps.orders_export(req.user->user_id, req.locale) : json::array{}}};
}

mail::Mail closed_mail(const WebDeps& deps, const std::string& locale, const User& user) {
  json::object model{{"name", user.name},
                     {"link", deps.base_url + (locale == "en" ? "/en" : "") + "/privacy"}};
  auto body =
      deps.renderer.fragment(locale == "en" ? "email/account_closed_en" : "email/account_closed_ko", model);
  return {user.email,
          locale == "en" ? "Your Brilliant account is closed" : "Brilliant 회원 탈퇴가 완료되었습니다", body};
}

Result<User> close(WebDeps& deps, const Request& req, const std::string& password) {
  const auto id = req.user->user_id;
  const auto locale = req.locale;
  auto closed = deps.accounts.close_account(
      id, password,
      [&]() -> Result<int> { return deps.forget_orders ? deps.forget_orders(id) : Result<int>(0); },
      [&](const User& user) { return closed_mail(deps, locale, user); });
  if (closed && deps.sender) deps.sender->wake();
  return closed;
}

Response page_error(Request& req, const Error& e) {
  return Response::redirect(req.locale_prefix() + "/account?privacy_error=" + e.code + "#privacy");
}

Response marketing_form(WebDeps& deps, Request& req) {
  const bool agreed = req.form().get("agreed") == "1";
  deps.accounts.set_marketing(req.user->user_id, agreed, deps.privacy_version, "account");
  return Response::redirect(req.locale_prefix() + "/account?marketing=" + (agreed ? "on" : "off") +
                            "#privacy");
}

Response marketing_api_get(WebDeps& deps, Request& req) {
  return Response::json(
      json::serialize(json::object{{"agreed", deps.accounts.marketing_allowed(req.user->user_id)}}));
}

Response marketing_api_put(WebDeps& deps, Request& req) {
  auto body = web::parse_json_object(req.body);
  if (!body) return deps.renderer.error(req, body.error());
  if (!body->contains("agreed") || body->at("agreed").is_null())
    return deps.renderer.error(
        req, Error::invalid("agreed", "field_required", "agreed is required: true or false"));
  auto agreed = web::json_bool(*body, "agreed", false);
  if (!agreed) return deps.renderer.error(req, agreed.error());
  deps.accounts.set_marketing(req.user->user_id, *agreed, deps.privacy_version, "api");
  return marketing_api_get(deps, req);
}

Response consents_api(WebDeps& deps, Request& req) {
  return Response::json(
      json::serialize(json::object{{"consents", consents_json(deps.accounts.consents(req.user->user_id))},
                                   {"marketing", deps.accounts.marketing_allowed(req.user->user_id)}}));
}

Response data_download(WebDeps& deps, Request& req) {
  auto response = Response::json(json::serialize(export_json(deps, req)));
  response.set("Content-Disposition", "attachment; filename=\"brilliant-my-data.json\"");
  response.set("Cache-Control", "no-store");
  return response;
}

Response data_api(WebDeps& deps, Request& req) {
  auto response = Response::json(json::serialize(export_json(deps, req)));
  response.set("Cache-Control", "no-store");
  return response;
}

Response close_form(WebDeps& deps, Request& req) {
  const auto form = req.form();
  if (form.get("confirm") != "1")
    return page_error(req, Error::invalid("confirm", "close_unconfirmed", "tick the box to confirm"));
  auto closed = close(deps, req, form.get("password"));
  if (!closed) return page_error(req, closed.error());
  auto response = Response::redirect(req.locale_prefix() + "/account/closed");
  web::set_cookie(response, session_cookie, "",
                  {.max_age_seconds = 0, .http_only = true, .secure = deps.secure_cookies});
  return response;
}

Response close_api(WebDeps& deps, Request& req) {
  auto body = web::parse_json_object(req.body);
  if (!body) return deps.renderer.error(req, body.error());
  auto password = web::json_string(*body, "password");
  if (!password) return deps.renderer.error(req, password.error());
  auto closed = close(deps, req, *password);
  if (!closed) return deps.renderer.error(req, closed.error());
  return Response::json(R"({"closed":true})");
}

Response closed_page(WebDeps& deps, Request& req) {
  return deps.renderer.page_response(
      req, "account/closed",
      json::object{{"title", deps.renderer.message(req.locale, "privacy.closed_title")}, {"noindex", true}});
}

}  // namespace

void add_privacy_model(const WebDeps& deps, const Request& req, json::object& model) {
  const auto consents = deps.accounts.consents(req.user->user_id);
  bool marketing = false;
  json::array latest;  // the decision that holds now, per item
  for (const char* item : {"terms", "privacy", "marketing"}) {
    const Consent* last = nullptr;
    for (const auto& c : consents)
      if (c.item == item) last = &c;
    if (!last) continue;
    if (last->item == "marketing") marketing = last->agreed;
    auto o = consent_json(*last);
    o["label"] = deps.renderer.message(req.locale, std::string("privacy.item_") + item);
    latest.push_back(std::move(o));
  }
  model["marketing"] = marketing;
  model["consents"] = std::move(latest);
  const auto query = req.query_params();
  if (query.has("marketing")) model[query.get("marketing") == "on" ? "marketing_on" : "marketing_off"] = true;
  if (query.has("privacy_error"))
    model["privacy_error"] = deps.renderer.message(req.locale, "errors." + query.get("privacy_error"));
}

void add_privacy_routes(web::Router& router, WebDeps& deps) {
  const auto bind = [&deps](Response (*fn)(WebDeps&, Request&)) {
    return [&deps, fn](Request& req) { return fn(deps, req); };
  };
  const auto logged_in = web::Access::logged_in();
  router.post("/account/marketing", bind(marketing_form)).access = logged_in;
  router.get("/account/data", bind(data_download)).access = logged_in;
  router.post("/account/close", bind(close_form)).access = logged_in;
  router.get("/account/closed", bind(closed_page));
  router.get("/api/v1/me/marketing", bind(marketing_api_get)).access = logged_in;
  router.add(web::Method::put, "/api/v1/me/marketing", bind(marketing_api_put)).access = logged_in;
  router.get("/api/v1/me/consents", bind(consents_api)).access = logged_in;
  router.get("/api/v1/me/data", bind(data_api)).access = logged_in;
  router.post("/api/v1/me/close", bind(close_api)).access = logged_in;
}

}  // namespace brilliant::accounts
