#include "web/response.hpp"

#include "core/text.hpp"

namespace brilliant::web {

void Response::set(std::string_view name, std::string_view value) {
  for (auto& h : headers)
    if (iequals(h.name, name)) {
      h.value = value;
      return;
    }
  add(name, value);
}

std::string_view Response::header(std::string_view name) const {
  for (const auto& h : headers)
    if (iequals(h.name, name)) return h.value;
  return {};
}

Response Response::html(std::string body, int status) {
  return text(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::text(std::string body, int status, std::string_view type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.add("Content-Type", type);
  return r;
}

Response Response::json(std::string body, int status) {
  return text(std::move(body), status, "application/json");
}

Response Response::redirect(std::string_view location, int status) {
  Response r;
  r.status = status;
  r.add("Location", location);
  return r;
}

void set_cookie(Response& response, std::string_view name, std::string_view value,
                const CookieOptions& options) {
  std::string cookie = std::string(name) + "=" + std::string(value) + "; Path=/; SameSite=Lax";
  if (options.max_age_seconds >= 0) cookie += "; Max-Age=" + std::to_string(options.max_age_seconds);
  if (options.http_only) cookie += "; HttpOnly";
  if (options.secure) cookie += "; Secure";
  response.add("Set-Cookie", cookie);
}

}  // namespace brilliant::web
