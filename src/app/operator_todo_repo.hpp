// The operator's counts (app/operator_todo.hpp), read in one transaction (a consistent picture).
#pragma once
#include "app/operator_todo.hpp"
#include "db/database.hpp"

namespace brilliant::app {

// `today`: the Seoul day ("2026-12-06") a refund due before it is late.
OperatorTodo operator_todo(db::Database& db, const std::string& today);

}  // namespace brilliant::app
