#include "media/packshot.hpp"

#include <malloc.h>

#include <algorithm>
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

// The light divided out and near-white made white (8-bit sRGB), for the region (left, top, width,
// height) of `image`, with the background `planes` fitted over the whole of it.
VImage flatten_light(const VImage& image, const std::vector<std::array<double, 3>>& planes, int left, int top,
                     int width, int height) {
  // Divide the light out: each band over its fitted background, scaled so the background is 255. The
  // three bands' planes are one three-band image, so each step is one pass.
  const double w1 = 1.0 / std::max(1, image.width() - 1), h1 = 1.0 / std::max(1, image.height() - 1);
  VImage xy = VImage::xyz(width, height);
  std::vector<double> a, bx, by;
  for (const auto& p : planes) {
    a.push_back(p[0] + p[1] * left * w1 + p[2] * top * h1);
    bx.push_back(p[1] * w1);
    by.push_back(p[2] * h1);
  }
  VImage bg = xy.extract_band(0).linear(bx, a) +
              xy.extract_band(1).linear(by, std::vector<double>(planes.size(), 0.0));
  bg = (bg < 1.0).ifthenelse(1.0, bg);
  VImage scaled = image.crop(left, top, width, height).cast(VIPS_FORMAT_FLOAT) / bg * 255.0;
  std::vector<VImage> flat_bands{scaled[0], scaled[1], scaled[2]};
  VImage flat = scaled;
  // Near-white becomes white (the background's texture and noise go); the rest keeps its colour.
  VImage lowest = VImage::bandrank(flat_bands, VImage::option()->set("index", 0));
  flat = (lowest >= 236.0).ifthenelse(std::vector<double>{255, 255, 255}, flat);
  return (flat > 255.0).ifthenelse(255.0, flat).cast(VIPS_FORMAT_UCHAR).copy_memory();
}

VImage flatten_light(const VImage& image) {
  return flatten_light(image, background_planes(image), 0, 0, image.width(), image.height());
}

struct Box {
  int left = 0, top = 0, width = 0, height = 0;
};

// The piece: what differs from white.
Result<Box> piece_box(const VImage& flat) {
  // Pixels more than 12 levels from white in any band, as column and row counts (one pass; libvips'
  // find_trim smooths first and costs ten times as much).
  VImage lowest = VImage::bandrank({flat[0], flat[1], flat[2]}, VImage::option()->set("index", 0));
  VImage rows;
  VImage columns = ((lowest < 243.0) / 255).cast(VIPS_FORMAT_UINT).project(&rows);
  auto span = [](const VImage& counts) {
    size_t size = 0;
    auto* data = static_cast<unsigned int*>(counts.write_to_memory(&size));
    const int n = static_cast<int>(size / sizeof(unsigned int));
    int first = -1, last = -1;
    for (int i = 0; i < n; ++i)
      if (data[i] > 1) {  // more than a speck
        if (first < 0) first = i;
        last = i;
      }
    g_free(data);
    return std::pair{first, last};
  };
  const auto [left, right] = span(columns);
  const auto [top, bottom] = span(rows);
  if (left < 0 || top < 0)
    return Error::invalid("photo", "no_piece", "no piece stands out from the background");
  return Box{left, top, right - left + 1, bottom - top + 1};
}

// The piece trimmed and centred on a white square of `side`, its longer side `fill` of it.
Packshot centred(const VImage& flat, const Box& box, int side, double fill, VImage* canvas = nullptr) {
  const double scale = fill * side / std::max(box.width, box.height);
  // Enlarging (a small piece for a big channel) with a linear kernel: as sharp to the eye, twice as quick.
  VImage piece =
      flat.crop(box.left, box.top, box.width, box.height)
          .resize(scale, scale > 1.0 ? VImage::option()->set("kernel", VIPS_KERNEL_LINEAR) : nullptr);
  Packshot out;
  out.side = side;
  out.width = piece.width();
  out.height = piece.height();
  out.left = (side - piece.width()) / 2;
  out.top = (side - piece.height()) / 2;
  VImage square = piece.embed(out.left, out.top, side, side,
                              VImage::option()
                                  ->set("extend", VIPS_EXTEND_BACKGROUND)
                                  ->set("background", std::vector<double>{255, 255, 255}));
  if (canvas)
    *canvas = square;
  else
    out.jpeg = encode_image(square.copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB)),
                            ".jpg", VImage::option()->set("Q", 90)->set("strip", true));
  return out;
}

Error unreadable() {
  return Error::invalid("photo", "not_an_image", "the file is not a photo libvips can read");
}

