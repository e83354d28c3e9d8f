// The marketing dashboard over HTTP (issue 13): on the operator's /operator/marketing (everything, per
// workshop too, and the traffic sources: visits and conversion per source) and a workshop's
// /console/marketing (its own pieces and parcels, with links to its coupons, the copy assistant and the photo
// coach); ?days=7|30|90 (default 30, ending today in Seoul). Charts are SVG drawn on the server. JSON:
// /api/v1/operator/marketing/dashboard, /api/v1/console/marketing/dashboard.
#pragma once
#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "marketing/dashboard.hpp"
#include "marketing/traffic.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::marketing {

struct DashboardDeps {
  db::Database& db;
  const web::Renderer& renderer;
  const Clock& clock;
  Visits* visits = nullptr;  // the operator's traffic sources
};
void add_dashboard_routes(web::Router& router, const DashboardDeps& deps);

// The dashboard's model for pages and the API: numbers, texts and the charts' bars.
boost::json::object dashboard_json(const DashboardData& data, const std::string& locale,
                                   const web::Renderer& renderer);
// The operator's dashboard for a request (?days=), for the /operator/marketing page.
boost::json::object operator_dashboard(const DashboardDeps& deps, const web::Request& req);

}  // namespace brilliant::marketing
