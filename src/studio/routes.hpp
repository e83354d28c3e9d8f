// Brilliant Studio's routes (issue 17, first part), for station staff and operators only:
//   /station (pick a station), /station/intake (a serial for a piece, its label), /station/{station}
//   (scan a serial, record the station's events, attach evidence photos), /operator/items/{serial} (an
//   item's whole history), /operator/items/labels (a printable A4 sheet of QR labels), and the JSON API
//   under /api/v1/station/items and /api/v1/items/{serial}.
#pragma once

namespace brilliant::web {
class Renderer;
class Router;
}  // namespace brilliant::web

namespace brilliant::studio {
class Studio;

struct Deps {
  Studio& studio;
  const web::Renderer& renderer;
};

void add_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::studio
