#include "catalog/views.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <optional>

#include "catalog/rules.hpp"
#include "core/text.hpp"
#include "pricing/currency.hpp"
#include "pricing/formula.hpp"

namespace brilliant::catalog {
namespace json = boost::json;

std::string format_won(long long won, const std::string& locale) {
  const std::string grouped = thousands(won);
  return locale == "en" ? "₩" + grouped : grouped + "원";
}

std::vector<std::string> approximate(long long won, const PriceContext& prices) {
  std::vector<std::string> out;
  for (const char* code : {"USD", "JPY", "CNY", "EUR"}) {
    auto it = prices.rates.find(code);
    if (it == prices.rates.end() || it->second <= 0) continue;
    out.push_back(pricing::foreign_price(won, code, it->second));
  }
  return out;
}

json::object card_partial_words(const Messages& t) {
  return {{"catalog",
           json::object{
               {"eco_badge", t("catalog.eco_badge")},
               {"availability", json::object{{"made_to_order", t("catalog.availability.made_to_order")}}}}}};
}

json::object card_json(const Card& c, const std::string& locale, const Messages& t) {
  const bool en = locale == "en";
  const std::string prefix = en ? "/en" : "";
  json::object o{{"slug", c.slug},
                 {"url", prefix + "/products/" + c.slug},
                 {"title", en ? c.title_en : c.title_ko},
                 {"price", c.price},
                 {"price_text", format_won(c.price, locale)},
                 {"category", c.category},
                 {"metal", c.metal},
                 {"purity", c.purity},
                 {"material", purity_label(c.metal, c.purity) + " " + t("catalog.colour." + c.colour) + " " +
                                  t("catalog.metal." + c.metal)},
                 {"workshop", en ? c.workshop_en : c.workshop_ko},
                 {"workshop_slug", c.workshop_slug},
                 {"eco", c.eco},
                 {"in_stock", c.in_stock},
                 {"made_to_order", !c.in_stock}};
  if (c.image_id) o["image_url"] = "/media/images/" + std::to_string(c.image_id);
  return o;
}

std::string variant_label(const Variant& v, const std::string& locale, const Messages& t) {
  if (v.ring_circ_x10) {
    char us[16];
    std::snprintf(us, sizeof us, "%g", us_ring_size(v.ring_circ_x10));
    return locale == "en" ? "KR " + std::to_string(korean_ring_size(v.ring_circ_x10)) + " · US " + us
                          : std::to_string(korean_ring_size(v.ring_circ_x10)) + "호 · US " + us;
  }
  if (v.length_mm)
    return std::to_string(v.length_mm / 10) +
           (v.length_mm % 10 ? "." + std::to_string(v.length_mm % 10) : "") + " cm";
  return v.colour.empty() ? v.sku : t("catalog.colour." + v.colour);
}

bool sole_plain_variant(const Product& p) {
  if (p.variants.size() != 1) return false;
  const auto& v = p.variants.front();
  return !v.ring_circ_x10 && !v.length_mm && v.colour.empty();
}

std::string option_label(const Product& p, const Variant& v, const std::string& locale, const Messages& t) {
  return sole_plain_variant(p) ? t("catalog.product.standard") : variant_label(v, locale, t);
}

namespace {

json::array variants_json(const Product& p, const std::string& locale, const Messages& t) {
  json::array out;
  const bool sole = p.variants.size() == 1;
  for (const auto& v : p.variants) {
    json::object o{{"id", v.id},       {"sku", v.sku},
                   {"price", v.price}, {"price_text", format_won(v.price, locale)},
                   {"stock", v.stock}, {"in_stock", v.stock > 0}};
    if (v.ring_circ_x10) {
      char us[16];
      std::snprintf(us, sizeof us, "%g", us_ring_size(v.ring_circ_x10));
      o["korean_size"] = korean_ring_size(v.ring_circ_x10);
      o["us_size"] = us;
      o["circumference_mm"] = v.ring_circ_x10 / 10.0;
    } else if (v.length_mm) {
      o["length_mm"] = v.length_mm;
    }
    o["label"] = option_label(p, v, locale, t);
    if (sole && (v.stock > 0 || p.made_to_order)) o["checked"] = true;  // nothing to choose between
    o["stock_text"] = v.stock > 0 ? fill(t("catalog.product.stock_left"), {{"n", std::to_string(v.stock)}})
                                  : t("catalog.product.sold_out");
    out.push_back(std::move(o));
  }
  return out;
}

json::array stones_json(const Product& p, const Messages& t) {
  json::array out;
  for (const auto& s : p.stones) {
    json::object o{{"kind", s.kind},
                   {"kind_text", t("catalog.stone." + s.kind)},
                   {"origin", s.origin},
                   {"origin_text", t("catalog.origin." + s.origin)},
                   {"count", s.count},
                   {"shape", s.shape},
                   {"colour", s.colour},
                   {"clarity", s.clarity},
                   {"cut", s.cut},
                   {"lab", s.lab},
                   {"report_no", s.report_no}};
    // "큐빅 · 화이트 · VS1", naming only what the workshop filled in.
    std::string summary = t("catalog.stone." + s.kind);
    for (const auto* part : {&s.colour, &s.clarity})
      if (!trim(*part).empty()) summary += " · " + *part;
    o["summary"] = summary;
    char carat[16];
    std::snprintf(carat, sizeof carat, "%.2f ct", s.carat_x1000 / 1000.0);
    o["carat"] = s.carat_x1000 ? std::string(carat) : std::string();
    // The grading lab's own report check, so a shopper need not take our word for it.
    if (s.lab == "GIA" && !s.report_no.empty())
      o["report_url"] = "https://www.gia.edu/report-check?reportno=" + s.report_no;
    out.push_back(std::move(o));
  }
  return out;
}

// Photographs (issue 4) come first: WebP srcset for every width, JPEG for the fallback src; drawn images
// (the demo's art) after them.
void add_pictures(json::object& o, const Product& p, bool en) {
  json::array images;
  for (auto id : p.image_ids)
    images.emplace_back(json::object{{"url", "/media/images/" + std::to_string(id)},
                                     {"alt", (en ? p.title_en : p.title_ko)}});
  json::array photos;
  for (const auto& photo : p.photos) photos.push_back(photo_json(photo, en, en ? p.title_en : p.title_ko));
  if (!photos.empty())
    o["main_image"] = photos.front();
  else if (!images.empty())
    o["main_image"] = images.front();
  o["photos"] = std::move(photos);
  o["images"] = std::move(images);
}

// The breakdown of a formula price at the quote it was computed from, for the variant whose price is
// shown (the lowest), at its own weight; nothing for fixed prices or without a quote.
std::optional<json::object> breakdown_json(const Product& p, const std::string& locale, const Messages& t,
                                           const PriceContext& prices) {
  auto q = prices.quotes.find(p.metal);
  if (p.pricing != "formula" || q == prices.quotes.end()) return std::nullopt;
  long long weight = p.weight_mg;
  for (const auto& v : p.variants)
    if (v.price == p.price && v.weight_mg > 0) {
      weight = v.weight_mg;
      break;
    }
  auto b = pricing::formula_price(
      {weight, p.purity, q->second.first, p.loss_bp, p.labour_fee, p.stone_cost, p.margin_bp});
  if (!b) return std::nullopt;
  const auto quote = format_won(q->second.first, "ko");
  return json::object{
      {"metal_cost", format_won(b->metal_cost, locale)},
      {"labour", format_won(b->labour_fee, locale)},
      {"stone_cost", format_won(b->stone_cost, locale)},
      {"has_stone_cost", b->stone_cost > 0},
      {"margin", format_won(b->margin, locale)},
      {"total", format_won(b->price, locale)},
      {"quote_text", fill(t("catalog.product.quote_on"), {{"day", q->second.second},
                                                          {"metal", t("catalog.metal." + p.metal)},
                                                          {"quote", quote.substr(0, quote.size() - 3)}})}};
}

}  // namespace

json::object product_json(const Product& p, const Workshop& w, const std::string& locale, const Messages& t,
                          const PriceContext& prices) {
  const bool en = locale == "en";
  json::object o{{"slug", p.slug},
                 {"title", en ? p.title_en : p.title_ko},
                 {"title_ko", p.title_ko},
                 {"title_en", p.title_en},
                 {"story", en ? p.story_en : p.story_ko},
                 {"care", en ? p.care_en : p.care_ko},
                 {"category", p.category},
                 {"category_text", t("catalog.category." + p.category)},
                 {"metal", p.metal},
                 {"metal_text", t("catalog.metal." + p.metal)},
                 {"purity", p.purity},
                 {"purity_text", purity_label(p.metal, p.purity)},
                 {"colour_text", t("catalog.colour." + p.colour)},
                 {"weight_mg", p.weight_mg},
                 {"weight_text", grams_text(p.weight_mg) + " (" + don_text(p.weight_mg, locale) + ")"},
                 {"price", p.price},
                 {"price_text", format_won(p.price, locale)},
                 {"eco", p.eco_certified},
                 {"status", to_string(p.status)},
                 {"made_to_order", p.made_to_order},
                 {"is_ring", p.category == "ring"}};
  json::array claims;
  for (const auto& claim : p.eco_claims)
    claims.push_back(json::object{{"code", claim}, {"text", t("certification.claim." + claim)}});
  if (!claims.empty()) {
    o["eco_claims"] = std::move(claims);
    o["eco_certificate"] = p.eco_certificate;
  }
  if (!p.plating_metal.empty()) {
    char microns[16];
    std::snprintf(microns, sizeof microns, "%.2f µm", p.plating_microns_x100 / 100.0);
    o["plating"] = t("catalog.metal." + p.plating_metal) + " · " + p.plating_process + " · " + microns;
  }
  if (p.made_to_order)
    o["lead_text"] = fill(t("catalog.made_to_order_days"), {{"days", std::to_string(p.lead_days)}});
  if (p.per_customer_limit > 0) {
    o["per_customer_limit"] = p.per_customer_limit;
    o["limit_text"] = fill(t("catalog.per_customer_limit"), {{"n", std::to_string(p.per_customer_limit)}});
  }
  if (p.engraving_max_chars > 0)
    o["engraving_text"] =
        fill(t("catalog.product.engraving_text"),
             {{"n", std::to_string(p.engraving_max_chars)}, {"fee", format_won(p.engraving_fee, locale)}});
  o["engraving_max"] = p.engraving_max_chars;
  if (p.gift_wrap_fee > 0) o["gift_wrap_text"] = format_won(p.gift_wrap_fee, locale);
  o["variants"] = variants_json(p, locale, t);
  o["stones"] = stones_json(p, t);
  o["has_stones"] = !p.stones.empty();
  add_pictures(o, p, en);
  json::array approx;
  for (auto& a : approximate(p.price, prices)) approx.emplace_back(a);
  o["approx"] = std::move(approx);
  if (auto breakdown = breakdown_json(p, locale, t, prices)) o["breakdown"] = std::move(*breakdown);
  o["fixed"] = p.pricing == "fixed";
  o["workshop"] = workshop_json(w, locale, t);
  return o;
}

json::object photo_json(const Product::Photo& photo, bool en, const std::string& fallback_alt) {
  std::string srcset, fallback, zoom;
  for (const auto& r : photo.renditions) {
    if (r.name == "square") continue;
    const std::string url = "/media/photos/" + r.hash;
    if (r.format == "webp")
      srcset += (srcset.empty() ? "" : ", ") + url + " " + std::to_string(r.width) + "w";
    if (r.format == "jpeg" && r.name == "detail") fallback = url;
    if (r.format == "jpeg" && r.name == "zoom") zoom = url;
  }
  if (fallback.empty()) fallback = zoom;
  const auto& alt = en ? photo.alt_en : photo.alt_ko;
  return {
      {"url", fallback}, {"srcset", srcset}, {"zoom_url", zoom}, {"alt", alt.empty() ? fallback_alt : alt}};
}

json::object workshop_json(const Workshop& w, const std::string& locale, const Messages& t) {
  const bool en = locale == "en";
  json::object o{{"slug", w.slug},
                 {"url", std::string(en ? "/en" : "") + "/workshops/" + w.slug},
                 {"name", in_language(en, w.name_ko, w.name_en)},
                 {"name_ko", w.name_ko},
                 {"name_en", w.name_en},
                 {"story", en ? w.story_en : w.story_ko},
                 {"location", in_language(en, w.location, w.location_en)},
                 {"location_ko", w.location},
                 {"location_en", w.location_en},
                 {"specialities", in_language(en, w.specialities, w.specialities_en)},
                 {"specialities_ko", w.specialities},
                 {"specialities_en", w.specialities_en}};
  if (w.founded) o["since"] = fill(t("catalog.workshop.since"), {{"year", std::to_string(w.founded)}});
  if (w.seller) {
    const auto& n = w.seller->registration_no;
    o["seller"] =
        json::object{{"company", w.seller->company},
                     {"representative", w.seller->representative},
                     {"registration_no", n},
                     {"registration_display",
                      n.size() == 10 ? n.substr(0, 3) + "-" + n.substr(3, 2) + "-" + n.substr(5) : n},
                     {"address", w.seller->address},
                     {"phone", w.seller->phone},
                     {"email", w.seller->email}};
  }
  return o;
}

json::array facets_json(const Listing& listing, const ListingQuery& query, const Snapshot& snapshot,
                        const std::string& base_path, const std::string& locale, const Messages& t) {
  json::array out;
  auto with = [&](const std::string& facet, const std::string& value) {
    ListingQuery q = query;
    const bool on = [&] {
      if (facet == "category") return q.category == value;
      if (facet == "metal") return q.metal == value;
      if (facet == "purity") return q.purity && std::to_string(q.purity) == value;
      if (facet == "colour") return q.colour == value;
      if (facet == "stone") return q.stone == value;
      if (facet == "origin") return q.origin == value;
      if (facet == "workshop") return q.workshop == value;
      if (facet == "eco") return q.eco;
      if (facet == "availability") return q.availability == value;
      return false;
    }();
    auto set = [&](std::string v) {
      if (facet == "category")
        q.category = v;
      else if (facet == "metal")
        q.metal = v;
      else if (facet == "purity")
        q.purity = v.empty() ? 0 : std::stoi(v);
      else if (facet == "colour")
        q.colour = v;
      else if (facet == "stone")
        q.stone = v;
      else if (facet == "origin")
        q.origin = v;
      else if (facet == "workshop")
        q.workshop = v;
      else if (facet == "eco")
        q.eco = !v.empty();
      else if (facet == "availability")
        q.availability = v;
      else if (facet == "price") {
        auto dash = v.find('-');
        q.price_min = v.empty() ? 0 : std::stoll(v.substr(0, dash));
        q.price_max = v.empty() || dash + 1 >= v.size() ? 0 : std::stoll(v.substr(dash + 1));
      }
    };
    set(on ? std::string() : value);
    return base_path + listing_query_string(q, 1);
  };
  std::map<std::string, std::string> workshop_names;
  for (const auto& w : snapshot.workshops)
    workshop_names[w.slug] = in_language(locale == "en", w.name_ko, w.name_en);
  for (const auto& facet : listing.facets) {
    json::array values;
    for (const auto& v : facet.values) {
      if (v.count == 0 && !v.selected) continue;
      std::string label;
      if (facet.name == "purity") {
        label = v.value;
        for (const auto& metal : metals)
          for (int p : purities_for(metal))
            if (std::to_string(p) == v.value && metal == (query.metal.empty() ? metal : query.metal))
              label = purity_label(metal, p);
      } else if (facet.name == "workshop") {
        label = workshop_names.count(v.value) ? workshop_names[v.value] : v.value;
      } else if (facet.name == "eco") {
        label = t("catalog.facet.eco_only");
      } else if (facet.name == "price") {
        auto dash = v.value.find('-');
        auto lo = std::stoll(v.value.substr(0, dash));
        auto hi_text = v.value.substr(dash + 1);
        label = hi_text.empty() ? format_won(lo, locale) + "+"
                                : format_won(lo, locale) + " – " + format_won(std::stoll(hi_text), locale);
      } else {
        label = t("catalog." + facet.name + "." + v.value);
      }
      const bool selected = facet.name == "price" ? v.selected : v.selected;
      values.push_back(json::object{{"value", v.value},
                                    {"label", label},
                                    {"count", v.count},
                                    {"selected", selected},
                                    {"url", with(facet.name, v.value)}});
    }
    if (values.empty()) continue;
    out.push_back(json::object{
        {"name", facet.name}, {"title", t("catalog.facet." + facet.name)}, {"values", std::move(values)}});
  }
  return out;
}

}  // namespace brilliant::catalog
