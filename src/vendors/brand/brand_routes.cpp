#include "vendors/brand/brand_routes.hpp"

#include "media/documents.hpp"
#include "web/bind.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>

#include "catalog/rules.hpp"
#include "core/text.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

// "12.5" (percent) -> 1250 basis points; empty -> nullopt.
Result<std::optional<int>> percent(const std::string& field, const std::string& raw) {
  const std::string text(trim(raw));
  if (text.empty()) return std::optional<int>();
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > 50)
    return Error::invalid(field, "rate_range", "a commission rate must be a percentage from 0 to 50");
  return std::optional<int>(static_cast<int>(std::lround(value * 100)));
}

Result<long long> won(const std::string& field, const std::string& raw) {
  std::string digits;
  for (char c : raw)
    if (c != ',' && c != ' ') digits.push_back(c);
  long long value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
    return Error::invalid(field, "number_invalid", field + " must be a whole number of won");
  return value;
}

std::string percent_text(int bp) {
  char out[16];
  std::snprintf(out, sizeof out, "%g", bp / 100.0);
  return out;
}

// Reads the form: names, colours, shipping, the default rate, a rate per category and per workshop
// (blank: inherit), and workshop+category pairs (pair_workshop_N, pair_category_N, pair_rate_N).
Result<BrandSettings> from_form(const web::Form& f, const catalog::Snapshot& snap) {
  BrandSettings s;
  s.name_ko = std::string(trim(f.get("name_ko")));
  s.name_en = std::string(trim(f.get("name_en")));
  s.colour_primary = ascii_lower(trim(f.get("colour_primary")));
  s.colour_accent = ascii_lower(trim(f.get("colour_accent")));
  s.shipping.fee = TRY(won("shipping_fee", f.get("shipping_fee")));
  s.shipping.free_over = TRY(won("free_shipping_over", f.get("free_shipping_over")));
  s.shipping.remote_surcharge = TRY(won("remote_surcharge", f.get("remote_surcharge")));
  if (!f.get("guest_hold_minutes").empty())
    s.guest_hold_minutes = TRY(won("guest_hold_minutes", f.get("guest_hold_minutes")));
  s.search_synonyms = f.get("search_synonyms");
  auto def = TRY(percent("default_rate", f.get("default_rate")));
  if (!def)
    return Error::invalid("default_rate", "field_required", "the default commission rate is required");
  s.rates.push_back({0, "", *def});
  for (const auto& c : catalog::categories)
    if (auto r = TRY(percent("category_rate_" + c, f.get("category_rate_" + c))))
      s.rates.push_back({0, c, *r});
  for (const auto& w : snap.workshops) {
    const auto name = "workshop_rate_" + std::to_string(w.id);
    if (auto r = TRY(percent(name, f.get(name)))) s.rates.push_back({w.id, "", *r});
  }
  for (int i = 0; i < 100; ++i) {
    const auto n = std::to_string(i);
    const auto workshop = f.get("pair_workshop_" + n), category = f.get("pair_category_" + n);
    const auto rate = TRY(percent("pair_rate_" + n, f.get("pair_rate_" + n)));
    if (workshop.empty() && category.empty() && !rate) {
      if (i > 0) break;
      continue;
    }
    long long id = 0;
    for (const auto& w : snap.workshops)
      if (w.slug == workshop) id = w.id;
    if (!id) return Error::invalid("pair_workshop_" + n, "choice_invalid", "choose a workshop");
    if (!catalog::known(catalog::categories, category))
      return Error::invalid("pair_category_" + n, "choice_invalid", "choose a category");
    if (!rate) return Error::invalid("pair_rate_" + n, "field_required", "give the rate");
    s.rates.push_back({id, category, *rate});
  }
  return s;
}

}  // namespace

