// Many rows into one table with few statements: on PostgreSQL, multi-row INSERT ... VALUES (...), (...)
// of up to `chunk` rows each (a row per statement is a network round trip; a hundred thousand of them take
// seconds that batching saves); on SQLite, which runs in the process, one prepared single-row statement
// reused. Every value is bound as text (SQLite's column affinity and PostgreSQL's parameter typing turn
// "42" into an integer for integer columns).
#pragma once
#include <string>
#include <vector>

#include "db/fwd.hpp"

namespace brilliant::db {

// Inserts rows (each with one value per column, in order) in the caller's transaction. With nulls (one
// flag per value, in the same shape as rows), a flagged value goes in as NULL.
void insert_rows(soci::session& sql, const std::string& table, const std::vector<std::string>& columns,
                 const std::vector<std::vector<std::string>>& rows, size_t chunk = 250,
                 const std::vector<std::vector<bool>>* nulls = nullptr);

// Ids as the inside of SQL's IN ( ... ): "3,5,8". Numbers only, so nothing in it needs quoting.
std::string id_list(const std::vector<long long>& ids);
// A query's condition limiting `column` to an id_list: " AND column IN (3,5,8)"; empty for an empty list
// (no limit: the caller's query reads every row).
std::string and_in(const std::string& column, const std::string& id_list);

}  // namespace brilliant::db
