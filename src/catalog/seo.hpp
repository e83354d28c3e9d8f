// Search-engine and machine-readable outputs: schema.org JSON-LD, sitemap.xml, the OpenAPI document.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "catalog/listing.hpp"
#include "catalog/product.hpp"

namespace brilliant::catalog {

// JSON-LD text safe to place inside <script type="application/ld+json"> ('<', '>', '&' as \u003c...).
std::string product_json_ld(const Product& product, const Workshop& workshop, const std::string& base_url,
                            const std::string& locale);
std::string organization_json_ld(const std::string& base_url);
// Home, listing, workshops and every published product, in both languages (xhtml:link alternates).
std::string sitemap_xml(const Snapshot& snapshot, const std::string& base_url);
// The described catalog paths, plus `generated` entries (web::describe_routes) for every other API route.
// generated: web::describe_routes' paths; contract: api/openapi.json (web::apply_contract).
std::string openapi_json(const std::string& base_url, const boost::json::object& generated = {},
                         const boost::json::object& contract = {});

}  // namespace brilliant::catalog
