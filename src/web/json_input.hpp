// Reading JSON request bodies (Boost.JSON) into values, with errors that name the field.
#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace brilliant::web {

// The body as a JSON object; an "invalid" Error on field "body" otherwise.
Result<boost::json::object> parse_json_object(std::string_view body);
// A string member; empty when absent; an Error naming the field when present but not a string.
Result<std::string> json_string(const boost::json::object& object, std::string_view field);
// A whole-number member; `fallback` when absent or null; an Error naming the field otherwise.
Result<long long> json_int(const boost::json::object& object, std::string_view field, long long fallback);
// A true/false member; `fallback` when absent or null; an Error naming the field otherwise (code
// boolean_invalid, the same for every field and module).
Result<bool> json_bool(const boost::json::object& object, std::string_view field, bool fallback);

}  // namespace brilliant::web
