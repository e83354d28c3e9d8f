// The photo coach (coach.cpp) on photos drawn with libvips: a sharp, well-lit piece that fills a white
// frame passes; each fault is found, with its measure.
#include "media/coach.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <vips/vips8>

#include "core/secret.hpp"
#include "media/vips_buffer.hpp"

namespace brilliant::media {
namespace {
using vips::VImage;

struct Scene {
  int side = 1200, radius = 420, cx = 600, cy = 600;
  double background = 255, piece = 190, blur = 0;
};

// A gold ring (a disc with a hole and fine engraved lines) on a plain background, as JPEG.
std::string photo(const Scene& s) {
  VImage frame = VImage::black(s.side, s.side, VImage::option()->set("bands", 3)) + s.background;
  frame = frame.cast(VIPS_FORMAT_UCHAR);
  const std::vector<double> gold{s.piece * 1.1, s.piece * 0.85, s.piece * 0.4};
  frame.draw_circle(gold, s.cx, s.cy, s.radius, VImage::option()->set("fill", true));
  frame.draw_circle(std::vector<double>(3, s.background), s.cx, s.cy, s.radius / 2,
                    VImage::option()->set("fill", true));
  for (int i = -s.radius; i < s.radius; i += 12)
    frame.draw_line(std::vector<double>{60, 40, 10}, s.cx + i, s.cy - s.radius / 2 - 40, s.cx + i + 30,
                    s.cy - s.radius / 2 - 10);
  if (s.blur > 0) frame = frame.gaussblur(s.blur);
  return encode_image(frame, ".jpg", VImage::option()->set("Q", 92));
}

bool has(const PhotoReport& r, const std::string& code) {
  for (const auto& f : r.findings)
    if (f.code == code) return true;
  return false;
}

TEST(Coach, ASharpWellLitPieceFillingAWhiteFramePasses) {
  auto r = assess_photo(photo({}));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->good()) << r->findings[0].code << " " << r->findings[0].measure;
  EXPECT_GT(r->sharpness, 60);
  EXPECT_NEAR(r->fill, 840.0 / 1200, 0.03);
  EXPECT_GE(r->background, 250);
  EXPECT_FALSE(r->cut_off);
  EXPECT_EQ(r->width, 1200);
}

TEST(Coach, FindsEachFaultWithItsMeasure) {
  auto blurry = assess_photo(photo({.blur = 6}));
  ASSERT_TRUE(blurry);
  EXPECT_TRUE(has(*blurry, "blurry")) << blurry->sharpness;
  EXPECT_FALSE(has(*blurry, "piece_too_small"));
  auto grey = assess_photo(photo({.background = 150}));
  EXPECT_TRUE(has(*grey, "background_not_white")) << grey->background;
  auto small = assess_photo(photo({.radius = 200}));
  EXPECT_TRUE(has(*small, "piece_too_small")) << small->fill;
  auto cut = assess_photo(photo({.cx = 150}));
  EXPECT_TRUE(has(*cut, "piece_cut_off"));
  auto dark = assess_photo(photo({.background = 255, .piece = 40}));
  EXPECT_TRUE(has(*dark, "too_dark")) << dark->brightness;
  auto tiny = assess_photo(photo({.side = 600, .radius = 210, .cx = 300, .cy = 300}));
  EXPECT_TRUE(has(*tiny, "low_resolution"));
  EXPECT_FALSE(has(*tiny, "blurry")) << tiny->sharpness;
}

TEST(Coach, NotAnImageIsRefusedNamingTheField) {
  auto r = assess_photo("not a photo");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "photo");
}

TEST(Coach, StoredPhotosAreAssessedOnceFromTheirLargestUncroppedJpeg) {
  const auto dir = std::filesystem::temp_directory_path() / ("coach-" + random_token(6));
  {
    FolderBlobStore blobs(dir);
    StoredPhoto p;
    p.width = 3000;  // the original: its size decides the resolution finding
    p.height = 3000;
    p.renditions = {
        {"thumb", "jpeg", 320, 320, blobs.put(photo({.side = 320, .radius = 110, .cx = 160, .cy = 160})), 0},
        {"zoom", "jpeg", 1200, 1200, blobs.put(photo({})), 0},
        {"square", "jpeg", 2000, 2000, blobs.put("not even an image"), 0}};
    Coach coach(blobs);
    auto report = coach.of(p);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->good());  // the zoom rendition, judged at the original's size
    EXPECT_EQ(report->width, 3000);
    EXPECT_TRUE(coach.of(p));  // kept
    StoredPhoto none;
    EXPECT_FALSE(coach.of(none));
  }
  std::filesystem::remove_all(dir);
}

TEST(Coach, MissingViewsFollowTheShootList) {
  EXPECT_EQ(missing_views(0).size(), 5u);
  EXPECT_EQ(missing_views(3), (std::vector<std::string>{"detail", "worn"}));
  EXPECT_TRUE(missing_views(7).empty());
}

}  // namespace
}  // namespace brilliant::media
