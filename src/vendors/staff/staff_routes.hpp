// Pages and API for a workshop's people and standing:
//   /console/staff (members, pending invitations, invite; the owner manages) and /api/v1/console/staff...
//   /invitations/{token} (see and accept an invitation) and POST /api/v1/invitations/accept
//   /operator/workshops (every workshop's standing; suspend with a reason, reinstate, history) and
//   /api/v1/operator/workshops...
#pragma once
#include <functional>
#include "vendors/deps.hpp"

#include "vendors/staff/staff.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::vendors {

// after_status_change runs when a workshop is suspended or reinstated (the store refreshes).
void add_staff_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::vendors
