#include "vendors/pieces/pieces.hpp"
#include "vendors/console/console.hpp"

#include "vendors/pieces/piece_edit.hpp"
#include "vendors/pieces/product_csv.hpp"
#include "vendors/pieces/review_repo.hpp"
#include "web/bind.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>

#include "catalog/rules.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::vendors {
namespace json = boost::json;
using web::Request;
using web::Response;

Result<catalog::Product> piece_from_form(const Fields& field, long long workshop_id,
                                         const std::string& slug_suffix) {
  catalog::Product p;
  p.workshop_id = workshop_id;
  p.status = catalog::ProductStatus::draft;
  p.title_ko = std::string(trim(field("title_ko")));
  p.title_en = std::string(trim(field("title_en")));
  p.category = field("category");
  p.metal = field("metal");
  p.colour = field("colour").empty() ? "yellow" : field("colour");
  p.purity = static_cast<int>(TRY(number_field(field, "purity")));
  p.weight_mg = TRY(number_field(field, "weight_g"));  // grams to milligrams, exactly
  p.labour_fee = TRY(number_field(field, "labour_fee"));
  p.margin_bp = static_cast<int>(TRY(number_field(field, "margin_pct")));  // percent to bp
  p.loss_bp = static_cast<int>(TRY(number_field(field, "loss_pct")));
  p.story_ko = field("story_ko");
  p.story_en = field("story_en");
  p.care_ko = field("care_ko");
  p.care_en = field("care_en");
  p.made_to_order = field("made_to_order") == "1";
  p.lead_days = static_cast<int>(TRY(number_field(field, "lead_days")));
  p.slug = catalog::slugify(p.title_en) + "-" + slug_suffix;
  if (!field("stone_kind").empty()) {
    const int count = static_cast<int>(TRY(number_field(field, "stone_count")));
    p.stones.push_back({field("stone_kind"), field("stone_origin"), count == 0 ? 1 : count});
    p.stone_cost = TRY(number_field(field, "stone_cost"));
  }
  const int stock = static_cast<int>(TRY(number_field(field, "stock")));
  const std::string sku = "W" + std::to_string(workshop_id) + "-" + slug_suffix;
  if (p.category == "ring") {
    // Korean sizes, comma separated: "9, 11, 13".
    std::string sizes = field("sizes");
    size_t start = 0;
    int position = 0;
    while (start <= sizes.size()) {
      auto comma = sizes.find(',', start);
      const std::string size_text(
          trim(sizes.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (!size_text.empty()) {
        int ho = 0;
        auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), ho);
        if (ec != std::errc() || end != size_text.data() + size_text.size() || ho < 1 || ho > 35)
          return Error::invalid("sizes", "sizes_invalid",
                                "ring sizes are Korean sizes 1-35, separated by commas");
        p.variants.push_back({0, sku + "-" + std::to_string(ho), position++,
                              catalog::circumference_for_korean_size(ho), 0, "", 0, stock, 0});
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (p.variants.empty()) return Error::invalid("sizes", "sizes_invalid", "give at least one ring size");
  } else {
    p.variants.push_back({0, sku, 0, 0, 0, "", 0, stock, 0});
  }
  TRY(catalog::check_product(p));
  return p;
}

std::vector<CheckItem> brand_checklist(const catalog::Product& p, long long quote) {
  const long long metal_value = quote * p.weight_mg * p.purity / 1'000'000;
  bool stones = true;
  for (const auto& s : p.stones) stones = stones && !s.origin.empty();
  return {{"photos", !p.photos.empty()},
          {"materials", p.weight_mg > 0 && p.purity > 0 && !p.metal.empty()},
          {"stones", stones},
          {"bilingual", !trim(p.title_en).empty() && !trim(p.story_en).empty() && !trim(p.story_ko).empty()},
          {"price", p.price > 0 && quote > 0 && p.price >= metal_value},
          // Eco claims reach the store only through the certification, backed by an active certificate.
          {"eco", p.eco_claims.empty() || !p.eco_certificate.empty()}};
}

namespace {

json::array reviews_json(db::Database& db, long long product, const web::Renderer& r, const Request& req) {
  json::array out;
  for (const auto& entry : repo::reviews_of(db, product)) {
    TimePoint at;
    json::object o{{"decision", entry.decision},
                   {"decision_text", r.message(req.locale, "reviews.decision." + entry.decision)},
                   {"author", entry.author},
                   {"at", parse_utc(entry.at, at) ? format_seoul(at) : entry.at}};
    if (!entry.comment.empty()) o["comment"] = entry.comment;
    out.push_back(std::move(o));
  }
  return out;
}

json::object form_echo(const web::Form& form) {
  json::object out;
  for (const auto& [k, v] : form.fields())
    if (k != "_csrf") out[k] = v;
  return out;
}

class PieceRoutes {
 public:
  explicit PieceRoutes(Deps& d)
      : catalog(d.catalog),
        quotes(d.quotes),
        db(d.db),
        r(d.renderer),
        clock(d.clock),
        photos(d.photos),
        coach(d.blobs) {}

  // The photo coach's word on each photo, in order, for the brand review (only those with findings).
  json::array review_coach(const catalog::Product& product, const std::string& locale) {
    const auto list = photos.of_product(product.id);
    auto advice = photo_coach_json(coach, list, r, locale);
    json::array out;
    for (const auto& p : list)
      if (auto* found = advice["photos"].as_object().if_contains(std::to_string(p.id)))
        if (!found->at("good").as_bool())
          out.push_back(json::object{{"number", p.position + 1}, {"findings", found->at("findings")}});
    return out;
  }

  Response new_piece_page(Request& req) {
    return r.page_response(
        req, "vendors/piece_form",
        {{"title", r.message(req.locale, "reviews.new_title")},
         {"noindex", true},
         {"form", json::object{{"sizes", "9, 11, 13, 15"}, {"margin_pct", "20"}, {"loss_pct", "8"}}}});
  }

  Response create_piece_form(Request& req) {
    auto form = req.form();
    auto piece = piece_from_form([&form](const std::string& k) { return form.get(k); }, req.user->workshop_id,
                                 sha256_hex(random_token()).substr(0, 6));
    auto fail = [&](const Error& e) {
      return r.page_response(
          req, "vendors/piece_form",
          {{"title", r.message(req.locale, "reviews.new_title")},
           {"form", form_echo(form)},
           {"errors", json::object{{e.field.empty() ? "form" : e.field, r.localized(req, e)}}}},
          web::http_status(e.kind));
    };
    if (!piece) return fail(piece.error());
    auto workshop = catalog.workshop_by_id(req.user->workshop_id);
    auto created = catalog.create(*piece, workshop);
    if (!created) return fail(created.error());
    quotes.reprice();
    return Response::redirect(req.locale_prefix() + "/console/products");
  }

  Response submit_for_review_form(Request& req) {
    const auto [id, workshop, status] = repo::product_ref(db, std::string(req.param("slug")));
    if (!id) return r.error(req, Error::not_found("product"));
    if (!req.user->may_act_for_workshop(workshop))
      return r.error(req, Error::forbidden("this product belongs to another workshop"));
    if (status != catalog::ProductStatus::draft && status != catalog::ProductStatus::changes_requested)
      return r.error(req,
                     Error::conflict("status", "review_state",
                                     "only drafts and pieces with requested changes can be sent for review"));
    repo::move_piece(db, id, catalog::ProductStatus::in_review, req.user->user_id, "submitted", "",
                     format_utc(clock.now()));
    return Response::redirect(req.locale_prefix() + "/console/products");
  }

  Response operator_reviews_page(Request& req) {
    json::array queue;
    for (const auto& w : repo::review_queue(db))
      queue.push_back(json::object{{"slug", w.slug},
                                   {"title", req.locale == "en" ? w.title_en : w.title_ko},
                                   {"workshop", in_language(req.locale == "en", w.workshop, w.workshop_en)}});
    return r.page_response(req, "vendors/reviews",
                           {{"title", r.message(req.locale, "reviews.queue_title")},
                            {"noindex", true},
                            {"queue", std::move(queue)}});
  }

  Response review_page(Request& req) {
    auto product = catalog.product(std::string(req.param("slug")));
    if (!product) return r.error(req, Error::not_found("product"));
    auto current = quotes.current();
    const long long quote = current.count(product->metal) ? current.at(product->metal).won_per_gram : 0;
    json::array checklist;
    for (const auto& item : brand_checklist(*product, quote))
      checklist.push_back(json::object{
          {"key", item.key}, {"ok", item.ok}, {"label", r.message(req.locale, "reviews.check." + item.key)}});
    auto workshop = catalog.workshop_by_id(product->workshop_id);
    json::array claims;
    for (const auto& claim : product->eco_claims)
      claims.emplace_back(r.message(req.locale, "certification.claim." + claim));
    return r.page_response(req, "vendors/review_product",
                           {{"title", product->title_ko},
                            {"noindex", true},
                            {"slug", product->slug},
                            {"product_title", req.locale == "en" ? product->title_en : product->title_ko},
                            {"workshop", in_language(req.locale == "en", workshop.name_ko, workshop.name_en)},
                            {"status", r.message(req.locale, "console.state." + to_string(product->status))},
                            {"in_review", product->status == catalog::ProductStatus::in_review},
                            {"price", std::to_string(product->price)},
                            {"checklist", std::move(checklist)},
                            {"coach", review_coach(*product, req.locale)},
                            {"eco_claims", std::move(claims)},
                            {"eco_certificate", product->eco_certificate},
                            {"reviews", reviews_json(db, product->id, r, req)}});
  }

  Response operator_reviews_decision_form(Request& req) {
    const auto [id, workshop, status] = repo::product_ref(db, std::string(req.param("slug")));
    if (!id) return r.error(req, Error::not_found("product"));
    auto form = req.form();
    const auto decision = form.get("decision");
    const std::string comment(trim(form.get("comment")));
    if (decision != "approve" && decision != "request_changes" && decision != "reject")
      return r.error(req, Error::invalid("decision", "decision_invalid",
                                         "decision must be approve, request_changes or reject"));
    if (status != catalog::ProductStatus::in_review)
      return r.error(req, Error::conflict("status", "review_state", "this piece is not waiting for review"));
    if (decision != "approve" && comment.empty())
      return r.error(req, Error::invalid("comment", "reason_required",
                                         "say what to change, so the workshop can fix it"));
    const auto next = decision == "approve"  ? catalog::ProductStatus::published
                      : decision == "reject" ? catalog::ProductStatus::archived
                                             : catalog::ProductStatus::changes_requested;
    const std::string kind = decision == "approve"  ? "approved"
                             : decision == "reject" ? "rejected"
                                                    : "changes_requested";
    repo::move_piece(db, id, next, req.user->user_id, kind, comment, format_utc(clock.now()));
    catalog.refresh_pieces({id});
    return Response::redirect(req.locale_prefix() + "/operator/reviews");
  }

 private:
  catalog::Catalog& catalog;
  pricing::Quotes& quotes;
  db::Database& db;
  const web::Renderer& r;
  const Clock& clock;
  media::Photos& photos;
  media::Coach coach;
};

}  // namespace

void add_piece_routes(web::Router& router, Deps& deps) {
  const web::Bind bind(std::make_shared<PieceRoutes>(deps), deps.renderer);
  const auto vendor = web::require(web::Role::vendor_staff);
  const auto operator_only = web::require(web::Role::operator_);

  router.get("/console/products/new", bind(&PieceRoutes::new_piece_page)).access = vendor;

  router.post("/console/products", bind(&PieceRoutes::create_piece_form)).access = vendor;

  router.post("/console/products/{slug}/submit", bind(&PieceRoutes::submit_for_review_form)).access =
      web::require_any({web::Role::vendor_staff, web::Role::operator_});

  router.get("/operator/reviews", bind(&PieceRoutes::operator_reviews_page)).access = operator_only;

  router.get("/operator/reviews/{slug}", bind(&PieceRoutes::review_page)).access = operator_only;

  router.post("/operator/reviews/{slug}/decision", bind(&PieceRoutes::operator_reviews_decision_form))
      .access = operator_only;

  add_edit_routes(router, deps);
}

}  // namespace brilliant::vendors
