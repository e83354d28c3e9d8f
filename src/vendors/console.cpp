#include "vendors/console.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "catalog/stock_repo.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"
#include "web/errors.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// The workshop's variants for the stock and price table: product, variant, stock, price (fixed-price
// products only; formula prices follow the metal quote).
json::array stock_rows(db::Database& db, long long workshop, const std::string& locale) {
  json::array rows;
  db.read([&](soci::session& sql) {
    soci::rowset<soci::row> result =
        (sql.prepare << "SELECT v.id, v.sku, p.title_ko, p.title_en, p.slug, v.stock, v.price, p.pricing, "
                        "v.ring_circ_x10, v.length_mm FROM variants v JOIN products p ON p.id = v.product_id "
                        "WHERE p.workshop_id = :w AND p.status <> 'archived' ORDER BY p.id DESC, v.position "
                        "LIMIT 2000",
         soci::use(workshop));
    for (const auto& r : result) {
      const long long stock = db::row_int(r, 5);
      rows.push_back(json::object{{"id", db::row_int(r, 0)},
                                  {"sku", db::row_text(r, 1)},
                                  {"title", locale == "en" ? db::row_text(r, 3) : db::row_text(r, 2)},
                                  {"slug", db::row_text(r, 4)},
                                  {"stock", stock},
                                  {"low", stock <= 1},
                                  {"price", db::row_int(r, 6)},
                                  {"fixed", db::row_text(r, 7) == "fixed"}});
    }
  });
  return rows;
}

struct StockChange {
  long long variant = 0;
  long long stock = -1;  // -1: unchanged
  long long seen = -1;   // the stock the page showed (compare-and-set); -1: not sent
  long long price = -1;
};

// Applies the changes in one transaction, only to variants of this workshop; all or nothing.
Result<int> apply_stock(db::Database& db, long long workshop, const std::vector<StockChange>& changes,
                        const std::string& now) {
  return db.write([&](soci::session& sql) -> Result<int> {
    int changed = 0;
    for (const auto& c : changes) {
      long long owner = 0;
      std::string pricing;
      sql << "SELECT p.workshop_id, p.pricing FROM variants v JOIN products p ON p.id = v.product_id WHERE "
             "v.id = :v",
          soci::use(c.variant), soci::into(owner), soci::into(pricing);
      if (!sql.got_data() || owner != workshop)
        return Error::not_found("variant " + std::to_string(c.variant));
      if (c.stock >= 0 && c.stock != c.seen) {
        if (c.seen < 0)
          return Error::invalid("stock_" + std::to_string(c.variant), "stock_seen_missing",
                                "reload the page: the stock it showed was not sent");
        TRY(catalog::repo::set_stock(sql, c.variant, static_cast<int>(c.seen), static_cast<int>(c.stock), now,
                                     "stock_" + std::to_string(c.variant)));
        ++changed;
      }
      if (c.price >= 0) {
        if (pricing != "fixed")
          return Error::invalid(
              "price_" + std::to_string(c.variant), "price_follows_quote",
              "this piece is priced by the metal quote; change its labour fee or margin instead");
        if (c.price < 1000)
          return Error::invalid("price_" + std::to_string(c.variant), "number_invalid",
                                "a price must be at least 1,000 won");
        sql << "UPDATE variants SET price = :p WHERE id = :v", soci::use(c.price), soci::use(c.variant);
        // A fixed-price product's price is its cheapest variant's.
        sql << "UPDATE products SET price = (SELECT MIN(price) FROM variants WHERE product_id = "
               "products.id), "
               "fixed_price = (SELECT MIN(price) FROM variants WHERE product_id = products.id), updated_at = "
               ":now "
               "WHERE id = (SELECT product_id FROM variants WHERE id = :v)",
            soci::use(now), soci::use(c.variant);
        ++changed;
      }
    }
    return changed;
  });
}

// A non-negative whole number ("1,200" allowed); -2 when the text is not one.
long long whole(const std::string& text) { return parse_scaled(text, 0).value_or(-2); }

}  // namespace

