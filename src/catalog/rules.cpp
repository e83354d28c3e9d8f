#include "catalog/rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.hpp"

namespace brilliant::catalog {

std::vector<int> purities_for(std::string_view metal) {
  if (metal == "gold") return {999, 750, 585};
  if (metal == "silver") return {999, 925};
  if (metal == "platinum") return {999, 950};
  return {};
}

std::string purity_label(std::string_view metal, int purity) {
  if (metal == "gold") {
    if (purity == 999) return "24K";
    if (purity == 750) return "18K";
    if (purity == 585) return "14K";
  }
  if (metal == "platinum") return "Pt" + std::to_string(purity);
  return std::to_string(purity);
}

bool known(const std::vector<std::string>& vocabulary, std::string_view value) {
  return std::find(vocabulary.begin(), vocabulary.end(), value) != vocabulary.end();
}

bool valid_slug(std::string_view slug) {
  if (slug.size() < 3 || slug.size() > 80 || slug.front() == '-' || slug.back() == '-') return false;
  for (size_t i = 0; i < slug.size(); ++i) {
    const char c = slug[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && slug[i + 1] == '-')) return false;
  }
  return true;
}

std::string slugify(std::string_view text) {
  std::string out;
  for (char c : ascii_lower(text)) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum)
      out.push_back(c);
    else if (!out.empty() && out.back() != '-')
      out.push_back('-');
    if (out.size() >= 72) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() < 3) out = out.empty() ? "item" : out + "-item";
  return out;
}

int korean_ring_size(int circumference_x10) {
  return static_cast<int>(std::lround(circumference_x10 / 10.0 - 39.0));
}

double us_ring_size(int circumference_x10) {
  const double diameter = circumference_x10 / 10.0 / M_PI;
  return std::round((diameter - 11.63) / 0.8128 * 4.0) / 4.0;
}

int circumference_for_korean_size(int ho) { return (ho + 39) * 10; }

std::string grams_text(long long weight_mg) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f g", weight_mg / 1000.0);
  return buf;
}

std::string don_text(long long weight_mg, std::string_view locale) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", weight_mg / 3750.0);
  return std::string(buf) + (locale == "en" ? " don" : "돈");
}

Result<void> check_product(const Product& p) {
  if (!valid_slug(p.slug))
    return Error::invalid("slug", "slug_invalid", "slug must be 3-80 of a-z, 0-9 and single hyphens");
  if (!known(categories, p.category))
    return Error::invalid("category", "category_unknown", "category is not one we sell");
  if (trim(p.title_ko).empty())
    return Error::invalid("title_ko", "title_required", "Korean title is required");
  if (trim(p.title_en).empty())
    return Error::invalid("title_en", "title_required", "English title is required");
  for (auto [field, title] : {std::pair{"title_ko", &p.title_ko}, {"title_en", &p.title_en}})
    if (!single_line(*title) || !safe_text_input(*title))
      return Error::invalid(field, "title_invalid", std::string(field) + " must be one line of text");
  if (!known(metals, p.metal))
    return Error::invalid("metal", "metal_unknown", "metal must be gold, silver or platinum");
  const auto allowed = purities_for(p.metal);
  if (std::find(allowed.begin(), allowed.end(), p.purity) == allowed.end())
    return Error::invalid("purity", "purity_unknown",
                          "purity " + std::to_string(p.purity) + " is not sold for " + p.metal);
  if (!known(colours, p.colour))
    return Error::invalid("colour", "colour_unknown", "colour must be yellow, white or rose");
  if (p.weight_mg <= 0) return Error::invalid("weight_mg", "weight_required", "weight must be above zero");
  if (p.pricing == "fixed" && p.fixed_price < 1000)
    return Error::invalid("fixed_price", "number_invalid", "a fixed price must be at least 1,000 won");
  for (const auto& s : p.stones) {
    if (!known(stone_kinds, s.kind))
      return Error::invalid("stones", "stone_unknown", "unknown stone kind " + s.kind);
    if (!known(stone_origins, s.origin))
      return Error::invalid("stones", "stone_origin_required",
                            "every stone must say natural, lab_grown or simulant");
    if (s.count <= 0) return Error::invalid("stones", "stone_count", "stone count must be above zero");
  }
  if (p.made_to_order && (p.lead_days <= 0 || p.lead_days > 120))
    return Error::invalid("lead_days", "lead_days_range",
                          "made-to-order pieces need a lead time of 1 to 120 business days");
  if (p.engraving_max_chars < 0 || p.engraving_max_chars > 40)
    return Error::invalid("engraving_max_chars", "engraving_range", "engraving allows 0 to 40 characters");
  if (p.variants.empty())
    return Error::invalid("variants", "variants_required", "a product needs at least one variant");
  for (const auto& v : p.variants) {
    if (v.sku.empty()) return Error::invalid("variants", "sku_required", "every variant needs a SKU");
    if (v.stock < 0) return Error::invalid("variants", "stock_negative", "stock cannot be negative");
    if (p.category == "ring" && (v.ring_circ_x10 < 400 || v.ring_circ_x10 > 800))
      return Error::invalid("variants", "ring_size_range", "ring circumference must be 40-80 mm");
  }
  return {};
}

}  // namespace brilliant::catalog
