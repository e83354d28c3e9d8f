// Customers and segments over HTTP (issue 13), for the operator: /operator/marketing/customers shows the
// customers a segment's rules select (all of them without rules) with their RFM group, churn risk and
// lifetime value, the groups as a bar chart drawn on the server, the saved segments with their sizes, and
// a CSV export (emails only of those who agreed to marketing). JSON: /api/v1/operator/customers?rules=
// and /api/v1/operator/segments. Pages with people's emails are audited when opened.
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <vector>

#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "marketing/customers.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::marketing {

struct CustomerDeps {
  db::Database& db;
  const web::Renderer& renderer;
  const Clock& clock;
  std::function<void()> before_reading = {};  // writes the views counted in memory (catalog::PageViews)
};
void add_customer_routes(web::Router& router, const CustomerDeps& deps);

// The members as CSV (UTF-8 with a byte-order mark for Excel): the email only of those who agreed to
// marketing, since nobody else may be messaged.
std::string members_csv(const std::vector<size_t>& members, const std::vector<CustomerFacts>& customers,
                        const std::vector<CustomerScore>& scores);

}  // namespace brilliant::marketing
