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

TEST(Text, MarkupEscape) {
  EXPECT_EQ(markup_escape("Kim & <Lee> \"J\""), "Kim &amp; &lt;Lee&gt; &quot;J&quot;");
  EXPECT_EQ(markup_escape("김지민"), "김지민");
}

TEST(Text, TrimAndLower) {
  EXPECT_EQ(trim("  a b \n"), "a b");
  EXPECT_EQ(ascii_lower("MiXeD@Ex.COM"), "mixed@ex.com");
  EXPECT_TRUE(iequals("Content-Type", "content-type"));
  EXPECT_FALSE(iequals("Content-Type", "content-typ"));
}

TEST(Text, ScaledNumbersReadAndWriteExactly) {
  EXPECT_EQ(scaled_text(2400, 3), "2.4");
  EXPECT_EQ(scaled_text(50, 2), "0.5");
  EXPECT_EQ(scaled_text(7, 0), "7");
  EXPECT_EQ(scaled_text(-1250, 3), "-1.25");
  EXPECT_EQ(parse_scaled("2.4", 3), 2400);
  EXPECT_EQ(parse_scaled("1,200,000", 0), 1200000);
  EXPECT_EQ(parse_scaled(".5", 2), 50);
  EXPECT_EQ(parse_scaled("3", 3), 3000);
  for (const auto* bad : {"", "2.4567", "-1", "+1", "1e3", "1.2.3", "x", "99999999999999999999"})
    EXPECT_FALSE(parse_scaled(bad, 3).has_value()) << bad;
  for (long long v : {0LL, 1LL, 2450LL, 5000000LL}) EXPECT_EQ(parse_scaled(scaled_text(v, 3), 3), v);
}

TEST(Text, SafeInputRefusesControlsAndBidiOverrides) {
  EXPECT_TRUE(safe_text_input("반지 ring\r\nline\ttab"));
  EXPECT_FALSE(safe_text_input(std::string("a\0b", 3)));
  EXPECT_FALSE(safe_text_input("a\x1b[31mb"));
  EXPECT_FALSE(safe_text_input("a\x7f"));
  EXPECT_FALSE(safe_text_input("a\xc2\x85"));  // U+0085 NEL
  EXPECT_FALSE(
      safe_text_input("a\xe2\x80\xae"
                      "b"));  // U+202E RIGHT-TO-LEFT OVERRIDE
  EXPECT_FALSE(
      safe_text_input("a\xe2\x81\xa6"
                      "b"));  // U+2066 LEFT-TO-RIGHT ISOLATE
  EXPECT_TRUE(
      safe_text_input("a\xe2\x80\x94"
                      "b"));  // U+2014 EM DASH
  EXPECT_TRUE(safe_text_input("café é"));
  EXPECT_TRUE(single_line("금반지 Gold"));
  EXPECT_FALSE(single_line("a\nb"));
  EXPECT_FALSE(single_line("a\rb"));
}

TEST(Text, CutsNeverSplitACodePoint) {
  const std::string word = "반지반지";  // 3 bytes a syllable
  for (size_t n = 0; n <= word.size(); ++n) {
    auto cut = utf8_prefix(word, n);
    EXPECT_TRUE(valid_utf8(cut)) << n;
    EXPECT_EQ(cut.size(), n / 3 * 3) << n;
  }
  EXPECT_EQ(utf8_shorten("반지반지", 2), "반지…");
  EXPECT_EQ(utf8_shorten("반지", 2), "반지");
  EXPECT_EQ(utf8_shorten("ab cd", 3), "ab…");
  // A decomposed syllable (initial + medial jamo) and an accent stay whole.
  EXPECT_EQ(utf8_shorten("\xe1\x84\x80\xe1\x85\xa1\xe1\x84\x80\xe1\x85\xa1", 1), "\xe1\x84\x80\xe1\x85\xa1…");
  EXPECT_EQ(utf8_shorten("e\xcc\x81"
                         "e\xcc\x81",
                         1),
            "e\xcc\x81…");
}

}  // namespace brilliant

namespace brilliant {

TEST(Text, FileNamesLoseFoldersAndControlsAndKeepTheirLetters) {
  EXPECT_EQ(clean_file_name("../../etc/lab results.pdf", "file"), "lab results.pdf");
  EXPECT_EQ(clean_file_name("C:\\scans\\영수증.jpg", "file"), "영수증.jpg");
  EXPECT_EQ(clean_file_name("bad\x01name\x7f.png", "file"), "badname.png");
  EXPECT_EQ(clean_file_name("dir/", "evidence"), "evidence");
  EXPECT_EQ(clean_file_name("\xff\xfe.png", "file"), "file");
  EXPECT_EQ(clean_file_name(std::string(200, 'a'), "file").size(), 120u);
}

TEST(Text, ThousandsSeparators) {
  EXPECT_EQ(thousands(0), "0");
  EXPECT_EQ(thousands(999), "999");
  EXPECT_EQ(thousands(1234567), "1,234,567");
  EXPECT_EQ(thousands(-1234), "-1,234");
}

}  // namespace brilliant
