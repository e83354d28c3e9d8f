// SQL for the program report (issue 19): the year's facts, read from orders, workshops, products,
// certification and the academy. Times are bucketed into Seoul months by reports/program.hpp.
#pragma once
#include "db/database.hpp"
#include "reports/program.hpp"

namespace brilliant::reports::repo {

Facts facts(soci::session& sql, int year);

}  // namespace brilliant::reports::repo
