// Photos of a piece in the workshop console: upload (one image per request body, so phones and drag and
// drop send files one by one with real progress), list, reorder, cover, alt text, remove. Vendor staff
// act only on their own workshop's pieces, operators on any; every change refreshes the store.
#include <boost/json.hpp>
#include "web/bind.hpp"

#include "vendors/console/console.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

json::object photo_json(const media::StoredPhoto& p) {
  json::array renditions;
  std::string thumb;
  for (const auto& r : p.renditions) {
    renditions.push_back(json::object{{"name", r.name},
                                      {"format", r.format},
                                      {"width", r.width},
                                      {"height", r.height},
                                      {"url", "/media/photos/" + r.hash}});
    if (r.name == "thumb" && (thumb.empty() || r.format == "webp")) thumb = "/media/photos/" + r.hash;
  }
  return {{"id", p.id},
          {"position", p.position},
          {"cover", p.position == 0},
          {"width", p.width},
          {"height", p.height},
          {"alt_ko", p.alt_ko},
          {"alt_en", p.alt_en},
          {"thumb", thumb},
          {"perceptual_hash", p.perceptual_hash},
          {"renditions", std::move(renditions)}};
}

json::array photos_json(const std::vector<media::StoredPhoto>& photos) {
  json::array out;
  for (const auto& p : photos) out.push_back(photo_json(p));
  return out;
}

std::vector<long long> ids_of(const std::vector<media::StoredPhoto>& photos) {
  std::vector<long long> ids;
  for (const auto& p : photos) ids.push_back(p.id);
  return ids;
}

}  // namespace

std::pair<std::string, long long> photo_action(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) return {text, 0};
  return {text.substr(0, colon), web::parse_id(std::string_view(text).substr(colon + 1))};
}

json::object photo_coach_json(media::Coach& coach, const std::vector<media::StoredPhoto>& list,
                              const web::Renderer& renderer, const std::string& locale) {
  json::object by_photo;
  for (const auto& p : list) {
    auto report = coach.of(p);
    if (!report) continue;
    json::array findings;
    for (const auto& f : report->findings)
      findings.push_back(json::object{{"code", f.code},
                                      {"measure", f.measure},
                                      {"limit", f.limit},
                                      {"advice", renderer.message(locale, "marketing.coach." + f.code)}});
    by_photo[std::to_string(p.id)] = json::object{{"good", report->good()},
                                                  {"sharpness", report->sharpness},
                                                  {"brightness", report->brightness},
                                                  {"background", report->background},
                                                  {"fill", report->fill},
                                                  {"findings", std::move(findings)}};
  }
  json::array missing;
  for (const auto& view : media::missing_views(list.size()))
    missing.push_back(
        json::object{{"view", view}, {"text", renderer.message(locale, "marketing.coach.view." + view)}});
  return {{"photos", std::move(by_photo)}, {"missing_views", std::move(missing)}};
}

namespace {

class PhotoRoutes {
 public:
  explicit PhotoRoutes(Deps& d)
      : catalog(d.catalog), photos(d.photos), renderer(d.renderer), coach(d.blobs) {}

  // The coach's findings into each photo's model ("coach"), and the missing views into the page's.
  void add_coach(json::array& photos_model, json::object& page_model,
                 const std::vector<media::StoredPhoto>& list, const std::string& locale) {
    auto advice = photo_coach_json(coach, list, renderer, locale);
    for (auto& v : photos_model) {
      auto& o = v.as_object();
      if (auto* found = advice["photos"].as_object().if_contains(std::to_string(o.at("id").as_int64())))
        o["coach"] = *found;
    }
    page_model["missing_views"] = advice["missing_views"];
  }

  Response api_coach(Request& req) {
    auto product = owned(req);
    if (!product) return renderer.error(req, product.error());
    return Response::json(
        json::serialize(photo_coach_json(coach, photos.of_product(product->id), renderer, req.locale)));
  }

  // The piece named in the path, if the caller may work on it.
  Result<catalog::Product> owned(const Request& req) { return piece_in_path(catalog, req); }

