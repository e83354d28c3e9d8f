// The console's edit form and API for every field of a piece, and CSV export and import of the
// workshop's pieces (both save through catalog::Catalog::save_many; see piece_edit.hpp, product_csv.hpp).
#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include "web/bind.hpp"

#include "catalog/rules.hpp"
#include "vendors/console/console.hpp"
#include "vendors/console/console_repo.hpp"
#include "vendors/pieces/piece_edit.hpp"
#include "vendors/pieces/pieces.hpp"
#include "vendors/pieces/product_csv.hpp"
#include "vendors/pieces/review_repo.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

Result<catalog::Product> save_piece(Deps& deps, long long user_id, const catalog::Product& before,
                                    catalog::Product after) {
  const bool review = before.status == catalog::ProductStatus::published && needs_review(before, after);
  if (review) after.status = catalog::ProductStatus::in_review;
  TRY(deps.catalog.save_many({after}, deps.catalog.workshop_by_id(before.workshop_id)));
  if (review)
    repo::record_submissions(deps.db, {before.id}, user_id, "edited after approval",
                             format_utc(deps.clock.now()));
  deps.quotes.reprice_pieces({before.id});
  deps.catalog.refresh_pieces({before.id});
  return after;
}

namespace {

class EditRoutes {
 public:
  explicit EditRoutes(Deps& d)
      : deps(d),
        catalog(d.catalog),
        quotes(d.quotes),
        db(d.db),
        r(d.renderer),
        clock(d.clock),
        eco_claims(d.eco_claims) {}

  auto editable(const Request& req) { return piece_in_path(catalog, req); }

  // The eco claims the workshop's active certificate allows for this piece, chosen in the edit page's
  // own small form (it posts to the certification's claims route, which comes back here).
  void add_eco_claims(const Request& req, const catalog::Product& p, json::object& m) {
    json::array options;
    if (eco_claims)
      for (const auto& c : eco_claims(p.id))
        options.push_back(json::object{{"code", c.code},
                                       {"text", r.message(req.locale, "certification.claim." + c.code)},
                                       {"checked", c.chosen},
                                       {"evidence", c.evidence}});
    m["has_eco_options"] = !options.empty();
    m["eco_options"] = std::move(options);
  }

  // The form's model from field values (the piece's, or what was just posted).
  auto edit_model(const Request& req, const catalog::Product& p, const Fields& f) {
    auto options = [&](const std::vector<std::string>& values, const std::string& current,
                       const std::string& prefix) {
      json::array out;
      for (const auto& v : values)
        out.push_back(json::object{{"value", v},
                                   {"label", prefix.empty() ? v : r.message(req.locale, prefix + v)},
                                   {"selected", v == current}});
      return out;
    };
    auto rows = [&](const char* name) {
      int n = 0;
      const auto text = f(name);
      std::from_chars(text.data(), text.data() + text.size(), n);
      return std::clamp(n, 0, 200);
    };
    json::object fields;
    for (const auto* k : {"title_ko",
                          "title_en",
                          "tags",
                          "story_ko",
                          "story_en",
                          "care_ko",
                          "care_en",
                          "purity",
                          "weight_g",
                          "plating_metal",
                          "plating_process",
                          "plating_microns",
                          "fixed_price",
                          "labour_fee",
                          "stone_cost",
                          "loss_pct",
                          "margin_pct",
                          "lead_days",
                          "engraving_max_chars",
                          "engraving_fee",
                          "gift_wrap_fee",
                          "per_customer_limit"})
      fields[k] = f(k);
    fields["made_to_order"] = f("made_to_order") == "1";
    json::array stones, variants;
    for (int i = 0; i < rows("stone_rows"); ++i) {
      const auto k = "stone_" + std::to_string(i) + "_";
      json::object s{{"i", i},
                     {"kinds", options(catalog::stone_kinds, f(k + "kind"), "catalog.stone.")},
                     {"origins", options(catalog::stone_origins, f(k + "origin"), "catalog.origin.")}};
      for (const auto* part : {"count", "carat", "shape", "colour", "clarity", "cut", "lab", "report_no"})
        s[part] = f(k + part);
      stones.push_back(std::move(s));
    }
    for (int i = 0; i < rows("variant_rows"); ++i) {
      const auto k = "variant_" + std::to_string(i) + "_";
      json::object v{{"i", i}, {"existing", !f(k + "id").empty()}};
      for (const auto* part :
           {"id", "sku", "ring_size", "length_mm", "colour", "weight_g", "stock", "stock_seen", "price"})
        v[part] = f(k + part);
      variants.push_back(std::move(v));
    }
    return json::object{{"title", r.message(req.locale, "console.edit_title")},
                        {"noindex", true},
                        {"slug", p.slug},
                        {"status", to_string(p.status)},
                        {"status_text", r.message(req.locale, "console.state." + to_string(p.status))},
                        {"published", p.status == catalog::ProductStatus::published},
                        {"ring", f("category") == "ring"},
                        {"fixed", f("pricing") == "fixed"},
                        {"form", std::move(fields)},
                        {"categories", options(catalog::categories, f("category"), "catalog.category.")},
                        {"metals", options(catalog::metals, f("metal"), "catalog.metal.")},
                        {"colours", options(catalog::colours, f("colour"), "catalog.colour.")},
                        {"pricings", options({"formula", "fixed"}, f("pricing"), "console.pricing.")},
                        {"stone_rows", rows("stone_rows")},
                        {"variant_rows", rows("variant_rows")},
                        {"stones", std::move(stones)},
                        {"variants", std::move(variants)}};
  }

