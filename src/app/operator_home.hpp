// The operator's landing page (/operator, /api/v1/operator/todo): today's work across the modules,
// each count linking to the page where it is done, and every operator section one click away.
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <string>

#include "app/operator_todo.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::app {

// The counts as the page and GET /api/v1/operator/todo give them, in the locale (titles, links), with
// "waiting": which counts are above zero (a template cannot compare numbers).
boost::json::object todo_json(const OperatorTodo& todo, const std::string& locale);

// todo: reads today's counts (operator_todo over the app's database); backup: the last backup's status.
void add_operator_home_routes(web::Router& router, std::function<OperatorTodo()> todo,
                              std::function<boost::json::object()> backup, const web::Renderer& renderer);

}  // namespace brilliant::app
