#include "media/colour.hpp"

#include <cmath>
#include <cstdio>
#include <vips/vips8>

#include "media/vips_buffer.hpp"

namespace brilliant::media {
using vips::VImage;

Result<ColourCheck> check_grey_card(std::string_view photo) {
  VImage rgb;
  try {
    rgb = thumbnail_of(photo, 400).colourspace(VIPS_INTERPRETATION_sRGB);
    if (rgb.bands() > 3) rgb = rgb.extract_band(0, VImage::option()->set("n", 3));
  } catch (const vips::VError&) {
    return Error::invalid("photo", "not_an_image", "the file is not a photo libvips can read");
  }
  VImage lab = rgb.colourspace(VIPS_INTERPRETATION_LAB);
  VImage l = lab[0], a = lab[1], b = lab[2];
  // The card: mid-grey, nearly without colour (a cast moves it a little), and flat (its neighbourhood
  // varies little), which leaves out the piece's shadows and edges.
  VImage flat = (l - l.gaussblur(2.0)).abs() < 2.0;
  VImage mask = (l > 30.0) & (l < 75.0) & ((a * a + b * b) < 20.0 * 20.0) & flat;
  ColourCheck out;
  const double pixels = static_cast<double>(rgb.width()) * rgb.height();
  const double hits = mask.avg() / 255.0 * pixels;
  out.share = hits / pixels;
  if (out.share < 0.02) return out;
  out.card = true;
  VImage on = mask / 255.0;  // 1 on the card, 0 elsewhere
  out.a = (a * on).avg() * pixels / hits;
  out.b = (b * on).avg() * pixels / hits;
  std::array<double, 3> mean{};
  for (int band = 0; band < 3; ++band)
    mean[static_cast<size_t>(band)] = (rgb[band].cast(VIPS_FORMAT_DOUBLE) * on).avg() * pixels / hits;
  const double grey = (mean[0] + mean[1] + mean[2]) / 3.0;
  for (size_t i = 0; i < 3; ++i) out.gains[i] = mean[i] > 1.0 ? grey / mean[i] : 1.0;
  return out;
}

std::string describe(const ColourCheck& check) {
  if (!check.card) return "";
  char text[80];
  const char* tone = !check.cast() ? "neutral" : check.b > 0 ? "warm" : "cool";
  std::snprintf(text, sizeof text, "a %+.1f, b %+.1f (%s)", check.a, check.b, tone);
  return text;
}

}  // namespace brilliant::media
