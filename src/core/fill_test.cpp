#include "core/fill.hpp"

#include <gtest/gtest.h>

namespace brilliant {

TEST(Fill, EveryPlaceOfEachNameIsFilledAndOthersStay) {
  EXPECT_EQ(fill("{{n}}개 남음, {{n}}!", {{"n", "3"}}), "3개 남음, 3!");
  EXPECT_EQ(fill("{{shown}} of {{total}}", {{"shown", "50"}, {"total", "120"}}), "50 of 120");
  EXPECT_EQ(fill("{{other}} {{n}}", {{"n", "{{n}}"}}), "{{other}} {{n}}");  // a value is not filled again
}

}  // namespace brilliant
