#include "catalog/routes.hpp"

#include <boost/json.hpp>

#include "catalog/rules.hpp"
#include "catalog/seo.hpp"
#include "core/checks.hpp"
#include "core/hangul.hpp"
#include "core/text.hpp"
#include "web/form.hpp"

namespace brilliant::catalog {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

struct QueryFields : FieldSource {
  explicit QueryFields(const web::Form& f) : form(f) {}
  std::string get(const std::string& name) const override { return form.get(name); }
  const web::Form& form;
};

json::array cards_json(const std::vector<const Card*>& cards, const std::string& locale, const Messages& t) {
  json::array out;
  for (const Card* c : cards) out.push_back(card_json(*c, locale, t));
  return out;
}

std::vector<const Card*> top_cards(const Snapshot& snap, size_t n, bool (*keep)(const Card&),
                                   bool by_popularity) {
  std::vector<const Card*> picked;
  for (const auto& c : snap.cards)
    if (keep(c)) picked.push_back(&c);
  if (by_popularity)
    std::stable_sort(picked.begin(), picked.end(),
                     [](const Card* a, const Card* b) { return a->popularity > b->popularity; });
  if (picked.size() > n) picked.resize(n);
  return picked;
}

}  // namespace

Storefront::Storefront(Catalog& catalog, pricing::Quotes& quotes, const web::Renderer& renderer,
                       const web::I18n& i18n, std::string base_url)
    : catalog_(catalog),
      quotes_(quotes),
      renderer_(renderer),
      i18n_(i18n),
      base_url_(std::move(base_url)),
      prices_(std::make_shared<PriceContext>()) {}

Messages Storefront::messages(const std::string& locale) const {
  return [this, locale](const std::string& key) { return i18n_.text(locale, key); };
}

std::shared_ptr<const PriceContext> Storefront::prices() const {
  std::lock_guard lock(prices_mutex_);
  return prices_;
}

void Storefront::refresh_prices() {
  auto fresh = std::make_shared<PriceContext>();
  for (const auto& [metal, q] : quotes_.current()) fresh->quotes[metal] = {q.won_per_gram, q.day};
  for (const auto& r : quotes_.rates()) fresh->rates[r.code] = r.krw_per_unit_x1000;
  std::lock_guard lock(prices_mutex_);
  prices_ = std::move(fresh);
}

void Storefront::add_routes(web::Router& router) {
  auto page = [this, &router](const char* pattern, Response (Storefront::*fn)(Request&)) {
    auto& route = router.get(pattern, [this, fn](Request& req) { return (this->*fn)(req); });
    route.cacheable = true;
    return &route;
  };
  page("/", &Storefront::home);
  page("/shop", &Storefront::shop);
  page("/search", &Storefront::search_page);
  page("/products/{slug}", &Storefront::product_page);
  page("/workshops", &Storefront::workshops_page);
  page("/workshops/{slug}", &Storefront::workshop_page);
  page("/sitemap.xml", &Storefront::sitemap)->session = false;
  auto& img = router.get("/media/images/{id}", [this](Request& req) { return image(req); });
  img.session = false;
  page("/api/v1/products", &Storefront::api_products)->session = false;
  page("/api/v1/products/{slug}", &Storefront::api_product)->session = false;
  page("/api/v1/search", &Storefront::api_search)->session = false;
  page("/api/v1/search/suggest", &Storefront::api_suggest)->session = false;
  page("/api/v1/facets", &Storefront::api_facets)->session = false;
  auto& spec = router.get("/api/v1/openapi.json", [this](Request& req) { return openapi(req); });
  spec.session = false;
  spec.runs = web::Runs::inline_;
}

Response Storefront::home(Request& req) {
  auto snap = catalog_.snapshot();
  const auto t = messages(req.locale);
  const bool en = req.locale == "en";
  json::array collections;
  for (const auto& c : snap->collections)
    if (c.featured)
      collections.push_back(json::object{{"name", en ? c.name_en : c.name_ko},
                                         {"description", en ? c.description_en : c.description_ko},
                                         {"url", req.locale_prefix() + "/shop?collection=" + c.slug}});
  json::array workshops;
  constexpr size_t home_workshops = 6;  // the page's grid (.workshop-grid-six) is made for six
  for (size_t i = 0; i < snap->workshops.size() && i < home_workshops; ++i)
    workshops.push_back(workshop_json(snap->workshops[i], req.locale, t));
  json::object model{{"title", t("home.title")},
                     {"description", t("home.description")},
                     {"is_home", true},
                     {"canonical", absolute(req.locale_prefix() + "/")},
                     {"collections", std::move(collections)},
                     {"new_arrivals_html", cards_html(top_cards(
                                                          *snap, 8, [](const Card&) { return true; }, false),
                                                      req.locale, *snap)},
                     {"best_sellers_html", cards_html(top_cards(
                                                          *snap, 8, [](const Card&) { return true; }, true),
                                                      req.locale, *snap)},
                     {"workshops", std::move(workshops)},
                     {"json_ld", organization_json_ld(base_url_)}};
  const auto eco = top_cards(
      *snap, 4, [](const Card& c) { return c.eco; }, true);
  model["has_eco_picks"] = !eco.empty();
  model["eco_picks_html"] = cards_html(eco, req.locale, *snap);
  return renderer_.page_response(req, "store/home", std::move(model));
}

