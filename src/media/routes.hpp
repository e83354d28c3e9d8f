// Serving photo renditions by hash (/media/photos/{hash}): public, immutable, cached for a year.
// Originals are never served here: they are private evidence.
#pragma once
#include "media/photos.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::media {

void add_routes(web::Router& router, Photos& photos, const web::Renderer& renderer);

}  // namespace brilliant::media
