#include "accounts/routes.hpp"

#include <boost/json.hpp>

#include "accounts/rules.hpp"
#include "core/checks.hpp"
#include "core/clock.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::accounts {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// An API token's name, as its form's maxlength="60" allows: one line of at most 60 characters.
std::optional<Error> token_name_refused(const std::string& name) {
  if (auto long_name = check_length("name", name, 60, "token_name_invalid"); !long_name)
    return long_name.error();
  if (single_line(name)) return std::nullopt;
  return Error::invalid("name", "token_name_invalid", "a token's name is one line");
}

// Only local paths may be redirect targets ("/account", not "//evil.example" or "https://...").
std::string safe_next(const std::string& next, const Request& req) {
  return web::local_redirect_target(next, req.locale_prefix() + "/account");
}

json::object token_json(const ApiToken& token) {
  return {{"id", token.id},
          {"name", token.name},
          {"created_at", token.created_at},
          {"expires_at", token.expires_at},
          {"revoked_at", token.revoked_at.empty() ? json::value(nullptr) : json::value(token.revoked_at)},
          {"live", token.live}};
}

// "2026-11-29" in Seoul for a UTC time as stored.
std::string seoul_date(const std::string& utc) {
  TimePoint t;
  return parse_utc(utc, t) ? format_seoul(t).substr(0, 10) : utc.substr(0, 10);
}

json::object user_json(const User& user) {
  json::array roles;
  for (auto role : web::all_roles)
    if (user.roles & static_cast<uint32_t>(role)) roles.emplace_back(web::role_name(role));
  json::object out{{"id", user.id},
                   {"email", user.email},
                   {"name", user.name},
                   {"locale", user.locale},
                   {"roles", std::move(roles)}};
  if (user.workshop_id) out["workshop_id"] = user.workshop_id;
  return out;
}

Response too_many(const WebDeps& deps, const Request& req, long long retry_after) {
  auto response = deps.renderer.error(
      req, Error::too_many("too many attempts; try again in " + std::to_string(retry_after) + " seconds"));
  response.set("Retry-After", std::to_string(retry_after));
  return response;
}

void start_session_cookie(const WebDeps& deps, Response& response, const std::string& token) {
  web::set_cookie(response, session_cookie, token,
                  {.max_age_seconds = static_cast<int>(deps.session_lifetime.count() * 3600),
                   .http_only = true,
                   .secure = deps.secure_cookies});
  // A new session gets a new CSRF token too.
  web::set_cookie(response, "csrf", random_token(),
                  {.max_age_seconds = 60 * 60 * 24 * 365, .http_only = true, .secure = deps.secure_cookies});
}

Response form_page(const WebDeps& deps, const Request& req, std::string_view page, json::object model,
                   const Error* error = nullptr) {
  int status = 200;
  if (error) {
    json::object errors;
    errors[error->field.empty() ? "form" : error->field] = deps.renderer.localized(req, *error);
    model["errors"] = std::move(errors);
    status = web::http_status(error->kind);
  }
  model["title"] =
      deps.renderer.message(req.locale, "account." + std::string(page.substr(page.find('/') + 1)) + "_title");
  return deps.renderer.page_response(req, page, std::move(model), status);
}

// Per address, and per address and account: the account's key is the email as the account stores it
// (case and spaces give no fresh tries), and a guesser elsewhere cannot lock its owner out.
std::optional<long long> check_login_limits(WebDeps& deps, const std::string& ip, const std::string& email) {
  if (auto wait = deps.limits.login_by_ip.take("ip:" + ip)) return wait;
  auto normalized = normalize_email(email);
  const std::string account = normalized ? *normalized : ascii_lower(trim(email));
  return deps.limits.login_by_account.take("acct:" + ip + "|" + account);
}

mail::Mail reset_mail(const WebDeps& deps, const std::string& locale, const User& user,
                      const std::string& token) {
  const auto prefix = locale == "en" ? "/en" : "";
  json::object model{{"name", user.name},
                     {"link", deps.base_url + prefix + "/password/reset?token=" + token}};
  auto body = deps.renderer.fragment(locale == "en" ? "email/reset_en" : "email/reset_ko", model);
  return {user.email, locale == "en" ? "Reset your Brilliant password" : "Brilliant 비밀번호 재설정", body};
}

// --- pages ---------------------------------------------------------------------------------------

Response login_page(WebDeps& deps, Request& req) {
  if (req.user) return Response::redirect(req.locale_prefix() + "/account");
  return form_page(deps, req, "account/login", {{"next", req.query_params().get("next")}});
}

