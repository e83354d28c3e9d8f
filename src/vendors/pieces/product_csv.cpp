#include "vendors/pieces/product_csv.hpp"

#include "vendors/pieces/piece_spec.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "catalog/rules.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"

namespace brilliant::vendors {
namespace {

using catalog::Product;
using catalog::Stone;
using catalog::Variant;

std::string stones_text(const std::vector<Stone>& stones) {
  std::string out;
  for (const auto& s : stones) {
    if (!out.empty()) out += "; ";
    out += s.kind + ":" + s.origin + ":" + std::to_string(s.count) + ":" + scaled_text(s.carat_x1000, 3);
    const std::vector<std::string> rest{s.shape, s.colour, s.clarity, s.cut, s.lab, s.report_no};
    size_t last = rest.size();
    while (last > 0 && rest[last - 1].empty()) --last;
    for (size_t i = 0; i < last; ++i) out += ":" + rest[i];
  }
  return out;
}

// A piece's cells by column name, as export writes them (repeated on each of its rows), and a variant's.
// The column lists, export and needs_review all come from these two functions.
using Named = std::vector<std::pair<std::string, std::string>>;
Named piece_cells(const Product& p) {
  Named cells{{"product_slug", p.slug}, {"status", to_string(p.status)}};
  for (auto& cell : piece_text_fields(p)) cells.push_back(std::move(cell));
  cells.emplace_back("stones", stones_text(p.stones));
  return cells;
}

Named variant_cells(const Variant& v) {
  const int ho = v.ring_circ_x10 ? catalog::korean_ring_size(v.ring_circ_x10) : 0;
  return {{"sku", v.sku},
          {"ring_circumference_mm", v.ring_circ_x10 ? scaled_text(v.ring_circ_x10, 1) : ""},
          {"ring_size_ko", ho ? std::to_string(ho) : ""},
          {"length_mm", v.length_mm ? std::to_string(v.length_mm) : ""},
          {"variant_colour", v.colour},
          {"variant_weight_g", v.weight_mg ? scaled_text(v.weight_mg, 3) : ""},
          {"stock", std::to_string(v.stock)},
          {"stock_seen", std::to_string(v.stock)},  // what the sheet was made from: see apply_variant_cells
          {"variant_price", std::to_string(v.price)}};
}

std::vector<std::string> names_of(const Named& cells) {
  std::vector<std::string> names;
  for (const auto& [name, value] : cells) names.push_back(name);
  return names;
}

const std::vector<std::string>& product_columns() {
  static const auto names = names_of(piece_cells(Product{}));
  return names;
}

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const auto at = text.find(sep, start);
    out.emplace_back(
        trim(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

Result<std::vector<Stone>> parse_stones(std::string_view text) {
  std::vector<Stone> stones;
  if (trim(text).empty()) return stones;
  for (const auto& item : split(text, ';')) {
    if (item.empty()) continue;
    auto parts = split(item, ':');
    if (parts.size() < 3 || parts.size() > 10)
      return Error::invalid(
          "stones", "stones_invalid",
          "write each stone as kind:origin:count:carat[:shape:colour:clarity:cut:lab:report], "
          "stones separated by ';'");
    parts.resize(10);
    Stone s;
    s.kind = parts[0];
    s.origin = parts[1];
    auto count = read_number(number_spec("stone_count"), parts[2]);
    auto carat = read_number(number_spec("stone_carat"), parts[3]);
    if (!count || !carat)
      return Error::invalid("stones", "stones_invalid",
                            "a stone's count (" + range_text(number_spec("stone_count")) + ") or carat (" +
                                range_text(number_spec("stone_carat")) + ") is not a number: " + item);
    s.count = *count == 0 ? 1 : static_cast<int>(*count);  // as the forms read it
    s.carat_x1000 = static_cast<int>(*carat);
    s.shape = parts[4];
    s.colour = parts[5];
    s.clarity = parts[6];
    s.cut = parts[7];
    s.lab = parts[8];
    s.report_no = parts[9];
    stones.push_back(std::move(s));
  }
  return stones;
}

std::string at_line(int line, const std::string& column, const std::string& message) {
  return "line " + std::to_string(line) + (column.empty() ? "" : ", " + column) + ": " + message;
}

Error line_error(int line, const std::string& column, const std::string& message) {
  return Error::invalid("csv", "csv_row_invalid", at_line(line, column, message));
}

// One data row with its header, for reading cells by column name.
struct Cells {
  const std::map<std::string, size_t>& index;
  const CsvRow& row;
  bool has(const std::string& column) const { return index.contains(column); }
  std::string operator()(const std::string& column) const {
    auto it = index.find(column);
    if (it == index.end() || it->second >= row.fields.size()) return {};
    return csv_value(std::string(trim(row.fields[it->second])));
  }
};

// Reads a cell as the number field `spec` (piece_spec.hpp; the column's own name when empty): keeps
// `current` when the column is absent; an empty cell is 0 unless the field is required.
Result<long long> number_cell(const Cells& cells, const std::string& column, long long current,
                              std::string_view spec = "") {
  if (!cells.has(column)) return current;
  auto value =
      read_number(number_spec(spec.empty() ? std::string_view(column) : spec), cells(column), column);
  if (!value) return line_error(cells.row.line, column, value.error().message);
  return *value;
}

Result<void> apply_product_cells(const Cells& c, Product& p) {
  auto text = [&](const std::string& column, std::string& target) {
    if (c.has(column)) target = c(column);
  };
  text("category", p.category);
  text("title_ko", p.title_ko);
  text("title_en", p.title_en);
  text("story_ko", p.story_ko);
  text("story_en", p.story_en);
  text("care_ko", p.care_ko);
  text("care_en", p.care_en);
  text("tags", p.tags);
  text("metal", p.metal);
  text("colour", p.colour);
  text("plating_metal", p.plating_metal);
  text("plating_process", p.plating_process);
  text("pricing", p.pricing);
  if (p.pricing != "fixed" && p.pricing != "formula")
    return line_error(c.row.line, "pricing", "pricing is fixed or formula");
  if (p.colour.empty()) p.colour = "yellow";
  p.purity = static_cast<int>(TRY(number_cell(c, "purity", p.purity)));
  p.weight_mg = TRY(number_cell(c, "weight_g", p.weight_mg));
  p.plating_microns_x100 = static_cast<int>(TRY(number_cell(c, "plating_microns", p.plating_microns_x100)));
  p.fixed_price = TRY(number_cell(c, "fixed_price", p.fixed_price));
  p.labour_fee = TRY(number_cell(c, "labour_fee", p.labour_fee));
  p.stone_cost = TRY(number_cell(c, "stone_cost", p.stone_cost));
  p.loss_bp = static_cast<int>(TRY(number_cell(c, "loss_pct", p.loss_bp)));
  p.margin_bp = static_cast<int>(TRY(number_cell(c, "margin_pct", p.margin_bp)));
  p.lead_days = static_cast<int>(TRY(number_cell(c, "lead_days", p.lead_days)));
  p.engraving_max_chars = static_cast<int>(TRY(number_cell(c, "engraving_max_chars", p.engraving_max_chars)));
  p.engraving_fee = TRY(number_cell(c, "engraving_fee", p.engraving_fee));
  p.gift_wrap_fee = TRY(number_cell(c, "gift_wrap_fee", p.gift_wrap_fee));
  if (c.has("made_to_order")) {
    const auto v = ascii_lower(c("made_to_order"));
    if (v != "yes" && v != "no" && v != "1" && v != "0" && !v.empty())
      return line_error(c.row.line, "made_to_order", "write yes or no");
    p.made_to_order = v == "yes" || v == "1";
  }
  if (c.has("stones")) {
    auto stones = parse_stones(c("stones"));
    if (!stones) return line_error(c.row.line, "stones", stones.error().message);
    p.stones = std::move(*stones);
  }
  if (p.pricing == "fixed") p.price = p.fixed_price;
  return {};
}

Result<void> apply_variant_cells(const Cells& c, const Product& p, Variant& v) {
  if (c.has("ring_circumference_mm") && !c("ring_circumference_mm").empty()) {
    v.ring_circ_x10 = static_cast<int>(TRY(number_cell(c, "ring_circumference_mm", v.ring_circ_x10)));
  } else if (c.has("ring_size_ko") && !c("ring_size_ko").empty()) {
    const auto ho = TRY(number_cell(c, "ring_size_ko", 0, "ring_size"));
    if (ho < 1) return line_error(c.row.line, "ring_size_ko", "Korean ring sizes are 1 to 35");
    v.ring_circ_x10 = catalog::circumference_for_korean_size(static_cast<int>(ho));
  }
  v.length_mm = static_cast<int>(TRY(number_cell(c, "length_mm", v.length_mm)));
  if (c.has("variant_colour")) v.colour = c("variant_colour");
  v.weight_mg = TRY(number_cell(c, "variant_weight_g", v.weight_mg));
  v.stock = static_cast<int>(TRY(number_cell(c, "stock", v.stock)));
  // An exported sheet carries the stock it was made from: the import changes a variant's stock only if
  // it still is that (a sale since the export is never undone). A sheet without the column sets stock.
  if (c.has("stock_seen") && !c("stock_seen").empty())
    v.stock_seen = static_cast<int>(TRY(number_cell(c, "stock_seen", 0)));
  if (p.pricing == "fixed") {
    v.price = TRY(number_cell(c, "variant_price", v.price));
    if (v.price == 0) v.price = p.fixed_price;
  }
  return {};
}

// The piece's fields as written on a row, to compare a later row of the same piece with its first.
std::vector<std::string> product_cells(const Cells& c) {
  std::vector<std::string> out;
  for (const auto& column : product_columns())
    if (column != "product_slug" && column != "status") out.push_back(c.has(column) ? c(column) : "");
  return out;
}

}  // namespace

const std::vector<std::string>& product_csv_columns() {
  static const std::vector<std::string> all = [] {
    auto v = product_columns();
    const auto variant = names_of(variant_cells(Variant{}));
    v.insert(v.end(), variant.begin(), variant.end());
    return v;
  }();
  return all;
}

std::string products_to_csv(const std::vector<Product>& products) {
  std::string out = "\xEF\xBB\xBF" + csv_line(product_csv_columns());
  for (const auto& p : products) {
    const auto piece = piece_cells(p);
    for (const auto& v : p.variants) {
      std::vector<std::string> row;
      for (const auto& [name, value] : piece) row.push_back(value);
      for (const auto& [name, value] : variant_cells(v)) row.push_back(value);
      out += csv_line(row);
    }
  }
  return out;
}

bool needs_review(const Product& a, const Product& b) {
  // What may change without brand review: stock and prices (the rest is what review checks).
  static const std::set<std::string> free{"status",   "fixed_price", "labour_fee",    "stone_cost",
                                          "loss_pct", "margin_pct",  "engraving_fee", "gift_wrap_fee",
                                          "stock",    "stock_seen",  "variant_price"};
  auto facts = [](const Product& p) {
    std::vector<std::string> f;
    auto keep = [&f](const Named& cells) {
      for (const auto& [name, value] : cells)
        if (!free.contains(name)) f.push_back(value);
    };
    keep(piece_cells(p));
    for (const auto& v : p.variants) keep(variant_cells(v));
    return f;
  };
  return facts(a) != facts(b);
}

namespace {

// The header row: every column known, none twice, product_slug and sku present.
Result<std::map<std::string, size_t>> column_index(const CsvRow& header) {
  std::map<std::string, size_t> index;
  const auto& known = product_csv_columns();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const auto name = ascii_lower(trim(header.fields[i]));
    if (name.empty()) continue;
    if (std::find(known.begin(), known.end(), name) == known.end())
      return line_error(1, name, "unknown column (the export's header lists the columns)");
    if (index.contains(name)) return line_error(1, name, "the column appears twice");
    index[name] = i;
  }
  for (const auto* required : {"product_slug", "sku"})
    if (!index.contains(required)) return line_error(1, required, "this column is required");
  return index;
}

// Checks each piece and sorts it into created or updated; a changed published piece goes back to review.
Result<void> check_and_sort(CsvImport& result, std::map<std::string, Product>& before,
                            std::map<std::string, std::pair<int, std::vector<std::string>>>& first_row) {
  for (auto& p : result.products) {
    if (auto checked = catalog::check_product(p); !checked)
      return line_error(first_row[p.slug].first, checked.error().field, checked.error().message);
    if (p.id == 0) {
      result.created.push_back(p.slug);
    } else {
      result.updated.push_back(p.slug);
      if ((p.status == catalog::ProductStatus::published || p.status == catalog::ProductStatus::in_review) &&
          needs_review(before[p.slug], p)) {
        if (p.status == catalog::ProductStatus::published) result.back_to_review.push_back(p.slug);
        p.status = catalog::ProductStatus::in_review;
      }
    }
  }
  return {};
}

}  // namespace

Result<CsvImport> products_from_csv(std::string_view text, long long workshop_id,
                                    const ProductLookup& lookup) {
  auto rows = TRY(parse_csv(text, 5000));
  if (rows.empty()) return Error::invalid("csv", "csv_empty", "the file has no header row");
  const auto index = TRY(column_index(rows[0]));
  if (rows.size() == 1) return Error::invalid("csv", "csv_empty", "the file has a header but no rows");

  CsvImport result;
  std::map<std::string, size_t> by_slug;  // slug -> position in result.products
  std::map<std::string, std::pair<int, std::vector<std::string>>> first_row;  // slug -> line, cells
  std::map<std::string, Product> before;                                      // existing pieces as they were
  std::map<std::string, int> sku_line;
  for (size_t r = 1; r < rows.size(); ++r) {
    const Cells c{index, rows[r]};
    const int line = rows[r].line;
    const auto slug = ascii_lower(c("product_slug"));
    const auto sku = c("sku");
    if (!catalog::valid_slug(slug))
      return line_error(line, "product_slug", "a slug is 3-80 of a-z, 0-9 and single hyphens");
    if (sku.empty() || sku.size() > 64)
      return line_error(line, "sku", "every row needs a SKU (up to 64 characters)");
    if (auto seen = sku_line.find(sku); seen != sku_line.end())
      return line_error(line, "sku", "SKU " + sku + " is already on line " + std::to_string(seen->second));
    sku_line[sku] = line;
    auto found = by_slug.find(slug);
    if (found == by_slug.end()) {
      Product p;
      if (auto existing = lookup(slug)) {
        if (existing->workshop_id != workshop_id)
          return line_error(line, "product_slug",
                            "the slug " + slug + " is taken by another workshop's piece");
        p = *existing;
        before[slug] = *existing;
      } else {
        p.slug = slug;
        p.workshop_id = workshop_id;
        p.status = catalog::ProductStatus::draft;
      }
      if (auto applied = apply_product_cells(c, p); !applied) return applied.error();
      first_row[slug] = {line, product_cells(c)};
      by_slug[slug] = result.products.size();
      result.products.push_back(std::move(p));
    } else {
      // Later rows of a piece repeat its fields or leave them blank; a different value is a mistake.
      const auto cells = product_cells(c);
      const auto& [first_line, first] = first_row[slug];
      for (size_t i = 0; i < cells.size(); ++i)
        if (!cells[i].empty() && cells[i] != first[i])
          return line_error(line, "",
                            "the piece's fields differ from line " + std::to_string(first_line) +
                                " for the same product_slug");
    }
    Product& p = result.products[by_slug[slug]];
    auto variant =
        std::find_if(p.variants.begin(), p.variants.end(), [&](const Variant& v) { return v.sku == sku; });
    if (variant == p.variants.end()) {
      Variant v;
      v.sku = sku;
      v.position = static_cast<int>(p.variants.size());
      variant = p.variants.insert(p.variants.end(), v);
    }
    if (auto applied = apply_variant_cells(c, p, *variant); !applied) return applied.error();
  }
  TRY(check_and_sort(result, before, first_row));
  return result;
}

}  // namespace brilliant::vendors
