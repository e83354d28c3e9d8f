// Exhibitions as JSON for pages and the API (issue 19).
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "core/result.hpp"
#include "exhibitions/exhibitions.hpp"
#include "exhibitions/leads.hpp"
#include "exhibitions/views.hpp"

namespace brilliant::exhibitions {

boost::json::object exhibition_json(const Exhibition& e, const std::string& locale);
boost::json::object participant_json(const Participant& p, const std::string& locale);
boost::json::object sheet_json(const Sheet& s);
boost::json::object lead_json(const Lead& lead);
// A lead as the booth app sends it; errors name the field.
Result<LeadInput> lead_input_json(const boost::json::object& o);

}  // namespace brilliant::exhibitions
