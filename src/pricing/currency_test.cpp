#include "pricing/currency.hpp"

#include <gtest/gtest.h>

namespace brilliant::pricing {
namespace {

TEST(Currency, ForeignPricesAreRoundedHalfUpAndGroupedInThousands) {
  EXPECT_EQ(foreign_price(1380500, "USD", 1380500), "US$1,000.00");
  EXPECT_EQ(foreign_price(120000, "HKD", 176500), "HK$679.89");  // 679.886… rounds half up
  EXPECT_EQ(foreign_price(379000, "JPY", 9450), "¥40,106");      // 40,105.8: no minor units
  EXPECT_EQ(foreign_price(379000, "CNY", 204500), "CN¥1,853.30");
  EXPECT_EQ(foreign_price(379000, "EUR", 1560800), "€242.82");
  EXPECT_EQ(foreign_price(5, "USD", 1470000), "US$0.00");
  EXPECT_EQ(foreign_price(120000, "KRW", 0), "₩120,000");
  EXPECT_EQ(foreign_price(120000, "THB", 0), "");  // no rate yet
  EXPECT_EQ(foreign_price(120000, "THB", -1), "");
  EXPECT_EQ(foreign_price(120000, "CHF", 1500000), "CHF 80.00");  // no symbol kept here: its code
}

TEST(Currency, WholeUnits) {
  EXPECT_TRUE(whole_units("KRW"));
  EXPECT_TRUE(whole_units("JPY"));
  EXPECT_FALSE(whole_units("USD"));
}

}  // namespace
}  // namespace brilliant::pricing
