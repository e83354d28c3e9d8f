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

void free_pixels(VipsImage*, gpointer pixels) { g_free(pixels); }

// The light divided out and near-white made white (8-bit sRGB, in memory), for the region (left, top, width,
// height) of `image`, with the background `planes` fitted over the whole of it. The region is decoded
// once into memory and flattened there in one pass: each band over its fitted background, scaled so the
// background is 255; a pixel whose every band comes out at 236 or more becomes pure white (the
// background's texture and noise go), the rest keeps its colour. (As libvips operations this was
// twenty float images in a chain: three times the time and a few megabytes of buffers more.)
VImage flatten_light(const VImage& image, const std::vector<std::array<double, 3>>& planes, int left, int top,
                     int width, int height) {
  size_t size = 0;
  auto* pixels = static_cast<unsigned char*>(
      image.crop(left, top, width, height).cast(VIPS_FORMAT_UCHAR).write_to_memory(&size));
  const double w1 = 1.0 / std::max(1, image.width() - 1), h1 = 1.0 / std::max(1, image.height() - 1);
  std::vector<float> light(static_cast<size_t>(width) * 3);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x)
      for (int b = 0; b < 3; ++b) {
        const auto& p = planes[b];
        const double bg = p[0] + p[1] * (left + x) * w1 + p[2] * (top + y) * h1;
        light[static_cast<size_t>(x) * 3 + b] = static_cast<float>(255.0 / std::max(1.0, bg));
      }
    unsigned char* row = pixels + static_cast<size_t>(y) * width * 3;
    for (int x = 0; x < width; ++x) {
      unsigned char* px = row + static_cast<size_t>(x) * 3;
      const float* gain = light.data() + static_cast<size_t>(x) * 3;
      const float r = px[0] * gain[0], g = px[1] * gain[1], bl = px[2] * gain[2];
      if (std::min({r, g, bl}) >= 236.0f) {
        px[0] = px[1] = px[2] = 255;
        continue;
      }
      px[0] = static_cast<unsigned char>(std::min(r, 255.0f) + 0.5f);
      px[1] = static_cast<unsigned char>(std::min(g, 255.0f) + 0.5f);
      px[2] = static_cast<unsigned char>(std::min(bl, 255.0f) + 0.5f);
    }
  }
  VImage flat = VImage::new_from_memory(pixels, size, width, height, 3, VIPS_FORMAT_UCHAR);
  g_signal_connect(flat.get_image(), "postclose", G_CALLBACK(free_pixels), pixels);  // the image owns them
  return flat;
}

VImage flatten_light(const VImage& image) {
  return flatten_light(image, background_planes(image), 0, 0, image.width(), image.height());
}

struct Box {
  int left = 0, top = 0, width = 0, height = 0;
};

// The piece: what differs from white. Pixels more than 12 levels from white in any band are counted per
// column and row in one pass over the flattened bytes (libvips' find_trim smooths first and costs ten
// times as much); the piece spans the columns and rows with more than a speck.
Result<Box> piece_box(const VImage& flat) {
  const int w = flat.width(), h = flat.height();
  const auto* pixels = static_cast<const unsigned char*>(flat.data());
  std::vector<int> columns(static_cast<size_t>(w)), rows(static_cast<size_t>(h));
  for (int y = 0; y < h; ++y) {
    const unsigned char* row = pixels + static_cast<size_t>(y) * w * 3;
    for (int x = 0; x < w; ++x, row += 3)
      if (std::min({row[0], row[1], row[2]}) < 243) {
        ++columns[static_cast<size_t>(x)];
        ++rows[static_cast<size_t>(y)];
      }
  }
  auto span = [](const std::vector<int>& counts) {
    int first = -1, last = -1;
    for (int i = 0; i < static_cast<int>(counts.size()); ++i)
      if (counts[static_cast<size_t>(i)] > 1) {
        if (first < 0) first = i;
        last = i;
      }
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
    small = with_gains(as_srgb(thumbnail_of(photo, 480, false)), gains).copy_memory();
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
