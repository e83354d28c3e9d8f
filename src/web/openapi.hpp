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
// Every operation gets an operationId (getOrdersByNumber), "security" ([] when public) and the error
// answers that can happen: 400, 401 (login needed), 403 (roles), 404 (a path parameter), 409/422 where
// writes can conflict.
boost::json::object describe_routes(const std::vector<Route>& routes, std::string_view prefix);

// The API's contract (api/openapi.json): components.schemas, and per operation ("GET /api/v1/orders")
// its answers' schemas by status ("200", "201", "204": no body), its request body, extra parameters and
// answer headers.
// Applied to a document's paths and components; throws std::runtime_error naming an operation the
// document does not have (a route was removed or renamed).
void apply_contract(boost::json::object& document, const boost::json::object& contract);

}  // namespace brilliant::web