Result<BrandSettings> brand_from_json(const json::object& o) {
  BrandSettings s;
  auto text = [&](const char* key, std::string& out) -> Result<void> {
    if (auto v = o.if_contains(key)) {
      if (!v->is_string()) return Error::invalid(key, "text_invalid", std::string(key) + " must be text");
      out = std::string(v->as_string());
    }
    return {};
  };
  auto number = [&](const char* key, long long& out) -> Result<void> {
    if (auto v = o.if_contains(key)) {
      if (!v->is_int64())
        return Error::invalid(key, "number_invalid", std::string(key) + " must be a whole number");
      out = v->as_int64();
    }
    return {};
  };
  TRY(text("name_ko", s.name_ko));
  TRY(text("name_en", s.name_en));
  TRY(text("colour_primary", s.colour_primary));
  TRY(text("colour_accent", s.colour_accent));
  TRY(number("shipping_fee", s.shipping.fee));
  TRY(number("free_shipping_over", s.shipping.free_over));
  TRY(number("remote_surcharge", s.shipping.remote_surcharge));
  TRY(number("guest_hold_minutes", s.guest_hold_minutes));
  TRY(text("search_synonyms", s.search_synonyms));
  auto rates = o.if_contains("rates");
  if (!rates || !rates->is_array()) return Error::invalid("rates", "field_required", "rates must be a list");
  for (const auto& v : rates->as_array()) {
    if (!v.is_object()) return Error::invalid("rates", "text_invalid", "each rate is an object");
    const auto& r = v.as_object();
    CommissionRate rate;
    auto w = r.if_contains("workshop_id");
    auto c = r.if_contains("category");
    auto bp = r.if_contains("rate_bp");
    if (!bp || !bp->is_int64())
      return Error::invalid("rate_bp", "number_invalid", "rate_bp must be a whole number");
    if (w && !w->is_int64())
      return Error::invalid("workshop_id", "number_invalid", "workshop_id must be a number");
    if (c && !c->is_string()) return Error::invalid("category", "text_invalid", "category must be text");
    rate.workshop_id = w ? w->as_int64() : 0;
    rate.category = c ? std::string(c->as_string()) : "";
    if (!rate.category.empty() && !catalog::known(catalog::categories, rate.category))
      return Error::invalid("category", "choice_invalid",
                            "unknown category " + utf8_shorten(rate.category, 40));
    rate.rate_bp = static_cast<int>(bp->as_int64());
    s.rates.push_back(rate);
  }
  return s;
}

namespace {

json::object page_model(const Request& req, const BrandSettings& s, const catalog::Snapshot& snap,
                        const web::Renderer& r) {
  json::object m{{"title", r.message(req.locale, "brand.title")},
                 {"noindex", true},
                 {"name_ko", s.name_ko},
                 {"name_en", s.name_en},
                 {"colour_primary", s.colour_primary},
                 {"colour_accent", s.colour_accent},
                 {"shipping_fee", s.shipping.fee},
                 {"free_shipping_over", s.shipping.free_over},
                 {"remote_surcharge", s.shipping.remote_surcharge},
                 {"guest_hold_minutes", s.guest_hold_minutes},
                 {"search_synonyms", s.search_synonyms}};
  json::array categories, workshops, pairs;
  for (const auto& c : catalog::categories) {
    json::object o{{"code", c}, {"label", r.message(req.locale, "catalog.category." + c)}, {"rate", ""}};
    for (const auto& rate : s.rates)
      if (rate.workshop_id == 0 && rate.category == c) o["rate"] = percent_text(rate.rate_bp);
    categories.push_back(std::move(o));
  }
  for (const auto& w : snap.workshops) {
    json::object o{
        {"id", w.id}, {"slug", w.slug}, {"name", req.locale == "en" ? w.name_en : w.name_ko}, {"rate", ""}};
    for (const auto& rate : s.rates)
      if (rate.workshop_id == w.id && rate.category.empty()) o["rate"] = percent_text(rate.rate_bp);
    workshops.push_back(std::move(o));
  }
  int n = 0;
  auto pair_row = [&](const std::string& workshop, const std::string& category, const std::string& rate) {
    json::array ws, cs;
    for (const auto& w : snap.workshops)
      ws.push_back(json::object{{"slug", w.slug},
                                {"name", req.locale == "en" ? w.name_en : w.name_ko},
                                {"selected", w.slug == workshop}});
    for (const auto& c : catalog::categories)
      cs.push_back(json::object{{"code", c},
                                {"label", r.message(req.locale, "catalog.category." + c)},
                                {"selected", c == category}});
    pairs.push_back(json::object{
        {"n", n++}, {"workshops", std::move(ws)}, {"categories", std::move(cs)}, {"rate", rate}});
  };
  for (const auto& rate : s.rates) {
    if (!rate.workshop_id || rate.category.empty()) continue;
    std::string slug;
    for (const auto& w : snap.workshops)
      if (w.id == rate.workshop_id) slug = w.slug;
    pair_row(slug, rate.category, percent_text(rate.rate_bp));
  }
  pair_row("", "", "");  // one empty row to add an exception
  for (const auto& rate : s.rates)
    if (!rate.workshop_id && rate.category.empty()) m["default_rate"] = percent_text(rate.rate_bp);
  m["categories"] = std::move(categories);
  m["workshops"] = std::move(workshops);
  m["pairs"] = std::move(pairs);
  return m;
}

class BrandRoutes {
 public:
  explicit BrandRoutes(Deps& d)
      : brand(d.brand), catalog(d.catalog), blobs(d.blobs), r(d.renderer), changed(d.brand_changed) {}

