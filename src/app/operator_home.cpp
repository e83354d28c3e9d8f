#include "app/operator_home.hpp"

#include <boost/json.hpp>

namespace brilliant::app {

namespace json = boost::json;
using web::Request;
using web::Response;

OperatorTodo operator_todo(db::Database& db) {
  return db.read([](soci::session& sql) {
    OperatorTodo todo;
    const auto count = [&sql](const char* query) {
      long long n = 0;
      sql << query, soci::into(n);
      return n;
    };
    todo.transfers = count("SELECT COUNT(*) FROM orders WHERE status = 'awaiting_payment'");
    todo.to_ship = count("SELECT COUNT(*) FROM fulfilments WHERE status = 'to_ship'");
    todo.reviews = count("SELECT COUNT(*) FROM products WHERE status = 'in_review'");
    todo.applications = count("SELECT COUNT(*) FROM workshop_applications WHERE status = 'submitted'");
    constexpr const char* low =
        " FROM variants v JOIN products p ON p.id = v.product_id JOIN workshops w ON w.id = p.workshop_id "
        "WHERE p.status = 'published' AND p.made_to_order = 0 AND v.stock <= 2";
    todo.low_stock = count((std::string("SELECT COUNT(*)") + low).c_str());
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT p.slug, p.title_ko, p.title_en, w.name, v.sku, v.stock") + low +
                            " ORDER BY v.stock, p.title_ko, v.sku LIMIT 10");
    for (const auto& r : rows)
      todo.lowest.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                             r.get<std::string>(3), r.get<std::string>(4), db::row_int(r, 5)});
    return todo;
  });
}

namespace {

json::object todo_json(const OperatorTodo& todo, const std::string& locale) {
  const bool en = locale == "en";
  const std::string prefix = en ? "/en" : "";
  json::array lowest;
  for (const auto& l : todo.lowest)
    lowest.push_back(json::object{{"product_slug", l.product_slug},
                                  {"title", en && !l.title_en.empty() ? l.title_en : l.title_ko},
                                  {"workshop", l.workshop},
                                  {"sku", l.sku},
                                  {"stock", l.stock},
                                  {"url", prefix + "/products/" + l.product_slug}});
  json::object out{{"transfers", todo.transfers}, {"to_ship", todo.to_ship},
                   {"reviews", todo.reviews},     {"applications", todo.applications},
                   {"low_stock", todo.low_stock}, {"lowest", std::move(lowest)}};
  json::object waiting;  // which tiles have work (a template cannot compare numbers)
  for (const auto& [key, value] : out)
    if (value.is_int64()) waiting[key] = value.as_int64() > 0;
  out["waiting"] = std::move(waiting);
  return out;
}

}  // namespace

void add_operator_home_routes(web::Router& router, db::Database& db, const web::Renderer& renderer) {
  const auto operator_only = web::require(web::Role::operator_);
  router
      .get("/operator",
           [&db, &renderer](Request& req) {
             auto model = todo_json(operator_todo(db), req.locale);
             model["title"] = renderer.message(req.locale, "operator_home.title");
             model["noindex"] = true;
             return renderer.page_response(req, "operator/home", std::move(model));
           })
      .access = operator_only;
  router
      .get("/api/v1/operator/todo",
           [&db](Request& req) {
             return Response::json(json::serialize(todo_json(operator_todo(db), req.locale)));
           })
      .access = operator_only;
}

}  // namespace brilliant::app
