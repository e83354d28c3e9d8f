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

}  // namespace brilliant::vendors