  // Saves an edited piece: a published piece whose catalog facts changed goes back to brand review.
  auto save_edit(const Request& req, const catalog::Product& before, const Fields& f)
      -> Result<catalog::Product> {
    return save_piece(deps, req.user->user_id, before, TRY(edited_piece(f, before)));
  }

  // --- CSV export and import of the workshop's pieces ------------------------------------------------
  auto workshop_products(long long workshop) {
    std::vector<catalog::Product> products;
    for (const auto& slug : repo::workshop_slugs(db, workshop))
      if (auto p = catalog.product(slug)) products.push_back(std::move(*p));
    return products;
  }

  // Creates and updates in one transaction, sends changed published pieces back to review (recorded
  // in their history), reprices formula pieces and refreshes the store.
  auto import_csv(const Request& req, std::string_view text) -> Result<CsvImport> {
    const auto workshop = catalog.workshop_by_id(req.user->workshop_id);
    auto imported = TRY(products_from_csv(text, req.user->workshop_id,
                                          [&](const std::string& slug) { return catalog.product(slug); }));
    auto ids = TRY(catalog.save_many(imported.products, workshop));
    std::vector<long long> back_to_review;
    for (size_t i = 0; i < imported.products.size(); ++i)
      if (std::find(imported.back_to_review.begin(), imported.back_to_review.end(),
                    imported.products[i].slug) != imported.back_to_review.end())
        back_to_review.push_back(ids[i]);
    repo::record_submissions(db, back_to_review, req.user->user_id, "changed by CSV import",
                             format_utc(clock.now()));
    quotes.reprice_pieces(ids);
    catalog.refresh_pieces(ids);
    return imported;
  }

  auto import_page(const Request& req, json::object extra, int status) {
    json::object m{{"title", r.message(req.locale, "console.import_title")}, {"noindex", true}};
    for (auto& [k, v] : extra) m[k] = v;
    return r.page_response(req, "vendors/console_import", std::move(m), status);
  }

  auto summary(const CsvImport& done) {
    auto list = [](const std::vector<std::string>& v) {
      json::array a;
      for (const auto& s : v) a.push_back(json::value(s));
      return a;
    };
    return json::object{{"created", list(done.created)},
                        {"updated", list(done.updated)},
                        {"back_to_review", list(done.back_to_review)}};
  }

  Response edit_page(Request& req) {
    auto p = editable(req);
    if (!p) return r.error(req, p.error());
    const auto values = piece_fields(*p, 2);
    const Fields f = [&values](const std::string& k) {
      auto it = values.find(k);
      return it == values.end() ? std::string() : it->second;
    };
    auto m = edit_model(req, *p, f);
    m["saved"] = !req.query_params().get("saved").empty();
    add_eco_claims(req, *p, m);
    return r.page_response(req, "vendors/piece_edit", std::move(m));
  }

  Response edit_form(Request& req) {
    auto p = editable(req);
    if (!p) return r.error(req, p.error());
    const auto form = req.form();
    const Fields f = [&form](const std::string& k) { return form.get(k); };
    auto saved = save_edit(req, *p, f);
    if (!saved) {
      if (saved.error().kind == ErrorKind::not_found) return r.error(req, saved.error());
      // Row cells carry no message of their own: the message also goes above the form.
      auto m = edit_model(req, *p, f);
      const auto& e = saved.error();
      json::object errors{{"form", r.localized(req, e) + (e.field.empty() ? "" : " (" + e.field + ")")}};
      if (!e.field.empty()) errors[e.field] = r.localized(req, e);
      m["errors"] = std::move(errors);
      return r.page_response(req, "vendors/piece_edit", std::move(m), web::http_status(e.kind));
    }
    return Response::redirect(req.locale_prefix() + "/console/products/" + p->slug + "/edit?saved=1");
  }

