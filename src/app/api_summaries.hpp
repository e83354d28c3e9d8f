// One line per API route for /api/v1/openapi.json (the catalog's own paths are described in full in
// catalog/seo.cpp). Kept in one table so the API reads as a whole; Router::describe throws at start-up
// if a route here no longer exists.
#pragma once
#include "web/router.hpp"

namespace brilliant::app {

void describe_api(web::Router& router);

}  // namespace brilliant::app
