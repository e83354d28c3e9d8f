#include "marketing/routes.hpp"

#include "marketing/coupon_routes.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "web/bind.hpp"

namespace brilliant::marketing {
namespace json = boost::json;
using web::Request;
using web::Response;

Result<std::vector<long long>> slugs_to_ids(const catalog::Snapshot& snapshot, const std::string& text,
                                            const std::string& field, size_t max) {
  if (text.size() > 2000)
    return Error::invalid(field, "too_long", field + " must be at most 2000 characters");
  std::vector<long long> out;
  size_t start = 0;
  while (start <= text.size() && out.size() < max) {
    const size_t comma = std::min(text.find(',', start), text.size());
    auto it = snapshot.by_slug.find(text.substr(start, comma - start));
    if (it != snapshot.by_slug.end()) {
      const long long id = snapshot.cards[it->second].id;
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    start = comma + 1;
  }
  return out;
}

catalog::Storefront::RelatedPieces related_pieces(Recommendations& recommendations, long long product_id) {
  catalog::Storefront::RelatedPieces out;
  for (const auto& r : recommendations.also_like(product_id, 4))
    out.also_like.emplace_back(r.id, std::string(name_of(r.reason)));
  for (const auto& r : recommendations.complete_look(product_id, 4))
    out.complete_look.emplace_back(r.id, std::string(name_of(r.reason)));
  return out;
}

std::vector<std::pair<long long, std::string>> for_you_pieces(Recommendations& recommendations,
                                                              const std::vector<long long>& seen,
                                                              long long user_id) {
  std::vector<std::pair<long long, std::string>> out;
  for (const auto& r : recommendations.personal(seen, user_id, 4 + seen.size()))  // not what is in view
    if (out.size() < 4 && std::find(seen.begin(), seen.end(), r.id) == seen.end())
      out.emplace_back(r.id, std::string(name_of(r.reason)));
  return out;
}

namespace {

Result<size_t> limit_of(const Request& req, size_t fallback) {
  const auto text = req.query_params().get("limit");
  if (text.empty()) return fallback;
  const long long n = web::parse_id(text);
  if (n < 1 || n > 24)
    return Error::invalid("limit", "limit_invalid", "limit must be a whole number from 1 to 24");
  return static_cast<size_t>(n);
}

class RecommendationRoutes {
 public:
  explicit RecommendationRoutes(const RouteDeps& d)
      : recs(d.recommendations),
        views(d.views),
        r(d.renderer),
        coupons(d.coupons),
        clock(d.clock),
        dashboard(d.dashboard),
        customer_of(d.customer_of),
        visits(d.visits) {}

  // The beacon (sendBeacon: a form body, no CSRF header): before=slug,slug (newest first).
  Result<Response> view_beacon(Request& req) {
    auto snap = recs.snapshot();
    auto it = snap->by_slug.find(std::string(req.param("slug")));
    if (it == snap->by_slug.end()) return Error::not_found("product");
    const long long id = snap->cards[it->second].id;
    const auto form = req.form();
    const auto before = TRY(slugs_to_ids(*snap, form.valid() ? form.get("before") : "", "before", 4));
    // A visitor is an address and a browser: many shoppers share one address behind a carrier's NAT.
    const std::string visitor = req.remote_ip + "|" + std::string(req.header("user-agent").substr(0, 200));
    const long long customer = customer_of ? customer_of(req) : 0;
    if (views.record(id, visitor, customer)) recs.viewed(id, before);
    return Response::text("", 204);
  }

  // The visit beacon (once per browser tab's visit): utm_source of the landing page's link, ref = the
  // referrer; visits from the store's own pages are not new ones.
  Response visit_beacon(Request& req) {
    const auto form = req.form();
    const auto host = std::string(req.header("host"));
    const auto source = traffic_source(form.valid() ? form.get("utm_source") : "",
                                       form.valid() ? form.get("ref") : "", host.substr(0, host.find(':')));
    if (visits && !source.empty()) visits->record(source);
    return Response::text("", 204);
  }

  Result<Response> api_product(Request& req) {
    const size_t k = TRY(limit_of(req, 8));
    auto snap = recs.snapshot();
    auto it = snap->by_slug.find(std::string(req.param("slug")));
    if (it == snap->by_slug.end()) return Error::not_found("product");
    const long long id = snap->cards[it->second].id;
    return Response::json(json::serialize(
        json::object{{"product", std::string(req.param("slug"))},
                     {"also_like", items_json(*snap, recs.also_like(id, k), req.locale)},
                     {"complete_look", items_json(*snap, recs.complete_look(id, k), req.locale)}}));
  }

  Result<Response> api_personal(Request& req) {
    const size_t k = TRY(limit_of(req, 8));
    auto snap = recs.snapshot();
    const auto seen = TRY(slugs_to_ids(*snap, req.query_params().get("seen"), "seen"));
    const long long user = req.user ? req.user->user_id : 0;
    return Response::json(json::serialize(
        json::object{{"items", items_json(*snap, recs.personal(seen, user, k), req.locale)}}));
  }

  // The "for you" row as HTML (cards), for the home page and the cart; empty when there is nothing.
  Result<Response> for_you(Request& req) {
    auto snap = recs.snapshot();
    const auto seen = TRY(slugs_to_ids(*snap, req.query_params().get("seen"), "seen"));
    const long long user = req.user ? req.user->user_id : 0;
    auto items = items_json(*snap, recs.personal(seen, user, 8), req.locale);
    const auto t = messages(req.locale);
    for (auto& item : items) item.as_object()["t"] = catalog::card_partial_words(t);
    auto html = items.empty() ? std::string()
                              : r.fragment("store/for_you", json::object{{"items", std::move(items)},
                                                                         {"title", t("marketing.for_you")}});
    return Response::html(std::move(html));  // per person: never cached (the pipeline says no-store)
  }

  // For the operator: how much the model knows and what it has learnt (the pairs bought and viewed
  // together most), and how many pieces get their first recommendation from history.
  json::object quality_json(const std::string& locale) {
    auto snap = recs.snapshot();
    const auto stats = recs.stats();
    const auto coverage = recs.coverage();
    auto pairs = [&](Signal signal) {
      json::array out;
      for (const auto& p : recs.strongest(signal, 10)) {
        auto a = snap->by_id.find(p.a), b = snap->by_id.find(p.b);
        if (a == snap->by_id.end() || b == snap->by_id.end()) continue;
        const auto &x = snap->cards[a->second], &y = snap->cards[b->second];
        const bool en = locale == "en";
        out.push_back(json::object{{"a", x.slug},
                                   {"a_title", en ? x.title_en : x.title_ko},
                                   {"b", y.slug},
                                   {"b_title", en ? y.title_en : y.title_ko},
                                   {"count", static_cast<long long>(p.count)}});
      }
      return out;
    };
    return {{"pieces", stats.items},
            {"view_pairs", stats.view_pairs},
            {"purchase_pairs", stats.purchase_pairs},
            {"pieces_text", thousands(static_cast<long long>(stats.items))},
            {"view_pairs_text", thousands(static_cast<long long>(stats.view_pairs))},
            {"purchase_pairs_text", thousands(static_cast<long long>(stats.purchase_pairs))},
            {"sampled", coverage.asked},
            {"from_history", coverage.from_history},
            {"from_history_percent", coverage.asked ? 100 * coverage.from_history / coverage.asked : 0},
            {"bought_together", pairs(Signal::purchase)},
            {"viewed_together", pairs(Signal::view)}};
  }

  Response api_quality(Request& req) { return Response::json(json::serialize(quality_json(req.locale))); }

  Response operator_page(Request& req) {
    auto model = quality_json(req.locale);
    model["title"] = r.message(req.locale, "marketing.title");
    if (coupons && clock)
      model["coupons"] = coupon_totals_json(coupons->list(), req.locale, format_utc(clock->now()));
    if (dashboard) model["dashboard"] = dashboard(req);
    model["noindex"] = true;
    return r.page_response(req, "marketing/operator", std::move(model));
  }

 private:
  catalog::Messages messages(const std::string& locale) const {
    return [this, locale](const std::string& key) { return r.message(locale, key); };
  }
  json::array items_json(const catalog::Snapshot& snap, const std::vector<Recommendation>& list,
                         const std::string& locale) const {
    const auto t = messages(locale);
    json::array out;
    for (const auto& rec : list) {
      auto it = snap.by_id.find(rec.id);
      if (it == snap.by_id.end()) continue;
      auto card = catalog::card_json(snap.cards[it->second], locale, t);
      card["reason"] = std::string(name_of(rec.reason));
      card["reason_text"] = t("marketing.reason." + std::string(name_of(rec.reason)));
      out.push_back(std::move(card));
    }
    return out;
  }
  Recommendations& recs;
  catalog::PageViews& views;
  const web::Renderer& r;
  Coupons* coupons;
  const Clock* clock;
  std::function<json::object(const Request&)> dashboard;
  std::function<long long(Request&)> customer_of;
  Visits* visits;
};

}  // namespace

void add_routes(web::Router& router, const RouteDeps& deps) {
  const web::Bind bind(std::make_shared<RecommendationRoutes>(deps), deps.renderer);
  // The beacon: no session, no CSRF (sendBeacon carries no header); counted once per visitor (address and
  // browser) and piece in half an hour (catalog::PageViews).
  auto& beacon = router.post("/api/v1/products/{slug}/view", bind(&RecommendationRoutes::view_beacon));
  beacon.session = false;
  beacon.csrf = false;
  auto& visit = router.post("/api/v1/visits", bind(&RecommendationRoutes::visit_beacon));
  visit.session = false;
  visit.csrf = false;
  router.get("/api/v1/products/{slug}/recommendations", bind(&RecommendationRoutes::api_product));
  router.get("/api/v1/recommendations", bind(&RecommendationRoutes::api_personal));
  router.get("/recommendations/for-you", bind(&RecommendationRoutes::for_you));
  const auto operator_only = web::require(web::Role::operator_);
  router.get("/operator/marketing", bind(&RecommendationRoutes::operator_page)).access = operator_only;
  router.get("/api/v1/operator/marketing/recommendations", bind(&RecommendationRoutes::api_quality)).access =
      operator_only;
}

}  // namespace brilliant::marketing
