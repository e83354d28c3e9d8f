// Serving photo renditions by hash (/media/photos/{hash}): public, immutable, cached for a year.
// Originals are never served here: they are private evidence.
#pragma once
#include "media/photos.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::media {

struct Deps {
  Photos& photos;
  const web::Renderer& renderer;
};

void add_routes(web::Router& router, const Deps& deps);

}  // namespace brilliant::media
