#include "vendors/pieces/piece_edit.hpp"

#include <algorithm>
#include <charconv>

#include "catalog/rules.hpp"
#include "core/text.hpp"
#include "vendors/pieces/piece_spec.hpp"

namespace brilliant::vendors {

Result<long long> number_field(const Fields& field, std::string_view spec, const std::string& key) {
  const std::string name = key.empty() ? std::string(spec) : key;
  return read_number(number_spec(spec), field(name), name);
}

namespace {

int rows_of(const Fields& field, const std::string& name) {
  int rows = 0;
  const auto text = field(name);
  std::from_chars(text.data(), text.data() + text.size(), rows);
  return std::clamp(rows, 0, 200);
}

}  // namespace

std::map<std::string, std::string> piece_fields(const catalog::Product& p, int blank_rows) {
  std::map<std::string, std::string> f;
  for (auto& [name, text] : piece_text_fields(p)) f[name] = std::move(text);
  // The form keeps a price typed for fixed pricing while formula is chosen, and ticks its box for "1".
  f["fixed_price"] = p.fixed_price ? std::to_string(p.fixed_price) : "";
  f["made_to_order"] = p.made_to_order ? "1" : "";
  f["per_customer_limit"] = p.per_customer_limit ? std::to_string(p.per_customer_limit) : "";
  f["stone_rows"] = std::to_string(p.stones.size() + static_cast<size_t>(blank_rows));
  f["variant_rows"] = std::to_string(p.variants.size() + static_cast<size_t>(blank_rows));
  for (size_t i = 0; i < p.stones.size(); ++i) {
    const auto& s = p.stones[i];
    const auto k = "stone_" + std::to_string(i) + "_";
    f[k + "kind"] = s.kind;
    f[k + "origin"] = s.origin;
    f[k + "count"] = std::to_string(s.count);
    f[k + "carat"] = s.carat_x1000 ? scaled_text(s.carat_x1000, 3) : "";
    f[k + "shape"] = s.shape;
    f[k + "colour"] = s.colour;
    f[k + "clarity"] = s.clarity;
    f[k + "cut"] = s.cut;
    f[k + "lab"] = s.lab;
    f[k + "report_no"] = s.report_no;
  }
  for (size_t i = 0; i < p.variants.size(); ++i) {
    const auto& v = p.variants[i];
    const auto k = "variant_" + std::to_string(i) + "_";
    f[k + "id"] = v.id ? std::to_string(v.id) : "";
    f[k + "sku"] = v.sku;
    f[k + "ring_size"] = v.ring_circ_x10 ? std::to_string(catalog::korean_ring_size(v.ring_circ_x10)) : "";
    f[k + "length_mm"] = v.length_mm ? std::to_string(v.length_mm) : "";
    f[k + "colour"] = v.colour;
    f[k + "weight_g"] = v.weight_mg ? scaled_text(v.weight_mg, 3) : "";
    f[k + "stock"] = std::to_string(v.stock);
    f[k + "stock_seen"] = std::to_string(v.stock);
    f[k + "price"] = p.pricing == "fixed" ? std::to_string(v.price) : "";
  }
  return f;
}

namespace {

// The stone rows (stone_{i}_...): blank rows skipped, every stone with its origin.
Result<void> read_stones(const Fields& field, catalog::Product& p) {
  p.stones.clear();
  for (int i = 0, n = rows_of(field, "stone_rows"); i < n; ++i) {
    const auto key = [i](const char* part) { return "stone_" + std::to_string(i) + "_" + part; };
    catalog::Stone s;
    s.kind = field(key("kind"));
    if (s.kind.empty()) continue;  // a blank row
    s.origin = field(key("origin"));
    s.count = static_cast<int>(TRY(number_field(field, "stone_count", key("count"))));
    if (s.count == 0) s.count = 1;
    s.carat_x1000 = static_cast<int>(TRY(number_field(field, "stone_carat", key("carat"))));
    for (auto [part, target] : {std::pair{"shape", &s.shape},
                                {"colour", &s.colour},
                                {"clarity", &s.clarity},
                                {"cut", &s.cut},
                                {"lab", &s.lab},
                                {"report_no", &s.report_no}}) {
      const auto raw = field(key(part));
      *target = std::string(trim(raw));
      if (utf8_length(*target) > 80)
        return Error::invalid(key(part), "text_invalid", key(part) + " is too long");
    }
    if (s.origin.empty())
      return Error::invalid(key("origin"), "stone_origin_required",
                            "every stone must say natural, lab_grown or simulant");
    p.stones.push_back(std::move(s));
  }
  return {};
}

// The variant rows (variant_{i}_...): existing ones matched by id (never deleted), blank new rows skipped.
Result<void> read_variants(const Fields& field, catalog::Product& p) {
  for (int i = 0, n = rows_of(field, "variant_rows"); i < n; ++i) {
    const auto key = [i](const char* part) { return "variant_" + std::to_string(i) + "_" + part; };
    const long long id = web::parse_id(field(key("id")));
    catalog::Variant* v = nullptr;
    if (id) {
      for (auto& existing : p.variants)
        if (existing.id == id) v = &existing;
      if (!v) return Error::not_found("variant " + std::to_string(id));
    } else {
      if (const auto sku = field(key("sku")); trim(sku).empty()) continue;  // a blank row
      catalog::Variant fresh;
      fresh.position = static_cast<int>(p.variants.size());
      p.variants.push_back(fresh);
      v = &p.variants.back();
    }
    const auto sku = field(key("sku"));
    v->sku = std::string(trim(sku));
    if (v->sku.empty() || v->sku.size() > 64)
      return Error::invalid(key("sku"), "sku_required", "every variant needs a SKU (up to 64 characters)");
    if (p.category == "ring") {
      const int ho = static_cast<int>(TRY(number_field(field, "ring_size", key("ring_size"))));
      if (ho == 0)
        return Error::invalid(key("ring_size"), "sizes_invalid", "ring sizes are Korean sizes 1-35");
      // Keep a measured circumference that shows as the same size.
      if (v->ring_circ_x10 == 0 || catalog::korean_ring_size(v->ring_circ_x10) != ho)
        v->ring_circ_x10 = catalog::circumference_for_korean_size(ho);
    }
    v->length_mm = static_cast<int>(TRY(number_field(field, "length_mm", key("length_mm"))));
    const auto colour = field(key("colour"));
    v->colour = std::string(trim(colour));
    v->weight_mg = TRY(number_field(field, "variant_weight_g", key("weight_g")));
    v->stock = static_cast<int>(TRY(number_field(field, "stock", key("stock"))));
    // What the editor saw: the save changes the stock only if it still is that (see Variant::stock_seen).
    v->stock_seen = field(key("stock_seen")).empty()
                        ? -1
                        : static_cast<int>(TRY(number_field(field, "stock_seen", key("stock_seen"))));
    if (p.pricing == "fixed") {
      v->price = TRY(number_field(field, "variant_price", key("price")));
      if (v->price == 0) v->price = p.fixed_price;
    }
  }
  return {};
}

}  // namespace

Result<catalog::Product> edited_piece(const Fields& field, catalog::Product p) {
  auto text = [&](const char* name, std::string& target, size_t max = 20000) -> Result<void> {
    const auto raw = field(name);
    std::string value(trim(raw));
    if (!valid_utf8(value) || utf8_length(value) > max)
      return Error::invalid(name, "text_invalid", std::string(name) + " is too long or not valid text");
    target = std::move(value);
    return {};
  };
  for (auto [name, target] : {std::pair{"title_ko", &p.title_ko},
                              {"title_en", &p.title_en},
                              {"category", &p.category},
                              {"tags", &p.tags},
                              {"metal", &p.metal},
                              {"colour", &p.colour},
                              {"plating_metal", &p.plating_metal},
                              {"plating_process", &p.plating_process},
                              {"pricing", &p.pricing}})
    TRY(text(name, *target, 300));
  for (auto [name, target] : {std::pair{"story_ko", &p.story_ko},
                              {"story_en", &p.story_en},
                              {"care_ko", &p.care_ko},
                              {"care_en", &p.care_en}})
    TRY(text(name, *target));
  if (p.pricing != "fixed" && p.pricing != "formula")
    return Error::invalid("pricing", "pricing_invalid", "pricing is fixed or formula");
  p.purity = static_cast<int>(TRY(number_field(field, "purity")));
  p.weight_mg = TRY(number_field(field, "weight_g"));
  p.plating_microns_x100 = static_cast<int>(TRY(number_field(field, "plating_microns")));
  p.fixed_price = TRY(number_field(field, "fixed_price"));
  p.labour_fee = TRY(number_field(field, "labour_fee"));
  p.stone_cost = TRY(number_field(field, "stone_cost"));
  p.loss_bp = static_cast<int>(TRY(number_field(field, "loss_pct")));
  p.margin_bp = static_cast<int>(TRY(number_field(field, "margin_pct")));
  p.made_to_order = field("made_to_order") == "1";
  p.lead_days = static_cast<int>(TRY(number_field(field, "lead_days")));
  p.engraving_max_chars = static_cast<int>(TRY(number_field(field, "engraving_max_chars")));
  p.engraving_fee = TRY(number_field(field, "engraving_fee"));
  p.gift_wrap_fee = TRY(number_field(field, "gift_wrap_fee"));
  p.per_customer_limit = static_cast<int>(TRY(number_field(field, "per_customer_limit")));
  if (p.pricing == "fixed") {
    if (p.fixed_price < 1000)
      return Error::invalid("fixed_price", "number_invalid", "a fixed price must be at least 1,000 won");
    p.price = p.fixed_price;
  }

  TRY(read_stones(field, p));
  TRY(read_variants(field, p));
  TRY(catalog::check_product(p));
  return p;
}

Result<void> check_stock_seen(const std::vector<std::string>& given,
                              const std::map<std::string, std::string>& current) {
  for (const auto& name : given) {
    if (!name.starts_with("variant_") || !name.ends_with("_stock")) continue;
    const auto id = current.find(name.substr(0, name.size() - 5) + "id");  // "variant_N_id"
    if (id == current.end() || id->second.empty()) continue;               // a new variant
    if (std::find(given.begin(), given.end(), name + "_seen") == given.end())
      return Error::invalid(
          name + "_seen", "stock_seen_missing",
          name + "_seen is required beside " + name + ": the stock you read (GET gives it)");
  }
  return {};
}

}  // namespace brilliant::vendors