  Response css(Request&) {
    auto s = brand.current();
    auto response = Response::text(":root { --ink: " + s->colour_primary + "; --gold: " + s->colour_accent +
                                       "; --gold-deep: " + readable_accent(s->colour_accent) + "; }\n",
                                   200, "text/css; charset=utf-8");
    response.set("Cache-Control", "public, max-age=31536000, immutable");  // the URL carries the version
    return response;
  }

  auto remove_logo(Request& req) {
    brand.set_logo("", req.user->user_id);
    changed();
  }

  Response operator_brand_page(Request& req) {
    auto m = page_model(req, *brand.current(), *catalog.snapshot(), r);
    if (req.query_params().get("saved") == "1") m["notice"] = r.message(req.locale, "brand.saved");
    return r.page_response(req, "operator/brand", std::move(m));
  }

  Response operator_brand_form(Request& req) {
    auto snap = catalog.snapshot();
    auto settings = from_form(req.form(), *snap);
    Result<void> saved = settings.ok() ? brand.save(*settings, req.user->user_id) : settings.error();
    if (!saved.ok()) {
      // Show the page again with what was typed and the message beside the field.
      BrandSettings typed = settings.ok() ? *settings : *brand.current();
      auto m = page_model(req, typed, *snap, r);
      const auto form = req.form();
      for (const auto& [k, v] : form.fields())
        if (k != "_csrf") m[k] = v;
      const auto& e = saved.error();
      m["errors"] = json::object{{e.field.empty() ? "form" : e.field, r.localized(req, e)},
                                 {"form", r.localized(req, e)}};
      return r.page_response(req, "operator/brand", std::move(m), web::http_status(e.kind));
    }
    changed();
    return Response::redirect(req.locale_prefix() + "/operator/brand?saved=1");
  }

  Response logo(Request& req) {
    auto s = brand.current();
    auto bytes = s->logo_hash.empty() ? std::nullopt : blobs.get(s->logo_hash);
    if (!bytes) return r.error(req, Error::not_found("logo"));
    auto response = Response::text(std::move(*bytes), 200, "image/png");
    response.set("Cache-Control", "public, max-age=31536000, immutable");  // the URL carries the version
    web::as_user_file(response, web::Disposition::inline_);
    return response;
  }

  Response api_operator_brand_logo_post(Request& req) {
    auto checked = media::check_file(req.body, media::Accepts::images, "logo");
    if (!checked) return r.error(req, checked.error());
    brand.set_logo(blobs.put(checked->preview_png), req.user->user_id);
    changed();
    return Response::json(
        json::serialize(json::object{{"logo_url", "/brand/logo.png?v=" + std::to_string(brand.version())}}));
  }

