#include "vendors/console.hpp"

#include <boost/json.hpp>

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

json::object photo_json(const media::StoredPhoto& p) {
  json::array renditions;
  for (const auto& r : p.renditions)
    renditions.push_back(json::object{{"name", r.name},
                                      {"format", r.format},
                                      {"width", r.width},
                                      {"height", r.height},
                                      {"url", "/media/photos/" + r.hash}});
  return {{"id", p.id},
          {"position", p.position},
          {"width", p.width},
          {"height", p.height},
          {"perceptual_hash", p.perceptual_hash},
          {"renditions", std::move(renditions)}};
}

}  // namespace

void add_console_routes(web::Router& router, catalog::Catalog& catalog, media::Photos& photos,
                        const web::Renderer& renderer, db::Database& db) {
  const auto staff = web::require_any({web::Role::vendor_staff, web::Role::operator_});

  router
      .get("/console/products",
           [&](Request& req) {
             json::array products;
             const long long workshop = req.user->workshop_id;
             db.read([&](soci::session& sql) {
               // Vendor staff see their own workshop's products; operators see every workshop's.
               soci::rowset<soci::row> rows =
                   (sql.prepare << "SELECT p.slug, p.title_ko, p.title_en, p.status, w.name, "
                                   "(SELECT COUNT(*) FROM product_photos ph WHERE ph.product_id = p.id) "
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
                     {"photos", db::row_int(r, 5)}});
             });
             return renderer.page_response(req, "vendors/console_products",
                                           {{"title", renderer.message(req.locale, "console.products_title")},
                                            {"noindex", true},
                                            {"products", std::move(products)}});
           })
      .access = staff;

  router
      .post("/api/v1/console/products/{slug}/photos",
            [&](Request& req) {
              auto product = catalog.product(std::string(req.param("slug")));
              if (!product) return renderer.error(req, Error::not_found("product"));
              if (!req.user->may_act_for_workshop(product->workshop_id))
                return renderer.error(req, Error::forbidden("this product belongs to another workshop"));
              auto query = req.query_params();
              auto added = photos.add(product->id, std::move(req.body), req.user->user_id,
                                      query.get("alt_ko"), query.get("alt_en"));
              if (!added) return renderer.error(req, added.error());
              catalog.refresh();  // product pages now show the photograph
              return Response::json(json::serialize(photo_json(*added)), 201);
            })
      .access = staff;

  router
      .get("/api/v1/console/products/{slug}/photos",
           [&](Request& req) {
             auto product = catalog.product(std::string(req.param("slug")));
             if (!product) return renderer.error(req, Error::not_found("product"));
             if (!req.user->may_act_for_workshop(product->workshop_id))
               return renderer.error(req, Error::forbidden("this product belongs to another workshop"));
             json::array out;
             for (const auto& p : photos.of_product(product->id)) out.push_back(photo_json(p));
             return Response::json(json::serialize(json::object{{"photos", std::move(out)}}));
           })
      .access = staff;
}

}  // namespace brilliant::vendors
