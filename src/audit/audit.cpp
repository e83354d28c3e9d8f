#include "audit/audit.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"
#include "web/form.hpp"
#include "web/principal.hpp"

namespace brilliant::audit {

namespace json = boost::json;

bool audited(uint32_t roles) {
  const uint32_t staff =
      static_cast<uint32_t>(web::Role::operator_) | static_cast<uint32_t>(web::Role::vendor_staff) |
      static_cast<uint32_t>(web::Role::auditor) | static_cast<uint32_t>(web::Role::station_staff);
  return (roles & staff) != 0;
}

std::string kind_of(std::string_view method, bool personal_data, int status) {
  if (status >= 400 || status < 200) return "";
  if (method == "GET" || method == "HEAD") return personal_data ? "view" : "";
  return "change";
}

namespace {

bool secret_name(std::string_view name) {
  const auto lower = ascii_lower(name);
  for (const char* word : {"password", "token", "secret", "csrf", "key"})
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

void add_line(std::string& out, std::string_view name, std::string_view value) {
  if (out.size() >= 2000 || name == "_csrf") return;  // the form's token says nothing about the change
  std::string line =
      std::string(name) + "=" + (secret_name(name) ? "***" : utf8_shorten(std::string(value), 200));
  for (auto& c : line)
    if (c == '\n' || c == '\r') c = ' ';
  out += (out.empty() ? "" : "\n") + line;
  if (out.size() > 2000) out = utf8_shorten(out, 2000);
}

}  // namespace

std::string detail_of(std::string_view content_type, std::string_view body) {
  std::string out;
  if (body.empty()) return out;
  if (content_type.starts_with("application/x-www-form-urlencoded")) {
    const auto form = web::parse_form(std::string(body));
    for (const auto& [name, value] : form.fields()) add_line(out, name, value);
    return out;
  }
  if (content_type.starts_with("application/json")) {
    boost::system::error_code ec;
    const auto parsed = json::parse(body, ec);
    if (!ec && parsed.is_object()) {
      for (const auto& [name, value] : parsed.as_object())
        add_line(out, name, value.is_string() ? std::string(value.as_string()) : json::serialize(value));
      return out;
    }
  }
  return "(" + std::to_string(body.size()) + " bytes, " +
         std::string(content_type.empty() ? "no type" : content_type) + ")";
}

}  // namespace brilliant::audit
