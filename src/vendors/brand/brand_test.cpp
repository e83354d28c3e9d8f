#include "vendors/brand/brand.hpp"

#include <gtest/gtest.h>

namespace brilliant::vendors {
namespace {

const std::vector<CommissionRate> rates = {
    {0, "", 1500},      // default 15 %
    {0, "ring", 1200},  // rings 12 %
    {7, "", 1000},      // workshop 7: 10 %
    {7, "ring", 800},   // workshop 7's rings: 8 %
};

TEST(Commission, TheMostSpecificRateWins) {
  EXPECT_EQ(commission_bp(rates, 7, "ring"), 800);       // workshop + category
  EXPECT_EQ(commission_bp(rates, 7, "necklace"), 1000);  // workshop
  EXPECT_EQ(commission_bp(rates, 9, "ring"), 1200);      // category
  EXPECT_EQ(commission_bp(rates, 9, "necklace"), 1500);  // default
}

TEST(Commission, OrderOfRatesDoesNotMatter) {
  auto reversed = std::vector<CommissionRate>(rates.rbegin(), rates.rend());
  for (long long w : {7, 9})
    for (const char* c : {"ring", "necklace", "brooch"})
      EXPECT_EQ(commission_bp(reversed, w, c), commission_bp(rates, w, c)) << w << " " << c;
}

TEST(Commission, NoRateAtAllIsSaid) {
  EXPECT_FALSE(commission_bp({}, 7, "ring").has_value());
  EXPECT_FALSE(commission_bp({{3, "", 900}}, 7, "ring").has_value());
}

TEST(Commission, WonRoundHalfUp) {
  EXPECT_EQ(commission_won(100'000, 1250), 12'500);
  EXPECT_EQ(commission_won(33'333, 1000), 3'333);  // 3,333.3
  EXPECT_EQ(commission_won(5, 1000), 1);           // 0.5 rounds up
  EXPECT_EQ(commission_won(0, 1500), 0);
}

TEST(Shipping, FreeOverTheThresholdAndIslandsPayMore) {
  ShippingRules rules{3000, 50000, 3000};
  EXPECT_EQ(shipping_fee(rules, 49'999, false), 3000);
  EXPECT_EQ(shipping_fee(rules, 50'000, false), 0);
  EXPECT_EQ(shipping_fee(rules, 50'000, true), 3000);
  EXPECT_EQ(shipping_fee(rules, 10'000, true), 6000);
  rules.free_over = 0;  // never free
  EXPECT_EQ(shipping_fee(rules, 10'000'000, false), 3000);
}

TEST(Brand, ChecksNamesColoursFeesAndRates) {
  BrandSettings s;
  s.rates = {{0, "", 1500}};
  EXPECT_TRUE(check_brand(s).ok());
  auto bad = s;
  bad.colour_accent = "gold";
  EXPECT_EQ(check_brand(bad).error().field, "colour_accent");
  bad = s;
  bad.colour_primary = "#12345g";
  EXPECT_EQ(check_brand(bad).error().field, "colour_primary");
  bad = s;
  bad.name_en = "  ";
  EXPECT_EQ(check_brand(bad).error().field, "name_en");
  // Names count characters, as the form's maxlength="80" does: 80 syllables (240 bytes) fit, 81 do not.
  bad = s;
  bad.name_ko.clear();
  for (int i = 0; i < 80; ++i) bad.name_ko += "빛";
  EXPECT_TRUE(check_brand(bad).ok());
  bad.name_ko += "빛";
  EXPECT_EQ(check_brand(bad).error().field, "name_ko");
  bad = s;
  bad.shipping.fee = -1;
  EXPECT_EQ(check_brand(bad).error().field, "shipping_fee");
  bad = s;
  bad.rates.push_back({0, "ring", 5001});
  EXPECT_EQ(check_brand(bad).error().code, "rate_range");
  bad = s;
  bad.rates.push_back({0, "", 1000});
  EXPECT_EQ(check_brand(bad).error().code, "rate_duplicate");
  bad = s;
  bad.rates = {{0, "ring", 1000}};
  EXPECT_EQ(check_brand(bad).error().field, "default_rate");
}

}  // namespace
TEST(Brand, TheDeepAccentReadsOnEveryLightBackground) {
  EXPECT_NEAR(contrast_ratio("#000000", "#ffffff"), 21.0, 0.01);
  EXPECT_NEAR(contrast_ratio("#ffffff", "#ffffff"), 1.0, 0.01);
  for (const char* accent : {"#b08a3e", "#ffcc00", "#a3322b", "#1d1b22", "#ffffff"}) {
    const auto deep = readable_accent(accent);
    EXPECT_TRUE(valid_colour(deep)) << accent;
    for (const char* background : {"#f3e9d2", "#f4efe6", "#fbf8f3", "#ffffff"})
      EXPECT_GE(contrast_ratio(deep, background), 4.5) << accent << " on " << background;
  }
  EXPECT_EQ(readable_accent("#1d1b22"), "#1d1b22");  // dark enough already: unchanged
}

}  // namespace brilliant::vendors
