// Exhibitions over HTTP (issue 19).
//   Everyone: /exhibitions (upcoming and past), /exhibitions/{slug} (the line sheet; /en/, /zh/ and /ja/
//     before it for its languages; wholesale prices for approved buyers and the operator only),
//     /exhibitions/{slug}/linesheet.pdf (?lang=), /exhibitions/{slug}/poster.pdf.
//   The booth: /exhibitions/{slug}/booth (the operator and the selected workshops' staff capture buyers'
//     details on a phone, offline too; conflicts are resolved there), /exhibitions/{slug}/contact (a visitor
//     leaves their own details through the booth's QR code).
//   A workshop: /console/exhibitions (apply; once selected, the pieces it brings with wholesale prices, and
//     their names and stories in Chinese and Japanese).
//   The operator: /operator/exhibitions (plan a fair, select workshops; exchange rates are pricing's).
// The same as JSON under /api/v1/exhibitions, /api/v1/console/... and /api/v1/operator/....
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "catalog/service.hpp"
#include "exhibitions/exhibitions.hpp"
#include "exhibitions/leads.hpp"
#include "web/rate_limit.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::exhibitions {

struct Deps {
  Exhibitions& exhibitions;
  catalog::Catalog& catalog;
  const web::Renderer& renderer;
  const Clock& clock;
  std::function<std::map<std::string, long long>()> rates;  // currency -> won for one unit x 1,000 (pricing)
  Leads* leads = nullptr;                                   // the booth's leads (leads_routes.cpp)
  // The visitors' contact form, per address: twenty at once, then one every thirty seconds (a booth's shared
  // Wi-Fi is one address, so the burst lets a queue of visitors through). The App's, shared by every node.
  web::RateLimiter* visitor_forms = nullptr;
};

// The limit visitor_forms is made with.
inline constexpr int visitor_forms_burst = 20;
inline constexpr std::chrono::seconds visitor_forms_period = std::chrono::minutes(10);

void add_routes(web::Router& router, const Deps& deps);          // public (routes.cpp), then console's
void add_console_routes(web::Router& router, const Deps& deps);  // console_routes.cpp
// leads_routes.cpp; added by add_routes when deps has leads and visitor_forms.
void add_lead_routes(web::Router& router, const Deps& deps);
void add_operator_routes(web::Router& router, const Deps& deps);  // operator_routes.cpp

}  // namespace brilliant::exhibitions
