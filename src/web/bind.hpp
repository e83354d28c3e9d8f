// Binds a module's named handlers into the route table (STYLE.md: handlers are named functions, and the
// table of routes is one list at the end of the file). A module keeps its handlers as member functions of
// one class built from its Deps; each returns a Response, or a Result<Response> so that it can use TRY:
// an Error then becomes the renderer's error answer (a page or JSON, by the request).
//
//   auto bind = web::Bind(std::make_shared<ConsoleRoutes>(deps), deps.renderer);
//   router.get("/console/stock", bind(&ConsoleRoutes::stock_page)).access = vendor;
#pragma once
#include <memory>

#include "core/result.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::web {

template <class Routes>
class Bind {
 public:
  Bind(std::shared_ptr<Routes> routes, const Renderer& renderer)
      : routes_(std::move(routes)), renderer_(&renderer) {}

  Handler operator()(Response (Routes::*fn)(Request&)) const {
    return [routes = routes_, fn](Request& req) { return ((*routes).*fn)(req); };
  }
  Handler operator()(Result<Response> (Routes::*fn)(Request&)) const {
    return [routes = routes_, renderer = renderer_, fn](Request& req) {
      auto out = ((*routes).*fn)(req);
      return out ? std::move(out).value() : renderer->error(req, out.error());
    };
  }

 private:
  std::shared_ptr<Routes> routes_;
  const Renderer* renderer_;
};

}  // namespace brilliant::web
