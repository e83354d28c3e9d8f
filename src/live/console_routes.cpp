// The host's side of live shows: the list and new-show form (/console/live), the control panel
// (/console/live/{slug}: go-live checklist, stream key, pin a piece, deals, notice, moderation, viewers,
// orders and revenue), the operator's list (/operator/live), and the same over /api/v1/console/live.
#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "catalog/views.hpp"

#include "live/events.hpp"
#include "live/routes.hpp"
#include "live/views.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::live {

namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// A JSON number member as an int (absent: fallback); an error naming the field when it is not one.
Result<long long> json_int(const json::object& o, const char* field, long long fallback) {
  const auto* v = o.if_contains(field);
  if (!v) return fallback;
  if (!v->is_int64())
    return Error::invalid(field, "number_invalid", std::string(field) + " must be a whole number");
  return v->as_int64();
}

Result<std::vector<long long>> lineup_of(const json::object& o) {
  std::vector<long long> out;
  const auto* v = o.if_contains("lineup");
  if (!v) return out;
  if (!v->is_array())
    return Error::invalid("lineup", "lineup_invalid", "lineup must be a list of product ids");
  for (const auto& id : v->as_array()) {
    if (!id.is_int64())
      return Error::invalid("lineup", "lineup_invalid", "lineup must be a list of product ids");
    out.push_back(id.as_int64());
  }
  return out;
}

Result<ShowInput> show_input_of(const json::object& o) {
  ShowInput in;
  in.title_ko = TRY(web::json_string(o, "title_ko"));
  in.title_en = TRY(web::json_string(o, "title_en"));
  in.description_ko = TRY(web::json_string(o, "description_ko"));
  in.description_en = TRY(web::json_string(o, "description_en"));
  in.scheduled_at = TRY(web::json_string(o, "scheduled_at"));
  in.banned_words = TRY(web::json_string(o, "banned_words"));
  in.notice = TRY(web::json_string(o, "notice"));
  in.slow_mode_seconds = static_cast<int>(TRY(json_int(o, "slow_mode_seconds", 0)));
  in.lineup = TRY(lineup_of(o));
  in.rehearsal = TRY(web::json_bool(o, "rehearsal", in.rehearsal));
  return in;
}

ShowInput show_input_of(const web::Form& f) {
  ShowInput in{f.get("title_ko"),
               f.get("title_en"),
               f.get("description_ko"),
               f.get("description_en"),
               f.get("scheduled_at"),
               {},
               static_cast<int>(web::parse_id(f.get("slow_mode_seconds"))),
               f.get("banned_words"),
               f.get("notice"),
               f.get("rehearsal") == "1"};
  auto add = [&](std::string_view id) {
    if (auto n = web::parse_id(id); n && std::find(in.lineup.begin(), in.lineup.end(), n) == in.lineup.end())
      in.lineup.push_back(n);
  };
  for (const auto& id : f.all("lineup")) add(id);
  // More pieces by number, separated by spaces or commas (the hub's shows span every workshop).
  std::string typed = f.get("lineup_text");
  std::replace(typed.begin(), typed.end(), ',', ' ');
  std::istringstream words(typed);
  for (std::string word; words >> word;) add(word);
  return in;
}

DealInput deal_input_of(const web::Form& f) {
  return {web::parse_id(f.get("variant_id")), web::parse_id(f.get("price")),
          static_cast<int>(web::parse_id(f.get("quantity"))),
          static_cast<int>(web::parse_id(f.get("per_customer"))),
          static_cast<int>(web::parse_id(f.get("duration_seconds")))};
}

class ConsoleLiveRoutes {
 public:
  explicit ConsoleLiveRoutes(const Deps& d) : d_(d), live_(d.live), r_(d.renderer) {}

  Response list_page(Request& req) { return r_.page_response(req, "live/console_list", list_model(req)); }
  Response operator_page(Request& req) { return r_.page_response(req, "live/operator", list_model(req)); }
  Response api_list(Request& req) { return Response::json(json::serialize(list_model(req))); }

