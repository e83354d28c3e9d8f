#include "vendors/brand/brand.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <set>

#include "catalog/query_words.hpp"
#include "core/text.hpp"

namespace brilliant::vendors {

std::optional<int> commission_bp(const std::vector<CommissionRate>& rates, long long workshop_id,
                                 const std::string& category) {
  // Specificity: workshop+category 3, workshop 2, category 1, default 0.
  int best = -1;
  std::optional<int> rate;
  for (const auto& r : rates) {
    if (r.workshop_id != 0 && r.workshop_id != workshop_id) continue;
    if (!r.category.empty() && r.category != category) continue;
    const int specificity = (r.workshop_id ? 2 : 0) + (r.category.empty() ? 0 : 1);
    if (specificity > best) {
      best = specificity;
      rate = r.rate_bp;
    }
  }
  return rate;
}

long long commission_won(long long sale_won, int rate_bp) { return (sale_won * rate_bp + 5000) / 10000; }

long long shipping_fee(const ShippingRules& rules, long long subtotal_won, bool remote_area) {
  long long fee = rules.free_over > 0 && subtotal_won >= rules.free_over ? 0 : rules.fee;
  if (remote_area) fee += rules.remote_surcharge;
  return fee;
}

bool valid_colour(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

namespace {

double channel(int value) {
  const double c = value / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::array<int, 3> rgb(const std::string& hex) {
  return {std::stoi(hex.substr(1, 2), nullptr, 16), std::stoi(hex.substr(3, 2), nullptr, 16),
          std::stoi(hex.substr(5, 2), nullptr, 16)};
}

double luminance(const std::array<int, 3>& c) {
  return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
}

std::string hex_of(const std::array<int, 3>& c) {
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", c[0], c[1], c[2]);
  return out;
}

}  // namespace

double contrast_ratio(const std::string& a, const std::string& b) {
  const double la = luminance(rgb(a)), lb = luminance(rgb(b));
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string readable_accent(const std::string& accent) {
  constexpr const char* lightest_background = "#f3e9d2";
  const auto base = rgb(accent);
  for (int black = 0; black <= 100; black += 2) {
    std::array<int, 3> mixed;
    for (int i = 0; i < 3; ++i) mixed[i] = base[i] * (100 - black) / 100;
    const auto hex = hex_of(mixed);
    if (contrast_ratio(hex, lightest_background) >= 4.6) return hex;
  }
  return "#000000";
}

Result<void> check_brand(const BrandSettings& s) {
  for (auto [field, value] : {std::pair{"name_ko", &s.name_ko}, {"name_en", &s.name_en}}) {
    if (trim(*value).empty())
      return Error::invalid(field, "field_required", std::string(field) + " is required");
    if (!valid_utf8(*value) || utf8_length(*value) > 80)
      return Error::invalid(field, "field_long",
                            std::string(field) + " must be at most 80 characters of text");
  }
  if (!valid_colour(s.colour_primary))
    return Error::invalid("colour_primary", "colour_invalid", "colour_primary must look like #1d1b22");
  if (!valid_colour(s.colour_accent))
    return Error::invalid("colour_accent", "colour_invalid", "colour_accent must look like #b08a3e");
  for (auto [field, value] : {std::pair{"shipping_fee", s.shipping.fee},
                              {"free_shipping_over", s.shipping.free_over},
                              {"remote_surcharge", s.shipping.remote_surcharge}})
    if (value < 0 || value > 1'000'000)
      return Error::invalid(field, "number_invalid", std::string(field) + " must be from 0 to 1,000,000 won");
  if (s.guest_hold_minutes < 10 || s.guest_hold_minutes > 3 * 24 * 60)
    return Error::invalid("guest_hold_minutes", "number_invalid",
                          "guest_hold_minutes must be from 10 to 4,320 (three days)");
  if (s.search_synonyms.size() > 20000 || !valid_utf8(s.search_synonyms) ||
      !safe_text_input(s.search_synonyms))
    return Error::invalid("search_synonyms", "field_long",
                          "search_synonyms must be at most 20,000 bytes of text");
  TRY(catalog::parse_synonyms(s.search_synonyms));
  std::set<std::pair<long long, std::string>> scopes;
  bool has_default = false;
  for (const auto& r : s.rates) {
    if (r.rate_bp < 0 || r.rate_bp > 5000)
      return Error::invalid("rate", "rate_range", "a commission rate must be from 0 % to 50 %");
    if (!scopes.insert({r.workshop_id, r.category}).second)
      return Error::invalid("rate", "rate_duplicate",
                            "there is already a rate for that workshop and category");
    has_default = has_default || (r.workshop_id == 0 && r.category.empty());
  }
  if (!has_default)
    return Error::invalid("default_rate", "field_required", "the default commission rate is required");
  return {};
}

}  // namespace brilliant::vendors
