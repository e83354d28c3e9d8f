#include "web/router.hpp"

#include <boost/json.hpp>
#include <stdexcept>

namespace brilliant::web {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_capture(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const Route& route, const std::vector<std::string_view>& parts,
             std::vector<std::pair<std::string, std::string>>* params) {
  if (route.segments.size() != parts.size()) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto& seg = route.segments[i];
    if (is_capture(seg)) {
      if (parts[i].empty()) return false;
      if (params) params->emplace_back(seg.substr(1, seg.size() - 2), parts[i]);
    } else if (seg != parts[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

Access require(Role role) { return {true, static_cast<uint32_t>(role)}; }

Access require_any(std::initializer_list<Role> roles) {
  Access access{true, 0};
  for (Role r : roles) access.any_of |= static_cast<uint32_t>(r);
  return access;
}

Route& Router::add(Method method, std::string pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("route pattern must start with /");
  Route route{method, pattern, std::move(handler)};
  for (auto seg : split_path(pattern)) route.segments.emplace_back(seg);
  route.index = routes_.size();
  // GET and POST tables rarely change state; plain GETs need no CSRF check.
  route.csrf = method != Method::get && method != Method::head;
  const size_t count = route.segments.size();
  if (by_first_.size() <= count) by_first_.resize(count + 1);
  if (capture_first_.size() <= count) capture_first_.resize(count + 1);
  if (count > 0 && is_capture(route.segments.front()))
    capture_first_[count].push_back(route.index);
  else
    by_first_[count][count > 0 ? route.segments.front() : std::string()].push_back(route.index);
  routes_.push_back(std::move(route));
  return routes_.back();
}

Route& Router::find(Method method, std::string_view pattern) {
  for (auto& route : routes_)
    if (route.method == method && route.pattern == pattern) return route;
  throw std::logic_error("no route " + std::string(method_name(method)) + " " + std::string(pattern));
}

void Router::describe(Method method, std::string_view pattern, std::string summary, std::string body) {
  auto& route = find(method, pattern);
  if (!body.empty()) {
    boost::system::error_code ec;
    auto schema = boost::json::parse(body, ec);
    if (ec || !schema.is_object())
      throw std::logic_error("the body schema of " + std::string(pattern) + " is not a JSON object");
  }
  route.summary = std::move(summary);
  route.body = std::move(body);
}

Match Router::match(Method method, std::string_view path) const {
  Match result;
  const auto parts = split_path(path);
  const Method wanted = method == Method::head ? Method::get : method;
  // The routes this path could be, in the table's order: those whose first segment is the path's, and
  // those whose first segment is a capture, merged by place.
  static const std::vector<size_t> none;
  const size_t count = parts.size();
  const std::vector<size_t>* literal = &none;
  const std::vector<size_t>* captured = count < capture_first_.size() ? &capture_first_[count] : &none;
  if (count < by_first_.size()) {
    const auto it = by_first_[count].find(count > 0 ? parts.front() : std::string_view());
    if (it != by_first_[count].end()) literal = &it->second;
  }
  std::vector<const Route*> matching;
  for (size_t a = 0, b = 0; a < literal->size() || b < captured->size();) {
    const bool take_literal =
        b >= captured->size() || (a < literal->size() && (*literal)[a] < (*captured)[b]);
    const Route& route = routes_[take_literal ? (*literal)[a++] : (*captured)[b++]];
    if (!matches(route, parts, nullptr)) continue;
    result.path_known = true;
    if (route.method == wanted) {
      result.route = &route;
      matches(route, parts, &result.params);
      return result;
    }
    matching.push_back(&route);
  }
  for (const auto* route : matching) {  // no route for the method (405): the methods there are
    if (!result.allowed.empty()) result.allowed += ", ";
    result.allowed += method_name(route->method);
  }
  return result;
}

}  // namespace brilliant::web
