#include "live/routes.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "catalog/views.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"
#include "live/events.hpp"
#include "live/socket.hpp"
#include "live/views.hpp"
#include "orders/order_views.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::live {

namespace json = boost::json;
using web::Request;
using web::Response;

bool same_origin(std::string_view origin, std::string_view host) {
  if (origin.empty()) return true;  // not a browser: nothing to protect against
  for (std::string_view scheme : {"http://", "https://"})
    if (origin.starts_with(scheme)) return !host.empty() && iequals(origin.substr(scheme.size()), host);
  return false;
}

bool hls_file_name(std::string_view name) {
  if (name == "index.m3u8") return true;
  if (name.size() < 4 || name.size() > 40 || !name.ends_with(".ts")) return false;
  const auto stem = name.substr(0, name.size() - 3);
  return std::all_of(stem.begin(), stem.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

int hls_target_duration(std::string_view playlist) {
  constexpr std::string_view tag = "#EXT-X-TARGETDURATION:";
  const auto at = playlist.find(tag);
  if (at == std::string_view::npos) return 0;
  int seconds = 0;
  for (size_t i = at + tag.size(); i < playlist.size() && playlist[i] >= '0' && playlist[i] <= '9'; ++i)
    seconds = std::min(seconds * 10 + (playlist[i] - '0'), 100000);
  return seconds;
}

namespace {

class LiveRoutes {
 public:
  explicit LiveRoutes(const Deps& d) : d_(d), live_(d.live), r_(d.renderer) {}

  Response list_page(Request& req) { return r_.page_response(req, "live/list", list_model(req)); }
  Response api_list(Request& req) { return Response::json(json::serialize(list_model(req))); }

  Result<Response> show_page(Request& req) {
    auto m = TRY(show_model(req));
    m["title"] = m["show"].as_object()["title"];
    return r_.page_response(req, "live/show", std::move(m));
  }

  Result<Response> api_show(Request& req) {
    auto m = TRY(show_model(req));
    return Response::json(json::serialize(m["show"]));
  }

  Result<Response> socket(Request& req) {
    auto show = TRY(find(req));
    if (req.header("upgrade").empty())
      return Error::invalid("Upgrade", "websocket_required",
                            "this address speaks WebSocket: send Upgrade: websocket");
    if (!same_origin(req.header("origin"), req.header("host")))
      return Error::forbidden("this show's chat accepts pages of this site only");
    if (req.user && live_.banned(show.id, req.user->user_id))
      return Error::forbidden("you were removed from this show");
    return Response::upgrade(viewer_session(live_, std::move(show), req.user));
  }

  Result<Response> api_chat(Request& req) {
    auto show = TRY(find(req));
    const auto q = req.query_params();
    const long long after = web::parse_id(q.get("after"));
    json::array lines;
    for (const auto& line : live_.chat(show.id, 500, after)) {
      auto o = chat_json(line);
      o["offset"] = offset_seconds(show.started_at, line.at);
      lines.push_back(std::move(o));
    }
    return Response::json(json::serialize(json::object{{"chat", std::move(lines)}}));
  }

  Result<Response> remind_form(Request& req) {
    const auto slug = std::string(req.param("slug"));
    TRY(live_.remind(slug, req.user->user_id));
    return Response::redirect(req.locale_prefix() + "/live/" + slug + "?reminded=1");
  }

  Result<Response> api_remind(Request& req) {
    const bool added = TRY(live_.remind(std::string(req.param("slug")), req.user->user_id));
    return Response::json(json::serialize(json::object{{"reminder", true}, {"new", added}}),
                          added ? 201 : 200);
  }

  Result<Response> buy_form(Request& req) {
    const auto form = req.form();
    Purchase p;
    p.quantity = static_cast<int>(web::parse_id(form.get("quantity")));
    p.address = orders::address_from(form);
    p.key = form.get("key");
    p.locale = req.locale;
    auto order = TRY(live_.buy(std::string(req.param("slug")), req.param_id("id"), *req.user, p));
    return Response::redirect(req.locale_prefix() + "/orders/" + order.number);
  }

  Result<Response> api_buy(Request& req) {
    auto body = TRY(web::parse_json_object(req.body));
    Purchase p;
    p.quantity = 1;
    if (const auto* q = body.if_contains("quantity")) {
      if (!q->is_int64())
        return Error::invalid("quantity", "number_invalid", "quantity must be a whole number");
      p.quantity = static_cast<int>(q->as_int64());
    }
    auto text = [&](const char* name) {
      const auto* v = body.if_contains(name);
      return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    p.address = TRY(orders::address_from(body));
    p.key = std::string(req.header("idempotency-key"));
    if (p.key.empty()) p.key = text("key");
    if (p.key.empty())
      return Error::invalid("Idempotency-Key", "checkout_key_invalid",
                            "send an Idempotency-Key header (one per purchase you mean to make)");
    p.locale = req.locale;
    auto order = TRY(live_.buy(std::string(req.param("slug")), req.param_id("id"), *req.user, p));
    const catalog::Messages t = [&](const std::string& key) { return r_.message(req.locale, key); };
    auto o = orders::order_json(order, req.locale, t, d_.bank_account);
    o["url"] = req.locale_prefix() + "/orders/" + order.number;
    return Response::json(json::serialize(o), 201);
  }

  Result<Response> hls(Request& req) {
    const std::string slug(req.param("slug")), file(req.param("file"));
    if (d_.hls_dir.empty() || !valid_slug(slug) || !hls_file_name(file)) return Error::not_found("file");
    std::ifstream in(d_.hls_dir / slug / file, std::ios::binary);
    if (!in) return Error::not_found("file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const bool playlist = file.ends_with(".m3u8");
    auto response =
        Response::text(bytes.str(), 200, playlist ? "application/vnd.apple.mpegurl" : "video/mp2t");
    response.set("Cache-Control", playlist ? "no-cache" : "public, max-age=86400");
    return response;
  }

  // nginx-rtmp's on_publish: the stream's name is the key. Accepted streams are renamed (3xx) to the
  // show's slug, so the HLS files viewers fetch never show the key.
  Result<Response> rtmp_publish(Request& req) {
    TRY(callback_allowed(req));
    auto show = live_.stream_started(req.form().get("name"));
    if (!show) return Response::text("refused: " + show.error().message + "\n", 403);
    Response r;
    r.status = 302;
    r.set("Location", show->slug);
    return r;
  }

  Result<Response> rtmp_publish_done(Request& req) {
    TRY(callback_allowed(req));
    const std::string name = req.form().get("name");
    auto show = live_.stream_ended(name);
    if (!show) return Response::text("unknown stream\n", 404);
    keep_replay(*show);
    return Response::text("ended\n");
  }

 private:
  Result<Show> find(const Request& req) {
    auto show = live_.find(std::string(req.param("slug")));
    if (!show || !valid_slug(show->slug)) return Error::not_found("show");
    // A rehearsal is private: for everyone else it does not exist.
    if (show->rehearsal && !(req.user && Live::may_manage(*show, *req.user))) return Error::not_found("show");
    return std::move(*show);
  }

  Result<void> callback_allowed(const Request& req) {
    if (!d_.callback_secret.empty()) {
      if (secrets_equal(req.query_params().get("secret"), d_.callback_secret)) return {};
      return Error::forbidden("nginx's callbacks must carry the configured secret");
    }
    if (req.remote_ip == "127.0.0.1" || req.remote_ip == "::1") return {};
    return Error::forbidden("nginx's callbacks are taken from this machine only");
  }

  // The show's HLS, kept (hls_cleanup off), becomes its replay: the playlist is closed so players
  // treat it as video on demand.
  void keep_replay(const Show& show) {
    if (d_.hls_dir.empty() || show.state != State::ended) return;
    const auto playlist = d_.hls_dir / show.slug / "index.m3u8";
    std::ifstream in(playlist);
    if (!in) return;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.find("#EXT-X-ENDLIST") == std::string::npos)
      std::ofstream(playlist, std::ios::app) << "#EXT-X-ENDLIST\n";
    live_.set_replay(show.slug, "/live/hls/" + show.slug + "/index.m3u8");
  }

  json::object list_model(const Request& req) {
    json::array live_now, upcoming, replays;
    for (const auto& s : live_.list()) {
      if (s.rehearsal) continue;  // private
      auto o = show_summary_json(s, r_, req);
      if (s.state == State::live)
        live_now.push_back(std::move(o));
      else if (s.state == State::scheduled)
        upcoming.push_back(std::move(o));
      else if (s.state == State::ended)
        replays.push_back(std::move(o));
    }
    std::reverse(upcoming.begin(), upcoming.end());  // soonest first
    return {{"title", r_.message(req.locale, "live.title")},
            {"live", std::move(live_now)},
            {"upcoming", std::move(upcoming)},
            {"replays", std::move(replays)}};
  }

  Result<json::object> show_model(Request& req) {
    auto show = TRY(find(req));
    const auto snap = live_.catalog_snapshot();
    auto s = show_json(show, *snap, live_.now(), r_, req);
    s["viewers"] = live_.viewers(show.id);
    json::object m{{"show", std::move(s)}};
    if (req.user) {
      m["reminded"] = show.state == State::scheduled && live_.reminded(show.id, req.user->user_id);
      m["address"] = last_address(req.user->user_id);
    }
    m["upcoming"] = show.state == State::scheduled;
    m["checkout_key"] = random_token(18);
    if (req.query_params().get("reminded") == "1") m["notice"] = r_.message(req.locale, "live.reminder_set");
    return m;
  }

  // The address of the shopper's last order, to fill the deal drawer's form.
  json::object last_address(long long user_id) {
    auto mine = d_.orders.of_user(user_id, 1);
    if (mine.empty()) return {};
    const auto& a = mine.front().address;
    return {{"recipient", a.recipient},
            {"phone", a.phone},
            {"postcode", a.postcode},
            {"address", a.address},
            {"address_detail", a.address_detail}};
  }

  const Deps& d_;
  Live& live_;
  const web::Renderer& r_;
};

}  // namespace

void add_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<LiveRoutes>(deps), deps.renderer);
  const auto login = web::Access::logged_in();
  router.get("/live", bind(&LiveRoutes::list_page));
  router.get("/api/v1/live", bind(&LiveRoutes::api_list));
  router.get("/live/{slug}", bind(&LiveRoutes::show_page));
  router.get("/api/v1/live/{slug}", bind(&LiveRoutes::api_show));
  router.get("/live/{slug}/ws", bind(&LiveRoutes::socket));
  router.get("/api/v1/live/{slug}/chat", bind(&LiveRoutes::api_chat));
  router.post("/live/{slug}/remind", bind(&LiveRoutes::remind_form)).access = login;
  router.post("/api/v1/live/{slug}/reminders", bind(&LiveRoutes::api_remind)).access = login;
  router.post("/live/{slug}/deals/{id}/buy", bind(&LiveRoutes::buy_form)).access = login;
  router.post("/api/v1/live/{slug}/deals/{id}/orders", bind(&LiveRoutes::api_buy)).access = login;
  router.get("/live/hls/{slug}/{file}", bind(&LiveRoutes::hls)).session = false;
  for (auto* route : {&router.post("/live/rtmp/publish", bind(&LiveRoutes::rtmp_publish)),
                      &router.post("/live/rtmp/publish_done", bind(&LiveRoutes::rtmp_publish_done))}) {
    route->session = false;  // a machine's call: no cookie, no CSRF token
    route->csrf = false;
  }
}

}  // namespace brilliant::live
