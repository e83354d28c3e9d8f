// An image written to memory in the format its suffix names (".png", ".jpg", ".webp"), as a string:
// libvips hands back a g_malloc'd buffer that this copies and frees, so no caller handles g_free.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vips/vips8>

namespace brilliant::media {

inline std::string encode_image(const vips::VImage& image, const char* suffix,
                                vips::VOption* options = nullptr) {
  void* buf = nullptr;
  size_t size = 0;
  image.write_to_buffer(suffix, &buf, &size, options);
  std::string out(static_cast<char*>(buf), size);
  g_free(buf);
  return out;
}

// The image in `bytes` shrunk on load to fit `side` x `side` (never enlarged), upright, decoded into
// memory: truncated files are errors (vips::VError). The bytes are borrowed, not copied. A JPEG is decoded
// with its DCT scaling by the largest power of two that keeps the longer side at least `side` (what
// ImageMagick's -define jpeg:size does), streamed top to bottom through the resize into memory (only
// the result is held whole): five times faster than libvips' thumbnail, which decodes at a larger scale to
// leave room for its own anti-aliasing. With `exact` false a JPEG is left at its DCT scale (up to twice
// `side`): for a copy that is only looked at, that saves the resize.
inline vips::VImage thumbnail_of(std::string_view bytes, int side, bool exact = true) {
  const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  if (loader && std::string_view(loader) == "VipsForeignLoadJpegBuffer") {
    auto header = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "");
    const int longest = std::max(header.width(), header.height());
    int shrink = 1;
    while (shrink < 8 && longest / (shrink * 2) >= side) shrink *= 2;
    auto image = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                               vips::VImage::option()
                                                   ->set("shrink", shrink)
                                                   ->set("access", VIPS_ACCESS_SEQUENTIAL)
                                                   ->set("fail_on", VIPS_FAIL_ON_TRUNCATED))
                     .autorot();
    const int now = std::max(image.width(), image.height());
    if (exact && now > side) image = image.resize(static_cast<double>(side) / now);
    return image.copy_memory();
  }
  VipsBlob* blob = vips_blob_new(nullptr, bytes.data(), bytes.size());
  try {
    auto image = vips::VImage::thumbnail_buffer(blob, side,
                                                vips::VImage::option()
                                                    ->set("height", side)
                                                    ->set("size", VIPS_SIZE_DOWN)
                                                    ->set("option_string", "fail_on=truncated"))
                     .copy_memory();
    vips_area_unref(VIPS_AREA(blob));
    return image;
  } catch (...) {
    vips_area_unref(VIPS_AREA(blob));
    throw;
  }
}

// 64-bit DCT perceptual hash of an image (photo_pipeline.cpp).
uint64_t dct_hash(const vips::VImage& image);

}  // namespace brilliant::media
