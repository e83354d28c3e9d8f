// Recommendations over HTTP (issue 13): the product page's view beacon (counted for the workshop's
// dashboard and, with the pieces viewed before it in the visit, for recommendations), the JSON API per
// product and per person, and the "for you" row that the home page and the cart fetch as an HTML
// fragment (so the cached pages stay shared).
#pragma once
#include <boost/json/object.hpp>
#include <functional>

#include "catalog/page_views.hpp"
#include "catalog/routes.hpp"
#include "marketing/coupons.hpp"
#include "marketing/recommendations.hpp"
#include "marketing/traffic.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::marketing {

struct RouteDeps {
  Recommendations& recommendations;
  catalog::PageViews& views;
  const web::Renderer& renderer;
  Coupons* coupons = nullptr;  // their totals on the operator's marketing page
  const Clock* clock = nullptr;
  // The dashboard at the top of the operator's marketing page (dashboard_routes.hpp).
  std::function<boost::json::object(const web::Request&)> dashboard;
  // Who sent the beacon (its session cookie), 0 for a visitor: the beacon route keeps no session, so
  // that a view is neither audited nor given a CSRF cookie; a customer's views feed segments.
  std::function<long long(web::Request&)> customer_of;
  Visits* visits = nullptr;  // the visit beacon's counter (traffic.hpp)
};
void add_routes(web::Router& router, const RouteDeps& deps);

// The product page's two rows (four pieces each) with their reasons, for catalog::Storefront::set_related.
catalog::Storefront::RelatedPieces related_pieces(Recommendations& recommendations, long long product_id);
// The cart's "for you" row (four pieces) with their reasons, for catalog::Storefront::set_for_you.
std::vector<std::pair<long long, std::string>> for_you_pieces(Recommendations& recommendations,
                                                              const std::vector<long long>& seen,
                                                              long long user_id);

// The ids of the pieces a comma-separated list of slugs names, in order, unknown ones left out (at most
// `max`); nothing when the text is too long to be such a list (field: `field`).
Result<std::vector<long long>> slugs_to_ids(const catalog::Snapshot& snapshot, const std::string& text,
                                            const std::string& field, size_t max = 20);

}  // namespace brilliant::marketing
