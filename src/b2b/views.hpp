// B2B's JSON (pages render the same objects): an application and a quote, with what the viewer may do
// next. Words come from the locale files ("b2b.status.sent").
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "b2b/b2b.hpp"
#include "catalog/views.hpp"

namespace brilliant::b2b {

boost::json::object application_json(const Application& a);

enum class Viewer { buyer, workshop, operator_ };
// prefix: "" or "/en", for the links.
boost::json::object quote_json(const Quote& q, Viewer viewer, const std::string& locale,
                               const std::string& prefix, const catalog::Messages& t);

}  // namespace brilliant::b2b
