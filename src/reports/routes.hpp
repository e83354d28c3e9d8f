// The program report over HTTP (issue 19), for the operator: /operator/reports/program (?year=, the
// current Seoul year by default) with its charts, ".csv" and ".pdf" of it, and the same figures as JSON
// at /api/v1/operator/reports/program.
#pragma once
#include <functional>
#include <string>

#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::reports {

struct Deps {
  db::Database& db;
  const web::Renderer& renderer;
  const Clock& clock;
  std::function<std::string(const std::string& locale)> brand;  // the brand's name in that language
};

void add_routes(web::Router& router, const Deps& deps);

}  // namespace brilliant::reports