Response login_submit(WebDeps& deps, Request& req) {
  auto form = req.form();
  const auto email = form.get("email");
  json::object model{{"email", email}, {"next", form.get("next")}};
  if (auto wait = check_login_limits(deps, req.remote_ip, email)) return too_many(deps, req, *wait);
  auto session =
      deps.accounts.log_in(email, form.get("password"), req.remote_ip, std::string(req.header("user-agent")));
  if (!session) return form_page(deps, req, "account/login", std::move(model), &session.error());
  if (!req.session_token_hash.empty()) deps.accounts.log_out(req.session_token_hash);  // rotate
  auto response = Response::redirect(safe_next(form.get("next"), req));
  start_session_cookie(deps, response, session->token);
  return response;
}

Response signup_page(WebDeps& deps, Request& req) {
  if (req.user) return Response::redirect(req.locale_prefix() + "/account");
  return form_page(deps, req, "account/signup", {{"next", req.query_params().get("next")}});
}

Response signup_submit(WebDeps& deps, Request& req) {
  auto form = req.form();
  json::object model{{"email", form.get("email")}, {"name", form.get("name")}, {"next", form.get("next")}};
  if (auto wait = deps.limits.signup_by_ip.take("signup:" + req.remote_ip)) return too_many(deps, req, *wait);
  auto session =
      deps.accounts.sign_up({form.get("email"), form.get("name"), form.get("password"), req.locale,
                             deps.terms_version, deps.privacy_version, form.get("marketing") == "1"},
                            req.remote_ip, std::string(req.header("user-agent")));
  if (!session) return form_page(deps, req, "account/signup", std::move(model), &session.error());
  if (!req.session_token_hash.empty()) deps.accounts.log_out(req.session_token_hash);
  // Back where the visitor came from (an invitation, a cart) when the page said so; else a welcome.
  auto response = Response::redirect(form.get("next").empty() ? req.locale_prefix() + "/account?welcome=1"
                                                              : safe_next(form.get("next"), req));
  start_session_cookie(deps, response, session->token);
  return response;
}

Response logout(WebDeps& deps, Request& req) {
  if (!req.session_token_hash.empty()) deps.accounts.log_out(req.session_token_hash);
  auto response = Response::redirect(req.locale_prefix() + "/");
  web::set_cookie(response, session_cookie, "",
                  {.max_age_seconds = 0, .http_only = true, .secure = deps.secure_cookies});
  return response;
}

json::object account_model(const WebDeps& deps, const Request& req) {
  json::object model{{"account_name", req.user->name}, {"account_email", req.user->email}};
  json::array roles;
  for (auto role : web::all_roles)
    if (req.user->has(role))
      roles.emplace_back(json::object{
          {"role", web::role_name(role)},
          {"label", deps.renderer.message(req.locale, "roles." + std::string(web::role_name(role)))}});
  model["roles"] = std::move(roles);
  auto query = req.query_params();
  model["welcome"] = query.has("welcome");
  model["password_changed"] = query.has("password_changed");
  model["token_revoked"] = query.has("token_revoked");
  json::array tokens;
  for (const auto& token : deps.accounts.api_tokens(req.user->user_id)) {
    auto item = token_json(token);
    item["created_on"] = seoul_date(token.created_at);
    item["expires_on"] = seoul_date(token.expires_at);
    item["revoked"] = !token.revoked_at.empty();
    tokens.push_back(std::move(item));
  }
  model["has_tokens"] = !tokens.empty();
  model["tokens"] = std::move(tokens);
  add_privacy_model(deps, req, model);
  if (deps.recent_orders) {
    auto recent = deps.recent_orders(req);
    model["has_recent_orders"] = !recent.empty();
    model["recent_orders"] = std::move(recent);
  }
  return model;
}

Response account_page(WebDeps& deps, Request& req) {
  return form_page(deps, req, "account/account", account_model(deps, req));
}

Response change_password(WebDeps& deps, Request& req) {
  auto form = req.form();
  auto done = deps.accounts.change_password(req.user->user_id, form.get("current_password"),
                                            form.get("new_password"), req.remote_ip, req.session_token_hash);
  if (!done) return form_page(deps, req, "account/account", account_model(deps, req), &done.error());
  return Response::redirect(req.locale_prefix() + "/account?password_changed=1");
}

