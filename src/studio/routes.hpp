// Brilliant Studio's routes (issue 17). For station staff and operators (routes.cpp):
//   /station (pick a station), /station/intake (a serial for a piece, its label), /station/{station}
//   (scan a serial, record the station's events, attach evidence photos), /station/packing/sessions/...
//   (pack an order's parcel), /operator/items/{serial} (an item's whole history), /operator/items/labels
//   (a printable A4 sheet of QR labels), and the JSON API under /api/v1/station/items, /api/v1/items and
//   /api/v1/packing/sessions.
// The studio's shoot (shoot_routes.cpp): shots named {SKU}_{view}_{n}, a product's shoot list, channel
//   zips, publishing, and the public 360° frames at /api/v1/products/{slug}/spin.
// The returns station (returns_routes.cpp): /station/returns[/{id}] and /api/v1/returns[/{id}/...].
// An order's evidence (evidence_routes.cpp), for whoever may see the order: the shopper's
//   /orders/{number}/evidence (a guest with ?key=), the workshop's /console/orders/{number}/evidence, the
//   operator's /operator/orders/{number}/evidence, each with /proof.json (for `brilliant verify`) and
//   /photos/{sha256}, and their JSON under /api/v1/{orders,console/orders,operator/orders}/{number}/evidence.
#pragma once
#include <functional>
#include <optional>
#include <string>

namespace brilliant::web {
class Renderer;
class Router;
struct Request;
}  // namespace brilliant::web
namespace brilliant::trust {
class TransparencyLog;
}

namespace brilliant::studio {
class Studio;

// Who may see an order, as the orders module decides (wired by the app).
struct OrderAccess {
  // The shopper's own order (or a guest's holding its key): the query that carries the key in links
  // ("key=..." or ""), nothing when the viewer may not see it.
  std::function<std::optional<std::string>(const web::Request& req, const std::string& number)> shopper;
  // The order has a parcel of that workshop.
  std::function<bool(long long workshop_id, const std::string& number)> workshop;
  std::function<bool(const std::string& number)> exists;
};

struct Deps {
  Studio& studio;
  const web::Renderer& renderer;
  trust::TransparencyLog& log;
  std::string public_key;  // the hub's log key (Multikey), named in evidence bundles
  OrderAccess orders;
};

void add_routes(web::Router& router, Deps& deps);
void add_returns_routes(web::Router& router, Deps& deps);
void add_evidence_routes(web::Router& router, Deps& deps);
void add_shoot_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::studio
