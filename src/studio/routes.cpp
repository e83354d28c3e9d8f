#include "studio/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/fill.hpp"
#include "core/text.hpp"
#include "media/qr.hpp"
#include "studio/list_paging.hpp"
#include "studio/service.hpp"
#include "studio/views.hpp"
#include "web/bind.hpp"
#include "web/form.hpp"
#include "web/json_input.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::studio {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class StudioRoutes {
 public:
  explicit StudioRoutes(Deps& d) : studio(d.studio), r(d.renderer) {}

  json::object base_model(const Request& req, const std::string& title_key) {
    return {{"title", r.message(req.locale, title_key)}, {"noindex", true}};
  }

  Response stations(Request& req) {
    auto m = base_model(req, "studio.stations_title");
    json::array list;
    for (auto s : all_stations)
      list.push_back(json::object{{"station", to_string(s)},
                                  {"name", r.message(req.locale, "studio.station." + to_string(s))},
                                  {"url", "/station/" + to_string(s)}});
    m["stations"] = std::move(list);
    return r.page_response(req, "studio/stations", std::move(m));
  }

  json::object intake_model(const Request& req) {
    auto m = base_model(req, "studio.station.intake");
    if (auto done = studio.item(std::string(req.query_params().get("serial")))) {
      m["done"] = item_json(*done, r, req);
      if (auto qr = media::qr_encode(done->serial)) m["qr"] = media::qr_svg(*qr);
    }
    return m;
  }

  Response intake_page(Request& req) { return r.page_response(req, "studio/intake", intake_model(req)); }

  Response intake_form(Request& req) {
    const auto f = req.form();
    auto made = studio.intake(req.user->user_id, f.get("sku"), f.get("weight"), f.get("hallmark"),
                              f.get("inscription"));
    if (!made) {
      auto m = intake_model(req);
      m["form"] = json::object{{"sku", f.get("sku")},
                               {"weight", f.get("weight")},
                               {"hallmark", f.get("hallmark")},
                               {"inscription", f.get("inscription")}};
      return r.page_with_error(req, "studio/intake", std::move(m), made.error());
    }
    return Response::redirect(req.locale_prefix() + "/station/intake?serial=" + made->serial);
  }

  Result<Station> station_in(const Request& req) {
    auto s = station_of(std::string(req.param("station")));
    if (!s) return Error::not_found("station");
    return *s;
  }

  // The parcels waiting to be packed, the longest waiting first (of one order, of one workshop).
  json::array waiting_json(const Request& req, const std::string& order = "",
                           const std::string& workshop = "", int orders = list_step) const {
    json::array out;
    for (const auto& p : studio.waiting_parcels(order, workshop, orders)) {
      std::string pieces;
      long long count = 0;
      for (const auto& l : p.lines) {
        pieces += (pieces.empty() ? "" : ", ") + in_language(req.locale == "en", l.title, l.title_en) +
                  (l.quantity > 1 ? " ×" + std::to_string(l.quantity) : "");
        count += l.quantity;
      }
      out.push_back(json::object{{"order", p.order_number},
                                 {"workshop", in_language(req.locale == "en", p.workshop, p.workshop_en)},
                                 {"workshop_slug", p.workshop_slug},
                                 {"pieces", pieces},
                                 {"count", count},
                                 {"paid_at", p.paid_at},
                                 {"paid", p.paid_at.empty() ? "" : format_seoul(p.paid_at)}});
    }
    return out;
  }
  // How many wait per workshop, each a filter of the list (the one shown marked), after "all".
  json::array workshops_waiting_json(const Request& req, const std::string& shown) const {
    const bool en = req.locale == "en";
    const auto base = req.locale_prefix() + "/station/packing";
    json::array out;
    long long all = 0;
    for (const auto& w : studio.waiting_counts()) {
      all += w.parcels;
      out.push_back(json::object{{"slug", w.slug},
                                 {"workshop", in_language(en, w.workshop, w.workshop_en)},
                                 {"parcels", w.parcels},
                                 {"url", base + "?workshop=" + web::url_encode(w.slug)},
                                 {"current", w.slug == shown}});
    }
    out.insert(out.begin(), json::object{{"slug", ""},
                                         {"workshop", r.message(req.locale, "studio.all_workshops")},
                                         {"parcels", all},
                                         {"url", base},
                                         {"current", shown.empty()}});
    return out;
  }
  // The waiting list as the page and the API show it: the parcels of the `show` longest-waiting orders
  // (50 at first, 50 more each time "show more" is followed, at most 1,000), how many wait in all for the
  // filter, and the link to the next 50 while some are not shown.
  Result<json::object> waiting_model(const Request& req) const {
    const auto q = req.query_params();
    const std::string workshop(q.get("workshop"));
    const int show = TRY(list_show(q.get("show")));
    json::object m{{"parcels", waiting_json(req, q.get("order"), workshop, show)},
                   {"workshops", workshops_waiting_json(req, workshop)}};
    long long total = 0;
    for (const auto& w : m["workshops"].as_array())
      if (w.at("current").as_bool()) total = w.at("parcels").as_int64();
    const auto listed = static_cast<long long>(m["parcels"].as_array().size());
    m["total"] = std::max(total, listed);
    m["more_url"] = "";
    if (listed < total && list_next(show) && q.get("order").empty())
      m["more_url"] = req.locale_prefix() + "/station/packing?" +
                      (workshop.empty() ? "" : "workshop=" + web::url_encode(workshop) + "&") +
                      "show=" + std::to_string(list_next(show)) + "#waiting-more";
    return m;
  }
  Result<Response> api_waiting(Request& req) {
    return Response::json(json::serialize(TRY(waiting_model(req))));
  }

  Result<json::object> station_model(const Request& req, Station s, const std::string& serial) {
    auto m = base_model(req, "studio.station." + to_string(s));
    m["station"] = to_string(s);
    m["is_packing"] = s == Station::packing;
    if (s == Station::packing) {
      auto waiting = TRY(waiting_model(req));
      const auto listed = waiting["parcels"].as_array().size();
      m["has_waiting"] = listed > 0;
      m["several_workshops"] = waiting["workshops"].as_array().size() > 2;
      // "Showing {{shown}} of {{total}} parcels" in the reader's language.
      m["waiting_shown"] =
          fill(r.message(req.locale, "studio.waiting_shown"),
               {{"shown", std::to_string(listed)}, {"total", std::to_string(waiting["total"].as_int64())}});
      m["waiting_more"] = waiting["more_url"];
      m["waiting"] = std::move(waiting["parcels"]);
      m["workshops_waiting"] = std::move(waiting["workshops"]);
    }
    m["is_fair"] = s == Station::fair;
    json::array kinds;
    for (const auto& k : kinds_at(s))
      kinds.push_back(json::object{{"kind", k}, {"text", r.message(req.locale, "studio.kind." + k)}});
    m["kinds"] = std::move(kinds);
    if (!serial.empty()) {
      auto item = studio.item(serial);
      if (!item) return Error::invalid("serial", "serial_unknown", "no item has the serial " + serial);
      m["item"] = item_json(*item, r, req);
      auto history = studio.history(*item);
      if (!history.empty()) m["last_event"] = history.back().id;
      m["events"] = events_json(history, r, req);
      if (s == Station::studio)
        if (auto shoot = studio.product_shoot(item->product_slug))
          m["shoot"] = shoot_json(*shoot, r, req, serial);
    }
    return m;
  }

  Result<Response> station_page(Request& req) {
    const auto s = TRY(station_in(req));
    if (s == Station::intake || s == Station::returns)
      return Response::redirect(req.locale_prefix() + "/station/" + to_string(s));
    const std::string serial(req.query_params().get("serial"));
    auto m = station_model(req, s, serial);
    if (!m) {
      auto empty = TRY(station_model(req, s, ""));
      return r.page_with_error(req, "studio/station", std::move(empty), m.error());
    }
    const auto q = req.query_params();
    if (q.get("saved") == "1") (*m)["saved"] = true;
    if (!q.get("published").empty()) (*m)["published"] = std::string(q.get("published"));
    if (!q.get("error").empty())
      (*m)["publish_error"] = r.message(
          req.locale, q.get("error") == "shot_missing" ? "studio.publish_missing" : "studio.publish_failed");
    return r.page_response(req, "studio/station", std::move(*m));
  }

  Result<Response> event_form(Request& req) {
    const auto s = TRY(station_in(req));
    const auto f = req.form();
    const std::string serial = f.get("serial");
    auto done = studio.record(req.user->user_id, serial, s, f.get("kind"), f.get("note"));
    if (!done) {
      auto m = TRY(station_model(req, s, studio.item(serial) ? serial : ""));
      return r.page_with_error(req, "studio/station", std::move(m), done.error());
    }
    return Response::redirect(req.locale_prefix() + "/station/" + to_string(s) + "?serial=" + serial +
                              "&saved=1");
  }

  Result<Response> item_page(Request& req) {
    auto item = studio.item(std::string(req.param("serial")));
    if (!item) return Error::not_found("item");
    auto m = base_model(req, "studio.item_title");
    m["title"] = r.message(req.locale, "studio.item_title") + " " + item->serial;
    m["item"] = item_json(*item, r, req);
    m["events"] = events_json(studio.history(*item), r, req);
    if (auto qr = media::qr_encode(item->serial)) m["qr"] = media::qr_svg(*qr);
    return r.page_response(req, "studio/item", std::move(m));
  }

  Response labels(Request& req) {
    // Common A4 label sheets: 21 (3x7, 63.5x38.1 mm), 24 (3x8, 63.5x33.9 mm), 40 (4x10, 48.5x25.4 mm).
    struct Layout {
      const char* name;
      int per_sheet;
    };
    static constexpr Layout layouts[] = {{"3x7", 21}, {"3x8", 24}, {"4x10", 40}};
    const std::string asked(req.query_params().get("layout"));
    const Layout* layout = &layouts[0];
    for (const auto& l : layouts)
      if (asked == l.name) layout = &l;
    auto m = base_model(req, "studio.labels_title");
    m["sheet_layout"] = layout->name;
    json::array choices;
    for (const auto& l : layouts)
      choices.push_back(
          json::object{{"name", l.name},
                       {"per_sheet", l.per_sheet},
                       {"current", &l == layout},
                       {"url", req.locale_prefix() + "/operator/items/labels?layout=" + l.name}});
    m["layouts"] = std::move(choices);
    json::array list;
    for (const auto& i : studio.recent(layout->per_sheet)) {
      auto o = item_json(i, r, req);
      if (auto qr = media::qr_encode(i.serial)) o["qr"] = media::qr_svg(*qr);
      list.push_back(std::move(o));
    }
    m["labels"] = std::move(list);
    return r.page_response(req, "studio/labels", std::move(m));
  }

  Result<Response> photo(Request& req) {
    auto bytes = studio.photo_bytes(req.param_id("id"), req.query_params().get("thumb") == "1");
    if (!bytes) return Error::not_found("photo");
    // The thumbnail is JPEG; an original is whatever the camera gave (its type read from its bytes).
    return web::private_file(std::move(*bytes), "", "", 86400);
  }

  Result<Response> channel_photo(Request& req) {
    const std::string channel(req.param("channel"));
    auto jpeg = TRY(studio.channel_photo(req.param_id("id"), channel));
    return web::private_file(std::move(jpeg), "image/jpeg",
                             "photo-" + std::string(req.param("id")) + "-" + channel + ".jpg", 86400, true);
  }

  Result<Response> void_form(Request& req) {
    const auto f = req.form();
    TRY(studio.void_photo(req.user->user_id, req.param_id("id"), f.get("reason")));
    return Response::redirect(req.locale_prefix() + "/operator/items/" + f.get("serial"));
  }

  // --- JSON ---
  Result<Response> api_intake(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    auto item = TRY(studio.intake(
        req.user->user_id, TRY(web::json_string(body, "sku")), TRY(web::json_string(body, "weight")),
        TRY(web::json_string(body, "hallmark")), TRY(web::json_string(body, "inscription"))));
    return Response::json(json::serialize(item_json(item, r, req)), 201);
  }

  Result<Response> api_item(Request& req) {
    auto item = studio.item(std::string(req.param("serial")));
    if (!item) return Error::not_found("item");
    auto o = item_json(*item, r, req);
    o["events"] = events_json(studio.history(*item), r, req);
    return Response::json(json::serialize(o));
  }

  Result<Response> api_event(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const auto station = station_of(TRY(web::json_string(body, "station")));
    if (!station)
      return Error::invalid("station", "station_unknown",
                            "station is intake, studio, qa, packing or returns");
    const auto e =
        TRY(studio.record(req.user->user_id, std::string(req.param("serial")), *station,
                          TRY(web::json_string(body, "kind")), TRY(web::json_string(body, "note"))));
    return Response::json(json::serialize(json::object{{"id", e.id},
                                                       {"kind", e.kind},
                                                       {"station", e.station},
                                                       {"log_index", e.log_index},
                                                       {"at", e.created_at}}),
                          201);
  }

  Result<Response> api_photo(Request& req) {
    const auto p = TRY(studio.add_photo(std::string(req.param("serial")), req.param_id("id"),
                                        std::string(req.query_params().get("view")), req.body));
    return Response::json(json::serialize(json::object{{"id", p.id},
                                                       {"view", p.view},
                                                       {"sha256", p.hash},
                                                       {"phash", p.phash},
                                                       {"log_index", p.log_index}}),
                          201);
  }

  // --- packing ---
  json::object packing_model(const Request& req, const PackingSession& s) {
    auto m = base_model(req, "studio.packing_title");
    m["session"] = session_json(s, r, req);
    json::array carriers;
    for (const char* c : {"cj", "post", "hanjin", "lotte", "logen"})
      carriers.push_back(
          json::object{{"value", c}, {"label", r.message(req.locale, std::string("orders.carrier.") + c)}});
    m["carriers"] = std::move(carriers);
    return m;
  }

  Result<Response> packing_page(Request& req) {
    const auto s = TRY(studio.packing(req.param_id("id")));
    auto m = packing_model(req, s);
    if (req.query_params().get("saved") == "1") m["saved"] = true;
    return r.page_response(req, "studio/packing", std::move(m));
  }

  Result<Response> packing_error(Request& req, const Error& e) {
    const auto s = TRY(studio.packing(req.param_id("id")));
    return r.page_with_error(req, "studio/packing", packing_model(req, s), e);
  }

  Result<Response> open_form(Request& req) {
    const auto f = req.form();
    auto s = studio.open_packing(*req.user, f.get("order"), f.get("workshop"));
    if (!s) {
      auto m = TRY(station_model(req, Station::packing, ""));
      return r.page_with_error(req, "studio/station", std::move(m), s.error());
    }
    return Response::redirect(req.locale_prefix() + "/station/packing/sessions/" + std::to_string(s->id));
  }

  Result<Response> pack_form(Request& req) {
    auto s = studio.pack(*req.user, req.param_id("id"), req.form().get("serial"));
    if (!s) return packing_error(req, s.error());
    return Response::redirect(req.locale_prefix() + "/station/packing/sessions/" + std::to_string(s->id) +
                              "?saved=1");
  }

  Result<Response> close_form(Request& req) {
    const auto f = req.form();
    auto s = studio.close_packing(*req.user, req.param_id("id"), f.get("carrier"), f.get("tracking"));
    if (!s) return packing_error(req, s.error());
    return Response::redirect(req.locale_prefix() + "/station/packing/sessions/" + std::to_string(s->id) +
                              "?saved=1");
  }

  Result<Response> api_open(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const auto s = TRY(studio.open_packing(*req.user, TRY(web::json_string(body, "order")),
                                           TRY(web::json_string(body, "workshop"))));
    return Response::json(json::serialize(session_json(s, r, req)), 201);
  }

  Result<Response> api_session(Request& req) {
    return Response::json(json::serialize(session_json(TRY(studio.packing(req.param_id("id"))), r, req)));
  }

  Result<Response> api_pack(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const auto s = TRY(studio.pack(*req.user, req.param_id("id"), TRY(web::json_string(body, "serial"))));
    return Response::json(json::serialize(session_json(s, r, req)));
  }

  Result<Response> api_packing_photo(Request& req) {
    const auto q = req.query_params();
    const auto p = TRY(studio.add_packing_photo(req.param_id("id"), std::string(q.get("view")), req.body,
                                                std::string(q.get("serial"))));
    return Response::json(json::serialize(json::object{{"id", p.id},
                                                       {"view", p.view},
                                                       {"sha256", p.hash},
                                                       {"phash", p.phash},
                                                       {"log_index", p.log_index}}),
                          201);
  }

  Result<Response> api_close(Request& req) {
    const auto body = TRY(web::parse_json_object(req.body));
    const auto s =
        TRY(studio.close_packing(*req.user, req.param_id("id"), TRY(web::json_string(body, "carrier")),
                                 TRY(web::json_string(body, "tracking"))));
    return Response::json(json::serialize(session_json(s, r, req)));
  }

 private:
  Studio& studio;
  const web::Renderer& r;
};

}  // namespace

