#include "channels/routes.hpp"

#include <boost/json.hpp>

#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::channels {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

constexpr std::string_view tsv_type = "text/tab-separated-values; charset=utf-8";
constexpr std::string_view xml_type = "application/xml; charset=utf-8";

// Crawlers may keep a feed five minutes; it is rebuilt at most that often anyway.
Response feed_response(std::string body, std::string_view type) {
  auto r = Response::text(std::move(body), 200, type);
  r.set("Cache-Control", "public, max-age=300");
  return r;
}

class ChannelRoutes {
 public:
  explicit ChannelRoutes(const Deps& d) : c_(d.channels), r_(d.renderer) {}

  Response naver(Request&) { return feed_response(c_.feed(Feed::naver), tsv_type); }
  Response google(Request&) { return feed_response(c_.feed(Feed::google), xml_type); }
  Response kakao(Request&) { return feed_response(c_.feed(Feed::kakao), xml_type); }
  Result<Response> naver_incremental(Request& req) {
    auto body = TRY(c_.naver_incremental(std::string(req.query_params().get("since"))));
    return feed_response(std::move(body), tsv_type);
  }
  Result<Response> image(Request& req) {
    auto jpeg = TRY(c_.image(req.param_id("id")));
    auto r = Response::text(std::move(jpeg), 200, "image/jpeg");
    r.set("Cache-Control", "public, max-age=86400");
    return r;
  }

  json::object row_json(const MappingRow& row) const {
    json::object o{{"category", row.category}, {"name", row.name}};
    for (const auto& [channel, external] : row.external) o[channel] = external;
    return o;
  }
  json::object model(const Request& req) {
    const auto s = c_.summary();
    const std::string base = r_.base_url();
    json::array feeds;
    for (auto [id, path] : {std::pair{"naver", "/feeds/naver-ep.tsv"},
                            {"naver_incremental", "/feeds/naver-ep-incremental.tsv"},
                            {"google", "/feeds/google.xml"},
                            {"kakao", "/feeds/kakao.xml"}})
      feeds.push_back(json::object{{"id", id},
                                   {"name", r_.message(req.locale, std::string("channels.feed_") + id)},
                                   {"url", base + path}});
    json::array rows;
    for (const auto& row : c_.mapping(req.locale)) rows.push_back(row_json(row));
    return {{"title", r_.message(req.locale, "channels.title")},
            {"noindex", true},
            {"listed", s.listed},
            {"out_of_stock", s.out_of_stock},
            {"with_photos", s.with_photos},
            {"no_picture", s.no_picture},
            {"built_at", s.built_at},
            {"built_seoul", format_seoul(s.built_at)},
            {"feeds", std::move(feeds)},
            {"mapping", std::move(rows)}};
  }
  Response page(Request& req) {
    auto m = model(req);
    m["saved"] = req.query_params().get("saved") == "1";
    return r_.page_response(req, "operator/channels", std::move(m));
  }
  Response api(Request& req) { return web::page_model_json(model(req)); }

  // The form holds one field per channel and category: naver_ring, google_ring, kakao_ring, ...
  Response form(Request& req) {
    const auto f = req.form();
    for (const auto& row : c_.mapping(req.locale))
      for (const char* channel : channel_names) {
        const std::string field = std::string(channel) + "_" + row.category;
        if (!f.has(field)) continue;
        auto saved = c_.set_mapping(channel, row.category, f.get(field));
        if (!saved) {
          auto m = model(req);
          return r_.page_with_error(req, "operator/channels", std::move(m),
                                    Error::invalid(field, saved.error().code, saved.error().message));
        }
      }
    return Response::redirect(req.locale_prefix() + "/operator/channels?saved=1");
  }
  Result<Response> api_put(Request& req) {
    const auto o = TRY(web::parse_json_object(req.body));
    const auto external = TRY(web::json_string(o, "external"));
    const std::string channel(req.param("channel")), category(req.param("category"));
    TRY(c_.set_mapping(channel, category, external));
    for (const auto& row : c_.mapping(req.locale))
      if (row.category == category) return Response::json(json::serialize(row_json(row)));
    return Error::not_found("category");
  }

 private:
  Channels& c_;
  const web::Renderer& r_;
};

}  // namespace

void add_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<ChannelRoutes>(deps), deps.renderer);
  using C = ChannelRoutes;
  for (auto [path, fn] : {std::pair{"/feeds/naver-ep.tsv", &C::naver},
                          {"/feeds/google.xml", &C::google},
                          {"/feeds/kakao.xml", &C::kakao}})
    router.get(path, bind(fn)).session = false;
  router.get("/feeds/naver-ep-incremental.tsv", bind(&C::naver_incremental)).session = false;
  router.get("/feeds/images/{id}", bind(&C::image)).session = false;
  const auto operator_only = web::require(web::Role::operator_);
  router.get("/operator/channels", bind(&C::page)).access = operator_only;
  router.post("/operator/channels", bind(&C::form)).access = operator_only;
  router.get("/api/v1/operator/channels", bind(&C::api)).access = operator_only;
  router.add(web::Method::put, "/api/v1/operator/channels/{channel}/categories/{category}", bind(&C::api_put))
      .access = operator_only;
}

}  // namespace brilliant::channels
