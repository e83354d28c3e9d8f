// The vendors module's routes, in one place: joining, the console (pieces, photos, stock, profile,
// dashboard), brand review and settings, and staff. See vendors/deps.hpp.
#include "vendors/joining/routes.hpp"
#include "vendors/brand/brand_routes.hpp"
#include "vendors/console/console.hpp"
#include "vendors/console/dashboard.hpp"
#include "vendors/console/profile.hpp"
#include "vendors/deps.hpp"
#include "vendors/pieces/pieces.hpp"
#include "vendors/staff/staff_routes.hpp"

namespace brilliant::vendors {

void add_all_routes(web::Router& router, Deps& deps) {
  add_join_routes(router, deps);
  add_console_routes(router, deps);
  add_piece_routes(router, deps);
  add_profile_routes(router, deps);
  add_seller_routes(router, deps);
  add_dashboard_routes(router, deps);
  add_staff_routes(router, deps);
  add_brand_routes(router, deps);
}

}  // namespace brilliant::vendors
