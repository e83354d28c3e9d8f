#include "vendors/console/console.hpp"

#include <boost/json.hpp>
#include <charconv>
#include "web/bind.hpp"

#include "catalog/stock_repo.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"
#include "vendors/console/console_repo.hpp"
#include "web/errors.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// The workshop's variants for the stock and price table: product, variant, stock, price (fixed-price
// products only; formula prices follow the metal quote).
json::array stock_json(db::Database& db, long long workshop, const std::string& locale) {
  json::array rows;
  for (const auto& v : repo::stock_rows(db, workshop))
    rows.push_back(json::object{{"id", v.id},
                                {"sku", v.sku},
                                {"title", locale == "en" ? v.title_en : v.title_ko},
                                {"slug", v.slug},
                                {"stock", v.stock},
                                {"low", v.stock <= 1},
                                {"price", v.price},
                                {"fixed", v.fixed}});
  return rows;
}

// A non-negative whole number ("1,200" allowed); -2 when the text is not one.
long long whole(const std::string& text) { return parse_scaled(text, 0).value_or(-2); }

}  // namespace

Result<catalog::Product> piece_in_path(catalog::Catalog& catalog, const Request& req) {
  auto product = catalog.product(std::string(req.param("slug")));
  if (!product) return Error::not_found("product");
  if (!req.user->may_act_for_workshop(product->workshop_id))
    return Error::forbidden("this product belongs to another workshop");
  return *product;
}

namespace {

class ConsoleRoutes {
 public:
  explicit ConsoleRoutes(Deps& d) : catalog(d.catalog), renderer(d.renderer), db(d.db), clock(d.clock) {}

  auto stock_page(Request& req, json::object extra, int status) {
    json::object m{{"title", renderer.message(req.locale, "console.stock_title")},
                   {"noindex", true},
                   {"rows", stock_json(db, req.user->workshop_id, req.locale)}};
    for (auto& [k, v] : extra) m[k] = v;
    return renderer.page_response(req, "vendors/console_stock", std::move(m), status);
  }

  Response products_page(Request& req) {
    json::array products;
    // Vendor staff see their own workshop's products; operators see every workshop's.
    const long long workshop = req.user->has(web::Role::operator_) ? 0 : req.user->workshop_id;
    for (const auto& p : repo::console_products(db, workshop))
      products.push_back(
          json::object{{"slug", p.slug},
                       {"title", req.locale == "en" ? p.title_en : p.title_ko},
                       {"status", to_string(p.status)},
                       {"status_text", renderer.message(req.locale, "console.state." + to_string(p.status))},
                       {"workshop", in_language(req.locale == "en", p.workshop, p.workshop_en)},
                       {"can_submit", p.status == catalog::ProductStatus::draft ||
                                          p.status == catalog::ProductStatus::changes_requested},
                       {"photos", p.photos},
                       {"comment", p.comment}});
    return renderer.page_response(req, "vendors/console_products",
                                  {{"title", renderer.message(req.locale, "console.products_title")},
                                   {"noindex", true},
                                   {"products", std::move(products)}});
  }

  Response stock_table_page(Request& req) { return stock_page(req, {}, 200); }
  // The same table as JSON: each variant's stock and price (what the audit trail compares a save with).
  Response api_stock(Request& req) {
    return Response::json(
        json::serialize(json::object{{"rows", stock_json(db, req.user->workshop_id, req.locale)}}));
  }

  Response stock_table_form(Request& req) {
    const auto form = req.form();
    std::vector<catalog::repo::StockChange> changes;
    for (const auto& [key, value] : form.fields()) {
      const bool is_stock = key.starts_with("stock_"), is_price = key.starts_with("price_");
      if (!is_stock && !is_price) continue;
      const long long variant = whole(key.substr(6));
      const long long number = value.empty() ? -1 : whole(value);
      if (variant <= 0) continue;
      if (number == -2 || number > (is_stock ? 100000 : 10'000'000'000LL))
        return stock_page(
            req,
            {{"errors", json::object{{"form", renderer.message(req.locale, "console.stock_invalid")},
                                     {key, renderer.message(req.locale, "console.stock_invalid")}}}},
            400);
      if (number < 0) continue;
      auto it = std::find_if(changes.begin(), changes.end(),
                             [&](const catalog::repo::StockChange& c) { return c.variant == variant; });
      if (it == changes.end()) it = changes.insert(changes.end(), catalog::repo::StockChange{variant});
      (is_stock ? it->stock : it->price) = number;
      if (is_stock) it->seen = whole(form.get("seen_" + key.substr(6)));
    }
    auto done =
        catalog::repo::apply_stock_changes(db, req.user->workshop_id, changes, format_utc(clock.now()));
    if (!done) {
      if (done.error().kind == ErrorKind::not_found) return renderer.error(req, done.error());
      return stock_page(
          req,
          {{"errors", json::object{{"form", renderer.localized(req, done.error())},
                                   {done.error().field, renderer.localized(req, done.error())}}}},
          web::http_status(done.error().kind));
    }
    catalog.refresh_pieces(done->products);  // only the pieces whose stock or price changed
    return Response::redirect(req.locale_prefix() + "/console/stock?saved=" + std::to_string(done->changes));
  }

  Response duplicate_form(Request& req) {
    auto product = catalog.product(std::string(req.param("slug")));
    if (!product) return renderer.error(req, Error::not_found("product"));
    if (!req.user->may_act_for_workshop(product->workshop_id) || !req.user->has(web::Role::vendor_staff))
      return renderer.error(req, Error::forbidden("this product belongs to another workshop"));
    catalog::Product copy = *product;
    const std::string suffix = sha256_hex(random_token()).substr(0, 6);
    auto base = copy.slug;
    if (base.size() > 7 && base[base.size() - 7] == '-') base.resize(base.size() - 7);
    copy.id = 0;
    copy.slug = base + "-" + suffix;
    copy.status = catalog::ProductStatus::draft;
    copy.published_at.clear();
    copy.popularity = 0;
    copy.image_ids.clear();
    copy.photos.clear();
    for (auto& v : copy.variants) {
      v.id = 0;
      v.sku = v.sku + "-" + suffix;
    }
    auto created = catalog.create(copy, catalog.workshop_by_id(copy.workshop_id));
    if (!created) return renderer.error(req, created.error());
    return Response::redirect(req.locale_prefix() + "/console/products?copied=" + copy.slug);
  }

 private:
  catalog::Catalog& catalog;
  const web::Renderer& renderer;
  db::Database& db;
  const Clock& clock;
};

}  // namespace

void add_console_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<ConsoleRoutes>(deps), deps.renderer);
  const auto staff = web::require_any({web::Role::vendor_staff, web::Role::operator_});

  router.get("/console/products", bind(&ConsoleRoutes::products_page)).access = staff;

  add_photo_routes(router, deps);

  const auto vendor = web::require(web::Role::vendor_staff);
  router.get("/console/stock", bind(&ConsoleRoutes::stock_table_page)).access = vendor;

  router.post("/console/stock", bind(&ConsoleRoutes::stock_table_form)).access = vendor;
  router.get("/api/v1/console/stock", bind(&ConsoleRoutes::api_stock)).access = vendor;

  router.post("/console/products/{slug}/duplicate", bind(&ConsoleRoutes::duplicate_form)).access = vendor;
}

}  // namespace brilliant::vendors
