// Joining the joint brand: /join (apply, see status and messages, resubmit) for applicants;
// /operator/applications (queue, detail, decide) for operators; JSON under /api/v1/applications.
#pragma once
#include "vendors/deps.hpp"
#include "vendors/joining/application_files.hpp"
#include "vendors/joining/service.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::vendors {

// after_approval runs once a workshop exists (the storefront refreshes its snapshot).
void add_join_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::vendors
