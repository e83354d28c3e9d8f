// The audit trail's pages and API (issue 15):
//   GET /operator/audit, /api/v1/operator/audit   every entry (operator)
//   GET /console/audit,  /api/v1/console/audit    the workshop's own staff's entries (its owner)
// Filters: ?q= (who, what, values), kind=change|view, from=, to= (Seoul dates), before= (paging).
#pragma once
#include "audit/log.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::audit {

struct Deps {
  Log& log;
  const web::Renderer& renderer;
};

void add_routes(web::Router& router, Deps deps);

}  // namespace brilliant::audit
