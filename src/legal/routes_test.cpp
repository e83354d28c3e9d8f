#include "legal/routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::legal {
namespace {

boost::json::object parse(const char* text) { return boost::json::parse(text).as_object(); }

TEST(BusinessFromJson, ReadsEveryFieldAndTheArrangement) {
  auto b =
      business_from_json(parse(R"({"company":"상호","representative":"대표","registration_no":"120-81-47521",
    "mail_order_no":"제1호","address":"익산","phone":"063","email":"a@b.kr","hosting":"자체",
    "privacy_officer":"책임자","privacy_email":"p@b.kr","processors":"택배: 배송","arrangement":"seller"})"));
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->company, "상호");
  EXPECT_EQ(b->processors, "택배: 배송");
  EXPECT_EQ(b->arrangement, Arrangement::seller);
  EXPECT_TRUE(check_business(*b));
}

TEST(BusinessFromJson, WrongTypesAndChoicesNameTheField) {
  EXPECT_EQ(business_from_json(parse(R"({"company":5})")).error().field, "company");
  EXPECT_EQ(business_from_json(parse(R"({"arrangement":"broker"})")).error().field, "arrangement");
  EXPECT_EQ(business_from_json(parse(R"({"arrangement":1})")).error().field, "arrangement");
  EXPECT_EQ(business_from_json(parse(R"({})"))->arrangement, Arrangement::mediator);
}

}  // namespace
}  // namespace brilliant::legal
