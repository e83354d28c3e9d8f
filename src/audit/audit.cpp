#include "audit/audit.hpp"

#include <boost/json.hpp>
#include <optional>
#include <unordered_map>
#include <vector>

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

namespace {

// Scalars of a JSON value by path, in document order.
using Flat = std::vector<std::pair<std::string, std::string>>;

// Display copies and timestamps; a page model's own title and robots flag (at the top only).
bool noise(std::string_view key, bool top) {
  return key.ends_with("_text") || key.ends_with("_html") || key == "url" || key == "updated_at" ||
         (top && (key == "title" || key == "noindex"));
}

// The field an array item is named by (its id, number, ...), or none: it is then named by position.
const char* name_field(const json::value& item) {
  if (item.is_object())
    for (const char* key : {"sku", "number", "id", "slug", "month", "code", "key", "metal", "carrier"})
      if (const auto* v = item.as_object().if_contains(key); v && (v->is_string() || v->is_int64()))
        return key;
  return nullptr;
}

// `named`: the field that names this object in its array (already in its path, so not repeated).
void flatten(const json::value& v, const std::string& path, Flat& out, const char* named = nullptr) {
  if (v.is_object()) {
    for (const auto& [key, child] : v.as_object())
      if (!noise(key, path.empty()) && !(named && key == named))
        flatten(child, path.empty() ? std::string(key) : path + "." + std::string(key), out);
  } else if (v.is_array()) {
    const auto& items = v.as_array();
    for (size_t i = 0; i < items.size(); ++i) {
      const char* key = name_field(items[i]);
      const auto& id = key ? items[i].as_object().at(key) : items[i];
      const std::string name =
          !key
              ? std::to_string(i)
              : std::string(key) + "=" + (id.is_string() ? std::string(id.as_string()) : json::serialize(id));
      flatten(items[i], path + "[" + name + "]", out, key);
    }
  } else {
    out.emplace_back(path, v.is_string() ? std::string(v.as_string()) : json::serialize(v));
  }
}

std::optional<Flat> flat(std::string_view text) {
  boost::system::error_code ec;
  const auto parsed = json::parse(text, ec);
  if (text.empty() || ec) return std::nullopt;
  Flat out;
  flatten(parsed, "", out);
  return out;
}

std::unordered_map<std::string_view, const std::string*> index_of(const Flat& flat) {
  std::unordered_map<std::string_view, const std::string*> out;
  for (const auto& [path, value] : flat) out.emplace(path, &value);
  return out;
}

}  // namespace

std::string changes(std::string_view before_text, std::string_view after_text) {
  const auto before = flat(before_text), after = flat(after_text);
  if (!before || !after) return "";
  const auto was_at = index_of(*before), now_at = index_of(*after);
  std::vector<std::string> lines;
  const auto line = [&](const std::string& path, const std::string* was, const std::string* now) {
    const auto cut = path.find_last_of(".]");
    const bool secret = secret_name(cut == std::string::npos ? path : path.substr(cut + 1));
    const auto shown = [&](const std::string* v) {
      return !v ? std::string("∅") : secret ? std::string("***") : utf8_shorten(*v, 120);
    };
    lines.push_back(path + ": " + shown(was) + " → " + shown(now));
  };
  for (const auto& [path, was] : *before) {
    const auto now = now_at.find(path);
    if (now == now_at.end())
      line(path, &was, nullptr);
    else if (*now->second != was)
      line(path, &was, now->second);
  }
  for (const auto& [path, now] : *after)
    if (!was_at.contains(path)) line(path, nullptr, &now);
  std::string out;
  for (size_t i = 0; i < lines.size() && i < 40; ++i) out += (out.empty() ? "" : "\n") + lines[i];
  if (lines.size() > 40) out += "\n… " + std::to_string(lines.size() - 40) + " more";
  return out;
}

}  // namespace brilliant::audit
