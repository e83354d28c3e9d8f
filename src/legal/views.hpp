// The legal particulars as pages and the API show them: one JSON shape for both.
#pragma once
#include <boost/json/object.hpp>
#include <optional>

#include "legal/business.hpp"

namespace brilliant::legal {

// Every field, the registration number also as shown ("registration_display": 123-45-67890), whether the
// hub mediates ("mediator"), and the processors as a list of {name, purpose}.
boost::json::object business_json(const BusinessInfo& info);

// What every page's footer carries: the particulars, or {"missing": true} until the operator sets them.
boost::json::object footer_json(const std::optional<BusinessInfo>& info);

}  // namespace brilliant::legal