std::string Storefront::cards_html(const std::vector<const Card*>& cards, const std::string& locale,
                                   const Snapshot& snap) {
  const bool en = locale == "en";
  const auto t = messages(locale);
  std::string out;
  for (const Card* c : cards) {
    {
      std::lock_guard lock(card_html_mutex_);
      if (snap.version > card_html_.version) card_html_ = {.version = snap.version};
      const auto& cache = en ? card_html_.en : card_html_.ko;
      if (auto it = cache.find(c->id); it != cache.end() && snap.version == card_html_.version) {
        out += it->second;
        continue;
      }
    }
    // The card partial reads two words from the page's messages; a fragment gets them in its model.
    auto model = card_json(*c, locale, t);
    model["t"] = card_partial_words(t);
    auto html = renderer_.fragment("partials/card", model);
    out += html;
    std::lock_guard lock(card_html_mutex_);
    if (snap.version == card_html_.version)
      (en ? card_html_.en : card_html_.ko).emplace(c->id, std::move(html));
  }
  return out;
}

json::object Storefront::listing_json(const Request& req, const Listing& listing, const ListingQuery& query,
                                      const Snapshot& snap, const std::string& base_path, bool for_page) {
  const auto t = messages(req.locale);
  json::object model{{"total", listing.total},
                     {"page", listing.page},
                     {"pages", listing.pages},
                     {"facets", facets_json(listing, query, snap, base_path, req.locale, t)}};
  if (for_page) {
    model["cards_html"] = cards_html(listing.cards, req.locale, snap);
    model["has_cards"] = !listing.cards.empty();
  } else {
    model["cards"] = cards_json(listing.cards, req.locale, t);
  }
  json::array sorts;
  for (auto s : {Sort::newest, Sort::popular, Sort::price_asc, Sort::price_desc}) {
    ListingQuery q = query;
    q.sort = s;
    sorts.push_back(json::object{{"label", t("catalog.sort." + sort_name(s))},
                                 {"url", base_path + listing_query_string(q, 1)},
                                 {"selected", s == query.sort}});
  }
  model["sorts"] = std::move(sorts);
  if (listing.page > 1) model["prev_url"] = base_path + listing_query_string(query, listing.page - 1);
  if (listing.page < listing.pages)
    model["next_url"] = base_path + listing_query_string(query, listing.page + 1);
  model["filtered"] = listing_query_string(query, 1) != "" &&
                      listing_query_string(query, 1) != "?sort=" + sort_name(query.sort);
  return model;
}

Response Storefront::listing_page(Request& req, const std::string& template_name, json::object model,
                                  std::optional<std::vector<long long>> ids) {
  auto form = req.query_params();
  QueryFields fields(form);
  auto query = parse_listing_query(fields);
  if (!query) return renderer_.error(req, query.error());
  if (!query->q.empty() && !ids) ids = catalog_.search(query->q);
  query->ids = std::move(ids);
  auto snap = catalog_.snapshot();
  auto listing = run_listing(*snap, *query);
  for (auto& [key, value] : listing_json(req, listing, *query, *snap, req.locale_prefix() + req.path, true))
    model[key] = value;
  model["q"] = query->q;
  model["canonical"] = absolute(req.locale_prefix() + req.path +
                                (query->page > 1 ? listing_query_string(*query, query->page) : ""));
  if (listing.page > 1 && listing.cards.empty()) model["past_end"] = true;
  return renderer_.page_response(req, template_name, std::move(model));
}

Response Storefront::shop(Request& req) {
  const auto t = messages(req.locale);
  auto category = req.query_params().get("category");
  std::string title = t("catalog.shop_title");
  if (known(categories, category)) title = t("catalog.category." + category);
  return listing_page(req, "store/shop",
                      {{"title", title}, {"heading", title}, {"description", t("catalog.shop_description")}},
                      std::nullopt);
}

Response Storefront::search_page(Request& req) {
  const auto t = messages(req.locale);
  auto q = std::string(trim(req.query_params().get("q")));
  json::object model{{"title", q.empty() ? t("catalog.search_title") : q + " · " + t("catalog.search_title")},
                     {"heading", t("catalog.search_results_for")},
                     {"is_search", true},
                     {"noindex", true}};
  // Say what was searched when it is not what was typed (금반지 -> 금 반지, 목걸리 -> 목걸이).
  const auto words = catalog_.search_words(q);
  if (!words.empty() && words != ascii_lower(q))
    model["searched_as"] =
        fill(t("catalog.searched_as"),
             {{"words", words}, {"ro", with_particle(words, Particle::direction).substr(words.size())}});
  return listing_page(req, "store/shop", std::move(model), std::nullopt);
}

