// The cart in the storefront: /cart (page, ko/en), POST /cart (add from a product page, with engraving
// and gift wrap), POST /cart/lines/{id} (quantity), POST /cart/lines/{id}/remove; and the JSON API
// GET /api/v1/cart, POST /api/v1/cart/lines, PATCH and DELETE /api/v1/cart/lines/{id}.
// The cart is named by the "cart" cookie (HttpOnly) or, for API clients, the X-Cart-Token header.
#pragma once
#include "catalog/routes.hpp"
#include "orders/carts.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::orders {

struct CartDeps {
  Carts& carts;
  catalog::Storefront& storefront;
  const web::Renderer& renderer;
  bool secure_cookies = false;
};

void add_cart_routes(web::Router& router, CartDeps deps);

}  // namespace brilliant::orders