  Response api_operator_brand_logo_delete(Request& req) {
    remove_logo(req);
    return Response::json(R"({"logo_url":null})");
  }

  Response operator_brand_logo_remove_form(Request& req) {
    remove_logo(req);
    return Response::redirect(req.locale_prefix() + "/operator/brand?saved=1");
  }

  Response api_brand(Request&) {
    auto s = brand.current();
    return Response::json(json::serialize(json::object{{"name_ko", s->name_ko},
                                                       {"name_en", s->name_en},
                                                       {"colour_primary", s->colour_primary},
                                                       {"colour_accent", s->colour_accent}}));
  }

  Response api_operator_brand(Request&) { return Response::json(brand_json(*brand.current())); }

  Response api_operator_brand_put(Request& req) {
    auto body = web::parse_json_object(req.body);
    if (!body) return r.error(req, body.error());
    auto settings = brand_from_json(*body);
    if (!settings) return r.error(req, settings.error());
    auto saved = brand.save(*settings, req.user->user_id);
    if (!saved) return r.error(req, saved.error());
    changed();
    return Response::json(brand_json(*brand.current()));
  }

  Response api_commission(Request& req) {
    auto q = req.query_params();
    const auto slug = q.get("workshop"), category = q.get("category");
    if (!catalog::known(catalog::categories, category))
      return r.error(req, Error::invalid("category", "choice_invalid", "category is not known"));
    auto snap = catalog.snapshot();
    long long id = 0;
    for (const auto& w : snap->workshops)
      if (w.slug == slug) id = w.id;
    if (!id) return r.error(req, Error::not_found("workshop"));
    if (!req.user->may_act_for_workshop(id))
      return r.error(req, Error::forbidden("you may only see your own workshop's rates"));
    auto rate = commission_bp(brand.current()->rates, id, category);
    if (!rate) return r.error(req, Error::not_found("commission rate"));
    return Response::json(json::serialize(json::object{
        {"workshop", slug}, {"category", category}, {"rate_bp", *rate}, {"percent", percent_text(*rate)}}));
  }

 private:
  BrandStore& brand;
  catalog::Catalog& catalog;
  media::BlobStore& blobs;
  const web::Renderer& r;
  std::function<void()> changed;
};

}  // namespace

void add_brand_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<BrandRoutes>(deps), deps.renderer);
  const auto operator_only = web::require(web::Role::operator_);

  router.get("/operator/brand", bind(&BrandRoutes::operator_brand_page)).access = operator_only;

  router.post("/operator/brand", bind(&BrandRoutes::operator_brand_form)).access = operator_only;

  auto& css_route = router.get("/brand.css", bind(&BrandRoutes::css));
  css_route.session = false;

  // The logo: any accepted image, kept as a PNG at most 600 px (decoded by libvips, never trusted).
  auto& logo_route = router.get("/brand/logo.png", bind(&BrandRoutes::logo));
  logo_route.session = false;
  router.post("/api/v1/operator/brand/logo", bind(&BrandRoutes::api_operator_brand_logo_post)).access =
      operator_only;
  router
      .add(web::Method::delete_, "/api/v1/operator/brand/logo",
           bind(&BrandRoutes::api_operator_brand_logo_delete))
      .access = operator_only;
  router.post("/operator/brand/logo/remove", bind(&BrandRoutes::operator_brand_logo_remove_form)).access =
      operator_only;

  auto& public_api = router.get("/api/v1/brand", bind(&BrandRoutes::api_brand));
  public_api.session = false;

  router.get("/api/v1/operator/brand", bind(&BrandRoutes::api_operator_brand)).access = operator_only;

  router.add(web::Method::put, "/api/v1/operator/brand", bind(&BrandRoutes::api_operator_brand_put)).access =
      operator_only;

  router.get("/api/v1/commission", bind(&BrandRoutes::api_commission)).access =
      web::require_any({web::Role::vendor_staff, web::Role::operator_});
}

}  // namespace brilliant::vendors
