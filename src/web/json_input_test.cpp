#include "web/json_input.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

TEST(JsonInput, ObjectsOnlyWithNamedErrors) {
  EXPECT_TRUE(parse_json_object(R"({"a":"b"})").ok());
  EXPECT_EQ(parse_json_object("[1,2]").error().code, "json_not_object");
  EXPECT_EQ(parse_json_object("{oops").error().field, "body");
  auto object = parse_json_object(R"({"name":"김지민","age":5,"none":null})").value();
  EXPECT_EQ(json_string(object, "name").value(), "김지민");
  EXPECT_EQ(json_string(object, "missing").value(), "");
  EXPECT_EQ(json_string(object, "none").value(), "");
  EXPECT_EQ(json_string(object, "age").error().field, "age");
}

TEST(JsonInput, WholeNumbersAreReadWithAFallbackAndRefusedNamingTheField) {
  auto object = parse_json_object(R"({"quantity":12,"none":null,"price":"12","share":1.5})").value();
  EXPECT_EQ(json_int(object, "quantity", 1).value(), 12);
  EXPECT_EQ(json_int(object, "missing", 7).value(), 7);
  EXPECT_EQ(json_int(object, "none", 3).value(), 3);
  EXPECT_EQ(json_int(object, "price", 0).error().field, "price");
  EXPECT_EQ(json_int(object, "share", 0).error().code, "number_invalid");
}

TEST(JsonInput, TrueOrFalseIsReadWithAFallbackAndAnythingElseRefusedNamingTheField) {
  auto object = parse_json_object(R"({"wrap":true,"send":false,"none":null,"yes":"yes","one":1})").value();
  EXPECT_TRUE(json_bool(object, "wrap", false).value());
  EXPECT_FALSE(json_bool(object, "send", true).value());
  EXPECT_TRUE(json_bool(object, "missing", true).value());
  EXPECT_FALSE(json_bool(object, "none", false).value());
  EXPECT_EQ(json_bool(object, "yes", false).error().field, "yes");
  EXPECT_EQ(json_bool(object, "one", false).error().code, "boolean_invalid");
}

TEST(JsonInput, ControlCharactersAnywhereAreRefusedNamingTheMember) {
  auto top = parse_json_object(R"({"q":"a\u0000b"})");
  ASSERT_FALSE(top.ok());
  EXPECT_EQ(top.error().field, "q");
  auto deep = parse_json_object(R"({"variants":[{"size":"ok"},{"size":"a\u202Eb"}]})");
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error().field, "variants.1.size");
  EXPECT_TRUE(parse_json_object(R"({"story":"line\r\nline"})").ok());
}

}  // namespace brilliant::web