  Response create_form(Request& req) {
    const auto form = req.form();
    const auto input = show_input_of(form);
    auto created = live_.create(*req.user, host_of(req, web::parse_id(form.get("workshop_id"))), input);
    if (!created) {
      auto m = list_model(req);
      m["form"] = json::object{{"title_ko", input.title_ko},
                               {"title_en", input.title_en},
                               {"scheduled_at", input.scheduled_at},
                               {"description_ko", input.description_ko},
                               {"description_en", input.description_en}};
      return r_.page_with_error(req, "live/console_list", std::move(m), created.error());
    }
    return panel(req, created->show, created->stream_key, 201);
  }

  Result<Response> api_create(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    auto input = TRY(show_input_of(body));
    const long long workshop = TRY(json_int(body, "workshop_id", 0));
    auto created = TRY(live_.create(*req.user, host_of(req, workshop), input));
    auto o = panel_model(req, created.show);
    o["stream_key"] = created.stream_key;
    return Response::json(json::serialize(o), 201);
  }

  Result<Response> panel_page(Request& req) { return panel(req, TRY(managed(req)), "", 200); }
  Result<Response> api_panel(Request& req) {
    return Response::json(json::serialize(panel_model(req, TRY(managed(req)))));
  }

  Result<Response> update_form(Request& req) {
    auto show = TRY(managed(req));
    auto saved = live_.update(show.slug, *req.user, show_input_of(req.form()));
    if (!saved) return r_.page_with_error(req, "live/panel", panel_page_model(req, show, ""), saved.error());
    return back(req, show.slug, "saved");
  }

  Result<Response> api_update(Request& req) {
    TRY(managed(req));  // an unknown or another host's show first: 404 / 403 before any 400
    auto body = TRY(web::parse_json_object(req.body));
    auto saved = TRY(live_.update(std::string(req.param("slug")), *req.user, TRY(show_input_of(body))));
    return Response::json(json::serialize(panel_model(req, saved)));
  }

  Result<Response> key_form(Request& req) {
    auto key = TRY(live_.rotate_key(std::string(req.param("slug")), *req.user));
    return panel(req, TRY(managed(req)), key, 200);
  }
  Result<Response> api_key(Request& req) {
    auto key = TRY(live_.rotate_key(std::string(req.param("slug")), *req.user));
    return Response::json(json::serialize(json::object{{"stream_key", key}, {"rtmp_url", d_.rtmp_url}}));
  }

  Result<Response> pin_form(Request& req) {
    TRY(live_.pin(std::string(req.param("slug")), *req.user, web::parse_id(req.form().get("product_id"))));
    return back(req, std::string(req.param("slug")), "pinned");
  }
  Result<Response> api_pin(Request& req) {
    TRY(managed(req));  // an unknown or another host's show first: 404 / 403 before any 400
    auto body = TRY(web::parse_json_object(req.body));
    TRY(live_.pin(std::string(req.param("slug")), *req.user, TRY(json_int(body, "product_id", 0))));
    return Response::json(R"({"pinned":true})");
  }

  Result<Response> deal_form(Request& req) {
    TRY(live_.add_deal(std::string(req.param("slug")), *req.user, deal_input_of(req.form())));
    return back(req, std::string(req.param("slug")), "deal_added");
  }
  Result<Response> api_deal(Request& req) {
    TRY(managed(req));  // an unknown or another host's show first: 404 / 403 before any 400
    auto body = TRY(web::parse_json_object(req.body));
    DealInput in{TRY(json_int(body, "variant_id", 0)), TRY(json_int(body, "price", 0)),
                 static_cast<int>(TRY(json_int(body, "quantity", 0))),
                 static_cast<int>(TRY(json_int(body, "per_customer", 1))),
                 static_cast<int>(TRY(json_int(body, "duration_seconds", 300)))};
    auto deal = TRY(live_.add_deal(std::string(req.param("slug")), *req.user, in));
    return Response::json(json::serialize(deal_json(deal, live_.now())), 201);
  }

  Result<Response> start_form(Request& req) {
    TRY(live_.start_deal(std::string(req.param("slug")), *req.user, req.param_id("id")));
    return back(req, std::string(req.param("slug")), "deal_started");
  }
  Result<Response> api_start(Request& req) {
    auto deal = TRY(live_.start_deal(std::string(req.param("slug")), *req.user, req.param_id("id")));
    return Response::json(json::serialize(deal_json(deal, live_.now())));
  }

