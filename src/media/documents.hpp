// Files people attach that are not product photos: a maker's mark (an image) and documents (PDF or an
// image). Checked by decoding, never by name or declared type: images through libvips' loaders, PDFs
// through its poppler loader (pages counted). Thread safe.
#pragma once
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace brilliant::media {

struct CheckedFile {
  std::string content_type;  // image/jpeg, image/png, image/webp, image/heif, application/pdf
  int width = 0, height = 0;
  int pages = 0;            // PDFs
  std::string preview_png;  // images: a PNG at most 600 px on its longer side
};

struct FileLimits {
  size_t max_bytes = 10 * 1024 * 1024;
  long long max_pixels = 50'000'000;
  int max_pages = 50;
};

// What a file may be: an image only (a maker's mark, a logo), or an image or a PDF (a document).
enum class Accepts { images, images_and_pdf };

// Errors on `field`: empty, too large, not an accepted kind, truncated or corrupt, too many pixels/pages.
Result<CheckedFile> check_file(std::string_view bytes, Accepts accepts, const std::string& field,
                               FileLimits limits = {});

}  // namespace brilliant::media
