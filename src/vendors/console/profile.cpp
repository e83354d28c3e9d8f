#include "vendors/console/profile.hpp"

#include <boost/json.hpp>
#include <charconv>
#include "web/bind.hpp"

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "vendors/console/profile_repo.hpp"
#include "web/json_input.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// The profile's text fields, as the form, the API and the page name them, with what check_profile allows.
struct TextField {
  const char* name;
  std::string Profile::*field;
  std::size_t max;  // characters
  bool one_line;
};
constexpr TextField text_fields[] = {{"name_en", &Profile::name_en, 80, true},
                                     {"story_ko", &Profile::story_ko, 4000, false},
                                     {"story_en", &Profile::story_en, 4000, false},
                                     {"location", &Profile::location, 120, true},
                                     {"location_en", &Profile::location_en, 120, true},
                                     {"specialities", &Profile::specialities, 200, true},
                                     {"specialities_en", &Profile::specialities_en, 200, true}};

}  // namespace

Result<Profile> check_profile(Profile p, int this_year) {
  for (const auto& [field, member, max, one_line] : text_fields) {
    std::string& value = p.*member;
    if (!valid_utf8(value))
      return Error::invalid(field, "text_invalid", std::string(field) + " is not valid text");
    value = std::string(trim(value));
    if (one_line && !single_line(value))
      return Error::invalid(field, "text_invalid", std::string(field) + " must be one line");
    if (utf8_length(value) > max)
      return Error::invalid(field, "text_too_long",
                            std::string(field) + " is at most " + std::to_string(max) + " characters");
  }
  if (p.story_ko.empty())
    return Error::invalid("story_ko", "field_required", "tell shoppers about the workshop");
  if (p.founded != 0 && (p.founded < 1900 || p.founded > this_year))
    return Error::invalid("founded", "number_invalid",
                          "founded is a year from 1900 to " + std::to_string(this_year));
  return p;
}

Profile profile_of(const catalog::Workshop& w) {
  return {.name_en = w.name_en,
          .story_ko = w.story_ko,
          .story_en = w.story_en,
          .location = w.location,
          .location_en = w.location_en,
          .specialities = w.specialities,
          .specialities_en = w.specialities_en,
          .founded = w.founded};
}

namespace {

class ProfileRoutes {
 public:
  explicit ProfileRoutes(Deps& d)
      : catalog(d.catalog),
        photos(d.photos),
        db(d.db),
        r(d.renderer),
        clock(d.clock),
        this_year(std::stoi(format_utc(d.clock.now()).substr(0, 4))) {}

  auto current(const Request& req) { return catalog.workshop_by_id(req.user->workshop_id); }

  auto photos_of(const Request& req) {
    json::array out;
    for (const auto& [id, photo] : catalog.workshop_photos(req.user->workshop_id)) {
      auto o = catalog::photo_json(photo, req.locale == "en", "");
      o["id"] = id;
      out.push_back(std::move(o));
    }
    return out;
  }

  auto model(const Request& req, const Profile* typed) {
    const auto w = current(req);
    const Profile p = typed ? *typed : profile_of(w);
    json::object form;
    for (const auto& text : text_fields) form[text.name] = p.*text.field;
    form["founded"] = p.founded ? json::value(p.founded) : json::value(nullptr);
    return json::object{{"title", r.message(req.locale, "profile.title")},
                        {"noindex", true},
                        {"slug", w.slug},
                        {"name_ko", w.name_ko},
                        {"form", std::move(form)},
                        {"photos", photos_of(req)}};
  }

  auto save(const Request& req, Profile p) -> Result<Profile> {
    auto checked = TRY(check_profile(std::move(p), this_year));
    const auto now = format_utc(clock.now());
    db.write([&](soci::session& sql) { repo::save_profile(sql, req.user->workshop_id, checked, now); });
    catalog.refresh();
    return checked;
  }

  auto remove(const Request& req) -> Result<void> {
    const long long id = req.param_id("id");
    return db.write(
        [&](soci::session& sql) { return repo::remove_workshop_photo(sql, req.user->workshop_id, id); });
  }

  Response console_profile_page(Request& req) {
    auto m = model(req, nullptr);
    m["saved"] = !req.query_params().get("saved").empty();
    return r.page_response(req, "vendors/profile", std::move(m));
  }

