#include "exhibitions/routes.hpp"

#include <boost/json.hpp>

#include "exhibitions/pdf.hpp"
#include "exhibitions/views.hpp"
#include "exhibitions/views_json.hpp"
#include "media/qr.hpp"
#include "web/bind.hpp"
#include "web/json_input.hpp"

namespace brilliant::exhibitions {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

class ExhibitionRoutes {
 public:
  explicit ExhibitionRoutes(const Deps& d) : d_(d), x_(d.exhibitions), r_(d.renderer) {}

  // --- everyone ---
  json::object list_model(const Request& req) {
    const auto today = format_seoul(d_.clock.now()).substr(0, 10);
    json::array upcoming, past;
    for (const auto& e : x_.all()) {
      auto o = exhibition_json(e, req.locale);
      o["pieces"] = static_cast<long long>(x_.pieces(e.id).size());
      (e.info.ends_on >= today ? upcoming : past).push_back(std::move(o));
    }
    json::object m{{"title", r_.message(req.locale, "exhibitions.title")}};
    m["has_upcoming"] = !upcoming.empty();
    m["has_past"] = !past.empty();
    m["upcoming"] = std::move(upcoming);
    m["past"] = std::move(past);
    return m;
  }
  Response list_page(Request& req) { return r_.page_response(req, "exhibitions/list", list_model(req)); }
  Response api_list(Request& req) { return web::page_model_json(list_model(req)); }

  bool sees_wholesale(const Request& req) const {
    return req.user && (req.user->has(web::Role::buyer) || req.user->has(web::Role::operator_));
  }
  Result<Sheet> sheet(const Request& req, const std::string& lang) {
    const auto e = x_.find(std::string(req.param("slug")));
    if (!e) return Error::not_found("exhibition");
    const auto pieces = x_.pieces(e->id);
    std::vector<long long> ids;
    for (const auto& p : pieces) ids.push_back(p.product_id);
    const auto translated = x_.translations(ids);
    std::vector<SheetSource> sources;
    for (const auto& p : pieces) {
      auto product = d_.catalog.product(p.slug);
      if (!product || !product->on_sale()) continue;  // withdrawn since: not offered
      std::optional<Translation> t;
      if (auto it = translated.find({p.product_id, lang}); it != translated.end()) t = it->second;
      sources.push_back({p, *product, d_.catalog.workshop_by_id(p.workshop_id), t});
    }
    const auto rates = d_.rates ? d_.rates() : std::map<std::string, long long>{};
    const auto rate = rates.find(e->info.currency);
    return make_sheet(*e, sources, lang, rate == rates.end() ? 0 : rate->second, sees_wholesale(req),
                      r_.base_url());
  }
  Result<Response> sheet_page(Request& req, const std::string& lang) {
    const auto s = TRY(sheet(req, lang));
    auto m = sheet_json(s);
    if (req.wants_json()) return web::page_model_json(std::move(m));
    m["title"] = s.name;
    m["description"] = label(lang, "line_sheet") + " · " + s.name;
    if (auto code = media::qr_encode(s.url)) m["booth_qr"] = media::qr_svg(*code);
    json::array langs;
    const std::string slug(req.param("slug"));
    for (const char* l : languages)
      langs.push_back(json::object{
          {"lang", l}, {"name", label(l, "language")}, {"url", sheet_path(slug, l)}, {"current", lang == l}});
    m["languages"] = std::move(langs);
    m["slug"] = slug;
    m["fair_slug"] = slug;
    // An approved buyer asks for a quote on a piece from here (b2b); anyone else may apply to be one.
    m["can_quote"] = req.user && req.user->has(web::Role::buyer);
    return r_.page_response(req, "exhibitions/sheet", std::move(m));
  }
  Result<Response> sheet_here(Request& req) { return sheet_page(req, req.locale); }
  Result<Response> sheet_zh(Request& req) { return sheet_page(req, "zh"); }
  Result<Response> sheet_ja(Request& req) { return sheet_page(req, "ja"); }
  Result<Response> api_sheet(Request& req) {
    std::string lang(req.query_params().get("lang"));
    if (lang.empty()) lang = req.locale;
    if (!known_language(lang)) return Error::invalid("lang", "lang_invalid", "lang must be ko, en, zh or ja");
    return web::page_model_json(sheet_json(TRY(sheet(req, lang))));
  }
  Result<Response> sheet_pdf(Request& req) {
    std::string lang(req.query_params().get("lang"));
    if (lang.empty()) lang = req.locale;
    if (!known_language(lang)) return Error::invalid("lang", "lang_invalid", "lang must be ko, en, zh or ja");
    const auto s = TRY(sheet(req, lang));
    auto out = Response::text(line_sheet_pdf(s), 200, "application/pdf");
    out.set("Content-Disposition",
            "inline; filename=\"linesheet-" + std::string(req.param("slug")) + "-" + lang + ".pdf\"");
    if (s.wholesale) out.set("Cache-Control", "private, no-store");
    return out;
  }
  Result<Response> poster(Request& req) {
    const auto e = x_.find(std::string(req.param("slug")));
    if (!e) return Error::not_found("exhibition");
    auto out = Response::text(poster_pdf(*e, r_.base_url() + sheet_path(e->info.slug, "en")), 200,
                              "application/pdf");
    out.set("Content-Disposition", "inline; filename=\"poster-" + e->info.slug + ".pdf\"");
    return out;
  }

 private:
  const Deps d_;
  Exhibitions& x_;
  const web::Renderer& r_;
};

}  // namespace

void add_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<ExhibitionRoutes>(deps), deps.renderer);
  using X = ExhibitionRoutes;
  router.get("/exhibitions", bind(&X::list_page));
  router.get("/exhibitions/{slug}", bind(&X::sheet_here));
  router.get("/zh/exhibitions/{slug}", bind(&X::sheet_zh));
  router.get("/ja/exhibitions/{slug}", bind(&X::sheet_ja));
  router.get("/exhibitions/{slug}/linesheet.pdf", bind(&X::sheet_pdf));
  router.get("/exhibitions/{slug}/poster.pdf", bind(&X::poster));
  router.get("/api/v1/exhibitions", bind(&X::api_list));
  router.get("/api/v1/exhibitions/{slug}", bind(&X::api_sheet));
  add_console_routes(router, deps);
  if (deps.leads && deps.visitor_forms) add_lead_routes(router, deps);
}

}  // namespace brilliant::exhibitions
