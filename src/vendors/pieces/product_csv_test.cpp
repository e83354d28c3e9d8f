#include "vendors/pieces/product_csv.hpp"

#include <gtest/gtest.h>

#include <map>

#include "catalog/rules.hpp"
#include "catalog/testing.hpp"
#include "core/csv.hpp"

namespace brilliant::vendors {
namespace {

using catalog::Product;

Product necklace() {
  Product p;
  p.id = 12;
  p.workshop_id = 3;
  p.slug = "star-chain-b2";
  p.status = catalog::ProductStatus::draft;
  p.category = "necklace";
  p.title_ko = "별 목걸이";
  p.title_en = "Star Chain";
  p.metal = "silver";
  p.purity = 925;
  p.colour = "white";
  p.weight_mg = 4000;
  p.pricing = "fixed";
  p.fixed_price = 89000;
  p.price = 89000;
  p.made_to_order = true;
  p.lead_days = 10;
  p.variants = {{201, "SC-40", 0, 0, 400, "", 0, 5, 89000}, {202, "SC-45", 1, 0, 450, "", 0, 2, 95000}};
  return p;
}

struct Shelf {
  std::map<std::string, Product> products;
  ProductLookup lookup() const {
    return [this](const std::string& slug) -> std::optional<Product> {
      auto it = products.find(slug);
      if (it == products.end()) return std::nullopt;
      return it->second;
    };
  }
};

// Replaces one cell (by column name) on the n-th data row of an export.
std::string with_cell(const std::string& csv, size_t data_row, const std::string& column,
                      const std::string& value) {
  auto rows = parse_csv(csv);
  const auto& columns = product_csv_columns();
  const auto at = std::find(columns.begin(), columns.end(), column) - columns.begin();
  std::string out;
  for (size_t i = 0; i < rows->size(); ++i) {
    auto fields = (*rows)[i].fields;
    if (i == data_row) fields[at] = value;
    out += csv_line(fields);
  }
  return out;
}

}  // namespace

TEST(ProductCsv, ExportThenImportChangesNothing) {
  Shelf shelf{{{"moon-ring-a1", catalog::sample_ring()}, {"star-chain-b2", necklace()}}};
  const auto csv = products_to_csv({catalog::sample_ring(), necklace()});
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFproduct_slug,status,category"));
  auto imported = products_from_csv(csv, 3, shelf.lookup());
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_TRUE(imported->created.empty());
  EXPECT_EQ(imported->updated, (std::vector<std::string>{"moon-ring-a1", "star-chain-b2"}));
  EXPECT_TRUE(imported->back_to_review.empty());
  EXPECT_EQ(products_to_csv(imported->products), csv);
  EXPECT_EQ(imported->products[0].variants[0].id, 101);  // variants keep their ids (carts point at them)
  EXPECT_EQ(imported->products[0].status, catalog::ProductStatus::published);
}

TEST(ProductCsv, StockAndPriceEditsKeepAPublishedPieceOnSaleOtherEditsSendItToReview) {
  Shelf shelf{{{"moon-ring-a1", catalog::sample_ring()}}};
  const auto csv = products_to_csv({catalog::sample_ring()});
  auto stock = products_from_csv(with_cell(csv, 1, "stock", "9"), 3, shelf.lookup());
  ASSERT_TRUE(stock.ok()) << stock.error().message;
  EXPECT_EQ(stock->products[0].variants[0].stock, 9);
  EXPECT_EQ(stock->products[0].status, catalog::ProductStatus::published);
  auto title = products_from_csv(
      with_cell(with_cell(csv, 1, "title_en", "Moon Ring"), 2, "title_en", "Moon Ring"), 3, shelf.lookup());
  ASSERT_TRUE(title.ok()) << title.error().message;
  EXPECT_EQ(title->back_to_review, (std::vector<std::string>{"moon-ring-a1"}));
  EXPECT_EQ(title->products[0].status, catalog::ProductStatus::in_review);
}

TEST(ProductCsv, NewRowsMakeDraftsAndNewVariants) {
  Shelf shelf;
  const auto csv =
      "product_slug,category,title_ko,title_en,metal,purity,weight_g,pricing,labour_fee,sku,ring_size_ko,"
      "stock\n"
      "sun-ring-c3,ring,해 반지,Sun Ring,gold,750,3.2,formula,\"120,000\",SR-9,9,2\n"
      "sun-ring-c3,,,,,,,,,SR-11,11,1\n";
  auto imported = products_from_csv(csv, 3, shelf.lookup());
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  ASSERT_EQ(imported->created, (std::vector<std::string>{"sun-ring-c3"}));
  const auto& p = imported->products[0];
  EXPECT_EQ(p.id, 0);
  EXPECT_EQ(p.status, catalog::ProductStatus::draft);
  EXPECT_EQ(p.workshop_id, 3);
  EXPECT_EQ(p.weight_mg, 3200);
  EXPECT_EQ(p.labour_fee, 120000);
  ASSERT_EQ(p.variants.size(), 2u);
  EXPECT_EQ(p.variants[1].ring_circ_x10, catalog::circumference_for_korean_size(11));
}

TEST(ProductCsv, MistakesNameTheLineAndColumnAndNothingIsImported) {
  Shelf shelf{{{"moon-ring-a1", catalog::sample_ring()}}};
  const auto csv = products_to_csv({catalog::sample_ring()});
  auto message = [&](const std::string& text) {
    auto r = products_from_csv(text, 3, shelf.lookup());
    EXPECT_FALSE(r.ok());
    if (r.ok()) return std::string();
    EXPECT_EQ(r.error().field, "csv");
    return r.error().message;
  };
  EXPECT_EQ(message(with_cell(csv, 1, "purity", "about 585")),
            "line 2, purity: purity must be a number from 1 to 1000 ‰");
  EXPECT_EQ(message(with_cell(csv, 1, "weight_g", "2.4567")),
            "line 2, weight_g: weight_g must be a number from 0.001 to 5000 g");
  // The first row's story holds a line break, so the second row starts on line 4.
  EXPECT_EQ(message(with_cell(csv, 2, "sku", "MR-11")), "line 4, sku: SKU MR-11 is already on line 2");
  EXPECT_EQ(message(with_cell(csv, 2, "title_ko", "다른 이름")),
            "line 4: the piece's fields differ from line 2 for the same product_slug");
  EXPECT_EQ(message(with_cell(with_cell(csv, 1, "purity", "600"), 2, "purity", "600")),
            "line 2, purity: purity 600 is not sold for gold");
  EXPECT_EQ(message(with_cell(csv, 1, "stones", "diamond:natural")).substr(0, 16), "line 2, stones: ");
  EXPECT_EQ(message("product_slug,sku,purty\nmoon-ring-a1,MR-11,585\n"),
            "line 1, purty: unknown column (the export's header lists the columns)");
  EXPECT_EQ(message("product_slug,title_en\n"), "line 1, sku: this column is required");
  EXPECT_EQ(message("product_slug,sku\n"), "the file has a header but no rows");
  EXPECT_EQ(message("product_slug,sku\nBad Slug!,X\n"),
            "line 2, product_slug: a slug is 3-80 of a-z, 0-9 and single hyphens");
  // Another workshop's piece cannot be reached through its slug.
  auto theirs = catalog::sample_ring();
  theirs.workshop_id = 4;
  Shelf other{{{"moon-ring-a1", theirs}}};
  auto refused = products_from_csv(csv, 3, other.lookup());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "line 2, product_slug: the slug moon-ring-a1 is taken by another workshop's piece");
}

}  // namespace brilliant::vendors
