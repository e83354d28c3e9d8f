#include "web/pipeline.hpp"

#include <spdlog/spdlog.h>

#include <utility>

#include "core/secret.hpp"
#include "core/text.hpp"
#include "web/cache_render.hpp"
#include "web/form.hpp"

namespace brilliant::web {
namespace {

constexpr std::string_view csrf_cookie = "csrf";

// The page cache's key: locale, the decoded path (so "/%73hop" and "/shop" are one page) and the query.
std::string cache_key(const Request& request) {
  std::string key = request.locale + "|" + request.path;
  if (!request.query.empty()) key += "?" + request.query;
  return key;
}

// Control characters and bidi overrides never reach a query, a log or a stored text: the field is named.
Error form_error(const Form& form, const std::string& where, const std::string& code,
                 const std::string& what) {
  if (form.invalid_field().empty()) return Error::invalid(where, code, what + " is malformed or not UTF-8");
  return Error::invalid(
      form.invalid_field(), "text_invalid",
      form.invalid_field() + " is not UTF-8 or holds a control character or a bidi override");
}

std::string request_token(const Request& request) {
  auto header = request.header("x-csrf-token");
  if (!header.empty()) return std::string(header);
  if (request.header("content-type").starts_with("application/x-www-form-urlencoded"))
    return request.form().get("_csrf");
  return {};
}

}  // namespace

Pipeline::Pipeline(const Router& router, const Renderer& renderer, const StaticFiles& files, Metrics& metrics,
                   SessionResolver& sessions, PipelineOptions options, PageCache* cache)
    : router_(router),
      renderer_(renderer),
      files_(files),
      metrics_(metrics),
      sessions_(sessions),
      options_(options),
      cache_(cache),
      node_tag_(random_token(6).substr(0, 6)),
      access_log_(!options.access_log ? nullptr
                  : options.access_log_dir.empty()
                      ? std::make_unique<AccessLog>()
                      : std::make_unique<AccessLog>(options.access_log_dir, options.access_log_days)) {}

std::pair<std::string, bool> Pipeline::csrf_for(const Request& request) const {
  // Only a token of the server's own form is taken back: anything else could be markup meant to be
  // baked into a page.
  auto cookie = request.cookie(csrf_cookie);
  if (is_random_token(cookie)) return {cookie, false};
  return {random_token(), true};
}

void Pipeline::give_csrf_cookie(Response& response, const std::string& token) const {
  set_cookie(response, csrf_cookie, token,
             {.max_age_seconds = 60 * 60 * 24 * 365, .http_only = true, .secure = options_.secure_cookies});
}

bool Pipeline::anonymous_get(const Request& request) {
  return (request.method == Method::get || request.method == Method::head) && request.cookie("sid").empty() &&
         request.header("authorization").empty();
}

bool Pipeline::recalled_reader(Request& request) const {
  // A browser reading with a session resolved under a second ago, who is not staff whose reading the
  // audit trail records or whose pages carry the suspension banner (those go the whole way).
  if (request.method != Method::get && request.method != Method::head) return false;
  if (request.cookie("sid").empty() || !request.header("authorization").empty()) return false;
  if (!sessions_.recall(request)) return false;
  if (request.user && !request.user->console_writes_blocked() &&
      !(options_.audits && options_.audits(request)))
    return true;
  request.user.reset();
  request.session_token_hash.clear();
  return false;
}

Pipeline::Prepared Pipeline::prepare(Request& request) const {
  Prepared prepared;
  request.request_id =
      node_tag_ + "-" + std::to_string(next_request_.fetch_add(1, std::memory_order_relaxed));
  std::string_view target = request.target;
  auto qmark = target.find('?');
  request.query = qmark == std::string_view::npos ? std::string() : std::string(target.substr(qmark + 1));
  auto decoded = decode_path(target.substr(0, qmark));
  if (!decoded || request.method == Method::other) {
    prepared.early = error(
        request, decoded ? Error{ErrorKind::invalid, "bad_method", "unsupported method", ""}
                         : Error::invalid("path", "bad_path", "the path is not valid UTF-8 or is malformed"));
    if (decoded && request.method == Method::other) prepared.early->status = 405;
    return prepared;
  }
  request.path = std::move(*decoded);
  // Locale: "/en" prefix, then cookie, then Accept-Language (Korean by default).
  if (request.path == "/en" || request.path.starts_with("/en/")) {
    request.locale = "en";
    request.locale_in_path = true;
    request.path = request.path.size() <= 4 ? std::string("/") : request.path.substr(3);
  } else {
    request.locale = negotiate_locale(request.cookie("lang"), request.header("accept-language"));
  }
  if (request.path.starts_with("/static/") &&
      (request.method == Method::get || request.method == Method::head)) {
    auto file = files_.serve(request);
    prepared.early = file ? std::move(*file) : error(request, Error::not_found("file"));
    return prepared;
  }
  prepared.match = router_.match(request.method, request.path);
  if (!prepared.match.route) {
    if (prepared.match.path_known) {
      prepared.early = error(
          request, Error{ErrorKind::invalid, "method_not_allowed",
                         "method " + std::string(method_name(request.method)) + " not allowed here", ""});
      prepared.early->status = 405;
      prepared.early->set("Allow", prepared.match.allowed);
    } else {
      prepared.early = error(request, Error::not_found("page " + request.path));
    }
    return prepared;
  }
  request.params = prepared.match.params;
  if (cache_ && prepared.match.route->cacheable && (anonymous_get(request) || recalled_reader(request))) {
    auto [token, fresh] = csrf_for(request);
    if (request.user) request.csrf_token = token;  // the account area's logout form carries it
    if (auto hit = cache_->get(cache_key(request), token, renderer_.account_area(request))) {
      if (fresh) give_csrf_cookie(*hit, token);
      hit->add("X-Cache", "hit");
      prepared.early = std::move(*hit);
    } else {  // a miss runs the whole way, on the pool, resolving the session afresh
      request.user.reset();
      request.session_token_hash.clear();
      request.csrf_token.clear();
    }
  }
  return prepared;
}

Response Pipeline::run(Request& request, const Prepared& prepared) const {
  if (prepared.early) return *prepared.early;
  const Route& route = *prepared.match.route;
  try {
    if (route.runs == Runs::inline_) return route.handler(request);
    // Every route that reads input (session-less ones too, such as search suggestions): malformed or
    // unsafe text never reaches a handler, a query or a log.
    if (auto query = parse_form(request.query); !query.valid())
      return error(request, form_error(query, "query", "query_invalid", "the query string"));
    if (request.header("content-type").starts_with("application/x-www-form-urlencoded") &&
        !request.form().valid())
      return error(request, form_error(request.form(), "body", "form_invalid", "the form data"));
    if (!route.session) return route.handler(request);
    return guarded(request, route);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request.request_id, method_name(request.method),
                  request.path, e.what());
  }
  return error(request, Error{ErrorKind::internal, "internal",
                              "something went wrong on our side; request id " + request.request_id, ""});
}

