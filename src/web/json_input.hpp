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

}  // namespace brilliant::web