Response create_token_page(WebDeps& deps, Request& req) {
  auto name = std::string(trim(req.form().get("name")));
  if (name.empty()) {
    auto error = Error::invalid("name", "token_name_required", "give the token a name");
    return form_page(deps, req, "account/account", account_model(deps, req), &error);
  }
  if (auto refused = token_name_refused(name))
    return form_page(deps, req, "account/account", account_model(deps, req), &*refused);
  const auto token = deps.accounts.create_api_token(req.user->user_id, name);
  auto model = account_model(deps, req);  // lists the new token too
  model["new_token"] = token;
  return form_page(deps, req, "account/account", std::move(model));
}

Response revoke_token_page(WebDeps& deps, Request& req) {
  auto done = deps.accounts.revoke_api_token(req.user->user_id, req.param_id("id"));
  if (!done) return deps.renderer.error(req, done.error());
  return Response::redirect(req.locale_prefix() + "/account?token_revoked=1");
}

Response api_tokens(WebDeps& deps, Request& req) {
  json::array tokens;
  for (const auto& token : deps.accounts.api_tokens(req.user->user_id)) tokens.push_back(token_json(token));
  return Response::json(json::serialize(json::object{{"tokens", std::move(tokens)}}));
}

Response api_revoke_token(WebDeps& deps, Request& req) {
  auto done = deps.accounts.revoke_api_token(req.user->user_id, req.param_id("id"));
  if (!done) return deps.renderer.error(req, done.error());
  return Response{204, {}, {}};
}

Response forgot_page(WebDeps& deps, Request& req) {
  return form_page(deps, req, "account/forgot", {{"sent", req.query_params().has("sent")}});
}

Response forgot_submit(WebDeps& deps, Request& req) {
  const auto email = req.form().get("email");
  if (auto wait = deps.limits.signup_by_ip.take("reset:" + req.remote_ip)) return too_many(deps, req, *wait);
  auto normalized = normalize_email(email);
  if (!normalized) return form_page(deps, req, "account/forgot", {{"email", email}}, &normalized.error());
  const auto locale = req.locale;
  deps.accounts.request_reset(*normalized, [&](const User& user, const std::string& token) {
    return reset_mail(deps, locale, user, token);
  });
  if (deps.sender) deps.sender->wake();
  return Response::redirect(req.locale_prefix() + "/password/forgot?sent=1");
}

Response reset_page(WebDeps& deps, Request& req) {
  return form_page(deps, req, "account/reset", {{"token", req.query_params().get("token")}});
}

Response reset_submit(WebDeps& deps, Request& req) {
  auto form = req.form();
  auto done = deps.accounts.reset_password(form.get("token"), form.get("password"));
  if (!done) return form_page(deps, req, "account/reset", {{"token", form.get("token")}}, &done.error());
  return Response::redirect(req.locale_prefix() + "/login?reset=1");
}

Response switch_language(WebDeps& deps, Request& req) {
  const auto code = std::string(req.param("code"));
  if (code != "ko" && code != "en") return deps.renderer.error(req, Error::not_found("language " + code));
  auto next = web::local_redirect_target(req.query_params().get("next"), "/");
  if (code == "ko" && next.starts_with("/en/")) next = next.substr(3);
  if (code == "ko" && next == "/en") next = "/";
  auto response = Response::redirect(next, 302);
  web::set_cookie(response, "lang", code,
                  {.max_age_seconds = 60 * 60 * 24 * 365, .http_only = false, .secure = deps.secure_cookies});
  return response;
}

// --- JSON API --------------------------------------------------------------------------------------

Response api_error(const WebDeps& deps, const Request& req, const Error& error) {
  return deps.renderer.error(req, error);
}

Response api_signup(WebDeps& deps, Request& req) {
  auto body = web::parse_json_object(req.body);
  if (!body) return api_error(deps, req, body.error());
  if (auto wait = deps.limits.signup_by_ip.take("signup:" + req.remote_ip)) return too_many(deps, req, *wait);
  SignupInput input;
  for (auto [field, target] :
       {std::pair{"email", &input.email}, {"name", &input.name}, {"password", &input.password}}) {
    auto value = web::json_string(*body, field);
    if (!value) return api_error(deps, req, value.error());
    *target = *value;
  }
  input.locale = req.locale;
  input.terms_version = deps.terms_version;
  input.privacy_version = deps.privacy_version;
  auto marketing = web::json_bool(*body, "marketing", input.marketing);
  if (!marketing) return api_error(deps, req, marketing.error());
  input.marketing = *marketing;
  auto session = deps.accounts.sign_up(input, req.remote_ip, std::string(req.header("user-agent")));
  if (!session) return api_error(deps, req, session.error());
  auto token = deps.accounts.create_api_token(session->user.id, "signup");
  return Response::json(json::serialize(json::object{{"user", user_json(session->user)}, {"token", token}}),
                        201);
}

