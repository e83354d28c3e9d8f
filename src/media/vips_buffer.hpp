// An image written to memory in the format its suffix names (".png", ".jpg", ".webp"), as a string:
// libvips hands back a g_malloc'd buffer that this copies and frees, so no caller handles g_free.
#pragma once
#include <string>
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

}  // namespace brilliant::media
