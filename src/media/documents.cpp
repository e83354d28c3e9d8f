#include "media/documents.hpp"

#include <vips/vips8>

#include "media/photo_pipeline.hpp"
#include "media/vips_buffer.hpp"

namespace brilliant::media {
using vips::VImage;

Result<CheckedFile> check_file(std::string_view bytes, Accepts accepts, const std::string& field,
                               FileLimits limits) {
  start_libvips();
  const bool allow_pdf = accepts == Accepts::images_and_pdf;
  const std::string kinds =
      allow_pdf ? "a PDF or a JPEG, PNG, WebP or HEIC image" : "a JPEG, PNG, WebP or HEIC image";
  if (bytes.empty()) return Error::invalid(field, "file_empty", "the file is empty");
  if (bytes.size() > limits.max_bytes)
    return Error::invalid(
        field, "file_too_large",
        "the file is larger than " + std::to_string(limits.max_bytes / (1024 * 1024)) + " MB");
  const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  vips_error_clear();
  const std::string name = loader ? loader : "";
  CheckedFile out;
  if (name.starts_with("VipsForeignLoadJpeg"))
    out.content_type = "image/jpeg";
  else if (name.starts_with("VipsForeignLoadPng"))
    out.content_type = "image/png";
  else if (name.starts_with("VipsForeignLoadWebp"))
    out.content_type = "image/webp";
  else if (name.starts_with("VipsForeignLoadHeif"))
    out.content_type = "image/heif";
  else if (allow_pdf && name.starts_with("VipsForeignLoadPdf"))
    out.content_type = "application/pdf";
  if (out.content_type.empty()) return Error::invalid(field, "file_kind", "the file is not " + kinds);
  try {
    VImage header = VImage::new_from_buffer(bytes.data(), bytes.size(), "");
    out.width = header.width();
    out.height = header.height();
    // Before anything is rendered: a PDF's page size (at 72 dpi) counts like an image's pixels, so a
    // 577-byte PDF with a 14400 pt page cannot cost hundreds of megabytes.
    if (static_cast<long long>(out.width) * out.height > limits.max_pixels)
      return Error::invalid(field, "too_many_pixels",
                            out.content_type == "application/pdf" ? "the PDF's page is too large"
                                                                  : "the image has too many pixels");
    if (out.content_type == "application/pdf") {
      out.pages = header.get_typeof("n-pages") ? header.get_int("n-pages") : 1;
      if (out.pages > limits.max_pages)
        return Error::invalid(field, "file_too_many_pages",
                              "the PDF has more than " + std::to_string(limits.max_pages) + " pages");
      header.avg();  // renders the first page: a broken PDF fails here
      return out;
    }
    VImage preview = thumbnail_of(bytes, 600).autorot().colourspace(VIPS_INTERPRETATION_sRGB);
    out.preview_png = encode_image(preview, ".png", VImage::option()->set("strip", true));
  } catch (const vips::VError&) {
    vips_error_clear();
    return Error::invalid(field, "file_corrupt", "the file is damaged or incomplete");
  }
  return out;
}

}  // namespace brilliant::media
