#include "marketing/copy_routes.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "core/text.hpp"
#include "vendors/console/console.hpp"
#include "vendors/pieces/pieces.hpp"
#include "web/bind.hpp"
#include "web/errors.hpp"
#include "web/json_input.hpp"

namespace brilliant::marketing {
namespace json = boost::json;
using web::Request;
using web::Response;

CopyFacts copy_facts(const catalog::Product& p, const catalog::Workshop& w, const catalog::Messages& ko,
                     const catalog::Messages& en) {
  CopyFacts f;
  f.category = p.category;
  f.metal = p.metal;
  f.colour = p.colour;
  f.purity = p.purity;
  f.weight_mg = p.weight_mg;
  f.plating_metal = p.plating_metal;
  for (const auto& s : p.stones) f.stones.push_back({s.kind, s.origin, s.count, s.carat_x1000});
  for (const auto& v : p.variants) {
    if (!v.ring_circ_x10 && !v.length_mm) continue;  // only sizes a shopper chooses by
    if (auto label = catalog::variant_label(v, "ko", ko); !label.empty()) f.sizes_ko.push_back(label);
    if (auto label = catalog::variant_label(v, "en", en); !label.empty()) f.sizes_en.push_back(label);
  }
  f.workshop_ko = w.name_ko;
  f.workshop_en = in_language(true, w.name_ko, w.name_en);
  f.story_ko = w.story_ko;
  f.story_en = w.story_en;
  f.eco = p.eco_certified;
  f.made_to_order = p.made_to_order;
  f.lead_days = p.lead_days;
  f.engraving = p.engraving_max_chars > 0;
  return f;
}

CopyFacts piece_facts(catalog::Catalog& catalog, const web::Renderer& renderer, const catalog::Product& p) {
  auto words = [&renderer](const std::string& locale) {
    return catalog::Messages(
        [&renderer, locale](const std::string& key) { return renderer.message(locale, key); });
  };
  return copy_facts(p, catalog.workshop_by_id(p.workshop_id), words("ko"), words("en"));
}

json::object copy_json(const Copy& c) {
  return {{"title", c.title},
          {"description", c.description},
          {"seo_title", c.seo_title},
          {"seo_description", c.seo_description},
          {"hashtags", json::array(c.hashtags.begin(), c.hashtags.end())}};
}

json::array problems_json(const std::vector<Problem>& problems) {
  json::array out;
  for (const auto& p : problems)
    out.push_back(json::object{{"field", p.field}, {"code", p.code}, {"message", p.message}});
  return out;
}

namespace {

class CopyRoutes {
 public:
  explicit CopyRoutes(const CopyDeps& d) : deps(d.vendors), r(d.vendors.renderer), model(d.model) {}

  // The piece's drafts: ours, and the model's when asked (?model=1) and configured.
  json::object drafts_json(const catalog::Product& p, bool ask) {
    const auto facts = facts_of(p);
    const auto ours = write_copy(facts);
    json::object out{{"facts", facts_json(facts)},
                     {"ko", copy_json(ours.ko)},
                     {"en", copy_json(ours.en)},
                     {"problems", problems_json(check_drafts(facts, ours))},
                     {"model_configured", model.configured()}};
    if (ask && model.configured()) {
      auto theirs = ask_model(model, facts);
      out["model"] = theirs ? json::object{{"ko", copy_json(theirs->ko)},
                                           {"en", copy_json(theirs->en)},
                                           {"problems", problems_json(check_drafts(facts, *theirs))}}
                            : json::object{{"error", theirs.error().message}};
    }
    return out;
  }

  Result<Response> api_drafts(Request& req) {
    auto p = TRY(vendors::piece_in_path(deps.catalog, req));
    return Response::json(json::serialize(drafts_json(p, req.query_params().get("model") == "1")));
  }

  // Publishing reviewed copy: the titles and descriptions, checked against the facts again.
  static constexpr const char* fields[] = {"title_ko", "title_en", "description_ko", "description_en"};
  std::vector<Problem> check_sent(const catalog::Product& p, const web::Form& f) const {
    std::vector<Problem> problems;
    const auto facts = facts_of(p);
    for (const char* name : fields) {
      auto found = check_copy(facts, name, f.get(name));
      problems.insert(problems.end(), found.begin(), found.end());
    }
    return problems;
  }

