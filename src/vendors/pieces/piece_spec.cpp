#include "vendors/pieces/piece_spec.hpp"

#include <stdexcept>

#include "core/text.hpp"

namespace brilliant::vendors {

const std::vector<NumberSpec>& number_specs() {
  // name, unit, decimals, min, max, required
  static const std::vector<NumberSpec> specs{
      {"purity", "‰", 0, 1, 1000, true},
      {"weight_g", "g", 3, 1, 5'000'000, true},
      {"plating_microns", "µm", 2, 0, 10'000, false},
      {"fixed_price", "won", 0, 0, 10'000'000'000LL, false},
      {"labour_fee", "won", 0, 0, 100'000'000, false},
      {"stone_cost", "won", 0, 0, 1'000'000'000, false},
      {"loss_pct", "%", 2, 0, 5'000, false},
      {"margin_pct", "%", 2, 0, 50'000, false},
      {"lead_days", "days", 0, 0, 120, false},
      {"engraving_max_chars", "chars", 0, 0, 40, false},
      {"engraving_fee", "won", 0, 0, 10'000'000, false},
      {"gift_wrap_fee", "won", 0, 0, 10'000'000, false},
      {"per_customer_limit", "", 0, 0, 100, false},  // 0 (empty): no limit
      {"stone_count", "", 0, 0, 1'000, false},       // 0 (empty) means one stone
      {"stone_carat", "ct", 3, 0, 1'000'000, false},
      {"ring_size", "", 0, 0, 35, false},  // Korean sizes 1-35; 0 (empty): none given
      {"ring_circumference_mm", "mm", 1, 0, 1'000, false},
      {"length_mm", "mm", 0, 0, 5'000, false},
      {"variant_weight_g", "g", 3, 0, 5'000'000, false},
      {"stock", "", 0, 0, 100'000, false},
      {"stock_seen", "", 0, 0, 100'000, false},
      {"variant_price", "won", 0, 0, 10'000'000'000LL, false},
  };
  return specs;
}

const NumberSpec& number_spec(std::string_view name) {
  for (const auto& spec : number_specs())
    if (spec.name == name) return spec;
  throw std::logic_error("no number field named " + std::string(name));
}

std::string range_text(const NumberSpec& spec) {
  return scaled_text(spec.min, spec.decimals) + " to " + scaled_text(spec.max, spec.decimals) +
         (spec.unit.empty() ? "" : " " + std::string(spec.unit));
}

Result<long long> read_number(const NumberSpec& spec, std::string_view text, const std::string& field) {
  const std::string name = field.empty() ? std::string(spec.name) : field;
  const auto value_text = trim(text);
  if (value_text.empty()) {
    if (spec.required) return Error::invalid(name, "field_required", name + " is required");
    return 0LL;
  }
  auto value = parse_scaled(value_text, spec.decimals);
  if (!value || *value < spec.min || *value > spec.max)
    return Error::invalid(name, "number_invalid", name + " must be a number from " + range_text(spec));
  return *value;
}

std::vector<std::pair<std::string, std::string>> piece_text_fields(const catalog::Product& p) {
  return {{"category", p.category},
          {"title_ko", p.title_ko},
          {"title_en", p.title_en},
          {"story_ko", p.story_ko},
          {"story_en", p.story_en},
          {"care_ko", p.care_ko},
          {"care_en", p.care_en},
          {"tags", p.tags},
          {"metal", p.metal},
          {"purity", std::to_string(p.purity)},
          {"colour", p.colour},
          {"weight_g", scaled_text(p.weight_mg, 3)},
          {"plating_metal", p.plating_metal},
          {"plating_process", p.plating_process},
          {"plating_microns", p.plating_microns_x100 ? scaled_text(p.plating_microns_x100, 2) : ""},
          {"pricing", p.pricing},
          {"fixed_price", p.pricing == "fixed" ? std::to_string(p.fixed_price) : ""},
          {"labour_fee", std::to_string(p.labour_fee)},
          {"stone_cost", std::to_string(p.stone_cost)},
          {"loss_pct", scaled_text(p.loss_bp, 2)},
          {"margin_pct", scaled_text(p.margin_bp, 2)},
          {"made_to_order", p.made_to_order ? "yes" : "no"},
          {"lead_days", std::to_string(p.lead_days)},
          {"engraving_max_chars", std::to_string(p.engraving_max_chars)},
          {"engraving_fee", std::to_string(p.engraving_fee)},
          {"gift_wrap_fee", std::to_string(p.gift_wrap_fee)}};
}

}  // namespace brilliant::vendors
