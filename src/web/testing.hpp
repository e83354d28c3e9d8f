// For tests that render pages or build route tables: the project's templates, locales and static files,
// loaded once per test (needs BRILLIANT_SOURCE_DIR, as every test target defines).
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::web {

struct TestPages {
  std::filesystem::path root{BRILLIANT_SOURCE_DIR};
  I18n i18n{root / "locales"};
  StaticFiles files{root / "static"};
  Renderer renderer{root / "templates", i18n, files, Reload::never};
};

// A person with one role (and the workshop they work for), as the pipeline would have found them.
inline Principal person(long long id, Role role, long long workshop_id = 0) {
  Principal p{id, "p@x", "Person"};
  p.roles = static_cast<uint32_t>(role);
  p.workshop_id = workshop_id;
  return p;
}

inline const Route* find_route(const Router& router, Method method, const std::string& pattern) {
  for (const auto& r : router.routes())
    if (r.method == method && r.pattern == pattern) return &r;
  return nullptr;
}

// Calls a route's handler as `who`, asking for JSON or the page in `locale` (the pipeline's access check
// is the route table's, tested apart).
inline Response call_route(const Router& router, Method method, const std::string& pattern,
                           std::vector<std::pair<std::string, std::string>> params,
                           std::optional<Principal> who, std::string body = "", std::string query = "",
                           bool json = true, std::string locale = "ko") {
  const auto* r = find_route(router, method, pattern);
  EXPECT_NE(r, nullptr) << pattern;
  if (!r) return Response{};
  Request req;
  req.method = method;
  req.path = pattern;
  req.params = std::move(params);
  req.user = std::move(who);
  req.body = std::move(body);
  req.query = std::move(query);
  req.locale = std::move(locale);
  if (json) req.headers.push_back({"Accept", "application/json"});
  return r->handler(req);
}

}  // namespace brilliant::web
