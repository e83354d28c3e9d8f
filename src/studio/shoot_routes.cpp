// The studio's shoot (issue 17), for station staff and operators: shots onto an item
// (POST /api/v1/items/{serial}/shots?view=&n=&name=, one file per request, so a tethered camera's
// folder uploads in bulk by its file names), a product's shoot list (GET /api/v1/products/{slug}/shoot),
// channel renditions as a zip (/station/studio/products/{slug}/shoot.zip?channel=), publishing to the
// product (form and API). Public: the 360° frames of a product page (GET /api/v1/products/{slug}/spin).
#include <boost/json.hpp>

#include "studio/routes.hpp"
#include "studio/service.hpp"
#include "studio/views.hpp"
#include "web/bind.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::studio {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class ShootRoutes {
 public:
  explicit ShootRoutes(Deps& d) : studio(d.studio), r(d.renderer) {}

  Result<Response> api_shot(Request& req) {
    const auto q = req.query_params();
    const std::string n_text(q.get("n"));
    int n = 0;
    if (!n_text.empty() && (n_text.size() > 2 || n_text.find_first_not_of("0123456789") != std::string::npos))
      return Error::invalid("n", "n_invalid", "n is the frame number, 1 to 24");
    if (!n_text.empty()) n = std::stoi(n_text);
    const auto p =
        TRY(studio.add_studio_shot(req.user->user_id, std::string(req.param("serial")),
                                   std::string(q.get("view")), n, std::string(q.get("name")), req.body));
    return Response::json(json::serialize(json::object{{"id", p.id},
                                                       {"view", p.view},
                                                       {"n", p.shot_no},
                                                       {"sha256", p.hash},
                                                       {"phash", p.phash},
                                                       {"colour_note", p.colour_note},
                                                       {"log_index", p.log_index}}),
                          201);
  }

  Result<Response> api_shoot(Request& req) {
    const auto shoot = TRY(studio.product_shoot(std::string(req.param("slug"))));
    return Response::json(
        json::serialize(shoot_json(shoot, r, req, std::string(req.query_params().get("serial")))));
  }

  Result<Response> zip(Request& req) {
    const std::string slug(req.param("slug")), channel(req.query_params().get("channel"));
    auto bytes = TRY(studio.shoot_zip(slug, channel));
    return web::private_file(std::move(bytes), "application/zip",
                             slug + (channel.empty() ? "" : "-" + channel) + ".zip", 0, true);
  }

  Result<Response> publish_form(Request& req) {
    const auto serial = req.form().get("serial");
    auto done = studio.publish(req.user->user_id, std::string(req.param("slug")));
    const auto back = req.locale_prefix() + "/station/studio?serial=" + serial;
    if (!done) return Response::redirect(back + "&error=" + done.error().code);
    return Response::redirect(back + "&published=" + std::to_string(*done));
  }

  Result<Response> api_publish(Request& req) {
    const auto added = TRY(studio.publish(req.user->user_id, std::string(req.param("slug"))));
    return Response::json(json::serialize(json::object{{"photos_added", added}}));
  }

  Response spin(Request& req) {
    json::array frames;
    for (const auto& hash : studio.spin_frames(std::string(req.param("slug"))))
      frames.emplace_back("/media/photos/" + hash);
    auto response = Response::json(json::serialize(json::object{{"frames", std::move(frames)}}));
    response.set("Cache-Control", "public, max-age=300");
    return response;
  }

 private:
  Studio& studio;
  const web::Renderer& r;
};

}  // namespace

void add_shoot_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<ShootRoutes>(deps), deps.renderer);
  const auto staff = web::require_any({web::Role::station_staff, web::Role::operator_});
  router.post("/api/v1/items/{serial}/shots", bind(&ShootRoutes::api_shot)).access = staff;
  router.get("/api/v1/products/{slug}/shoot", bind(&ShootRoutes::api_shoot)).access = staff;
  router.post("/api/v1/products/{slug}/shoot/publish", bind(&ShootRoutes::api_publish)).access = staff;
  router.get("/station/studio/products/{slug}/shoot.zip", bind(&ShootRoutes::zip)).access = staff;
  router.post("/station/studio/products/{slug}/publish", bind(&ShootRoutes::publish_form)).access = staff;
  router.get("/api/v1/products/{slug}/spin", bind(&ShootRoutes::spin)).session = false;
}

}  // namespace brilliant::studio
