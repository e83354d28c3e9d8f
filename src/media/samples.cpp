#include "media/samples.hpp"

#include <vips/vips8>

#include "media/vips_buffer.hpp"

namespace brilliant::media {

std::string sample_piece_photo(int cx, int cy, int size, bool bar, double light, int w, int h) {
  using vips::VImage;
  VImage xy = VImage::xyz(w, h);
  VImage x = xy.extract_band(0), y = xy.extract_band(1);
  VImage lit = x.linear(-24.0 / w, light);
  VImage background = VImage::bandjoin({lit, lit.linear(0.98, 0), lit.linear(0.94, 0)});
  VImage dx = x.linear(1, -cx), dy = y.linear(1, -cy);
  VImage inside = bar ? ((dx.abs() < static_cast<double>(size * 2)) & (dy.abs() < size / 4.0))
                      : (dx * dx + dy * dy) < static_cast<double>(size * size);
  VImage gold = background.new_from_image(std::vector<double>{150, 110, 40});
  VImage image = inside.ifthenelse(gold, background).cast(VIPS_FORMAT_UCHAR);
  return encode_image(image.copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB)), ".jpg",
                      VImage::option()->set("Q", 92));
}

}  // namespace brilliant::media
