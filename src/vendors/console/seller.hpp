// A workshop's own seller particulars (issue 15): what its pieces' pages and the order mails show while
// the hub mediates. They start as the approved application's; the workshop's owner keeps them current.
#pragma once
#include "catalog/product.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"

namespace brilliant::vendors {

// Required: company, representative, a registration number whose checksum holds (kept as 10 digits),
// address, phone; email optional but an address when given. Trimmed, one line each. Errors name the field.
Result<catalog::Seller> check_seller(catalog::Seller seller);
// Checks and saves (replacing the old particulars).
Result<catalog::Seller> save_seller(db::Database& db, const Clock& clock, long long workshop_id,
                                    const catalog::Seller& seller);

}  // namespace brilliant::vendors
