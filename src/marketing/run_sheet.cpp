#include "marketing/run_sheet.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "marketing/copy_routes.hpp"
#include "web/bind.hpp"

namespace brilliant::marketing {
namespace json = boost::json;
using web::Request;
using web::Response;

json::object run_sheet_json(const live::Show& show,
                            const std::function<std::optional<catalog::Product>(long long)>& piece,
                            const std::function<CopyFacts(const catalog::Product&)>& facts_of,
                            const std::string& locale) {
  json::array pieces;
  int order = 0;
  for (long long id : show.lineup) {
    const auto p = piece(id);
    if (!p) continue;
    const auto facts = facts_of(*p);
    const auto copy = write_copy(facts);
    json::array deals;
    for (const auto& d : show.deals)
      if (d.product_id == id)
        deals.push_back(json::object{{"price", d.price},
                                     {"price_text", catalog::format_won(d.price, locale)},
                                     {"regular_price_text", catalog::format_won(d.regular_price, locale)},
                                     {"quantity", d.quantity},
                                     {"per_customer", d.per_customer},
                                     {"minutes", (d.duration_seconds + 59) / 60},
                                     {"variant", d.variant_label}});
    auto points = [&](bool en_) {
      const auto list = talking_points(facts, en_);
      return json::array(list.begin(), list.end());
    };
    pieces.push_back(json::object{{"order", ++order},
                                  {"slug", p->slug},
                                  {"title", locale == "en" ? copy.en.title : copy.ko.title},
                                  {"name", locale == "en" ? p->title_en : p->title_ko},
                                  {"price", p->price},
                                  {"price_text", catalog::format_won(p->price, locale)},
                                  {"points_ko", points(false)},
                                  {"points_en", points(true)},
                                  {"deals", std::move(deals)}});
  }
  return {{"show", show.slug},
          {"title", show.title(locale)},
          {"scheduled_at", show.scheduled_at},
          {"starts", format_seoul(show.scheduled_at)},
          {"pieces", std::move(pieces)}};
}

namespace {

class RunSheetRoutes {
 public:
  explicit RunSheetRoutes(const RunSheetDeps& d) : live(d.live), deps(d.vendors), r(d.vendors.renderer) {}

  Result<json::object> sheet(const Request& req) {
    auto show = TRY(live.managed(std::string(req.param("slug")), *req.user));
    auto snap = deps.catalog.snapshot();
    auto piece = [&](long long id) -> std::optional<catalog::Product> {  // pieces on sale only
      auto it = snap->by_id.find(id);
      return it == snap->by_id.end() ? std::nullopt : deps.catalog.product(snap->cards[it->second].slug);
    };
    return run_sheet_json(
        show, piece, [this](const catalog::Product& p) { return piece_facts(deps.catalog, r, p); },
        req.locale);
  }

  Result<Response> api(Request& req) { return Response::json(json::serialize(TRY(sheet(req)))); }

  Result<Response> page(Request& req) {
    auto model = TRY(sheet(req));
    model["show_title"] = model["title"];
    model["title"] =
        r.message(req.locale, "marketing.run_sheet.title") + " · " + std::string(model["title"].as_string());
    model["noindex"] = true;
    return r.page_response(req, "marketing/run_sheet", std::move(model));
  }

 private:
  live::Live& live;
  vendors::Deps& deps;
  const web::Renderer& r;
};

}  // namespace

void add_run_sheet_routes(web::Router& router, const RunSheetDeps& deps) {
  const web::Bind bind(std::make_shared<RunSheetRoutes>(deps), deps.vendors.renderer);
  const auto hosts = web::require_any({web::Role::vendor_staff, web::Role::operator_});
  router.get("/console/live/{slug}/run-sheet", bind(&RunSheetRoutes::page)).access = hosts;
  router.get("/api/v1/console/live/{slug}/run-sheet", bind(&RunSheetRoutes::api)).access = hosts;
}

}  // namespace brilliant::marketing
