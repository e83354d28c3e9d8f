#include "web/json_input.hpp"

#include <boost/json.hpp>

namespace brilliant::web {

Result<boost::json::object> parse_json_object(std::string_view body) {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec) return Error::invalid("body", "json_invalid", "body is not valid JSON: " + ec.message());
  if (!value.is_object()) return Error::invalid("body", "json_not_object", "body must be a JSON object");
  return std::move(value.as_object());
}

Result<std::string> json_string(const boost::json::object& object, std::string_view field) {
  auto it = object.find(field);
  if (it == object.end() || it->value().is_null()) return std::string();
  if (!it->value().is_string())
    return Error::invalid(std::string(field), "not_a_string", std::string(field) + " must be a string");
  return std::string(it->value().get_string());
}

}  // namespace brilliant::web
