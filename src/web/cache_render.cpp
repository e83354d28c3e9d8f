#include "web/cache_render.hpp"

#include <utility>

namespace brilliant::web {

Response render_for_cache(PageCache& cache, const Renderer& renderer, Request& request,
                          const std::string& key, const std::string& area,
                          const std::function<Response(Request&)>& render) {
  struct AsNobody {
    Request& request;
    std::optional<Principal> user;
    std::string token;
    ~AsNobody() {
      request.csrf_token = std::move(token);
      request.user = std::move(user);
    }
  };
  Response page;
  {
    AsNobody saved{request, std::exchange(request.user, std::nullopt),
                   std::exchange(request.csrf_token, renderer.csrf_mark())};
    page = render(request);
  }
  page.body = cache.put(key, page, renderer.csrf_mark(), request.csrf_token, renderer.account_mark(), area);
  return page;
}

}  // namespace brilliant::web
