#include "media/documents.hpp"

#include <gtest/gtest.h>

#include <vips/vips8>

#include "media/photo_pipeline.hpp"

namespace brilliant::media {
namespace {

std::string stamp_png(int w, int h) {
  start_libvips();
  auto xy = vips::VImage::xyz(w, h);
  auto d = ((xy[0] - w / 2.0).pow(2) + (xy[1] - h / 2.0).pow(2)).pow(0.5);
  auto ring = ((d < w / 2.2) & (d > w / 3.0)).ifthenelse(180, 255).cast(VIPS_FORMAT_UCHAR);
  void* buf = nullptr;
  size_t size = 0;
  ring.bandjoin(ring).bandjoin(ring).write_to_buffer(".png", &buf, &size);
  std::string out(static_cast<char*>(buf), size);
  g_free(buf);
  return out;
}

// The smallest PDF poppler opens: one empty A-size page (no cross-reference table; poppler rebuilds it).
const std::string tiny_pdf =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 280]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

}  // namespace

TEST(Documents, AMarkImageGetsABrowserPreview) {
  auto checked = check_file(stamp_png(1400, 1400), Accepts::images, "mark");
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_EQ(checked->content_type, "image/png");
  EXPECT_EQ(checked->width, 1400);
  auto preview = vips::VImage::new_from_buffer(checked->preview_png.data(), checked->preview_png.size(), "");
  EXPECT_EQ(preview.width(), 600);
}

TEST(Documents, PdfsOnlyWhereDocumentsAreAsked) {
  auto pdf = check_file(tiny_pdf, Accepts::images_and_pdf, "document");
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(pdf->content_type, "application/pdf");
  EXPECT_EQ(pdf->pages, 1);
  EXPECT_EQ(check_file(tiny_pdf, Accepts::images, "mark").error().code, "file_kind");
}

TEST(Documents, APdfWithAHugePageIsRefusedBeforeRendering) {
  std::string huge = tiny_pdf;
  huge.replace(huge.find("[0 0 200 280]"), 13, "[0 0 14400 14400]");
  auto checked = check_file(huge, Accepts::images_and_pdf, "document");
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().code, "too_many_pixels");
  EXPECT_EQ(checked.error().field, "document");
}

TEST(Documents, RefusesJunkTruncatedEmptyAndHugeFiles) {
  EXPECT_EQ(check_file("just some text", Accepts::images_and_pdf, "document").error().code, "file_kind");
  EXPECT_EQ(check_file("", Accepts::images_and_pdf, "document").error().code, "file_empty");
  const auto png = stamp_png(800, 800);
  EXPECT_EQ(check_file(png.substr(0, png.size() / 2), Accepts::images, "mark").error().code, "file_corrupt");
  EXPECT_EQ(check_file(png, Accepts::images, "mark", {.max_bytes = 100}).error().code, "file_too_large");
  EXPECT_EQ(check_file(png, Accepts::images, "mark", {.max_pixels = 1000}).error().field, "mark");
}

}  // namespace brilliant::media
