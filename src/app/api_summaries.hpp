// One line per API route for /api/v1/openapi.json (the catalog's own paths are described in full in
// catalog/seo.cpp). Kept in one table so the API reads as a whole; Router::describe throws at start-up
// if a route here no longer exists.
#pragma once
#include <boost/json/object.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "web/router.hpp"

namespace brilliant::app {

void describe_api(web::Router& router);
// The request bodies (JSON Schema text) of the routes that take JSON, for describe_api (api_bodies.cpp).
struct ApiBody {
  web::Method method;
  const char* pattern;
  std::string body;
};
std::vector<ApiBody> api_bodies();
// The API's contract: <root>/api/openapi.json (answer schemas per operation; see web::apply_contract).
boost::json::object api_contract(const std::filesystem::path& root);

}  // namespace brilliant::app