  Result<Response> end_form(Request& req) {
    TRY(live_.end(std::string(req.param("slug")), *req.user));
    return back(req, std::string(req.param("slug")), "ended");
  }
  Result<Response> api_end(Request& req) {
    auto show = TRY(live_.end(std::string(req.param("slug")), *req.user));
    return Response::json(json::serialize(panel_model(req, show)));
  }

  Result<Response> api_moderate(Request& req) {
    TRY(managed(req));  // an unknown or another host's show first: 404 / 403 before any 400
    auto body = TRY(web::parse_json_object(req.body));
    const auto action = TRY(web::json_string(body, "action"));
    const auto slug = std::string(req.param("slug"));
    if (action == "delete")
      TRY(live_.delete_message(slug, *req.user, TRY(json_int(body, "message_id", 0))));
    else if (action == "mute")
      TRY(live_.mute(slug, *req.user, TRY(json_int(body, "user_id", 0)),
                     static_cast<int>(TRY(json_int(body, "seconds", 300)))));
    else if (action == "ban")
      TRY(live_.ban(slug, *req.user, TRY(json_int(body, "user_id", 0))));
    else
      return Error::invalid("action", "choice_invalid", "action must be delete, mute or ban");
    return Response::json(json::serialize(json::object{{"done", action}}));
  }

  // The host names a chat moderator by email, or takes one back (form and API).
  Result<Response> moderator_form(Request& req) {
    TRY(live_.add_moderator(std::string(req.param("slug")), *req.user, req.form().get("email")));
    return back(req, std::string(req.param("slug")), "moderator");
  }
  Result<Response> moderator_remove_form(Request& req) {
    TRY(live_.remove_moderator(std::string(req.param("slug")), *req.user, req.param_id("id")));
    return back(req, std::string(req.param("slug")), "moderator");
  }
  static json::array moderators_array(const std::vector<repo::Moderator>& list) {
    json::array out;
    for (const auto& m : list)
      out.push_back(json::object{{"user_id", m.user_id}, {"name", m.name}, {"email", m.email}});
    return out;
  }
  static Response moderators_json(const std::vector<repo::Moderator>& list, int status) {
    return Response::json(json::serialize(json::object{{"moderators", moderators_array(list)}}), status);
  }
  Result<Response> api_add_moderator(Request& req) {
    TRY(managed(req));  // another host's show: 403/404 before reading the body
    auto body = TRY(web::parse_json_object(req.body));
    const auto email = TRY(web::json_string(body, "email"));
    return moderators_json(TRY(live_.add_moderator(std::string(req.param("slug")), *req.user, email)), 201);
  }
  Result<Response> api_remove_moderator(Request& req) {
    return moderators_json(
        TRY(live_.remove_moderator(std::string(req.param("slug")), *req.user, req.param_id("id"))), 200);
  }

  // Simulcast push targets: added and removed on the panel's form or the API; the API lists them with
  // their relays' states (the panel asks every few seconds).
  Result<Response> target_form(Request& req) {
    auto show = TRY(managed(req));
    const auto form = req.form();
    auto added =
        live_.add_target(show.slug, *req.user, {form.get("label"), form.get("url"), form.get("key")});
    if (!added) return r_.page_with_error(req, "live/panel", panel_page_model(req, show, ""), added.error());
    return back(req, show.slug, "target");
  }
  Result<Response> target_remove_form(Request& req) {
    TRY(live_.remove_target(std::string(req.param("slug")), *req.user, req.param_id("id")));
    return back(req, std::string(req.param("slug")), "target_removed");
  }
  Result<Response> api_targets(Request& req) { return targets_response(TRY(managed(req)).id, 200); }
  Result<Response> api_add_target(Request& req) {
    auto show = TRY(managed(req));  // another host's show: 403/404 before reading the body
    auto body = TRY(web::parse_json_object(req.body));
    PushTargetInput input{TRY(web::json_string(body, "label")), TRY(web::json_string(body, "url")),
                          TRY(web::json_string(body, "key"))};
    TRY(live_.add_target(show.slug, *req.user, input));
    return targets_response(show.id, 201);
  }
  Result<Response> api_remove_target(Request& req) {
    auto show = TRY(managed(req));
    TRY(live_.remove_target(show.slug, *req.user, req.param_id("id")));
    return targets_response(show.id, 200);
  }

