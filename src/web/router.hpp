// One explicit route table (STYLE.md): method + pattern -> handler. Patterns are literal segments and
// "{name}" captures of one segment, e.g. "/products/{slug}". Matching is exact; no trailing-slash magic.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/principal.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace brilliant::web {

using Handler = std::function<Response(Request&)>;

// Where a route runs: on the blocking pool (the default: database, files), inline on the I/O thread
// (cheap answers that never block, such as static files from memory), or, for a GET that writes or waits
// on another service (a payment provider's confirmation), with the writes: on the write pool where the
// server has one, so that it never holds one of the few threads that serve reads.
enum class Runs { on_pool, inline_, with_writes };

// Who may call a route. Checked by the pipeline before the handler runs.
struct Access {
  bool login = false;   // must be logged in
  uint32_t any_of = 0;  // if non-zero, must hold one of these roles

  static Access anyone() { return {}; }
  static Access logged_in() { return {true, 0}; }
};
Access require(Role role);
Access require_any(std::initializer_list<Role> roles);

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  Access access = {};
  Runs runs = Runs::on_pool;
  bool csrf = true;        // state-changing browser requests must carry the CSRF token
  bool session = true;     // false: no session lookup, no CSRF cookie (health checks, machine endpoints)
  bool cacheable = false;  // anonymous GETs may be answered from the page cache
  // A storefront page made per visitor (the cart): a browser's GET takes the session as the resolver
  // recalls it from under a second ago, as the cached pages do (no session read); else resolved afresh.
  bool recalled_session = false;
  bool personal_data = false;  // shows customers' addresses or phones: staff opening it is audited
  std::string summary;  // one line for the OpenAPI document (generated from the method and path if empty)
  std::string body;     // the request body's JSON Schema for the OpenAPI document (JSON text), or empty
  // A change's state for the audit trail: the pattern of a GET route answering JSON (its {params} filled
  // from this route's) that the pipeline reads before and after an audited change; empty: not read.
  std::string state_from;
  std::vector<std::string> segments;  // pattern split at '/', filled by add()
  size_t index = 0;                   // position in the table, for metrics
};

struct Match {
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  bool path_known = false;  // some route has this path (405 rather than 404)
  std::string allowed;      // "GET, POST" for the Allow header of a 405
};

class Router {
 public:
  Route& add(Method method, std::string pattern, Handler handler);
  Route& get(std::string pattern, Handler handler) {
    return add(Method::get, std::move(pattern), std::move(handler));
  }
  Route& post(std::string pattern, Handler handler) {
    return add(Method::post, std::move(pattern), std::move(handler));
  }
  // The registered route with this method and pattern; throws std::logic_error when there is none.
  Route& find(Method method, std::string_view pattern);
  // Sets the one-line summary of a registered route (the OpenAPI document shows it); throws
  // std::logic_error when no route has that method and pattern, so a renamed route cannot be missed.
  // body: the JSON Schema of the request body (JSON text), empty when none; throws on a missing route
  // or a body that is not a JSON object.
  void describe(Method method, std::string_view pattern, std::string summary, std::string body = "");
  // HEAD is answered by GET routes.
  Match match(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  // The routes (their places in routes_, in order) by segment count and first segment, and those whose
  // first segment is a capture by count: match() looks only at the routes a path could be, not all.
  std::vector<std::map<std::string, std::vector<size_t>, std::less<>>> by_first_;
  std::vector<std::vector<size_t>> capture_first_;
};

}  // namespace brilliant::web