Response Pipeline::guarded(Request& request, const Route& route) const {
  if (!(route.recalled_session && recalled_reader(request))) sessions_.resolve(request);
  auto [token, fresh_csrf] = csrf_for(request);
  request.csrf_token = token;
  auto with_cookie = [&, fresh = fresh_csrf](Response response) {
    if (fresh && !request.bearer) give_csrf_cookie(response, request.csrf_token);
    return response;
  };
  // Browsers send forms and cookies; a JSON call without a session cookie is a non-browser client.
  const bool browser =
      !request.cookie("sid").empty() || !request.header("content-type").starts_with("application/json");
  if (route.csrf && !request.bearer && browser &&
      (fresh_csrf || !secrets_equal(request_token(request), request.csrf_token)))
    return with_cookie(error(
        request, Error{ErrorKind::forbidden, "csrf",
                       "the form's security token (_csrf) is missing or stale: reload the page and try again",
                       "_csrf"}));
  if (route.access.login && !request.user) {
    if (!request.wants_json() && request.method == Method::get)
      return with_cookie(
          Response::redirect(request.locale_prefix() + "/login?next=" + url_encode(request.target)));
    return with_cookie(
        error(request, Error::unauthenticated(request.session_token_hash.empty()
                                                  ? "log in first"
                                                  : "your session has expired: log in again")));
  }
  if (route.access.any_of && !(request.user->roles & route.access.any_of))
    return with_cookie(
        error(request, Error::forbidden("your account does not have the role this page needs")));
  if (request.user && request.user->console_writes_blocked() && request.method != Method::get &&
      request.method != Method::head &&
      (request.path.starts_with("/console/") || request.path.starts_with("/api/v1/console/")))
    return with_cookie(error(request, Error{ErrorKind::forbidden, "workshop_suspended",
                                            "the workshop is suspended: its console is read-only until the "
                                            "operator reinstates it",
                                            ""}));
  // Storefront pages come from the page cache for everyone but API tokens and suspended staff (whose
  // pages carry a banner): a logged-in visitor's differs only in the token and the account area.
  const bool reading = request.method == Method::get || request.method == Method::head;
  if (cache_ && route.cacheable && reading && !request.bearer &&
      !(request.user && request.user->console_writes_blocked()))
    return with_cookie(cached_for(request, route));
  const bool stateful = options_.observe && options_.audits && request.user && !route.state_from.empty() &&
                        !reading && options_.audits(request);
  StateChange state;
  if (stateful) state.before = read_state(request, route);
  auto response = route.handler(request);
  if (stateful && response.status < 400) state.after = read_state(request, route);
  if (options_.observe && request.user) options_.observe(request, route, response.status, state);
  return with_cookie(std::move(response));
}

