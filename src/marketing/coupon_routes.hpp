// Coupons over HTTP (issue 13): the operator's /operator/marketing/coupons (the hub's coupons and every
// workshop's, with what each did) and a workshop's /console/marketing/coupons (its own, borne by it);
// each makes coupons and pauses or resumes them. The same as JSON under /api/v1/operator/coupons and
// /api/v1/console/coupons. Shoppers apply them at checkout (orders/order_routes.cpp).
#pragma once
#include <boost/json/object.hpp>

#include "catalog/views.hpp"
#include "marketing/coupons.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::marketing {

struct CouponDeps {
  Coupons& coupons;
  const web::Renderer& renderer;
  const Clock& clock;
};
void add_coupon_routes(web::Router& router, const CouponDeps& deps);

// A coupon for pages and the API, in a language, with its state at `now` (active, scheduled, ended,
// paused, used_up) and its results.
boost::json::object coupon_json(const CouponRow& row, const std::string& locale, const std::string& now,
                                const catalog::Messages& t);
// The totals over coupons (active ones, orders, paid revenue, discount given) for the marketing pages.
boost::json::object coupon_totals_json(const std::vector<CouponRow>& rows, const std::string& locale,
                                       const std::string& now);

}  // namespace brilliant::marketing
