#include "web/json_input.hpp"

#include <boost/json.hpp>
#include <optional>

#include "core/text.hpp"

namespace brilliant::web {
namespace {

// The first string (member name or value) anywhere in value that safe_text_input refuses: the path of
// the member holding it ("variants.0.size"), or nullopt. Boost.JSON has checked the UTF-8 already.
std::optional<std::string> unsafe_text(const boost::json::value& value, const std::string& path) {
  if (value.is_string()) {
    if (!safe_text_input(value.get_string())) return path;
  } else if (value.is_array()) {
    const auto& array = value.get_array();
    for (size_t i = 0; i < array.size(); ++i)
      if (auto found = unsafe_text(array[i], path + (path.empty() ? "" : ".") + std::to_string(i)))
        return found;
  } else if (value.is_object()) {
    for (const auto& member : value.get_object()) {
      const std::string name = path + (path.empty() ? "" : ".") + std::string(member.key());
      if (!safe_text_input(member.key())) return path.empty() ? std::string("body") : path;
      if (auto found = unsafe_text(member.value(), name)) return found;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<boost::json::object> parse_json_object(std::string_view body) {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec) return Error::invalid("body", "json_invalid", "body is not valid JSON: " + ec.message());
  if (!value.is_object()) return Error::invalid("body", "json_not_object", "body must be a JSON object");
  if (auto field = unsafe_text(value, ""))
    return Error::invalid(*field, "text_invalid", *field + " holds a control character or a bidi override");
  return std::move(value.as_object());
}

Result<std::string> json_string(const boost::json::object& object, std::string_view field) {
  auto it = object.find(field);
  if (it == object.end() || it->value().is_null()) return std::string();
  if (!it->value().is_string())
    return Error::invalid(std::string(field), "not_a_string", std::string(field) + " must be a string");
  return std::string(it->value().get_string());
}

Result<long long> json_int(const boost::json::object& object, std::string_view field, long long fallback) {
  auto it = object.find(field);
  if (it == object.end() || it->value().is_null()) return fallback;
  if (it->value().is_int64()) return it->value().get_int64();
  if (it->value().is_uint64() && it->value().get_uint64() <= 9007199254740991ULL)
    return static_cast<long long>(it->value().get_uint64());
  return Error::invalid(std::string(field), "number_invalid", std::string(field) + " must be a whole number");
}

Result<bool> json_bool(const boost::json::object& object, std::string_view field, bool fallback) {
  auto it = object.find(field);
  if (it == object.end() || it->value().is_null()) return fallback;
  if (it->value().is_bool()) return it->value().get_bool();
  return Error::invalid(std::string(field), "boolean_invalid", std::string(field) + " must be true or false");
}

}  // namespace brilliant::web