 private:
  Response targets_response(long long show_id, int status) {
    return Response::json(json::serialize(json::object{{"targets", targets_json(live_.targets(show_id))}}),
                          status);
  }

  // Vendor staff host for their own workshop; operators for the one they name, or the hub (0).
  static long long host_of(const Request& req, long long asked) {
    return req.user->has(web::Role::operator_) ? asked : req.user->workshop_id;
  }

  Result<Show> managed(const Request& req) {
    return live_.managed(std::string(req.param("slug")), *req.user);
  }

  Response back(const Request& req, const std::string& slug, const std::string& done) {
    return Response::redirect(req.locale_prefix() + "/console/live/" + slug + "?done=" + done);
  }

  json::object list_model(const Request& req) {
    const bool op = req.user->has(web::Role::operator_);
    json::array shows;
    for (const auto& s : live_.list(op ? 0 : req.user->workshop_id)) {
      auto o = show_summary_json(s, r_, req);
      o["analytics"] = analytics_json(live_.analytics(s), req.locale);
      o["panel_url"] = req.locale_prefix() + "/console/live/" + s.slug;
      shows.push_back(std::move(o));
    }
    return {{"title", r_.message(req.locale, "live.console_title")},
            {"shows", std::move(shows)},
            {"operator", op},
            {"noindex", true}};
  }

