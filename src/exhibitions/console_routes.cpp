// A workshop's side of exhibitions (routes.hpp): apply, choose the pieces to bring with their wholesale
// prices, and translate them for the line sheet.
#include <algorithm>
#include <boost/json.hpp>

#include "exhibitions/routes.hpp"
#include "exhibitions/views_json.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"
#include "web/rows.hpp"

namespace brilliant::exhibitions {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// A sum as people type it ("90,000"); blank is 0 (the price on request); what is not a whole number is
// -1, which set_piece refuses naming its field (it was taken as 0 before, the price silently dropped).
long long typed_won(std::string text) {
  std::erase_if(text, [](char c) { return c == ',' || c == ' '; });
  if (text.empty() || text == "0") return 0;
  const auto won = web::parse_id(text);
  return won > 0 ? won : -1;
}

class ConsoleRoutes {
 public:
  explicit ConsoleRoutes(const Deps& d) : d_(d), x_(d.exhibitions), r_(d.renderer) {}

  long long workshop(const Request& req) const { return req.user ? req.user->workshop_id : 0; }

  // The workshop's published pieces, with whether (and how) each is brought and its translations.
  json::array own_pieces(const Request& req, const Exhibition& e) {
    const auto ws = d_.catalog.workshop_by_id(workshop(req));
    const auto snap = d_.catalog.snapshot();
    std::map<long long, Piece> brought;
    for (const auto& p : x_.pieces(e.id))
      if (p.workshop_id == ws.id) brought[p.product_id] = p;
    std::vector<long long> ids;
    for (const auto& c : snap->cards)
      if (c.workshop_slug == ws.slug) ids.push_back(c.id);
    const auto translated = x_.translations(ids);
    json::array out;
    for (const auto& c : snap->cards) {
      if (c.workshop_slug != ws.slug) continue;
      const auto it = brought.find(c.id);
      json::object o{{"product_id", c.id},
                     {"title", req.locale == "en" ? c.title_en : c.title_ko},
                     {"brought", it != brought.end()},
                     {"wholesale_price", it == brought.end() ? 0 : it->second.wholesale_price},
                     {"min_quantity", it == brought.end() ? 1 : it->second.min_quantity}};
      for (const char* lang : {"zh", "ja"}) {
        const auto t = translated.find({c.id, lang});
        o[std::string("title_") + lang] = t == translated.end() ? "" : t->second.title;
        o[std::string("story_") + lang] = t == translated.end() ? "" : t->second.story;
      }
      out.push_back(std::move(o));
    }
    return out;
  }

  json::object model(const Request& req) {
    json::array list;
    for (const auto& e : x_.all()) {
      auto o = exhibition_json(e, req.locale);
      const auto mine = x_.participant(e.id, workshop(req));
      o["state"] = mine ? mine->state : "";
      o["applied"] = mine && mine->state == "applied";
      o["selected"] = mine && mine->state == "selected";
      o["declined"] = mine && mine->state == "declined";
      o["can_apply"] = !mine || mine->state == "declined";
      if (mine && mine->state == "selected") o["own_pieces"] = own_pieces(req, e);
      list.push_back(std::move(o));
    }
    json::object m{{"title", r_.message(req.locale, "exhibitions.console_title")}, {"noindex", true}};
    m["has_exhibitions"] = !list.empty();
    m["exhibitions"] = std::move(list);
    return m;
  }
  Response page(Request& req) { return r_.page_response(req, "exhibitions/console", model(req)); }
  Response api(Request& req) { return web::page_model_json(model(req)); }
  Response back(const Request& req) {
    return Response::redirect(req.locale_prefix() + "/console/exhibitions");
  }
  // Shown above the forms (a row's field has no place of its own), in the reader's language; `kept`
  // goes in the exhibition's own row (what its form had typed).
  Response refused(Request& req, Error error, const json::object& kept = {}) {
    error.field.clear();
    auto m = model(req);
    if (!kept.empty())
      web::keep_in_row(m["exhibitions"].as_array(), "slug", json::string(req.param("slug")), kept);
    return r_.page_with_error(req, "exhibitions/console", std::move(m), error);
  }

  Response apply_form(Request& req) {
    const auto note = req.form().get("note");
    auto done = x_.apply(std::string(req.param("slug")), workshop(req), note);
    return done ? back(req) : refused(req, done.error(), {{"typed_note", note}});
  }
  Result<Response> api_apply(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    const auto note = TRY(web::json_string(o, "note"));
    TRY(x_.apply(std::string(req.param("slug")), workshop(req), note));
    return Response::json(R"({"state":"applied"})", 201);
  }

  // A refused pieces or translations form: every piece of the fair's row shows what the form sent for
  // it (the pieces before the refused one were saved as typed, the rest not yet), and the refused piece
  // carries the error beside the field named `invalid` (e.g. "title_zh"). Nothing typed is lost.
  Response refused_pieces(Request& req, const web::Form& f, long long refused_id, const std::string& invalid,
                          const Error& error) {
    auto m = model(req);
    const auto message = r_.localized(req, error);
    for (auto& row : m["exhibitions"].as_array()) {
      auto& fair = row.as_object();
      if (fair["slug"] != json::string(req.param("slug")) || !fair.contains("own_pieces")) continue;
      for (auto& piece_value : fair["own_pieces"].as_array()) {
        auto& piece = piece_value.as_object();
        const auto id = std::to_string(piece["product_id"].as_int64());
        if (f.has("listed_" + id)) {
          piece["brought"] = f.get("bring_" + id) == "1";
          piece["wholesale_price"] = f.get("wholesale_" + id);
          piece["min_quantity"] = f.get("min_" + id);
        }
        for (const char* field : {"title_zh", "story_zh", "title_ja", "story_ja"})
          if (f.has(std::string(field) + "_" + id)) piece[field] = f.get(std::string(field) + "_" + id);
        if (piece["product_id"].as_int64() != refused_id) continue;
        const bool pieces_form = invalid == "min" || invalid == "wholesale";
        piece[pieces_form ? "pieces_error" : "translation_error"] = message;
        piece["invalid_" + invalid] = true;
      }
    }
    auto shown = error;
    shown.field.clear();
    return r_.page_with_error(req, "exhibitions/console", std::move(m), shown);
  }