Response Pipeline::cached_for(Request& request, const Route& route) const {
  const auto key = cache_key(request);
  const std::string area = renderer_.account_area(request);
  const auto hit = [&](Response page) {
    page.add("X-Cache", "hit");
    if (options_.observe && request.user) options_.observe(request, route, page.status, {});
    return page;
  };
  if (auto page = cache_->get(key, request.csrf_token, area)) return hit(std::move(*page));
  // One render per missing page: a visitor who misses while another renders it waits for that page.
  struct Claim {
    PageCache* cache;
    const std::string& key;
    bool mine;
    ~Claim() {
      if (mine) cache->release(key);
    }
  } claim{cache_, key, cache_->claim(key)};
  if (!claim.mine)
    if (auto page = cache_->get(key, request.csrf_token, area)) return hit(std::move(*page));
  auto response = render_for_cache(*cache_, renderer_, request, key, area, route.handler);
  response.add("X-Cache", "miss");
  if (options_.observe && request.user) options_.observe(request, route, response.status, {});
  return response;
}

std::string Pipeline::read_state(const Request& request, const Route& route) const {
  std::string path = route.state_from;
  for (const auto& [name, value] : request.params)
    if (auto at = path.find("{" + name + "}"); at != std::string::npos)
      path.replace(at, name.size() + 2, value);
  const auto match = router_.match(Method::get, path);
  if (!match.route || (match.route->access.any_of && !(request.user->roles & match.route->access.any_of)))
    return "";
  Request read;
  read.method = Method::get;
  read.target = read.path = path;
  read.params = match.params;
  read.locale = request.locale;
  read.user = request.user;
  read.request_id = request.request_id + "-state";
  read.remote_ip = request.remote_ip;
  try {
    auto answer = match.route->handler(read);
    if (answer.status == 200 && answer.header("content-type").starts_with("application/json"))
      return std::move(answer.body);
  } catch (const std::exception& e) {
    spdlog::warn("request {}: reading the state at {} failed: {}", request.request_id, path, e.what());
  }
  return "";
}

std::optional<Response> Pipeline::refuse_upload(Request& head) const {
  auto prepared = prepare(head);
  if (prepared.early) return std::move(*prepared.early);
  sessions_.resolve(head);
  if (head.user) return std::nullopt;
  return error(head, Error::unauthenticated("log in before uploading a file"));
}

Response Pipeline::error(const Request& request, const Error& error) const {
  return renderer_.error(request, error);
}

void Pipeline::finish(const Request& request, const Prepared& prepared, Response& response,
                      std::chrono::nanoseconds elapsed) const {
  response.add("X-Request-Id", request.request_id);
  response.add("X-Content-Type-Options", "nosniff");
  response.add("Referrer-Policy", "strict-origin-when-cross-origin");
  response.add("X-Frame-Options", "DENY");
  auto type = response.header("content-type");
  // A page may set its own policy (the payment page loads the provider's script); others get this one.
  if (type.starts_with("text/html") && response.header("content-security-policy").empty()) {
    response.add("Content-Security-Policy", page_security_policy());
  }
  if (type.starts_with("text/html")) {
    if (response.header("cache-control").empty()) response.add("Cache-Control", "no-store");
    response.add("Vary", "Cookie, Accept-Language");
  }
  const size_t index = prepared.match.route ? prepared.match.route->index : metrics_.unmatched_index();
  metrics_.observe(index, response.status, elapsed);
  if (access_log_) access_log_->write(request, prepared.match.route, response.status, elapsed);
}

}  // namespace brilliant::web
