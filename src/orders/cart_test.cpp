#include "orders/cart.hpp"

#include <gtest/gtest.h>

namespace brilliant::orders {
namespace {

catalog::Product ring() {
  catalog::Product p;
  p.id = 7;
  p.status = catalog::ProductStatus::published;
  p.pricing = "formula";
  p.quote_id = 42;
  p.price = 300000;
  p.engraving_max_chars = 10;
  p.engraving_fee = 15000;
  p.gift_wrap_fee = 3000;
  catalog::Variant small;
  small.id = 1;
  small.stock = 2;
  small.price = 310000;
  catalog::Variant large;
  large.id = 2;
  large.stock = 0;
  large.price = 320000;
  p.variants = {small, large};
  return p;
}

TEST(Cart, PricesAVariantWithItsQuote) {
  auto line = price_line(ring(), {.variant_id = 1, .quantity = 2});
  ASSERT_TRUE(line.ok()) << line.error().message;
  EXPECT_EQ(line->unit_price, 310000);
  EXPECT_EQ(line->quote_id, 42);
  EXPECT_EQ(line->options_fee, 0);
  EXPECT_FALSE(line->final_sale);
  EXPECT_EQ(line_total(*line), 620000);
}

TEST(Cart, EngravingAddsItsFeeAndMakesTheLineFinalSale) {
  auto line =
      price_line(ring(), {.variant_id = 1, .quantity = 1, .engraving = "  사랑해 J&M  ", .gift_wrap = true});
  ASSERT_TRUE(line.ok()) << line.error().message;
  EXPECT_EQ(line->engraving, "사랑해 J&M");
  EXPECT_TRUE(line->final_sale);
  EXPECT_TRUE(line->gift_wrap);
  EXPECT_EQ(line->options_fee, 18000);
  EXPECT_EQ(line_total(*line), 328000);
}

TEST(Cart, EngravingCountsCharactersNotBytes) {
  // Ten Hangul syllables are 30 bytes but ten characters: allowed; eleven are not.
  EXPECT_TRUE(price_line(ring(), {.variant_id = 1, .engraving = "가나다라마바사아자차"}).ok());
  auto eleven = price_line(ring(), {.variant_id = 1, .engraving = "가나다라마바사아자차카"});
  ASSERT_FALSE(eleven.ok());
  EXPECT_EQ(eleven.error().field, "engraving");
  EXPECT_EQ(eleven.error().code, "engraving_too_long");
}

TEST(Cart, RefusesWhatTheProductDoesNotOffer) {
  auto plain = ring();
  plain.engraving_max_chars = 0;
  plain.gift_wrap_fee = 0;
  EXPECT_EQ(price_line(plain, {.variant_id = 1, .engraving = "A"}).error().code, "engraving_not_offered");
  EXPECT_EQ(price_line(plain, {.variant_id = 1, .gift_wrap = true}).error().field, "gift_wrap");
  EXPECT_EQ(price_line(ring(), {.variant_id = 1, .engraving = "a\nb"}).error().code, "engraving_invalid");
  EXPECT_EQ(price_line(ring(), {.variant_id = 1, .engraving = "\xff"}).error().code, "engraving_invalid");
}

TEST(Cart, ChecksVariantQuantityAndStock) {
  EXPECT_EQ(price_line(ring(), {.variant_id = 99}).error().field, "variant_id");
  EXPECT_EQ(price_line(ring(), {.variant_id = 1, .quantity = 0}).error().field, "quantity");
  EXPECT_EQ(price_line(ring(), {.variant_id = 1, .quantity = 11}).error().field, "quantity");
  EXPECT_EQ(price_line(ring(), {.variant_id = 1, .quantity = 3}).error().code, "out_of_stock");
  // What the cart holds already counts against stock.
  EXPECT_TRUE(price_line(ring(), {.variant_id = 1, .quantity = 1}, 1).ok());
  EXPECT_EQ(price_line(ring(), {.variant_id = 1, .quantity = 1}, 2).error().code, "out_of_stock");
  EXPECT_EQ(price_line(ring(), {.variant_id = 2}).error().message, "this size is sold out");
}

TEST(Cart, MadeToOrderSellsWithoutStockAndFixedPricesHaveNoQuote) {
  auto p = ring();
  p.made_to_order = true;
  p.pricing = "fixed";
  auto line = price_line(p, {.variant_id = 2, .quantity = 3});
  ASSERT_TRUE(line.ok()) << line.error().message;
  EXPECT_EQ(line->quote_id, 0);
}

TEST(Cart, OnlyPublishedPiecesSell) {
  auto p = ring();
  p.status = catalog::ProductStatus::in_review;
  EXPECT_EQ(price_line(p, {.variant_id = 1}).error().code, "not_for_sale");
}

}  // namespace
}  // namespace brilliant::orders

namespace brilliant::orders {
namespace {

TEST(PurchaseLimitInCart, AShopperCannotPutMoreThanTheLimitInTheCartButABuyerMay) {
  catalog::Product p;
  p.id = 1;
  p.status = catalog::ProductStatus::published;
  p.pricing = "fixed";
  p.fixed_price = p.price = 50000;
  p.per_customer_limit = 2;
  p.variants.push_back({7, "sku-7", 0, 0, 0, "", 0, 100, 50000});
  EXPECT_TRUE(price_line(p, {7, 2, "", false}).ok());
  const auto over = price_line(p, {7, 1, "", false}, 2);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, "purchase_limit");
  EXPECT_EQ(over.error().field, "quantity");
  EXPECT_TRUE(price_line(p, {7, 50, "", false}, 0, 100000).ok());  // wholesale
}

}  // namespace
}  // namespace brilliant::orders
