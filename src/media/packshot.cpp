#include "media/packshot.hpp"

#include <array>
#include <cmath>
#include <vips/vips8>

#include "media/vips_buffer.hpp"

namespace brilliant::media {
using vips::VImage;

namespace {

// Per band, the plane a + b*x + c*y (x, y in 0..1) that best fits the border's pixels (least squares
// over the outer 4 % of a small copy): the background's colour and how the light falls across it.
std::vector<std::array<double, 3>> background_planes(const VImage& image) {
  const int small_w = 64;
  const double scale = static_cast<double>(small_w) / image.width();
  VImage small = image.resize(scale, VImage::option()->set("vscale", scale)).cast(VIPS_FORMAT_UCHAR);
  const int w = small.width(), h = small.height(), bands = small.bands();
  size_t size = 0;
  auto* pixels = static_cast<unsigned char*>(small.write_to_memory(&size));
  const int edge = std::max(1, w / 25);
  std::vector<std::array<double, 3>> planes;
  for (int b = 0; b < bands; ++b) {
    // Normal equations for [1, x, y].
    double s[3][3] = {}, t[3] = {};
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        if (x >= edge && x < w - edge && y >= edge && y < h - edge) continue;
        const double v = pixels[(static_cast<size_t>(y) * w + x) * bands + b];
        const double row[3] = {1.0, static_cast<double>(x) / (w - 1), static_cast<double>(y) / (h - 1)};
        for (int i = 0; i < 3; ++i) {
          t[i] += row[i] * v;
          for (int j = 0; j < 3; ++j) s[i][j] += row[i] * row[j];
        }
      }
    // Solve by Cramer's rule (3x3).
    auto det = [](double m[3][3]) {
      return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
             m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
             m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    };
    const double d = det(s);
    std::array<double, 3> coef{255, 0, 0};
    if (std::abs(d) > 1e-9)
      for (int k = 0; k < 3; ++k) {
        double m[3][3];
        for (int i = 0; i < 3; ++i)
          for (int j = 0; j < 3; ++j) m[i][j] = j == k ? t[i] : s[i][j];
        coef[k] = det(m) / d;
      }
    planes.push_back(coef);
  }
  g_free(pixels);
  return planes;
}

}  // namespace

const ChannelSpec* channel_spec(std::string_view channel) {
  for (const auto& spec : channel_specs)
    if (channel == spec.channel) return &spec;
  return nullptr;
}

namespace {

VImage as_srgb(VImage image) {
  image = image.autorot();
  if (image.has_alpha())
    image = image.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}));
  image = image.colourspace(VIPS_INTERPRETATION_sRGB);
  if (image.bands() > 3) image = image.extract_band(0, VImage::option()->set("n", 3));
  return image;
}

struct Centred {
  VImage canvas;
  int left = 0, top = 0, width = 0, height = 0;
};

// The light divided out, near-white made white, the piece trimmed and centred on a square of `side`.
Result<Centred> centre_piece(const VImage& image, int side, double fill) {
  // Divide the light out: each band over its fitted background, scaled so the background is 255.
  const auto planes = background_planes(image);
  VImage xy = VImage::xyz(image.width(), image.height());
  VImage x = xy.extract_band(0).linear(1.0 / std::max(1, image.width() - 1), 0.0);
  VImage y = xy.extract_band(1).linear(1.0 / std::max(1, image.height() - 1), 0.0);
  std::vector<VImage> flat_bands;
  for (int b = 0; b < image.bands(); ++b) {
    const auto& p = planes[b];
    VImage bg = x.linear(p[1], p[0]) + y.linear(p[2], 0.0);
    bg = (bg < 1.0).ifthenelse(1.0, bg);
    flat_bands.push_back(image.extract_band(b).cast(VIPS_FORMAT_FLOAT) / bg * 255.0);
  }
  VImage flat = VImage::bandjoin(flat_bands);
  // Near-white becomes white (the background's texture and noise go); the rest keeps its colour.
  VImage lowest = VImage::bandrank(flat_bands, VImage::option()->set("index", 0));
  flat = (lowest >= 236.0).ifthenelse(std::vector<double>{255, 255, 255}, flat);
  flat = (flat > 255.0).ifthenelse(255.0, flat).cast(VIPS_FORMAT_UCHAR);
  // The piece: what differs from white.
  int top = 0, width = 0, height = 0;
  const int left = flat.find_trim(
      &top, &width, &height,
      VImage::option()->set("threshold", 12.0)->set("background", std::vector<double>{255, 255, 255}));
  if (width <= 0 || height <= 0)
    return Error::invalid("photo", "no_piece", "no piece stands out from the background");
  VImage piece = flat.crop(left, top, width, height);
  piece = piece.resize(fill * side / std::max(width, height));
  Centred out;
  out.width = piece.width();
  out.height = piece.height();
  out.left = (side - piece.width()) / 2;
  out.top = (side - piece.height()) / 2;
  out.canvas = piece.embed(out.left, out.top, side, side,
                           VImage::option()
                               ->set("extend", VIPS_EXTEND_BACKGROUND)
                               ->set("background", std::vector<double>{255, 255, 255}));
  return out;
}

Error unreadable() {
  return Error::invalid("photo", "not_an_image", "the file is not a photo libvips can read");
}

}  // namespace

Result<Packshot> make_packshot(std::string_view photo, int side, double fill,
                               const std::array<double, 3>& gains) {
  VImage image;
  try {
    image = as_srgb(VImage::new_from_buffer(photo.data(), photo.size(), ""));
    if (gains != std::array<double, 3>{1.0, 1.0, 1.0})
      image = image.linear(std::vector<double>(gains.begin(), gains.end()), std::vector<double>{0, 0, 0})
                  .cast(VIPS_FORMAT_UCHAR);
  } catch (const vips::VError&) {
    return unreadable();
  }
  try {
    const auto centred = TRY(centre_piece(image, side, fill));
    Packshot out{"", side, centred.left, centred.top, centred.width, centred.height};
    out.jpeg =
        encode_image(centred.canvas.copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB)),
                     ".jpg", VImage::option()->set("Q", 90)->set("strip", true));
    return out;
  } catch (const vips::VError& e) {
    return Error::invalid("photo", "photo_corrupt",
                          std::string("the photo could not be processed: ") + e.what());
  }
}

Result<uint64_t> piece_hash(std::string_view photo) {
  VImage image;
  try {
    // Shrink on load: the hash looks at 32x32 pixels, so 512 is plenty and a 24 MP photo stays cheap.
    image = as_srgb(thumbnail_of(photo, 512));
  } catch (const vips::VError&) {
    return unreadable();
  }
  try {
    auto centred = centre_piece(image, 256, 0.85);
    return dct_hash(centred ? centred->canvas : image);
  } catch (const vips::VError& e) {
    return Error::invalid("photo", "photo_corrupt",
                          std::string("the photo could not be processed: ") + e.what());
  }
}

}  // namespace brilliant::media