  auto page(const Request& req, const catalog::Product& product, json::object extra, int status) {
    const auto list = photos.of_product(product.id);
    json::object m{
        {"title", renderer.message(req.locale, "console.photos_title")},
        {"noindex", true},
        {"product", json::object{{"slug", product.slug},
                                 {"title", req.locale == "en" ? product.title_en : product.title_ko},
                                 {"status", to_string(product.status)}}},
        {"photos", photos_json(list)},
        {"count", list.size()}};
    for (auto& [k, v] : extra) m[k] = v;
    add_coach(m["photos"].as_array(), m, list, req.locale);
    return renderer.page_response(req, "vendors/console_photos", std::move(m), status);
  }

  auto list_response(const catalog::Product& product) {
    return Response::json(
        json::serialize(json::object{{"photos", photos_json(photos.of_product(product.id))}}));
  }

  Response photos_page(Request& req) {
    auto product = owned(req);
    if (!product) return renderer.error(req, product.error());
    return page(req, *product, {{"saved", !req.query_params().get("saved").empty()}}, 200);
  }

  Response photos_form(Request& req) {
    auto product = owned(req);
    if (!product) return renderer.error(req, product.error());
    const auto form = req.form();
    const auto list = photos.of_product(product->id);
    // Check every alt text first, so a refusal changes nothing and keeps what was typed.
    json::object typed, errors;
    for (const auto& p : list)
      for (const auto* lang : {"ko", "en"}) {
        const auto key = std::string("alt_") + lang + "_" + std::to_string(p.id);
        typed[key] = form.get(key);
        auto checked = media::check_alt(form.get(key), key);
        if (!checked) errors[key] = renderer.localized(req, checked.error());
      }
    if (!errors.empty()) {
      auto photos_model = photos_json(list);
      for (auto& v : photos_model) {
        auto& o = v.as_object();
        const auto id = std::to_string(o.at("id").as_int64());
        o["alt_ko"] = typed["alt_ko_" + id];
        o["alt_en"] = typed["alt_en_" + id];
        o["error_ko"] = errors.contains("alt_ko_" + id) ? errors["alt_ko_" + id] : json::value("");
        o["error_en"] = errors.contains("alt_en_" + id) ? errors["alt_en_" + id] : json::value("");
      }
      return page(req, *product,
                  {{"photos", std::move(photos_model)},
                   {"errors", json::object{{"form", renderer.message(req.locale, "console.alt_invalid")}}}},
                  400);
    }
    for (const auto& p : list) {
      const auto id = std::to_string(p.id);
      if (!form.has("alt_ko_" + id) && !form.has("alt_en_" + id)) continue;
      auto done = photos.set_alt(product->id, p.id, form.get("alt_ko_" + id), form.get("alt_en_" + id));
      if (!done) return renderer.error(req, done.error());
    }
    const auto [action, id] = photo_action(form.get("action"));
    const auto ids = ids_of(list);
    Result<void> done;
    if (action == "cover")
      done = photos.reorder(product->id, media::with_cover(ids, id));
    else if (action == "up")
      done = photos.reorder(product->id, media::moved(ids, id, -1));
    else if (action == "down")
      done = photos.reorder(product->id, media::moved(ids, id, +1));
    else if (action == "remove")
      done = photos.remove(product->id, id);
    if (!done) return renderer.error(req, done.error());
    catalog.refresh_pieces({product->id});
    return Response::redirect(req.locale_prefix() + "/console/products/" + product->slug + "/photos?saved=1");
  }

  Response api_upload_photo(Request& req) {
    auto product = owned(req);
    if (!product) return renderer.error(req, product.error());
    auto query = req.query_params();
    auto added = photos.add(product->id, std::move(req.body), req.user->user_id, query.get("alt_ko"),
                            query.get("alt_en"));
    if (!added) return renderer.error(req, added.error());
    catalog.refresh_pieces({product->id});  // its pages now show the photograph
    return Response::json(json::serialize(photo_json(*added)), 201);
  }