  json::object panel_model(const Request& req, const Show& show) {
    auto o = show_json(show, *live_.catalog_snapshot(), live_.now(), r_, req);
    o["analytics"] = analytics_json(live_.analytics(show), req.locale);
    o["viewers"] = live_.viewers(show.id);
    o["rtmp_url"] = d_.rtmp_url;
    o["banned_words"] = show.banned_words;
    auto moderators = moderators_array(live_.moderators(show.id));
    o["has_moderators"] = !moderators.empty();
    o["moderators"] = std::move(moderators);
    auto targets = targets_json(live_.targets(show.id));
    for (auto& t : targets)
      t.as_object()["state_label"] =
          r_.message(req.locale, "live.target_state." + std::string(t.at("state").as_string()));
    o["has_targets"] = !targets.empty();
    o["targets"] = std::move(targets);
    o["scheduled_local"] = format_seoul(show.scheduled_at).replace(10, 1, "T");
    // The go-live checklist: how long the stream's segments are (keyframes every 2 s give 2).
    if (!d_.hls_dir.empty()) {
      std::ifstream in(d_.hls_dir / show.slug / "index.m3u8");
      const std::string playlist((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (const int seconds = hls_target_duration(playlist)) {
        o["segment_seconds"] = seconds;
        o["keyframes_ok"] = seconds <= 3;
      }
    }
    return o;
  }

  // The pieces a host may put in the line-up (its workshop's on sale; the hub's: those in it now) and
  // the variants a deal may be on (the line-up's).
  void add_choices(const Request& req, const Show& show, json::object& m) {
    const auto snap = live_.catalog_snapshot();
    const catalog::Messages t = [&](const std::string& key) { return r_.message(req.locale, key); };
    json::array candidates, variants;
    std::string workshop_slug;
    for (const auto& w : snap->workshops)
      if (w.id == show.workshop_id) workshop_slug = w.slug;
    auto in_lineup = [&](long long id) {
      return std::find(show.lineup.begin(), show.lineup.end(), id) != show.lineup.end();
    };
    for (const auto& card : snap->cards)
      if ((show.workshop_id && card.workshop_slug == workshop_slug) || in_lineup(card.id)) {
        auto o = catalog::card_json(card, req.locale, t);
        o["id"] = card.id;
        o["checked"] = in_lineup(card.id);
        candidates.push_back(std::move(o));
      }
    for (long long id : show.lineup) {
      auto it = snap->by_id.find(id);
      if (it == snap->by_id.end()) continue;
      auto product = live_.catalog().product(snap->cards[it->second].slug);
      if (!product) continue;
      const auto& title = req.locale == "en" ? product->title_en : product->title_ko;
      for (const auto& v : product->variants)
        variants.push_back(
            json::object{{"id", v.id},
                         {"label", title + " · " + catalog::option_label(*product, v, req.locale, t) + " · " +
                                       catalog::format_won(v.price, req.locale)}});
    }
    m["candidates"] = std::move(candidates);
    m["variants"] = std::move(variants);
  }

  json::object panel_page_model(const Request& req, const Show& show, const std::string& key) {
    json::object m{{"show", panel_model(req, show)}, {"title", show.title(req.locale)}, {"noindex", true}};
    add_choices(req, show, m);
    if (!key.empty()) m["stream_key"] = key;
    if (auto done = req.query_params().get("done"); !done.empty())
      m["notice"] = r_.message(req.locale, "live.done." + done);
    return m;
  }

  Response panel(const Request& req, const Show& show, const std::string& key, int status) {
    auto response = r_.page_response(req, "live/panel", panel_page_model(req, show, key), status);
    if (!key.empty()) response.set("Cache-Control", "no-store");  // the key is shown once
    return response;
  }

  const Deps& d_;
  Live& live_;
  const web::Renderer& r_;
};

}  // namespace

void add_console_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<ConsoleLiveRoutes>(deps), deps.renderer);
  const auto hosts = web::require_any({web::Role::vendor_staff, web::Role::operator_});
  using C = ConsoleLiveRoutes;
  router.get("/operator/live", bind(&C::operator_page)).access = web::require(web::Role::operator_);
  router.get("/console/live", bind(&C::list_page)).access = hosts;
  router.post("/console/live", bind(&C::create_form)).access = hosts;
  router.get("/console/live/{slug}", bind(&C::panel_page)).access = hosts;
  router.post("/console/live/{slug}", bind(&C::update_form)).access = hosts;
  router.post("/console/live/{slug}/key", bind(&C::key_form)).access = hosts;
  router.post("/console/live/{slug}/pin", bind(&C::pin_form)).access = hosts;
  router.post("/console/live/{slug}/deals", bind(&C::deal_form)).access = hosts;
  router.post("/console/live/{slug}/deals/{id}/start", bind(&C::start_form)).access = hosts;
  router.post("/console/live/{slug}/end", bind(&C::end_form)).access = hosts;
  router.get("/api/v1/console/live", bind(&C::api_list)).access = hosts;
  router.post("/api/v1/console/live", bind(&C::api_create)).access = hosts;
  router.get("/api/v1/console/live/{slug}", bind(&C::api_panel)).access = hosts;
  router.add(web::Method::put, "/api/v1/console/live/{slug}", bind(&C::api_update)).access = hosts;
  router.post("/api/v1/console/live/{slug}/key", bind(&C::api_key)).access = hosts;
  router.post("/api/v1/console/live/{slug}/pin", bind(&C::api_pin)).access = hosts;
  router.post("/api/v1/console/live/{slug}/deals", bind(&C::api_deal)).access = hosts;
  router.post("/api/v1/console/live/{slug}/deals/{id}/start", bind(&C::api_start)).access = hosts;
  router.post("/api/v1/console/live/{slug}/end", bind(&C::api_end)).access = hosts;
  router.post("/api/v1/console/live/{slug}/moderation", bind(&C::api_moderate)).access = hosts;
  router.post("/console/live/{slug}/moderators", bind(&C::moderator_form)).access = hosts;
  router.post("/console/live/{slug}/moderators/{id}/remove", bind(&C::moderator_remove_form)).access = hosts;
  router.post("/api/v1/console/live/{slug}/moderators", bind(&C::api_add_moderator)).access = hosts;
  router
      .add(web::Method::delete_, "/api/v1/console/live/{slug}/moderators/{id}",
           bind(&C::api_remove_moderator))
      .access = hosts;
  router.post("/console/live/{slug}/targets", bind(&C::target_form)).access = hosts;
  router.post("/console/live/{slug}/targets/{id}/remove", bind(&C::target_remove_form)).access = hosts;
  router.get("/api/v1/console/live/{slug}/targets", bind(&C::api_targets)).access = hosts;
  router.post("/api/v1/console/live/{slug}/targets", bind(&C::api_add_target)).access = hosts;
  router.add(web::Method::delete_, "/api/v1/console/live/{slug}/targets/{id}", bind(&C::api_remove_target))
      .access = hosts;
}

}  // namespace brilliant::live