  Result<catalog::Product> apply(const Request& req, const catalog::Product& p, const web::Form& f) {
    for (const char* name : fields)
      if (f.get(name).empty()) return Error::invalid(name, "required", std::string(name) + " is required");
    const auto problems = check_sent(p, f);
    if (!problems.empty()) {
      std::string message = "the copy contradicts the piece's facts:";
      for (const auto& x : problems) message += " " + x.field + " " + x.message + ";";
      message.pop_back();
      return Error::rule_broken(problems.front().field, "copy_contradicts_facts", message);
    }
    auto after = p;
    after.title_ko = f.get("title_ko");
    after.title_en = f.get("title_en");
    after.story_ko = f.get("description_ko");
    after.story_en = f.get("description_en");
    return vendors::save_piece(deps, req.user->user_id, p, std::move(after));
  }

  Result<Response> api_apply(Request& req) {
    auto p = TRY(vendors::piece_in_path(deps.catalog, req));
    auto body = TRY(web::parse_json_object(req.body));
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [k, v] : body)
      if (v.is_string()) fields.emplace_back(std::string(k), std::string(v.as_string()));
    auto saved = TRY(apply(req, p, web::Form(std::move(fields))));
    return Response::json(json::serialize(json::object{{"slug", saved.slug},
                                                       {"status", catalog::to_string(saved.status)},
                                                       {"title_ko", saved.title_ko},
                                                       {"title_en", saved.title_en}}));
  }

  Response page(Request& req) {
    auto p = vendors::piece_in_path(deps.catalog, req);
    if (!p) return r.error(req, p.error());
    return r.page_response(req, "marketing/copy", page_model(req, *p, {}, {}));
  }

  Response page_form(Request& req) {
    auto p = vendors::piece_in_path(deps.catalog, req);
    if (!p) return r.error(req, p.error());
    const auto form = req.form();
    auto saved = apply(req, *p, form);
    if (saved)
      return Response::redirect(req.locale_prefix() + "/console/products/" + p->slug + "/copy?saved=1");
    const auto& e = saved.error();
    auto model = page_model(req, *p, form, r.localized(req, e));
    model["sent_problems"] = problems_json(check_sent(*p, form));
    return r.page_response(req, "marketing/copy", std::move(model), web::http_status(e.kind));
  }

 private:
  CopyFacts facts_of(const catalog::Product& p) const { return piece_facts(deps.catalog, r, p); }

  // The page: the drafts (or what the person sent back), the model's when asked, the facts checked.
  json::object page_model(const Request& req, const catalog::Product& p, const web::Form& sent,
                          const std::string& error) {
    auto drafts = drafts_json(p, req.query_params().get("model") == "1");
    json::object form;
    for (const auto& [field, lang, part] :
         {std::tuple{"title_ko", "ko", "title"}, std::tuple{"title_en", "en", "title"},
          std::tuple{"description_ko", "ko", "description"},
          std::tuple{"description_en", "en", "description"}}) {
      const auto* source = drafts.if_contains("model") && drafts["model"].as_object().contains("ko")
                               ? &drafts["model"].as_object()
                               : &drafts;
      form[field] = sent.has(field) ? json::value(sent.get(field)) : source->at(lang).at(part);
    }
    const bool en = req.locale == "en";
    json::object m{{"title", r.message(req.locale, "marketing.copy.title")},
                   {"slug", p.slug},
                   {"piece", en ? p.title_en : p.title_ko},
                   {"published", p.status == catalog::ProductStatus::published},
                   {"saved", req.query_params().get("saved") == "1"},
                   {"form", std::move(form)},
                   {"drafts", std::move(drafts)},
                   {"noindex", true}};
    if (!error.empty()) m["error"] = error;
    return m;
  }

  vendors::Deps& deps;
  const web::Renderer& r;
  ModelSettings model;
};

}  // namespace

void add_copy_routes(web::Router& router, const CopyDeps& deps) {
  const web::Bind bind(std::make_shared<CopyRoutes>(deps), deps.vendors.renderer);
  const auto staff = web::require_any({web::Role::vendor_staff, web::Role::operator_});
  router.get("/console/products/{slug}/copy", bind(&CopyRoutes::page)).access = staff;
  router.post("/console/products/{slug}/copy", bind(&CopyRoutes::page_form)).access = staff;
  router.get("/api/v1/console/products/{slug}/copy", bind(&CopyRoutes::api_drafts)).access = staff;
  router.add(web::Method::put, "/api/v1/console/products/{slug}/copy", bind(&CopyRoutes::api_apply)).access =
      staff;
}

}  // namespace brilliant::marketing