  Response api_photos(Request& req) {
    auto product = owned(req);
    if (!product) return renderer.error(req, product.error());
    return list_response(*product);
  }

  Response api_reorder_photos(Request& req) {
    auto product = owned(req);
    if (!product) return renderer.error(req, product.error());
    auto body = web::parse_json_object(req.body);
    if (!body) return renderer.error(req, body.error());
    std::vector<long long> order;
    const auto* list = body->if_contains("order");
    if (!list || !list->is_array())
      return renderer.error(
          req, Error::invalid("order", "order_required", "order must be an array of photo ids, cover first"));
    for (const auto& v : list->as_array()) {
      if (!v.is_int64())
        return renderer.error(req, Error::invalid("order", "order_required",
                                                  "order must be an array of photo ids, cover first"));
      order.push_back(v.as_int64());
    }
    auto done = photos.reorder(product->id, order);
    if (!done) return renderer.error(req, done.error());
    catalog.refresh_pieces({product->id});
    return list_response(*product);
  }

  Response api_photo_alt_text(Request& req) {
    auto product = owned(req);
    if (!product) return renderer.error(req, product.error());
    auto body = web::parse_json_object(req.body);
    if (!body) return renderer.error(req, body.error());
    const long long id = req.param_id("id");
    std::string alt_ko, alt_en;
    bool found = false;
    for (const auto& p : photos.of_product(product->id))
      if (p.id == id) {
        alt_ko = p.alt_ko;
        alt_en = p.alt_en;
        found = true;
      }
    if (!found) return renderer.error(req, Error::not_found("photo"));
    for (auto [key, target] : {std::pair{"alt_ko", &alt_ko}, std::pair{"alt_en", &alt_en}}) {
      if (!body->contains(key)) continue;
      auto text = web::json_string(*body, key);
      if (!text) return renderer.error(req, text.error());
      *target = *text;
    }
    auto done = photos.set_alt(product->id, id, alt_ko, alt_en);
    if (!done) return renderer.error(req, done.error());
    catalog.refresh_pieces({product->id});
    return list_response(*product);
  }

  Response api_remove_photo(Request& req) {
    auto product = owned(req);
    if (!product) return renderer.error(req, product.error());
    auto done = photos.remove(product->id, req.param_id("id"));
    if (!done) return renderer.error(req, done.error());
    catalog.refresh_pieces({product->id});
    return list_response(*product);
  }

 private:
  catalog::Catalog& catalog;
  media::Photos& photos;
  const web::Renderer& renderer;
  media::Coach coach;
};

}  // namespace

void add_photo_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<PhotoRoutes>(deps), deps.renderer);
  const auto staff = web::require_any({web::Role::vendor_staff, web::Role::operator_});

  router.get("/console/products/{slug}/photos", bind(&PhotoRoutes::photos_page)).access = staff;

  router.post("/console/products/{slug}/photos", bind(&PhotoRoutes::photos_form)).access = staff;

  router.post("/api/v1/console/products/{slug}/photos", bind(&PhotoRoutes::api_upload_photo)).access = staff;

  router.get("/api/v1/console/products/{slug}/photos/coach", bind(&PhotoRoutes::api_coach)).access = staff;
  router.get("/api/v1/console/products/{slug}/photos", bind(&PhotoRoutes::api_photos)).access = staff;

  // {"order": [photo ids, cover first]}
  router
      .add(web::Method::put, "/api/v1/console/products/{slug}/photos", bind(&PhotoRoutes::api_reorder_photos))
      .access = staff;

  // {"alt_ko": "...", "alt_en": "..."}; a missing member keeps its text.
  router
      .add(web::Method::patch, "/api/v1/console/products/{slug}/photos/{id}",
           bind(&PhotoRoutes::api_photo_alt_text))
      .access = staff;

  router
      .add(web::Method::delete_, "/api/v1/console/products/{slug}/photos/{id}",
           bind(&PhotoRoutes::api_remove_photo))
      .access = staff;
}

}  // namespace brilliant::vendors
