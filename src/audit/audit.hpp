// The audit trail (issue 15): who changed what, and who looked at customers' personal data. Every
// state-changing request that staff, a workshop, an auditor or the operator make and that succeeds is
// recorded by the pipeline (web::PipelineOptions::observe), with the values sent (secrets removed), as is
// every opening of a page flagged web::Route::personal_data. The table refuses updates and deletes.
// Rules here; the SQL in log.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace brilliant::audit {

struct Entry {
  long long id = 0;
  std::string at;
  long long actor_id = 0;
  std::string actor;  // the email at the time
  std::string roles;  // "operator vendor_staff"
  long long workshop_id = 0;
  std::string kind;  // change | view
  std::string method, route, target, detail;
  int status = 0;
  std::string ip;
  std::string changes;  // what the change changed: "path: before → after" lines (see changes())
};

// Whose actions are recorded: anyone holding a role beyond shopper and buyer (roles: web::Role bits).
bool audited(uint32_t roles);
// "change" for a successful state-changing method, "view" for a successful read of a personal-data page,
// empty when the request is not recorded.
std::string kind_of(std::string_view method, bool personal_data, int status);

// The values a request sent, fit for the log: a form's or a JSON object's fields as "name=value" lines
// (the form's _csrf left out), secrets masked (any field whose name holds password, token, secret, csrf
// or key), each value cut to 200 characters and the whole to 2,000; other bodies as "(N bytes, type)".
std::string detail_of(std::string_view content_type, std::string_view body);

// What a change changed, from the JSON of its state before and after (web::StateChange): one line per
// value that differs, "path: before → after" ("∅" where a value is absent), at most 40 lines (then
// "… N more"), each value cut to 120 characters. Paths are "price", "variants[sku=R-13].stock": array
// items that are objects are named by their sku, number, id, slug, month, code or key field when they
// have one (in that order), else by position. Display copies ("*_text", "*_html", "url") and timestamps
// "updated_at" are left out; secrets are masked as in detail_of. Empty when either side is missing or
// unreadable.
std::string changes(std::string_view before, std::string_view after);

}  // namespace brilliant::audit
