// Bank deposits as JSON for the operator's page and the API (the reader's language for the words).
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "payments/deposits.hpp"
#include "payments/views.hpp"

namespace brilliant::payments {

boost::json::object deposit_json(const Deposit& d, const std::string& locale, const Messages& t);
// The open deposits grouped by how sure their match is (certain, likely, ambiguous, none), each with
// its candidate orders (number, total, the names the order holds, when it was placed, why it matched);
// the latest decisions and uploads; counts.
boost::json::object board_json(const DepositBoard& b, const std::string& locale, const Messages& t);
boost::json::object import_json(const DepositImport& i);

}  // namespace brilliant::payments
