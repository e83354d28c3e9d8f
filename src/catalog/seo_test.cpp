#include "catalog/seo.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::catalog {

TEST(Seo, JsonLdCannotCloseItsScript) {
  Product p;
  p.slug = "ring-1";
  p.title_ko = "반지</script><script>alert(1)</script>";
  p.title_en = "Ring";
  p.metal = "gold";
  p.purity = 585;
  p.price = 250000;
  p.variants.push_back({0, "R1", 0, 520, 0, "", 0, 2, 250000});
  Workshop w;
  w.name_ko = "공방";
  auto ld = product_json_ld(p, w, "https://brilliant.example", "ko");
  EXPECT_EQ(ld.find("</script>"), std::string::npos);
  EXPECT_EQ(ld.find_first_of("<>&"), std::string::npos);
  auto parsed = boost::json::parse(ld);
  EXPECT_EQ(parsed.at("offers").at("priceCurrency").as_string(), "KRW");
  EXPECT_EQ(parsed.at("offers").at("availability").as_string(), "https://schema.org/InStock");
  EXPECT_EQ(parsed.at("url").as_string(), "https://brilliant.example/products/ring-1");
}

TEST(Seo, JsonLdCannotOpenACommentThatBlanksThePage) {
  Product p;
  p.slug = "ring-2";
  p.title_ko = "반지";
  p.title_en = "<!--<script> & more";
  p.variants.push_back({0, "R1", 0, 520, 0, "", 0, 2, 250000});
  Workshop w;
  w.name_en = "W <!--<script>";
  auto ld = product_json_ld(p, w, "https://b.example", "en");
  EXPECT_EQ(ld.find("<!--"), std::string::npos);
  EXPECT_EQ(ld.find_first_of("<>&"), std::string::npos);
  EXPECT_EQ(boost::json::parse(ld).at("name").as_string(), "<!--<script> & more");
}

TEST(Seo, SitemapHasBothLanguagesAndEscapes) {
  Snapshot s;
  Card c;
  c.slug = "a-ring";
  s.cards.push_back(c);
  s.workshops.push_back({1, "w&co", "W", "W", "", "", "", "", 0, "active"});
  auto xml = sitemap_xml(s, "https://b.example");
  EXPECT_NE(xml.find("<loc>https://b.example/products/a-ring</loc>"), std::string::npos);
  EXPECT_NE(xml.find("<loc>https://b.example/en/products/a-ring</loc>"), std::string::npos);
  EXPECT_NE(xml.find("/workshops/w&amp;co"), std::string::npos);
  EXPECT_NE(xml.find("hreflang=\"en\""), std::string::npos);
}

TEST(Seo, OpenApiIsValidJson) {
  auto doc = boost::json::parse(openapi_json("https://b.example"));
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  EXPECT_TRUE(doc.at("paths").as_object().contains("/api/v1/products/{slug}"));
}

}  // namespace brilliant::catalog
