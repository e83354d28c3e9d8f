// Exhibitions as JSON for pages and the API (issue 19).
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "exhibitions/exhibitions.hpp"
#include "exhibitions/views.hpp"

namespace brilliant::exhibitions {

boost::json::object exhibition_json(const Exhibition& e, const std::string& locale);
boost::json::object participant_json(const Participant& p, const std::string& locale);
boost::json::object sheet_json(const Sheet& s);

}  // namespace brilliant::exhibitions
