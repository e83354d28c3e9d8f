#include "core/text.hpp"

#include <gtest/gtest.h>

namespace brilliant {

TEST(Utf8, AcceptsKoreanAndAscii) {
  EXPECT_TRUE(valid_utf8("hello"));
  EXPECT_TRUE(valid_utf8("익산 보석"));
  EXPECT_TRUE(valid_utf8("💍"));
}

TEST(Utf8, RejectsMalformed) {
  EXPECT_FALSE(valid_utf8("\xff"));
  EXPECT_FALSE(valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(valid_utf8("\xe1\x84"));          // truncated
  EXPECT_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}

TEST(Text, LengthCountsCodePoints) {
  EXPECT_EQ(utf8_length("익산"), 2u);
  EXPECT_EQ(utf8_length("ab"), 2u);
}

TEST(Text, TrimAndLower) {
  EXPECT_EQ(trim("  a b \n"), "a b");
  EXPECT_EQ(ascii_lower("MiXeD@Ex.COM"), "mixed@ex.com");
  EXPECT_TRUE(iequals("Content-Type", "content-type"));
  EXPECT_FALSE(iequals("Content-Type", "content-typ"));
}

}  // namespace brilliant
