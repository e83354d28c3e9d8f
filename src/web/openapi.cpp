#include "web/openapi.hpp"

#include <boost/json.hpp>

namespace brilliant::web {
namespace json = boost::json;

json::object describe_routes(const std::vector<Route>& routes, std::string_view prefix) {
  json::object paths;
  for (const auto& route : routes) {
    if (!route.pattern.starts_with(prefix)) continue;
    json::array parameters;
    for (const auto& segment : route.segments)
      if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}')
        parameters.push_back(json::object{{"name", segment.substr(1, segment.size() - 2)},
                                          {"in", "path"},
                                          {"required", true},
                                          {"schema", json::object{{"type", "string"}}}});
    std::string method(method_name(route.method));
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    json::object op{
        {"summary", route.summary.empty() ? std::string(method_name(route.method)) + " " + route.pattern
                                          : route.summary},
        {"parameters", std::move(parameters)},
        {"responses",
         json::object{
             {"200", json::object{{"description", "the answer, JSON"}}},
             {"4XX",
              json::object{
                  {"description", "refused; the error names the field"},
                  {"content",
                   json::object{{"application/json",
                                 json::object{{"schema",
                                               json::object{{"$ref", "#/components/schemas/Error"}}}}}}}}}}}};
    if (!route.body.empty())
      op["requestBody"] = json::object{
          {"required", true},
          {"content", json::object{{"application/json", json::object{{"schema", json::parse(route.body)}}}}}};
    if (route.access.login || route.access.any_of)
      op["security"] = json::array{json::object{{"bearer", json::array{}}}};
    if (route.access.any_of) {
      json::array roles;
      for (auto role : all_roles)
        if (route.access.any_of & static_cast<uint32_t>(role)) roles.push_back(json::value(role_name(role)));
      op["x-roles"] = std::move(roles);
    }
    auto& entry = paths[route.pattern];
    if (!entry.is_object()) entry = json::object{};
    entry.as_object()[method] = std::move(op);
  }
  return paths;
}

}  // namespace brilliant::web