void add_console_routes(web::Router& router, catalog::Catalog& catalog, media::Photos& photos,
                        const web::Renderer& renderer, db::Database& db, const Clock& clock) {
  const auto staff = web::require_any({web::Role::vendor_staff, web::Role::operator_});

  router
      .get("/console/products",
           [&](Request& req) {
             json::array products;
             const long long workshop = req.user->workshop_id;
             db.read([&](soci::session& sql) {
               // Vendor staff see their own workshop's products; operators see every workshop's.
               soci::rowset<soci::row> rows =
                   (sql.prepare
                        << "SELECT p.slug, p.title_ko, p.title_en, p.status, w.name, "
                           "(SELECT COUNT(*) FROM product_photos ph WHERE ph.product_id = p.id), "
                           "(SELECT r.comment FROM product_reviews r WHERE r.product_id = p.id AND "
                           "r.decision IN ('changes_requested', 'rejected') ORDER BY r.id DESC LIMIT 1) "
                           "FROM products p JOIN workshops w ON w.id = p.workshop_id "
                           "WHERE (:w = 0 OR p.workshop_id = :w2) ORDER BY p.id DESC LIMIT 200",
                    soci::use(req.user->has(web::Role::operator_) ? 0LL : workshop), soci::use(workshop));
               for (const auto& r : rows)
                 products.push_back(json::object{
                     {"slug", db::row_text(r, 0)},
                     {"title", req.locale == "en" ? db::row_text(r, 2) : db::row_text(r, 1)},
                     {"status", db::row_text(r, 3)},
                     {"status_text", renderer.message(req.locale, "console.state." + db::row_text(r, 3))},
                     {"workshop", db::row_text(r, 4)},
                     {"can_submit",
                      db::row_text(r, 3) == "draft" || db::row_text(r, 3) == "changes_requested"},
                     {"photos", db::row_int(r, 5)},
                     {"comment", r.get_indicator(6) == soci::i_ok ? db::row_text(r, 6) : std::string()}});
             });
             return renderer.page_response(req, "vendors/console_products",
                                           {{"title", renderer.message(req.locale, "console.products_title")},
                                            {"noindex", true},
                                            {"products", std::move(products)}});
           })
      .access = staff;

  add_photo_routes(router, catalog, photos, renderer);

  const auto vendor = web::require(web::Role::vendor_staff);
  auto stock_page = [&](Request& req, json::object extra, int status) {
    json::object m{{"title", renderer.message(req.locale, "console.stock_title")},
                   {"noindex", true},
                   {"rows", stock_rows(db, req.user->workshop_id, req.locale)}};
    for (auto& [k, v] : extra) m[k] = v;
    return renderer.page_response(req, "vendors/console_stock", std::move(m), status);
  };
  router.get("/console/stock", [stock_page](Request& req) { return stock_page(req, {}, 200); }).access =
      vendor;

  router
      .post(
          "/console/stock",
          [&, stock_page](Request& req) {
            const auto form = req.form();
            std::vector<StockChange> changes;
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
                                     [&](const StockChange& c) { return c.variant == variant; });
              if (it == changes.end()) it = changes.insert(changes.end(), StockChange{variant});
              (is_stock ? it->stock : it->price) = number;
              if (is_stock) it->seen = whole(form.get("seen_" + key.substr(6)));
            }
            auto done = apply_stock(db, req.user->workshop_id, changes, format_utc(clock.now()));
            if (!done) {
              if (done.error().kind == ErrorKind::not_found) return renderer.error(req, done.error());
              return stock_page(
                  req,
                  {{"errors", json::object{{"form", renderer.localized(req, done.error())},
                                           {done.error().field, renderer.localized(req, done.error())}}}},
                  web::http_status(done.error().kind));
            }
            catalog.refresh();
            return Response::redirect(req.locale_prefix() + "/console/stock?saved=" + std::to_string(*done));
          })
      .access = vendor;

  router
      .post("/console/products/{slug}/duplicate",
            [&](Request& req) {
              auto product = catalog.product(std::string(req.param("slug")));
              if (!product) return renderer.error(req, Error::not_found("product"));
              if (!req.user->may_act_for_workshop(product->workshop_id) ||
                  !req.user->has(web::Role::vendor_staff))
                return renderer.error(req, Error::forbidden("this product belongs to another workshop"));
              catalog::Product copy = *product;
              const std::string suffix = sha256_hex(random_token()).substr(0, 6);
              auto base = copy.slug;
              if (base.size() > 7 && base[base.size() - 7] == '-') base.resize(base.size() - 7);
              copy.id = 0;
              copy.slug = base + "-" + suffix;
              copy.status = "draft";
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
            })
      .access = vendor;
}

}  // namespace brilliant::vendors
