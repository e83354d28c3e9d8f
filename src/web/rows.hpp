// Pages that list rows, each with a form of its own (a parcel to ship, a nonconformity to answer).
#pragma once
#include <boost/json/fwd.hpp>

#include <string_view>

namespace brilliant::web {

// After one row's form was refused: the row of `rows` whose `key` is `value` gets `fields` (what was
// typed, the error to show beside it); the other rows' forms stay empty. False when no row matched.
bool keep_in_row(boost::json::array& rows, std::string_view key, const boost::json::value& value,
                 const boost::json::object& fields);

}  // namespace brilliant::web