  Response console_profile_form(Request& req) {
    const auto form = req.form();
    int founded = 0;
    const auto year = form.get("founded");
    if (!year.empty()) {
      auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), founded);
      if (ec != std::errc() || end != year.data() + year.size()) founded = -1;
    }
    Profile typed{.founded = founded};
    for (const auto& text : text_fields) typed.*text.field = form.get(text.name);
    auto saved = save(req, typed);
    if (!saved) return r.page_with_error(req, "vendors/profile", model(req, &typed), saved.error());
    return Response::redirect(req.locale_prefix() + "/console/profile?saved=1");
  }

  Response api_console_profile(Request& req) { return web::page_model_json(model(req, nullptr)); }

  Response api_console_profile_put(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return r.error(req, body.error());
    const auto w = current(req);
    Profile p = profile_of(w);
    for (const auto& field : text_fields) {
      if (!body->contains(field.name)) continue;
      auto text = web::json_string(*body, field.name);
      if (!text) return r.error(req, text.error());
      p.*field.field = *text;
    }
    // An integer year as GET gives it, or null for "not said".
    if (const auto* f = body->if_contains("founded")) {
      if (!f->is_int64() && !f->is_null())
        return r.error(
            req, Error::invalid("founded", "number_invalid", "founded is a year (a whole number) or null"));
      p.founded = f->is_null() ? 0 : static_cast<int>(f->as_int64());
    }
    auto saved = save(req, p);
    if (!saved) return r.error(req, saved.error());
    return Response::json(json::serialize(json::object{{"saved", true}}));
  }

  Response api_console_profile_photos_post(Request& req) {
    const auto q = req.query_params();
    auto alt_ko = media::check_alt(q.get("alt_ko"), "alt_ko");
    if (!alt_ko) return r.error(req, alt_ko.error());
    auto alt_en = media::check_alt(q.get("alt_en"), "alt_en");
    if (!alt_en) return r.error(req, alt_en.error());
    const long long count =
        db.read([&](soci::session& sql) { return repo::workshop_photo_count(sql, req.user->workshop_id); });
    if (count >= 12)
      return r.error(req,
                     Error::rule_broken("photo", "too_many_photos", "a workshop shows at most 12 photos"));
    auto processed = photos.add_public(std::move(req.body));
    if (!processed) return r.error(req, processed.error());
    json::array renditions;
    for (const auto& rd : processed->renditions)
      renditions.push_back(json::object{{"name", rd.name},
                                        {"format", rd.format},
                                        {"width", rd.width},
                                        {"height", rd.height},
                                        {"hash", rd.hash}});
    const auto text = json::serialize(renditions);
    const auto now = format_utc(clock.now());
    db.write([&](soci::session& sql) {
      repo::add_workshop_photo(sql, req.user->workshop_id, processed->original_hash, text, *alt_ko, *alt_en,
                               now);
    });
    catalog.refresh();
    return Response::json(json::serialize(json::object{{"photos", photos_of(req)}}), 201);
  }

  Response api_console_profile_photos_delete(Request& req) {
    auto done = remove(req);
    if (!done) return r.error(req, done.error());
    catalog.refresh();
    return Response::json(json::serialize(json::object{{"photos", photos_of(req)}}));
  }

  Response console_profile_photos_remove_form(Request& req) {
    auto done = remove(req);
    if (!done) return r.error(req, done.error());
    catalog.refresh();
    return Response::redirect(req.locale_prefix() + "/console/profile?saved=1");
  }

 private:
  catalog::Catalog& catalog;
  media::Photos& photos;
  db::Database& db;
  const web::Renderer& r;
  const Clock& clock;
  const int this_year;  // founded years up to this one
};

}  // namespace

void add_profile_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<ProfileRoutes>(deps), deps.renderer);
  const auto vendor = web::require(web::Role::vendor_staff);

  router.get("/console/profile", bind(&ProfileRoutes::console_profile_page)).access = vendor;
  router.post("/console/profile", bind(&ProfileRoutes::console_profile_form)).access = vendor;
  router.get("/api/v1/console/profile", bind(&ProfileRoutes::api_console_profile)).access = vendor;
  router.add(web::Method::put, "/api/v1/console/profile", bind(&ProfileRoutes::api_console_profile_put))
      .access = vendor;

  // Photos of the workshop (the bench, the tools, the people): the photo pipeline, then a row here.
  router.post("/api/v1/console/profile/photos", bind(&ProfileRoutes::api_console_profile_photos_post))
      .access = vendor;
  router
      .add(web::Method::delete_, "/api/v1/console/profile/photos/{id}",
           bind(&ProfileRoutes::api_console_profile_photos_delete))
      .access = vendor;
  router.post("/console/profile/photos/{id}/remove", bind(&ProfileRoutes::console_profile_photos_remove_form))
      .access = vendor;
}

}  // namespace brilliant::vendors
