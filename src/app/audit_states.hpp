// The audit trail's before and after (issue 15): which changes read which state. Each change route (its
// page form and its API call) names the GET route whose JSON answer is what it changes; the pipeline
// reads that answer before and after an audited person's change (web::Route::state_from) and the trail
// keeps the difference (audit::changes). Prices, quotes, stock, orders, refunds, payouts, certificates,
// roles (a workshop's people) and settings are covered. Kept in one table so what is audited reads as a
// whole; web::Router::find throws at start-up if a route here no longer exists.
#pragma once
#include <vector>

#include "web/router.hpp"

namespace brilliant::app {

struct AuditState {
  web::Method method;
  const char* change;  // the changing route's pattern
  const char* state;   // the GET route's pattern; its {params} are the change's
};

std::vector<AuditState> audit_states();
// Sets each change route's state_from.
void name_audit_states(web::Router& router);

}  // namespace brilliant::app
