// A live show's run-sheet (issue 13, the copy assistant for live commerce): the line-up in order, each
// piece with its price, the facts the host may say (talking points from the copy generator, so nothing
// is said that the piece does not have) and its live deals, in Korean and English. A printable page for
// the host (/console/live/{slug}/run-sheet) and JSON (/api/v1/console/live/{slug}/run-sheet), for the
// show's host and the operator.
#pragma once
#include <boost/json/object.hpp>

#include "catalog/views.hpp"
#include "live/service.hpp"
#include "marketing/copy.hpp"
#include "vendors/deps.hpp"
#include "web/router.hpp"

namespace brilliant::marketing {

struct RunSheetDeps {
  live::Live& live;
  vendors::Deps& vendors;
};
void add_run_sheet_routes(web::Router& router, const RunSheetDeps& deps);

// The run-sheet of a show whose pieces the catalog gives (`piece`: nothing for one no longer there), each
// piece's facts as the copy assistant reads them (`facts_of`).
boost::json::object run_sheet_json(const live::Show& show,
                                   const std::function<std::optional<catalog::Product>(long long)>& piece,
                                   const std::function<CopyFacts(const catalog::Product&)>& facts_of,
                                   const std::string& locale);

}  // namespace brilliant::marketing
