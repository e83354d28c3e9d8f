// The operator's pricing console (/operator/pricing: quotes, CSV import, display rates) and the
// quotes API (GET/POST /api/v1/quotes). Operators only, except reading the current quotes.
#pragma once
#include "pricing/quotes.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::pricing {

struct Deps {
  Quotes& quotes;
  const web::Renderer& renderer;
};

void add_routes(web::Router& router, Deps deps);

}  // namespace brilliant::pricing
