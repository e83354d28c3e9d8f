#include "web/response.hpp"

#include <boost/url/parse.hpp>

#include <stdexcept>

#include "core/text.hpp"
#include "web/form.hpp"

namespace brilliant::web {
namespace {

bool control_free(std::string_view text, bool allow_tab) {
  for (unsigned char ch : text)
    if ((ch < 0x20 && !(allow_tab && ch == '\t')) || ch == 0x7f) return false;
  return true;
}

void check_header(std::string_view name, std::string_view value) {
  if (name.empty() || !control_free(name, false) || name.find(':') != std::string_view::npos ||
      !header_value_safe(value))
    throw std::invalid_argument("refused a response header with a control character: " +
                                std::string(control_free(name, false) ? name : "(bad name)"));
}

}  // namespace

bool header_value_safe(std::string_view value) { return control_free(value, true); }

std::string local_redirect_target(std::string_view next, std::string_view fallback) {
  const bool local = next.size() >= 1 && next.front() == '/' &&
                     (next.size() == 1 || (next[1] != '/' && next[1] != '\\')) && control_free(next, false);
  return std::string(local ? next : fallback);
}

void Response::add(std::string_view name, std::string_view value) {
  check_header(name, value);
  headers.push_back({std::string(name), std::string(value)});
}

void Response::set(std::string_view name, std::string_view value) {
  check_header(name, value);
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

Response Response::upgrade(std::shared_ptr<SocketSession> session) {
  Response r;
  r.status = 101;
  r.socket = std::move(session);
  return r;
}

std::string origin_of(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") || parsed->host().empty())
    return "";
  std::string out = std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_host());
  if (parsed->has_port()) out += ":" + std::string(parsed->port());
  return out;
}

std::string page_security_policy(std::string_view extra_form_targets) {
  std::string form = "'self'";
  if (!extra_form_targets.empty()) form += " " + std::string(extra_form_targets);
  return "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
         "connect-src 'self'; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action " +
         form + "; object-src 'none'";
}

void as_user_file(Response& response, Disposition disposition, std::string_view filename) {
  response.set("Content-Security-Policy",
               "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'");
  std::string value = disposition == Disposition::inline_ ? "inline" : "attachment";
  if (!filename.empty()) value += "; filename*=UTF-8''" + url_encode(filename);
  response.set("Content-Disposition", value);
}

void set_cookie(Response& response, std::string_view name, std::string_view value,
                const CookieOptions& options) {
  std::string cookie = std::string(name) + "=" + std::string(value) + "; Path=/; SameSite=Lax";
  if (options.max_age_seconds >= 0) cookie += "; Max-Age=" + std::to_string(options.max_age_seconds);
  if (options.http_only) cookie += "; HttpOnly";
  if (options.secure) cookie += "; Secure";
  response.add("Set-Cookie", cookie);
}

namespace {
std::string type_of(std::string_view b) {
  if (b.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (b.starts_with("\x89PNG")) return "image/png";
  if (b.size() > 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "image/webp";
  if (b.size() > 12 && b.substr(4, 4) == "ftyp") return "image/heif";
  if (b.starts_with("%PDF")) return "application/pdf";
  return "application/octet-stream";
}
}  // namespace

Response public_json(std::string body, std::string_view type) {
  auto response = Response::text(std::move(body), 200, type);
  response.set("Access-Control-Allow-Origin", "*");
  response.add("Cache-Control", "no-cache");
  return response;
}

Response private_file(std::string bytes, std::string content_type, std::string_view filename, int max_age,
                      bool download) {
  if (content_type.empty()) content_type = type_of(bytes);
  const bool image = content_type.starts_with("image/");
  auto response = Response::text(std::move(bytes), 200, content_type);
  response.add("Cache-Control", "private, max-age=" + std::to_string(max_age));
  as_user_file(response, image && !download ? Disposition::inline_ : Disposition::attachment, filename);
  return response;
}

}  // namespace brilliant::web
