// The workshop's dashboard (/console, /api/v1/console/dashboard): views, add-to-cart, the add-to-cart
// rate, orders, revenue (paid orders) and order conversion, low stock, pieces waiting in review or needing
// changes, pieces without photos; all from the database. The view counts come from the product page's
// beacon (marketing/routes.cpp).
#pragma once
#include "catalog/page_views.hpp"
#include "catalog/service.hpp"
#include "vendors/deps.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::vendors {

// "12.5%" to one decimal, rounded half up; "—" when there is nothing to divide by.
std::string percent_text(long long part, long long whole);

void add_dashboard_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::vendors
