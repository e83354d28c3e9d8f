#include "media/routes.hpp"

namespace brilliant::media {

namespace {

// One rendition by its content hash, cached for a year (the name is the content's hash).
web::Response rendition(Photos& photos, const web::Renderer& renderer, web::Request& req) {
  auto found = photos.rendition(std::string(req.param("hash")));
  if (!found) return renderer.error(req, Error::not_found("photo"));
  auto response = web::Response::text(std::move(found->first), 200, found->second);
  response.add("Cache-Control", "public, max-age=31536000, immutable");
  response.add("ETag", "\"" + std::string(req.param("hash")).substr(0, 32) + "\"");
  web::as_user_file(response, web::Disposition::inline_);
  return response;
}

}  // namespace

void add_routes(web::Router& router, const Deps& deps) {
  auto& route =
      router.get("/media/photos/{hash}", [&photos = deps.photos, &renderer = deps.renderer](
                                             web::Request& req) { return rendition(photos, renderer, req); });
  route.session = false;
}

}  // namespace brilliant::media
