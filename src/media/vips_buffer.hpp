// An image written to memory in the format its suffix names (".png", ".jpg", ".webp"), as a string:
// libvips hands back a g_malloc'd buffer that this copies and frees, so no caller handles g_free.
#pragma once
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

// The image in `bytes` shrunk on load to fit `side` x `side` (never enlarged), decoded into memory:
// truncated files are errors (vips::VError). The bytes are borrowed, not copied.
inline vips::VImage thumbnail_of(std::string_view bytes, int side) {
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