  Response api_piece(Request& req) {
    auto p = editable(req);
    if (!p) return r.error(req, p.error());
    json::object fields;
    for (const auto& [k, v] : piece_fields(*p, 0)) fields[k] = v;
    return Response::json(json::serialize(
        json::object{{"slug", p->slug}, {"status", to_string(p->status)}, {"fields", fields}}));
  }

  Response api_save_piece(Request& req) {
    auto p = editable(req);
    if (!p) return r.error(req, p.error());
    auto body = web::parse_json_object(req.body);
    if (!body) return r.error(req, body.error());
    auto current = piece_fields(*p, 0);
    std::vector<std::string> given;
    for (const auto& member : *body) given.emplace_back(member.key());
    if (auto seen = check_stock_seen(given, current); !seen) return r.error(req, seen.error());
    for (const auto& [k, v] : *body) {
      if (v.is_string())
        current[std::string(k)] = std::string(v.as_string());
      else if (v.is_int64())
        current[std::string(k)] = std::to_string(v.as_int64());
      else if (v.is_double()) {
        // Plain decimal ("0.5"), as a person types it; Boost.JSON would write 5E-1.
        char buf[64];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.as_double(), std::chars_format::fixed);
        current[std::string(k)] = ec == std::errc() ? std::string(buf, end) : std::string("x");
      } else if (v.is_bool())
        current[std::string(k)] = v.as_bool() ? "1" : "";
      else
        return r.error(req, Error::invalid(std::string(k), "field_type",
                                           std::string(k) + " must be a string or a number"));
    }
    const Fields f = [&current](const std::string& k) {
      auto it = current.find(k);
      return it == current.end() ? std::string() : it->second;
    };
    auto saved = save_edit(req, *p, f);
    if (!saved) return r.error(req, saved.error());
    json::object fields;
    for (const auto& [k, v] : piece_fields(*saved, 0)) fields[k] = v;
    return Response::json(json::serialize(
        json::object{{"slug", saved->slug}, {"status", to_string(saved->status)}, {"fields", fields}}));
  }

  Response export_csv(Request& req) {
    const auto workshop = catalog.workshop_by_id(req.user->workshop_id);
    auto response = Response::text(products_to_csv(workshop_products(req.user->workshop_id)), 200,
                                   "text/csv; charset=utf-8");
    response.add("Content-Disposition",
                 "attachment; filename=\"brilliant-" + workshop.slug + "-products.csv\"");
    return response;
  }

  Response import_page_get(Request& req) { return import_page(req, {}, 200); }

  Response import_form(Request& req) {
    const auto form = req.form();
    const auto text = form.get("csv");
    auto done = import_csv(req, text);
    if (!done) {
      const auto& e = done.error();
      return import_page(
          req, {{"csv", text}, {"errors", json::object{{"form", r.localized(req, e)}, {"csv", e.message}}}},
          web::http_status(e.kind));
    }
    return import_page(req, {{"result", summary(*done)}}, 200);
  }

  Response api_import(Request& req) {
    auto done = import_csv(req, req.body);
    if (!done) return r.error(req, done.error());
    return Response::json(json::serialize(summary(*done)));
  }

 private:
  Deps& deps;
  catalog::Catalog& catalog;
  pricing::Quotes& quotes;
  db::Database& db;
  const web::Renderer& r;
  const Clock& clock;
  std::function<std::vector<EcoClaimChoice>(long long)> eco_claims;
};

}  // namespace

void add_edit_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<EditRoutes>(deps), deps.renderer);
  const auto vendor = web::require(web::Role::vendor_staff);
  // --- editing every field of a piece ----------------------------------------------------------------
  const auto staff = web::require_any({web::Role::vendor_staff, web::Role::operator_});
  router.get("/console/products/{slug}/edit", bind(&EditRoutes::edit_page)).access = staff;
  router.post("/console/products/{slug}/edit", bind(&EditRoutes::edit_form)).access = staff;
  router.get("/api/v1/console/products/{slug}", bind(&EditRoutes::api_piece)).access = staff;
  // A flat JSON object of the form's fields (strings or numbers); absent fields keep their values.
  router.add(web::Method::put, "/api/v1/console/products/{slug}", bind(&EditRoutes::api_save_piece)).access =
      staff;

  router.get("/console/products.csv", bind(&EditRoutes::export_csv)).access = vendor;

  router.get("/console/import", bind(&EditRoutes::import_page_get)).access = vendor;
  router.post("/console/import", bind(&EditRoutes::import_form)).access = vendor;
  router.post("/api/v1/console/products/import", bind(&EditRoutes::api_import)).access = vendor;
}

}  // namespace brilliant::vendors
