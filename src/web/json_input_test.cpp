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

}  // namespace brilliant::web