Response Storefront::not_found(Request& req, const std::string& what, const std::string& hint) {
  const auto t = messages(req.locale);
  auto snap = catalog_.snapshot();
  std::vector<const Card*> suggestions;
  for (long long id : catalog_.search(hint, 4)) {
    auto it = snap->by_id.find(id);
    if (it != snap->by_id.end()) suggestions.push_back(&snap->cards[it->second]);
  }
  if (suggestions.empty())
    for (size_t i = 0; i < snap->cards.size() && i < 4; ++i) suggestions.push_back(&snap->cards[i]);
  json::object model{{"status", 404},
                     {"not_found", true},
                     {"title", "404"},
                     {"message", what},
                     {"suggestions", cards_json(suggestions, req.locale, t)},
                     {"noindex", true}};
  return renderer_.page_response(req, "store/not_found", std::move(model), 404);
}

Response Storefront::product_page(Request& req) {
  return product_page_with(req, std::string(req.param("slug")), 200, {});
}

Response Storefront::product_page_with(Request& req, const std::string& slug, int status, json::object cart) {
  const auto t = messages(req.locale);
  auto product = catalog_.product(slug);
  if (!product || !product->on_sale()) {
    std::string words = slug;
    std::replace(words.begin(), words.end(), '-', ' ');
    return not_found(req, t("errors.not_found"), words);
  }
  auto workshop = catalog_.workshop_by_id(product->workshop_id);
  auto view = product_json(*product, workshop, req.locale, t, *prices());
  if (auto chosen = cart.if_contains("variant_id"))
    for (auto& v : view["variants"].as_array())
      if (v.as_object()["id"] == *chosen) v.as_object()["checked"] = true;
  auto related = related_pieces(*product, req.locale, t);
  const std::string path = "/products/" + slug;
  json::object model{
      {"title", std::string(view["title"].as_string())},
      {"description",
       std::string(view["title"].as_string()) + " · " + std::string(view["purity_text"].as_string()) + " " +
           std::string(view["metal_text"].as_string()) + " · " + std::string(view["price_text"].as_string())},
      {"canonical", absolute(req.locale_prefix() + path)},
      {"og_type", "product"},
      {"product", view},
      {"related", std::move(related.first)},
      {"complete_look", std::move(related.second)},
      {"json_ld", product_json_ld(*product, workshop, base_url_, req.locale)},
      {"cart", std::move(cart)}};
  if (!product->image_ids.empty())
    model["og_image"] = absolute("/media/images/" + std::to_string(product->image_ids.front()));
  return renderer_.page_response(req, "store/product", std::move(model), status);
}

std::pair<json::array, json::array> Storefront::related_pieces(const Product& product,
                                                               const std::string& locale,
                                                               const Messages& t) const {
  auto snap = catalog_.snapshot();
  if (!related_) {  // the same category's most popular
    std::vector<const Card*> same;
    for (const auto& c : snap->cards)
      if (c.category == product.category && c.slug != product.slug) same.push_back(&c);
    std::stable_sort(same.begin(), same.end(),
                     [](const Card* a, const Card* b) { return a->popularity > b->popularity; });
    if (same.size() > 4) same.resize(4);
    return {cards_json(same, locale, t), {}};
  }
  const auto pieces = related_(product.id);
  return {reason_cards(pieces.also_like, locale, t), reason_cards(pieces.complete_look, locale, t)};
}

json::array Storefront::reason_cards(const std::vector<std::pair<long long, std::string>>& pieces,
                                     const std::string& locale, const Messages& t) const {
  auto snap = catalog_.snapshot();
  json::array out;
  for (const auto& [id, reason] : pieces) {
    auto it = snap->by_id.find(id);
    if (it == snap->by_id.end()) continue;
    auto card = card_json(snap->cards[it->second], locale, t);
    card["reason_text"] = t("marketing.reason." + reason);
    out.push_back(std::move(card));
  }
  return out;
}

json::array Storefront::for_you_cards(const std::vector<long long>& seen, long long user_id,
                                      const std::string& locale) const {
  if (!for_you_) return {};
  return reason_cards(for_you_(seen, user_id), locale, messages(locale));
}