void add_routes(web::Router& router, Deps& deps) {
  add_returns_routes(router, deps);  // before /station/{station}
  add_evidence_routes(router, deps);
  add_shoot_routes(router, deps);
  const web::Bind bind(std::make_shared<StudioRoutes>(deps), deps.renderer);
  const auto staff = web::require_any({web::Role::station_staff, web::Role::operator_});
  router.get("/station", bind(&StudioRoutes::stations)).access = staff;
  router.get("/station/intake", bind(&StudioRoutes::intake_page)).access = staff;
  router.post("/station/intake", bind(&StudioRoutes::intake_form)).access = staff;
  router.post("/station/packing/sessions", bind(&StudioRoutes::open_form)).access = staff;
  router.get("/station/packing/sessions/{id}", bind(&StudioRoutes::packing_page)).access = staff;
  router.post("/station/packing/sessions/{id}/items", bind(&StudioRoutes::pack_form)).access = staff;
  router.post("/station/packing/sessions/{id}/close", bind(&StudioRoutes::close_form)).access = staff;
  router.get("/api/v1/packing/waiting", bind(&StudioRoutes::api_waiting)).access = staff;
  router.post("/api/v1/packing/sessions", bind(&StudioRoutes::api_open)).access = staff;
  router.get("/api/v1/packing/sessions/{id}", bind(&StudioRoutes::api_session)).access = staff;
  router.post("/api/v1/packing/sessions/{id}/items", bind(&StudioRoutes::api_pack)).access = staff;
  router.post("/api/v1/packing/sessions/{id}/photos", bind(&StudioRoutes::api_packing_photo)).access = staff;
  router.post("/api/v1/packing/sessions/{id}/close", bind(&StudioRoutes::api_close)).access = staff;
  router.get("/station/{station}", bind(&StudioRoutes::station_page)).access = staff;
  router.post("/station/{station}/events", bind(&StudioRoutes::event_form)).access = staff;
  router.get("/operator/items/labels", bind(&StudioRoutes::labels)).access = staff;
  router.get("/operator/items/photos/{id}", bind(&StudioRoutes::photo)).access = staff;
  router.post("/operator/items/photos/{id}/void", bind(&StudioRoutes::void_form)).access = staff;
  router.get("/operator/items/photos/{id}/channel/{channel}", bind(&StudioRoutes::channel_photo)).access =
      staff;
  router.get("/operator/items/{serial}", bind(&StudioRoutes::item_page)).access = staff;
  router.post("/api/v1/station/items", bind(&StudioRoutes::api_intake)).access = staff;
  router.get("/api/v1/items/{serial}", bind(&StudioRoutes::api_item)).access = staff;
  router.post("/api/v1/items/{serial}/events", bind(&StudioRoutes::api_event)).access = staff;
  router.post("/api/v1/items/{serial}/events/{id}/photos", bind(&StudioRoutes::api_photo)).access = staff;
}

}  // namespace brilliant::studio
