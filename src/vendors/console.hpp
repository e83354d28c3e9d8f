// The workshop console's photo work: /console/products lists the workshop's products with an uploader;
// POST /api/v1/console/products/{slug}/photos takes one image as the request body (drag and drop and
// phone cameras send files one by one). Vendor staff act only for their own workshop; operators for any.
#pragma once
#include "catalog/service.hpp"
#include "core/clock.hpp"
#include "media/photos.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::vendors {

void add_console_routes(web::Router& router, catalog::Catalog& catalog, media::Photos& photos,
                        const web::Renderer& renderer, db::Database& db, const Clock& clock);

}  // namespace brilliant::vendors