Response api_token(WebDeps& deps, Request& req) {
  auto body = web::parse_json_object(req.body);
  if (!body) return api_error(deps, req, body.error());
  auto email = web::json_string(*body, "email");
  auto password = web::json_string(*body, "password");
  auto name = web::json_string(*body, "name");
  if (!email) return api_error(deps, req, email.error());
  if (!password) return api_error(deps, req, password.error());
  if (!name) return api_error(deps, req, name.error());
  if (auto refused = token_name_refused(std::string(trim(*name)))) return api_error(deps, req, *refused);
  if (auto wait = check_login_limits(deps, req.remote_ip, *email)) return too_many(deps, req, *wait);
  auto session =
      deps.accounts.log_in(*email, *password, req.remote_ip, std::string(req.header("user-agent")));
  if (!session) return api_error(deps, req, session.error());
  deps.accounts.log_out(sha256_hex(session->token));  // API clients get a token, not a browser session
  auto token = deps.accounts.create_api_token(session->user.id, name->empty() ? "api" : *name);
  return Response::json(json::serialize(json::object{{"user", user_json(session->user)}, {"token", token}}),
                        201);
}

Response api_me(WebDeps&, Request& req) {
  json::object out{{"id", req.user->user_id}, {"email", req.user->email}, {"name", req.user->name}};
  json::array roles;
  for (auto role : web::all_roles)
    if (req.user->has(role)) roles.emplace_back(web::role_name(role));
  out["roles"] = std::move(roles);
  if (req.user->workshop_id) out["workshop_id"] = req.user->workshop_id;
  return Response::json(json::serialize(out));
}

}  // namespace

void add_routes(web::Router& router, WebDeps& deps) {
  auto bind = [&deps](Response (*fn)(WebDeps&, Request&)) {
    return [&deps, fn](Request& req) { return fn(deps, req); };
  };
  router.get("/login", bind(login_page));
  router.post("/login", bind(login_submit));
  router.get("/signup", bind(signup_page));
  router.post("/signup", bind(signup_submit));
  router.post("/logout", bind(logout));
  router.get("/account", bind(account_page)).access = web::Access::logged_in();
  router.post("/account/password", bind(change_password)).access = web::Access::logged_in();
  router.post("/account/tokens", bind(create_token_page)).access = web::Access::logged_in();
  router.post("/account/tokens/{id}/revoke", bind(revoke_token_page)).access = web::Access::logged_in();
  router.get("/password/forgot", bind(forgot_page));
  router.post("/password/forgot", bind(forgot_submit));
  router.get("/password/reset", bind(reset_page));
  router.post("/password/reset", bind(reset_submit));
  router.get("/lang/{code}", bind(switch_language));
  router.post("/api/v1/auth/signup", bind(api_signup));
  router.post("/api/v1/tokens", bind(api_token));
  router.get("/api/v1/me", bind(api_me)).access = web::Access::logged_in();
  router.get("/api/v1/tokens", bind(api_tokens)).access = web::Access::logged_in();
  router.add(web::Method::delete_, "/api/v1/tokens/{id}", bind(api_revoke_token)).access =
      web::Access::logged_in();
  add_privacy_routes(router, deps);
}

void CookieSessions::resolve(web::Request& request) {
  auto authorization = request.header("authorization");
  if (authorization.starts_with("Bearer ")) {
    auto user = accounts_.user_for_api_token(sha256_hex(authorization.substr(7)));
    if (user) {
      request.user = to_principal(*user);
      request.bearer = true;
    }
    return;
  }
  auto token = request.cookie(session_cookie);
  if (token.empty()) return;
  request.session_token_hash = sha256_hex(token);
  auto user = accounts_.user_for_session(request.session_token_hash);
  if (!user) {
    found_.forget(request.session_token_hash);
    return;
  }
  request.user = to_principal(*user);
  found_.put(request.session_token_hash, *request.user);
}

bool CookieSessions::recall(web::Request& request) {
  auto token = request.cookie(session_cookie);
  if (token.empty()) return false;
  auto hash = sha256_hex(token);
  auto user = found_.get(hash);
  if (!user) return false;
  request.user = std::move(*user);
  request.session_token_hash = std::move(hash);
  return true;
}

}  // namespace brilliant::accounts