Response Storefront::workshops_page(Request& req) {
  const auto t = messages(req.locale);
  auto snap = catalog_.snapshot();
  json::array workshops;
  std::map<std::string, long long> counts;
  for (const auto& c : snap->cards) ++counts[c.workshop_slug];
  for (const auto& w : snap->workshops) {
    if (w.status != "active") continue;
    auto o = workshop_json(w, req.locale, t);
    o["count"] = counts[w.slug];
    workshops.push_back(std::move(o));
  }
  return renderer_.page_response(req, "store/workshops",
                                 {{"title", t("catalog.workshop.all")},
                                  {"description", t("catalog.workshop.all_text")},
                                  {"canonical", absolute(req.locale_prefix() + "/workshops")},
                                  {"workshops", std::move(workshops)}});
}

Response Storefront::workshop_page(Request& req) {
  const std::string slug(req.param("slug"));
  const auto t = messages(req.locale);
  auto workshop = catalog_.workshop(slug);
  if (!workshop || workshop->status != "active") return not_found(req, t("errors.not_found"), slug);
  auto snap = catalog_.snapshot();
  std::vector<const Card*> cards;
  for (const auto& c : snap->cards)
    if (c.workshop_slug == slug) cards.push_back(&c);
  auto view = workshop_json(*workshop, req.locale, t);
  json::array photos;
  for (const auto& [id, photo] : catalog_.workshop_photos(workshop->id))
    photos.push_back(photo_json(photo, req.locale == "en", std::string(view["name"].as_string())));
  view["photos"] = std::move(photos);
  return renderer_.page_response(req, "store/workshop",
                                 {{"title", std::string(view["name"].as_string())},
                                  {"description", utf8_shorten(view["story"].as_string(), 150)},
                                  {"canonical", absolute(req.locale_prefix() + "/workshops/" + slug)},
                                  {"workshop", view},
                                  {"cards_html", cards_html(cards, req.locale, *snap)},
                                  {"count", static_cast<long long>(cards.size())}});
}

Response Storefront::image(Request& req) {
  auto img = catalog_.image(req.param_id("id"));  // 0 for an id that is not a number: not found
  if (!img) return renderer_.error(req, Error::not_found("image"));
  auto response = Response::text(img->body, 200, img->content_type);
  response.add("Cache-Control", "public, max-age=31536000, immutable");  // images never change under an id
  return response;
}

Response Storefront::sitemap(Request&) {
  auto snap = catalog_.snapshot();
  return Response::text(sitemap_xml(*snap, base_url_), 200, "application/xml; charset=utf-8");
}

Response Storefront::api_products(Request& req) {
  auto form = req.query_params();
  QueryFields fields(form);
  auto query = parse_listing_query(fields);
  if (!query) return renderer_.error(req, query.error());
  if (!query->q.empty()) query->ids = catalog_.search(query->q);
  auto snap = catalog_.snapshot();
  auto listing = run_listing(*snap, *query);
  auto model = listing_json(req, listing, *query, *snap, "/api/v1/products");
  model.erase("sorts");
  model.erase("filtered");
  return Response::json(json::serialize(model));
}

Response Storefront::api_product(Request& req) {
  auto product = catalog_.product(std::string(req.param("slug")));
  if (!product || !product->on_sale()) return renderer_.error(req, Error::not_found("product"));
  auto workshop = catalog_.workshop_by_id(product->workshop_id);
  return Response::json(
      json::serialize(product_json(*product, workshop, req.locale, messages(req.locale), *prices())));
}

Response Storefront::api_search(Request& req) {
  auto q = std::string(trim(req.query_params().get("q")));
  if (q.empty()) return renderer_.error(req, Error::invalid("q", "query_required", "q is required"));
  return api_products(req);
}

Response Storefront::api_suggest(Request& req) {
  auto q = std::string(trim(req.query_params().get("q")));
  if (auto long_query = check_length("q", q, 200, "query_too_long"); !long_query)
    return renderer_.error(req, long_query.error());
  json::array out;
  if (!q.empty()) {
    auto snap = catalog_.snapshot();
    const bool en = req.locale == "en";
    for (long long id : catalog_.search(q, 8)) {
      auto it = snap->by_id.find(id);
      if (it == snap->by_id.end()) continue;
      const auto& c = snap->cards[it->second];
      out.push_back(json::object{{"title", en ? c.title_en : c.title_ko},
                                 {"url", req.locale_prefix() + "/products/" + c.slug},
                                 {"price_text", format_won(c.price, req.locale)}});
    }
  }
  return Response::json(json::serialize(json::object{{"q", q}, {"suggestions", std::move(out)}}));
}

Response Storefront::api_facets(Request& req) {
  auto response = api_products(req);
  if (response.status != 200) return response;
  auto value = json::parse(response.body);
  return Response::json(
      json::serialize(json::object{{"total", value.at("total")}, {"facets", value.at("facets")}}));
}

Response Storefront::openapi(Request&) {
  return Response::json(openapi_json(base_url_, generated_api_, api_contract_));
}

}  // namespace brilliant::catalog
