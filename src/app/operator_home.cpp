#include "app/operator_home.hpp"
#include "core/text.hpp"

#include <boost/json.hpp>

namespace brilliant::app {

namespace json = boost::json;
using web::Request;
using web::Response;

json::object todo_json(const OperatorTodo& todo, const std::string& locale) {
  const bool en = locale == "en";
  const std::string prefix = en ? "/en" : "";
  json::array lowest;
  for (const auto& l : todo.lowest)
    lowest.push_back(json::object{{"product_slug", l.product_slug},
                                  {"title", in_language(en, l.title_ko, l.title_en)},
                                  {"workshop", in_language(en, l.workshop_ko, l.workshop_en)},
                                  {"sku", l.sku},
                                  {"stock", l.stock},
                                  {"url", prefix + "/products/" + l.product_slug}});
  json::object out{{"transfers", todo.transfers}, {"to_ship", todo.to_ship},
                   {"reviews", todo.reviews},     {"applications", todo.applications},
                   {"refunds", todo.refunds},     {"refunds_late", todo.refunds_late},
                   {"low_stock", todo.low_stock}, {"lowest", std::move(lowest)}};
  json::object waiting;  // which tiles have work (a template cannot compare numbers)
  for (const auto& [key, value] : out)
    if (value.is_int64()) waiting[key] = value.as_int64() > 0;
  out["waiting"] = std::move(waiting);
  return out;
}

void add_operator_home_routes(web::Router& router, std::function<OperatorTodo()> todo,
                              std::function<json::object()> backup, const web::Renderer& renderer) {
  const auto operator_only = web::require(web::Role::operator_);
  router
      .get("/operator",
           [todo, backup, &renderer](Request& req) {
             auto model = todo_json(todo(), req.locale);
             model["backup"] = backup();
             model["title"] = renderer.message(req.locale, "operator_home.title");
             model["noindex"] = true;
             return renderer.page_response(req, "operator/home", std::move(model));
           })
      .access = operator_only;
  router
      .get("/api/v1/operator/todo",
           [todo, backup](Request& req) {
             auto out = todo_json(todo(), req.locale);
             out["backup"] = backup();
             return Response::json(json::serialize(out));
           })
      .access = operator_only;
}

}  // namespace brilliant::app
