#include "core/checks.hpp"

#include <gtest/gtest.h>

namespace brilliant {
namespace {

std::string repeated(const std::string& piece, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += piece;
  return out;
}

TEST(CheckText, CountsCharactersAsABrowsersMaxlengthDoes) {
  // 10 Korean syllables are 30 bytes: within a limit of 10 characters, as the form's maxlength="10" lets
  // them through; the 11th is refused, naming the field.
  EXPECT_TRUE(check_text("note", repeated("반", 10), false, 10));
  const auto over = check_text("note", repeated("반", 11), false, 10);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().field, "note");
  EXPECT_EQ(over.error().code, "note_too_long");
  EXPECT_NE(over.error().message.find("10 characters"), std::string::npos);
  EXPECT_TRUE(check_text("note", std::string(10, 'a'), false, 10));
  EXPECT_FALSE(check_text("note", std::string(11, 'a'), false, 10));
}

TEST(CheckText, RefusesBlankWhenRequiredAndBrokenText) {
  EXPECT_EQ(check_text("reason", "  ", true).error().code, "reason_required");
  EXPECT_TRUE(check_text("reason", "", false));
  EXPECT_EQ(check_text("reason", "\xff\xfe", false).error().code, "utf8_invalid");
  // Broken text is refused as broken even when it is also long.
  EXPECT_EQ(check_text("reason", std::string(30, '\xff'), false, 10).error().code, "utf8_invalid");
}

}  // namespace
}  // namespace brilliant
