#include "media/qr.hpp"

#include <gtest/gtest.h>

#include <vips/vips8>

namespace brilliant::media {

TEST(Qr, EncodesALinkAsSvgAndPng) {
  const auto code = qr_encode("https://brilliant.example/certificates/ECO-ABCD-EFGH").value();
  EXPECT_GE(code.size, 21);
  EXPECT_EQ(code.size % 4, 1);  // QR versions are 17 + 4v modules a side
  // The three finder patterns: dark corners.
  EXPECT_TRUE(code.at(0, 0) && code.at(code.size - 1, 0) && code.at(0, code.size - 1));
  const auto svg = qr_svg(code);
  EXPECT_NE(svg.find("viewBox=\"0 0 " + std::to_string(code.size + 8)), std::string::npos);
  const auto png = qr_png(code, 4);
  auto image = vips::VImage::new_from_buffer(png.data(), png.size(), "");
  EXPECT_EQ(image.width(), (code.size + 8) * 4);
  EXPECT_EQ(image.getpoint(0, 0)[0], 255);        // the quiet zone is white
  EXPECT_EQ(image.getpoint(4 * 4, 4 * 4)[0], 0);  // the first module is dark
}

TEST(Qr, RefusesWhatDoesNotFit) {
  EXPECT_EQ(qr_encode("").error().code, "qr_text_empty");
  EXPECT_EQ(qr_encode(std::string(8000, 'x')).error().code, "qr_text_too_long");
}

}  // namespace brilliant::media
