// Brand settings pages and API: /operator/brand (form), /brand.css (the brand's colours as CSS
// variables, cached by version), GET /api/v1/brand (public: name and colours), GET/PUT
// /api/v1/operator/brand (everything), GET /api/v1/commission?workshop=&category= (the rate that
// applies; operators, or that workshop's staff).
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include "vendors/deps.hpp"

#include "catalog/service.hpp"
#include "media/blob_store.hpp"
#include "vendors/brand/brand_store.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::vendors {

// Reads PUT /api/v1/operator/brand's body; errors name the field (values are checked by save()).
Result<BrandSettings> brand_from_json(const boost::json::object& body);

void add_brand_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::vendors
