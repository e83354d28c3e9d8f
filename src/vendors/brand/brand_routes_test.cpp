#include "vendors/brand/brand_routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::vendors {
namespace {

boost::json::object parse(const char* text) { return boost::json::parse(text).as_object(); }

TEST(BrandFromJson, ReadsEveryField) {
  auto s = brand_from_json(parse(R"({"name_ko":"익산","name_en":"Iksan","colour_primary":"#111111",
    "colour_accent":"#222222","shipping_fee":3500,"free_shipping_over":0,"remote_surcharge":4000,
    "rates":[{"rate_bp":1500},{"category":"ring","rate_bp":1200},{"workshop_id":7,"category":"ring","rate_bp":800}]})"));
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->name_ko, "익산");
  EXPECT_EQ(s->shipping.fee, 3500);
  EXPECT_EQ(s->shipping.free_over, 0);
  ASSERT_EQ(s->rates.size(), 3u);
  EXPECT_EQ(commission_bp(s->rates, 7, "ring"), 800);
  EXPECT_EQ(commission_bp(s->rates, 8, "ring"), 1200);
  EXPECT_TRUE(check_brand(*s).ok());
}

TEST(BrandFromJson, WrongTypesNameTheField) {
  EXPECT_EQ(brand_from_json(parse(R"({"name_ko":5,"rates":[]})")).error().field, "name_ko");
  EXPECT_EQ(brand_from_json(parse(R"({"shipping_fee":"3000","rates":[]})")).error().field, "shipping_fee");
  EXPECT_EQ(brand_from_json(parse(R"({"name_ko":"a"})")).error().field, "rates");
  EXPECT_EQ(brand_from_json(parse(R"({"rates":[{"rate_bp":"10"}]})")).error().field, "rate_bp");
  EXPECT_EQ(brand_from_json(parse(R"({"rates":[{"rate_bp":10,"workshop_id":"x"}]})")).error().field,
            "workshop_id");
  EXPECT_EQ(brand_from_json(parse(R"({"rates":[{"rate_bp":10,"category":"spaceship"}]})")).error().field,
            "category");
}

}  // namespace
}  // namespace brilliant::vendors