// The shrink-on-load factor (a power of two) that keeps the longer side at least 1.5 times `largest`, so
// a 24-megapixel photo is never decoded whole for a 2000 px rendition.
int shrink_for(std::string_view photo, int largest) {
  VImage header = VImage::new_from_buffer(photo.data(), photo.size(), "",
                                          VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
  const int longest = std::max(header.width(), header.height());
  int shrink = 1;
  while (shrink < 8 && longest / (shrink * 2) >= largest * 3 / 2) shrink *= 2;
  return shrink;
}

// The photo decoded at 1/shrink (a JPEG by its DCT scaling), upright, in sRGB, streamed top to bottom
// rather than held whole in memory.
VImage streamed(std::string_view photo, int shrink) {
  const char* loader = vips_foreign_find_load_buffer(photo.data(), photo.size());
  const bool jpeg = loader && std::string_view(loader) == "VipsForeignLoadJpegBuffer";
  auto* options =
      VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL)->set("fail_on", VIPS_FAIL_ON_TRUNCATED);
  if (jpeg) options->set("shrink", shrink);
  VImage image = as_srgb(VImage::new_from_buffer(photo.data(), photo.size(), "", options));
  return jpeg || shrink == 1 ? image : image.resize(1.0 / shrink);
}

VImage with_gains(const VImage& image, const std::array<double, 3>& gains) {
  if (gains == std::array<double, 3>{1.0, 1.0, 1.0}) return image;
  return image.linear(std::vector<double>(gains.begin(), gains.end()), std::vector<double>{0, 0, 0})
      .cast(VIPS_FORMAT_UCHAR);
}

}  // namespace

Result<std::vector<Packshot>> make_packshots(std::string_view photo, const std::vector<int>& sides,
                                             double fill, const std::array<double, 3>& gains) {
  VImage small, image;
  try {
    // The piece is found on a small copy (decoded at 1/8 and cheap); then the photo is decoded once more,
    // streamed at the size the largest side needs, and only the piece's region, with a margin, is
    // flattened and kept. Memory stays at a few megabytes whatever the photo's size.
    small = with_gains(as_srgb(thumbnail_of(photo, 480)), gains).copy_memory();
    image = with_gains(
        streamed(photo,
                 shrink_for(photo, sides.empty() ? 1000 : *std::max_element(sides.begin(), sides.end()))),
        gains);
  } catch (const vips::VError&) {
    return unreadable();
  }
  try {
    const auto planes = background_planes(small);
    const auto rough = TRY(piece_box(flatten_light(small, planes, 0, 0, small.width(), small.height())));
    const double sx = static_cast<double>(image.width()) / small.width();
    const double sy = static_cast<double>(image.height()) / small.height();
    const int margin = static_cast<int>(std::ceil(2.0 * std::max(sx, sy)));
    Box box;
    box.left = std::max(0, static_cast<int>(rough.left * sx) - margin);
    box.top = std::max(0, static_cast<int>(rough.top * sy) - margin);
    box.width =
        std::min(image.width(), static_cast<int>((rough.left + rough.width) * sx) + margin) - box.left;
    box.height =
        std::min(image.height(), static_cast<int>((rough.top + rough.height) * sy) + margin) - box.top;
    const VImage region = flatten_light(image, planes, box.left, box.top, box.width, box.height);
    const Box piece{0, 0, region.width(), region.height()};
    std::vector<Packshot> out;
    for (int side : sides) out.push_back(centred(region, piece, side, fill));
    malloc_trim(0);  // hand the photo's buffers back: a studio batch stays flat in memory
    return out;
  } catch (const vips::VError& e) {
    return Error::invalid("photo", "photo_corrupt",
                          std::string("the photo could not be processed: ") + e.what());
  }
}

Result<Packshot> make_packshot(std::string_view photo, int side, double fill,
                               const std::array<double, 3>& gains) {
  auto made = TRY(make_packshots(photo, {side}, fill, gains));
  return std::move(made.front());
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
    const VImage flat = flatten_light(image);
    auto box = piece_box(flat);
    if (!box) return dct_hash(image);
    VImage square;
    centred(flat, *box, 256, 0.85, &square);
    return dct_hash(square);
  } catch (const vips::VError& e) {
    return Error::invalid("photo", "photo_corrupt",
                          std::string("the photo could not be processed: ") + e.what());
  }
}

}  // namespace brilliant::media

namespace brilliant::media {

Result<std::string> square_on_white(std::string_view image, int side, double fill) {
  const int inner = std::max(1, static_cast<int>(side * fill));
  VipsBlob* blob = vips_blob_new(nullptr, image.data(), image.size());
  try {
    // thumbnail draws vector pictures (SVG) at the asked size and shrinks photos on load.
    VImage fitted = as_srgb(VImage::thumbnail_buffer(blob, inner, VImage::option()->set("height", inner)));
    vips_area_unref(VIPS_AREA(blob));
    blob = nullptr;
    const std::vector<double> white{255, 255, 255};
    VImage square =
        fitted.cast(VIPS_FORMAT_UCHAR)
            .embed((side - fitted.width()) / 2, (side - fitted.height()) / 2, side, side,
                   VImage::option()->set("extend", VIPS_EXTEND_BACKGROUND)->set("background", white));
    return encode_image(square, ".jpg", VImage::option()->set("Q", 88)->set("strip", true));
  } catch (const vips::VError&) {
    if (blob) vips_area_unref(VIPS_AREA(blob));
    return unreadable();
  }
}

}  // namespace brilliant::media
