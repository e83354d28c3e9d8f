// OpenAPI path entries generated from the route table, so /api/v1/openapi.json lists every API route
// (method, path parameters, whether a login or a role is needed) even where nobody wrote a description.
#pragma once
#include <boost/json/object.hpp>
#include <string_view>
#include <vector>

#include "web/router.hpp"

namespace brilliant::web {

// Paths under `prefix` ("/api/v1/"), each method with its path parameters, "security" (bearer) when a
// login is needed, and "x-roles" when particular roles are.
boost::json::object describe_routes(const std::vector<Route>& routes, std::string_view prefix);

}  // namespace brilliant::web
