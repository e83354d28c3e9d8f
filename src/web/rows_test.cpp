#include "web/rows.hpp"

#include <boost/json.hpp>

#include <gtest/gtest.h>

namespace brilliant::web {
namespace {

TEST(Rows, TheRefusedRowKeepsWhatWasTypedAndNoOtherDoes) {
  auto rows = boost::json::parse(R"([{"id":1},{"id":2},"not a row",{"id":"2"}])").as_array();
  EXPECT_TRUE(keep_in_row(rows, "id", 2, {{"typed", "고리 교체"}, {"row_error", "too long"}}));
  EXPECT_FALSE(rows[0].as_object().contains("typed"));
  EXPECT_EQ(rows[1].at("typed").as_string(), "고리 교체");
  EXPECT_EQ(rows[1].at("row_error").as_string(), "too long");
  EXPECT_FALSE(rows[3].as_object().contains("typed"));  // "2" is not 2
  EXPECT_FALSE(keep_in_row(rows, "id", 9, {{"typed", "x"}}));
}

}  // namespace
}  // namespace brilliant::web
