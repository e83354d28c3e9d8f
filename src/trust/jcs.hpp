// The JSON Canonicalization Scheme (RFC 8785): one byte string per JSON value, so that a signature over
// a document can be checked by anyone who canonicalises it again. Object members sorted by their names'
// UTF-16 code units, no whitespace, strings escaped as ECMAScript's JSON.stringify does, numbers written
// as ECMAScript's Number.prototype.toString writes doubles. Pure.
#pragma once
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace brilliant::trust {

// The canonical form of `value`; an error for numbers JSON cannot carry (NaN, infinities).
Result<std::string> canonical_json(const boost::json::value& value);
// Parses JSON text with every number correctly rounded (Boost.JSON 1.81's own parse may be one unit off in
// the last place, which would change a signed document's canonical bytes). Errors name the position.
Result<boost::json::value> parse_json_exact(std::string_view text);
// A double as ECMAScript writes it ("1e+21", "0.000001", "1e-7", "333333333.3333333", "0" for -0).
std::string es_number(double value);

}  // namespace brilliant::trust
