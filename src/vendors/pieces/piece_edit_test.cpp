#include "vendors/pieces/piece_edit.hpp"

#include <gtest/gtest.h>

#include "catalog/rules.hpp"
#include "catalog/testing.hpp"
#include "vendors/pieces/product_csv.hpp"

namespace brilliant::vendors {
namespace {

catalog::Product sample_piece() { return catalog::sample_ring(); }

struct Form {
  std::map<std::string, std::string> values;
  Fields fields() const {
    return [this](const std::string& k) {
      auto it = values.find(k);
      return it == values.end() ? std::string() : it->second;
    };
  }
};

}  // namespace

TEST(PieceEdit, TheFormOfAPieceGivesThePieceBack) {
  const auto p = sample_piece();
  Form form{piece_fields(p, 2)};
  auto back = edited_piece(form.fields(), p);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_FALSE(needs_review(p, *back));
  EXPECT_EQ(products_to_csv({*back}), products_to_csv({p}));  // every field, by the CSV's eyes
}

TEST(PieceEdit, AddsStonesAndVariantsFromBlankRowsAndEditsInPlace) {
  const auto p = sample_piece();
  Form form{piece_fields(p, 2)};
  form.values["stone_1_kind"] = "sapphire";
  form.values["stone_1_origin"] = "lab_grown";
  form.values["stone_1_count"] = "2";
  form.values["stone_1_carat"] = "0.05";
  form.values["variant_2_sku"] = "DR-15";
  form.values["variant_2_ring_size"] = "15";
  form.values["variant_2_stock"] = "1";
  form.values["variant_0_stock"] = "9";
  form.values["plating_process"] = "electroplated";
  auto edited = edited_piece(form.fields(), p);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  ASSERT_EQ(edited->stones.size(), 2u);
  EXPECT_EQ(edited->stones[1].carat_x1000, 50);
  ASSERT_EQ(edited->variants.size(), 3u);
  EXPECT_EQ(edited->variants[0].id, 101);
  EXPECT_EQ(edited->variants[0].stock, 9);
  EXPECT_EQ(edited->variants[2].id, 0);
  EXPECT_EQ(edited->variants[2].ring_circ_x10, catalog::circumference_for_korean_size(15));
  EXPECT_TRUE(needs_review(p, *edited));
}

TEST(PieceEdit, ErrorsNameTheRowField) {
  const auto p = sample_piece();
  auto error_of = [&](const std::string& key, const std::string& value) {
    Form form{piece_fields(p, 1)};
    form.values[key] = value;
    auto r = edited_piece(form.fields(), p);
    return r.ok() ? std::string("ok") : r.error().field;
  };
  EXPECT_EQ(error_of("variant_1_stock", "-1"), "variant_1_stock");
  EXPECT_EQ(error_of("variant_0_ring_size", "40"), "variant_0_ring_size");
  EXPECT_EQ(error_of("stone_0_origin", ""), "stone_0_origin");
  EXPECT_EQ(error_of("weight_g", "heavy"), "weight_g");
  EXPECT_EQ(error_of("purity", "600"), "purity");
  EXPECT_EQ(error_of("pricing", "auction"), "pricing");
  EXPECT_EQ(error_of("variant_0_id", "999"), "");  // another piece's variant: not found
  Form fixed{piece_fields(p, 0)};
  fixed.values["pricing"] = "fixed";
  fixed.values["fixed_price"] = "500";
  EXPECT_EQ(edited_piece(fixed.fields(), p).error().field, "fixed_price");
}

TEST(PieceEdit, AnApiStockChangeOfAnExistingVariantSaysWhatItWasChangedFrom) {
  const std::map<std::string, std::string> current{{"variant_0_id", "7"}, {"variant_1_id", ""}};
  auto missing = check_stock_seen({"title_en", "variant_0_stock"}, current);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "variant_0_stock_seen");
  EXPECT_TRUE(check_stock_seen({"variant_0_stock", "variant_0_stock_seen"}, current).ok());
  EXPECT_TRUE(check_stock_seen({"variant_1_stock"}, current).ok());  // a new row: nothing was seen
  EXPECT_TRUE(check_stock_seen({"variant_0_price"}, current).ok());
}

}  // namespace brilliant::vendors

namespace brilliant::vendors {

TEST(PieceEdit, APerCustomerLimitIsAWholeNumberUpToAHundredOrNone) {
  auto p = sample_piece();
  p.per_customer_limit = 2;
  Form form{piece_fields(p, 0)};
  EXPECT_EQ(form.values.at("per_customer_limit"), "2");
  EXPECT_EQ(edited_piece(form.fields(), p)->per_customer_limit, 2);
  form.values["per_customer_limit"] = "";
  EXPECT_EQ(edited_piece(form.fields(), p)->per_customer_limit, 0);
  form.values["per_customer_limit"] = "101";
  EXPECT_EQ(edited_piece(form.fields(), p).error().field, "per_customer_limit");
}

}  // namespace brilliant::vendors
