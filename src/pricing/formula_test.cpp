#include "pricing/formula.hpp"

#include <gtest/gtest.h>

namespace brilliant::pricing {

TEST(Formula, GoldRingWorkedExample) {
  // 3.75 g (one don) of 14K (585) at 100,000 won/g with 10 % loss, 80,000 labour, 20 % margin.
  FormulaInputs in{3750, 585, 100000, 1000, 80000, 0, 2000};
  auto b = formula_price(in);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->metal_cost, 241313);  // 3.75 x 0.585 x 100000 x 1.1 = 241312.5 -> 241313
  EXPECT_EQ(b->price, 385600);       // (241313 + 80000) x 1.2 = 385575.6 -> 385600
  EXPECT_EQ(b->margin, 385600 - 321313);
}

TEST(Formula, RoundsToHundredWon) {
  EXPECT_EQ(round_to_100(149), 100);
  EXPECT_EQ(round_to_100(150), 200);
  EXPECT_EQ(round_to_100(0), 0);
}

TEST(Formula, QuoteChangeMovesThePrice) {
  FormulaInputs in{10000, 750, 100000, 0, 0, 0, 0};
  auto a = formula_price(in);
  in.quote_won_per_g = 110000;
  auto b = formula_price(in);
  EXPECT_EQ(a->price, 750000);
  EXPECT_EQ(b->price, 825000);
}

TEST(Formula, RefusesNonPositiveResultsWithTheReason) {
  FormulaInputs in{1, 1, 1, 0, 0, 0, -5000};
  auto r = formula_price(in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "price_not_positive");
  EXPECT_EQ(formula_price({1000, 750, 0, 0, 0, 0, 0}).error().field, "quote");
  EXPECT_EQ(formula_price({0, 750, 1, 0, 0, 0, 0}).error().field, "weight_mg");
  EXPECT_EQ(formula_price({1000, 750, 1, 0, -5, 0, 0}).error().field, "labour_fee");
  EXPECT_EQ(fixed_price(-100).error().code, "price_not_positive");
  EXPECT_EQ(fixed_price(12345).value().price, 12300);
}

TEST(Formula, NoOverflowOnHeavyPieces) {
  auto b = formula_price({5'000'000, 999, 500'000, 5000, 0, 0, 50000});
  ASSERT_TRUE(b.ok());
  EXPECT_GT(b->price, 0);
}

TEST(Formula, FineWeight) { EXPECT_EQ(fine_weight_mg(3750, 585), 2194); }

}  // namespace brilliant::pricing
