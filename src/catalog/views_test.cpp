#include "catalog/views.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "catalog/testing.hpp"

namespace brilliant::catalog {

TEST(Views, WonInBothLanguages) {
  EXPECT_EQ(format_won(385600, "ko"), "385,600원");
  EXPECT_EQ(format_won(385600, "en"), "₩385,600");
  EXPECT_EQ(format_won(100, "ko"), "100원");
  EXPECT_EQ(format_won(1000000, "en"), "₩1,000,000");
}

TEST(Views, ApproximateDisplayCurrencies) {
  PriceContext prices;
  prices.rates = {{"USD", 1470000}, {"JPY", 9450}};
  auto out = approximate(1470000, prices);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], "US$1,000.00");
  EXPECT_EQ(out[1], "¥155,556");  // grouped in thousands, as the won price is
}

TEST(Views, CardCarriesLocalizedTitleAndUrl) {
  Card c;
  c.slug = "moon-ring-1";
  c.title_ko = "달빛 반지";
  c.title_en = "Moonlight ring";
  c.metal = "gold";
  c.purity = 585;
  c.colour = "rose";
  c.price = 250000;
  c.image_id = 7;
  Messages t = [](const std::string& key) { return key; };
  auto en = card_json(c, "en", t);
  EXPECT_EQ(en["url"].as_string(), "/en/products/moon-ring-1");
  EXPECT_EQ(en["title"].as_string(), "Moonlight ring");
  EXPECT_EQ(en["image_url"].as_string(), "/media/images/7");
  auto ko = card_json(c, "ko", t);
  EXPECT_EQ(ko["url"].as_string(), "/products/moon-ring-1");
  EXPECT_EQ(ko["price_text"].as_string(), "250,000원");
}

}  // namespace brilliant::catalog

namespace brilliant::catalog {
namespace {

TEST(Views, APieceLimitedPerCustomerSaysSo) {
  Product p;
  p.slug = "limited";
  p.status = ProductStatus::published;
  p.per_customer_limit = 2;
  Workshop w;
  w.name_ko = "공방";
  const auto t = [](const std::string& key) {
    return key == "catalog.per_customer_limit" ? "1인 {{n}}개 한정" : key;
  };
  const auto o = product_json(p, w, "ko", t, {});
  EXPECT_EQ(o.at("per_customer_limit").as_int64(), 2);
  EXPECT_EQ(o.at("limit_text").as_string(), "1인 2개 한정");
  p.per_customer_limit = 0;
  EXPECT_FALSE(product_json(p, w, "ko", t, {}).contains("limit_text"));
}

// A piece with one plain variant (earrings in one size) offers it chosen and calls it "Standard", not by
// its SKU; a piece with sizes offers none chosen; a sold-out single piece is not chosen for the shopper.
TEST(Views, ASoleVariantWithoutSizeIsOfferedChosen) {
  const auto t = [](const std::string& key) { return key == "catalog.product.standard" ? "Standard" : key; };
  Workshop w;
  auto p = sample_ring();
  const auto ring = product_json(p, w, "en", t, {});
  for (const auto& v : ring.at("variants").as_array()) {
    EXPECT_FALSE(v.as_object().contains("checked"));
    EXPECT_NE(v.at("label").as_string(), "Standard");
  }
  EXPECT_FALSE(sole_plain_variant(p));
  p.variants = {{201, "EA-1", 0, 0, 0, "", 0, 4, 379000}};
  ASSERT_TRUE(sole_plain_variant(p));
  auto only = product_json(p, w, "en", t, {}).at("variants").at(0).as_object();
  EXPECT_EQ(only.at("label").as_string(), "Standard");
  EXPECT_TRUE(only.at("checked").as_bool());
  EXPECT_EQ(option_label(p, p.variants.front(), "en", t), "Standard");  // the cart's and the order's word
  EXPECT_EQ(variant_label(p.variants.front(), "en", t), "EA-1");        // where no product is at hand
  p.variants.front().stock = 0;
  EXPECT_FALSE(product_json(p, w, "en", t, {}).at("variants").at(0).as_object().contains("checked"));
  p.made_to_order = true;
  EXPECT_TRUE(product_json(p, w, "en", t, {}).at("variants").at(0).as_object().contains("checked"));
  p.variants.front().length_mm = 450;  // one chain length is still a length a shopper reads
  EXPECT_FALSE(sole_plain_variant(p));
  EXPECT_EQ(product_json(p, w, "en", t, {}).at("variants").at(0).at("label").as_string(), "45 cm");
}

}  // namespace
}  // namespace brilliant::catalog
