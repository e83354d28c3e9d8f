// The seller particulars' JSON in the console (seller_routes.cpp): what the API answers and reads.
#pragma once
#include <boost/json/object.hpp>

#include "catalog/product.hpp"
#include "core/result.hpp"

namespace brilliant::vendors {

// The particulars with the registration number as people read it ("120-81-47521").
boost::json::object seller_json(const catalog::Seller& seller);
// The text fields of a JSON body (absent ones stay empty); a field that is not text is refused by name.
// Checking the values is check_seller's.
Result<catalog::Seller> seller_from_json(const boost::json::object& body);

}  // namespace brilliant::vendors
