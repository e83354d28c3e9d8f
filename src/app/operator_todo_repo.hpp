// The operator's counts (app/operator_todo.hpp), read in one transaction (a consistent picture).
#pragma once
#include "app/operator_todo.hpp"
#include "db/database.hpp"

namespace brilliant::app {

OperatorTodo operator_todo(db::Database& db);

}  // namespace brilliant::app
