// Whether a failed statement is worth running again as it was: SQLite busy or locked, a PostgreSQL
// serialization failure (40001) or deadlock (40P01). Database::write retries its transactions on these;
// code that writes in one statement outside write() (orders placed at once) asks it too.
#pragma once
#include <soci/soci-backend.h>

namespace brilliant::db {

bool retryable(const soci::soci_error& e);

}  // namespace brilliant::db
