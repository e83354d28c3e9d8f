#include "media/coach.hpp"

#include <algorithm>
#include <cmath>
#include <vips/vips8>

#include "media/photo_pipeline.hpp"
#include "media/vips_buffer.hpp"

namespace brilliant::media {
using vips::VImage;

namespace {

constexpr int side = 800;
// Limits, calibrated on the test samples (a sharp piece measures hundreds; blurred by sigma 3, under 30).
constexpr double blur_limit = 60, dark_limit = 70, clipped_limit = 0.25, white_limit = 235, cast_limit = 12,
                 small_limit = 0.6, resolution_limit = 1000;

struct Box {
  int left = 0, top = 0, width = 0, height = 0;
};

// The piece: the pixels that differ from the border's colour by more than 40 in any channel (255 in the
// mask), and their box.
VImage piece_mask(const VImage& rgb, const std::vector<double>& border) {
  VImage diff = (rgb - border).abs();
  return (diff.extract_band(0) > 40) | (diff.extract_band(1) > 40) | (diff.extract_band(2) > 40);
}

Box piece_box(const VImage& mask) {
  VImage row_sums;
  VImage column_sums = mask.project(&row_sums);  // per column (w x 1) and per row (1 x h), 255 a pixel
  auto values = [](VImage image) {
    image = image.cast(VIPS_FORMAT_DOUBLE);
    size_t size = 0;
    auto* data = static_cast<double*>(image.write_to_memory(&size));
    std::vector<double> out(data, data + size / sizeof(double));
    g_free(data);
    return out;
  };
  const auto c = values(column_sums), r = values(row_sums);
  auto span = [](const std::vector<double>& v, int& from, int& length) {
    int first = -1, last = -1;
    for (size_t i = 0; i < v.size(); ++i)
      if (v[i] > 255 * 2) {  // more than two pixels: noise is not a piece
        if (first < 0) first = static_cast<int>(i);
        last = static_cast<int>(i);
      }
    from = std::max(first, 0);
    length = first < 0 ? 0 : last - first + 1;
  };
  Box box;
  span(c, box.left, box.width);
  span(r, box.top, box.height);
  return box;
}

}  // namespace

Result<PhotoReport> assess_photo(std::string_view photo, int width, int height) {
  start_libvips();
  PhotoReport report;
  try {
    auto header = VImage::new_from_buffer(photo.data(), photo.size(), "");
    report.width = width > 0 ? width : header.width();
    report.height = height > 0 ? height : header.height();
    VImage rgb = thumbnail_of(photo, side).colourspace(VIPS_INTERPRETATION_sRGB);
    if (rgb.has_alpha())
      rgb = rgb.flatten(VImage::option()->set("background", std::vector<double>{255, 255, 255}));
    if (rgb.bands() > 3) rgb = rgb.extract_band(0, VImage::option()->set("n", 3));
    rgb = rgb.cast(VIPS_FORMAT_UCHAR);
    const int w = rgb.width(), h = rgb.height(), edge = std::max(2, std::min(w, h) / 25);
    // The border: four strips.
    VImage strips[] = {rgb.crop(0, 0, w, edge), rgb.crop(0, h - edge, w, edge), rgb.crop(0, 0, edge, h),
                       rgb.crop(w - edge, 0, edge, h)};
    std::vector<double> border(3, 0);
    for (auto& s : strips)
      for (int b = 0; b < 3; ++b) border[static_cast<size_t>(b)] += s.extract_band(b).avg() / 4;
    report.background = (border[0] + border[1] + border[2]) / 3;
    report.cast =
        *std::max_element(border.begin(), border.end()) - *std::min_element(border.begin(), border.end());
    const VImage mask = piece_mask(rgb, border);
    const Box box = piece_box(mask);
    const bool found = box.width > 0 && box.height > 0;
    report.fill =
        found ? std::max(static_cast<double>(box.width) / w, static_cast<double>(box.height) / h) : 0;
    report.cut_off = found && (box.left <= 1 || box.top <= 1 || box.left + box.width >= w - 1 ||
                               box.top + box.height >= h - 1);
    VImage grey = rgb.colourspace(VIPS_INTERPRETATION_B_W).cast(VIPS_FORMAT_FLOAT);
    // Sharpness over the piece's box (its edges and texture); light over its own pixels only.
    VImage piece = found ? grey.crop(box.left, box.top, box.width, box.height) : grey;
    VImage laplacian = VImage::new_matrixv(3, 3, 0.0, 1.0, 0.0, 1.0, -4.0, 1.0, 0.0, 1.0, 0.0);
    const double deviation =
        piece.conv(laplacian, VImage::option()->set("precision", VIPS_PRECISION_FLOAT)).deviate();
    report.sharpness = deviation * deviation;
    const double share = found ? mask.avg() / 255.0 : 1.0;  // of the frame
    VImage on_piece = found ? mask / 255.0 : VImage::black(w, h) + 1.0;
    report.brightness = (grey * on_piece).avg() / share;
    report.clipped = ((grey >= 250) / 255.0 * on_piece).avg() / share;
  } catch (const vips::VError&) {
    return Error::invalid("photo", "photo_unreadable", "photo is not an image libvips can read");
  }
  auto find = [&](const char* code, bool when, double measure, double limit) {
    if (when) report.findings.push_back({code, measure, limit});
  };
  find("blurry", report.sharpness < blur_limit, report.sharpness, blur_limit);
  find("too_dark", report.brightness < dark_limit, report.brightness, dark_limit);
  find("overexposed", report.clipped > clipped_limit, report.clipped, clipped_limit);
  find("background_not_white", report.background < white_limit || report.cast > cast_limit, report.background,
       white_limit);
  find("piece_too_small", report.fill > 0 && report.fill < small_limit, report.fill, small_limit);
  find("piece_cut_off", report.cut_off, report.fill, 1);
  find("low_resolution", std::min(report.width, report.height) < resolution_limit,
       std::min(report.width, report.height), resolution_limit);
  return report;
}

std::optional<PhotoReport> Coach::of(const StoredPhoto& photo) {
  const Rendition* largest = nullptr;
  for (const auto& r : photo.renditions)
    if (r.format == "jpeg" && r.name != "square" && (!largest || r.width > largest->width)) largest = &r;
  if (!largest) return std::nullopt;
  {
    std::lock_guard lock(mutex_);
    if (auto it = kept_.find(largest->hash); it != kept_.end()) return it->second;
  }
  auto bytes = blobs_.get(largest->hash);
  if (!bytes) return std::nullopt;
  auto report = assess_photo(*bytes, photo.width, photo.height);
  if (!report) return std::nullopt;
  std::lock_guard lock(mutex_);
  if (kept_.size() >= max_kept_) kept_.clear();
  kept_.emplace(largest->hash, *report);
  return *report;
}

std::vector<std::string> missing_views(size_t photos) {
  static const char* views[] = {"front", "side", "back", "detail", "worn"};
  std::vector<std::string> out;
  for (size_t i = photos; i < std::size(views); ++i) out.emplace_back(views[i]);
  return out;
}

}  // namespace brilliant::media