  // Every listed piece: bring_{id}, wholesale_{id}, min_{id}.
  Response pieces_form(Request& req) {
    const auto f = req.form();
    const std::string slug(req.param("slug"));
    const auto e = x_.find(slug);
    if (!e) return r_.error(req, Error::not_found("exhibition"));
    for (const auto& c : d_.catalog.snapshot()->cards) {
      const auto id = std::to_string(c.id);
      if (!f.has("listed_" + id)) continue;
      const auto min = f.get("min_" + id);
      auto done = x_.set_piece(slug, workshop(req), c.id, f.get("bring_" + id) == "1",
                               typed_won(f.get("wholesale_" + id)),
                               min.empty() ? 1 : static_cast<int>(web::parse_id(min)));
      if (!done) {
        const auto& field = done.error().field;
        return refused_pieces(req, f, c.id, field == "min_quantity" ? "min" : "wholesale", done.error());
      }
    }
    return back(req);
  }
  // The fair in the path, for a workshop that takes part in it (selected): else not found or forbidden.
  Result<Exhibition> selected_fair(const Request& req) {
    const auto e = x_.find(std::string(req.param("slug")));
    if (!e) return Error::not_found("exhibition");
    const auto mine = x_.participant(e->id, workshop(req));
    if (!mine || mine->state != "selected") return Error::forbidden("only a selected workshop brings pieces");
    return *e;
  }

  Result<Response> api_piece(Request& req) {
    TRY(selected_fair(req));
    const auto o = TRY(web::parse_json_object(req.body));
    const bool bring = !o.contains("bring") || (o.at("bring").is_bool() && o.at("bring").as_bool());
    const long long wholesale = o.contains("wholesale_price") && o.at("wholesale_price").is_int64()
                                    ? o.at("wholesale_price").as_int64()
                                    : 0;
    const long long min =
        o.contains("min_quantity") && o.at("min_quantity").is_int64() ? o.at("min_quantity").as_int64() : 1;
    TRY(x_.set_piece(std::string(req.param("slug")), workshop(req), req.param_id("id"), bring, wholesale,
                     static_cast<int>(std::clamp(min, -1LL, 1000000LL))));
    return Response::json(json::serialize(json::object{{"product_id", req.param_id("id")},
                                                       {"brought", bring},
                                                       {"wholesale_price", wholesale},
                                                       {"min_quantity", min}}));
  }

  // title_{lang}_{id}, story_{lang}_{id} for the pieces the form lists.
  Result<Response> translations_form(Request& req) {
    TRY(selected_fair(req));
    const auto f = req.form();
    for (const auto& c : d_.catalog.snapshot()->cards)
      for (const char* lang : {"zh", "ja"}) {
        const auto key = std::string(lang) + "_" + std::to_string(c.id);
        if (!f.has("title_" + key)) continue;
        auto done = x_.translate(workshop(req), c.id, lang, f.get("title_" + key), f.get("story_" + key));
        if (!done)
          return refused_pieces(req, f, c.id,
                                std::string(done.error().field == "story" ? "story_" : "title_") + lang,
                                done.error());
      }
    return back(req);
  }
  Result<Response> api_translation(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    // The title is required as the document says (a blank one clears the translation: "title": ""); a
    // machine_draft that is not true or false is refused, not read as false.
    if (!o.contains("title") || !o.at("title").is_string())
      return Error::invalid("title", "field_required", "title is required: a string, empty to clear");
    const auto title = TRY(web::json_string(o, "title"));
    const auto story = TRY(web::json_string(o, "story"));
    const bool draft = TRY(web::json_bool(o, "machine_draft", false));
    const std::string lang(req.param("lang"));
    TRY(x_.translate(workshop(req), req.param_id("id"), lang, title, story, draft));
    return Response::json(json::serialize(json::object{
        {"product_id", req.param_id("id")}, {"lang", lang}, {"title", title}, {"machine_draft", draft}}));
  }

 private:
  const Deps d_;
  Exhibitions& x_;
  const web::Renderer& r_;
};

}  // namespace

void add_console_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<ConsoleRoutes>(deps), deps.renderer);
  using C = ConsoleRoutes;
  const auto staff = web::require(web::Role::vendor_staff);
  router.get("/console/exhibitions", bind(&C::page)).access = staff;
  router.post("/console/exhibitions/{slug}/application", bind(&C::apply_form)).access = staff;
  router.post("/console/exhibitions/{slug}/pieces", bind(&C::pieces_form)).access = staff;
  router.post("/console/exhibitions/{slug}/translations", bind(&C::translations_form)).access = staff;
  router.get("/api/v1/console/exhibitions", bind(&C::api)).access = staff;
  router.post("/api/v1/console/exhibitions/{slug}/application", bind(&C::api_apply)).access = staff;
  router.add(web::Method::put, "/api/v1/console/exhibitions/{slug}/pieces/{id}", bind(&C::api_piece)).access =
      staff;
  router.add(web::Method::put, "/api/v1/console/products/{id}/translations/{lang}", bind(&C::api_translation))
      .access = staff;
}

}  // namespace brilliant::exhibitions
