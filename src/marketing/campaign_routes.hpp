// Campaigns over HTTP (issue 13). The operator: /operator/marketing/campaigns (the list and a new
// campaign: a saved segment, subject and text A and optionally B, the button's page, a coupon, a time),
// /operator/marketing/campaigns/{id} (a sample of the mail, send, and the results per variant with an SVG
// chart and the significance of the difference); JSON under /api/v1/operator/campaigns. The recipient,
// without logging in, through the random token in their mail: /c/{token}/open.gif (the open pixel),
// /c/{token}/click (counted, the visit attributed to the campaign by a first-party cookie, then on to the
// store), /c/{token}/unsubscribe (a page with one button; a mail program's one-click POST, RFC 8058).
#pragma once
#include <boost/json/object.hpp>

#include "marketing/campaigns.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::marketing {

struct CampaignDeps {
  Campaigns& campaigns;
  const web::Renderer& renderer;
};
void add_campaign_routes(web::Router& router, const CampaignDeps& deps);

// A variant's rates for pages and the API (percentages of those sent), and the bars of the results chart.
boost::json::object variant_json(const VariantResult& v, const std::string& locale);

// The value of the first-party "utm" cookie for a campaign's visit: "mail|email|campaign-ID|a".
std::string campaign_attribution(const Tracked& tracked);

}  // namespace brilliant::marketing
