#include "web/openapi.hpp"

#include <boost/json.hpp>
#include <stdexcept>

namespace brilliant::web {
namespace json = boost::json;

namespace {

// getOrdersByNumber for GET /api/v1/orders/{number}: the method, then each segment after the prefix.
std::string operation_id(std::string method, std::string_view path, std::string_view prefix) {
  std::string id = std::move(method);
  bool upper = true;
  for (char c : path.substr(prefix.size())) {
    if (c == '{') {
      id += "By";
      upper = true;
    } else if (c == '/' || c == '.' || c == '_' || c == '-' || c == '}') {
      upper = true;
    } else {
      id += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    }
  }
  return id;
}

json::object error_answer(const char* description) {
  return {{"description", description},
          {"content",
           json::object{{"application/json",
                         json::object{{"schema", json::object{{"$ref", "#/components/schemas/Error"}}}}}}}};
}

}  // namespace

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
    const bool has_params = !parameters.empty();
    json::object responses{{"200", json::object{{"description", "the answer, JSON"}}},
                           {"400", error_answer("invalid input; the error names the field")}};
    if (route.access.login || route.access.any_of)
      responses["401"] = error_answer("no session or API token (Authorization: Bearer)");
    if (route.access.any_of)
      responses["403"] = error_answer("the caller lacks the role, or the thing is not theirs");
    if (has_params) responses["404"] = error_answer("no such thing (or not visible to the caller)");
    if (route.method != Method::get) {
      responses["409"] =
          error_answer("conflicts with the current state (stock, status, a concurrent change)");
      responses["429"] = error_answer("too many attempts; Retry-After says when to try again");
    }
    json::object op{
        {"operationId", operation_id(method, route.pattern, prefix)},
        {"summary", route.summary.empty() ? std::string(method_name(route.method)) + " " + route.pattern
                                          : route.summary},
        {"parameters", std::move(parameters)},
        {"responses", std::move(responses)}};
    if (!route.body.empty())
      op["requestBody"] = json::object{
          {"required", true},
          {"content", json::object{{"application/json", json::object{{"schema", json::parse(route.body)}}}}}};
    op["security"] =
        route.access.login || route.access.any_of
            ? json::array{json::object{{"bearer", json::array{}}}, json::object{{"cookie", json::array{}}}}
            : json::array{};
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

void apply_contract(json::object& document, const json::object& contract) {
  auto& components = document["components"];
  if (!components.is_object()) components = json::object{};
  auto& schemas = components.as_object()["schemas"];
  if (!schemas.is_object()) schemas = json::object{};
  if (auto given = contract.if_contains("components"))
    if (auto s = given->as_object().if_contains("schemas"))
      for (const auto& [name, schema] : s->as_object()) schemas.as_object()[name] = schema;
  auto* operations = contract.if_contains("operations");
  if (!operations) return;
  auto& paths = document["paths"].as_object();
  for (const auto& [key, spec] : operations->as_object()) {
    const std::string k(key);
    const auto space = k.find(' ');
    std::string method = k.substr(0, space);
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string path = space == std::string::npos ? "" : k.substr(space + 1);
    auto* entry = paths.if_contains(path);
    auto* op = entry && entry->is_object() ? entry->as_object().if_contains(method) : nullptr;
    if (!op) throw std::runtime_error("api/openapi.json describes " + k + ", which the server does not have");
    auto& o = op->as_object();
    auto& responses = o["responses"];
    if (!responses.is_object()) responses = json::object{};
    auto& answers = responses.as_object();
    const auto& s = spec.as_object();
    if (auto given = s.if_contains("responses")) {
      answers.erase("200");  // the generic success answer gives way to the described ones
      for (const auto& [status, schema] : given->as_object()) {
        json::object answer{{"description", status == "204" ? "done; no body" : "the answer"}};
        if (status != "204")
          answer["content"] = json::object{{"application/json", json::object{{"schema", schema}}}};
        if (auto headers = s.if_contains("headers")) answer["headers"] = *headers;
        answers[status] = std::move(answer);
      }
    }
    if (auto extra = s.if_contains("parameters")) {
      auto& parameters = o["parameters"];
      if (!parameters.is_array()) parameters = json::array{};
      for (const auto& p : extra->as_array()) parameters.as_array().push_back(p);
    }
    if (auto request = s.if_contains("requestBody")) o["requestBody"] = *request;
    if (auto description = s.if_contains("description")) o["description"] = *description;
  }
}

}  // namespace brilliant::web
