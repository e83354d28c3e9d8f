#include "print/pdf.hpp"

#include <gtest/gtest.h>

namespace brilliant::print {

TEST(Pdf, WritesAPdfWithTheTextSetAndAQrCode) {
  Pdf pdf(a4_long, a4_short, "수료증");
  const double h = pdf.text(60, 60, 700, "수료증 Certificate of Completion", {.size = 28, .bold = true});
  EXPECT_GT(h, 28);  // one line of 28-point type is taller than its size
  const double two = pdf.text(60, 120, 80, "a long line that has to wrap inside eighty points", {});
  EXPECT_GT(two, 2 * 11);  // wrapped onto several lines
  pdf.line(60, 200, 700, 200, 1, {0.7, 0.6, 0.3});
  pdf.frame(20, 20, 800, 555, 2, {0, 0, 0});
  auto code = media::qr_encode("https://brilliant.example/academy/certificates/AC-7K2M-Q9PX");
  ASSERT_TRUE(code.ok());
  pdf.qr(700, 450, 100, *code);
  const auto bytes = pdf.finish();
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
  EXPECT_NE(bytes.find("%%EOF"), std::string::npos);
  EXPECT_TRUE(pdf.finish().empty());  // finished once
}

}  // namespace brilliant::print
