#include "media/packshot.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <vips/vips8>

#include "media/blob_store.hpp"

#include "media/photo_pipeline.hpp"
#include "media/vips_buffer.hpp"

namespace brilliant::media {
using vips::VImage;

namespace {

// A studio shot: an off-white background lit unevenly (brighter on the left, 238 -> 214), and a dark
// gold disc (the piece) of `radius`, off-centre at (cx, cy).
std::string shot(int w, int h, int cx, int cy, int radius, bool bar = false) {
  VImage xy = VImage::xyz(w, h);
  VImage x = xy.extract_band(0), y = xy.extract_band(1);
  VImage light = x.linear(-24.0 / w, 238.0);
  VImage background = VImage::bandjoin({light, light.linear(0.98, 0), light.linear(0.94, 0)});
  VImage dx = x.linear(1, -cx), dy = y.linear(1, -cy);
  VImage inside = bar ? ((dx.abs() < static_cast<double>(radius * 2)) & (dy.abs() < radius / 4.0))
                      : (dx * dx + dy * dy) < static_cast<double>(radius * radius);
  VImage gold = background.new_from_image(std::vector<double>{150, 110, 40});
  VImage image = inside.ifthenelse(gold, background).cast(VIPS_FORMAT_UCHAR);
  return encode_image(image.copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB)), ".jpg",
                      VImage::option()->set("Q", 92));
}

}  // namespace

TEST(Packshot, AnUnevenOffWhiteBackgroundComesOutPureWhiteWithThePieceCentredFillingMostOfIt) {
  start_libvips();
  const auto made = make_packshot(shot(1200, 900, 420, 560, 150), 1000).value();
  auto image = VImage::new_from_buffer(made.jpeg.data(), made.jpeg.size(), "");
  ASSERT_EQ(image.width(), 1000);
  ASSERT_EQ(image.height(), 1000);
  for (auto [x, y] : {std::pair{2, 2}, {997, 2}, {2, 997}, {997, 997}, {500, 30}, {30, 500}})
    for (double v : image.getpoint(x, y)) EXPECT_GE(v, 253) << x << "," << y;  // white (JPEG rounding)
  // Centred, and filling 80-90 % of the frame.
  const double fill = static_cast<double>(std::max(made.width, made.height)) / 1000;
  EXPECT_GE(fill, 0.80);
  EXPECT_LE(fill, 0.90);
  EXPECT_NEAR(made.left + made.width / 2.0, 500, 10);
  EXPECT_NEAR(made.top + made.height / 2.0, 500, 10);
  // The piece keeps its colour.
  const auto centre = image.getpoint(500, 500);
  EXPECT_LT(centre[2], 120);
  EXPECT_GT(centre[0], centre[2]);
}

TEST(Packshot, ChannelsHaveTheirSizesAndAnEmptyFrameOrANonImageIsRefused) {
  start_libvips();
  ASSERT_NE(channel_spec("amazon"), nullptr);
  EXPECT_EQ(channel_spec("amazon")->side, 2000);
  EXPECT_EQ(channel_spec("naver")->side, 1000);
  EXPECT_EQ(channel_spec("coupang")->side, 780);
  EXPECT_EQ(channel_spec("etsy"), nullptr);
  const auto coupang = make_packshot(shot(800, 800, 400, 400, 120), 780).value();
  EXPECT_EQ(VImage::new_from_buffer(coupang.jpeg.data(), coupang.jpeg.size(), "").width(), 780);
  EXPECT_EQ(make_packshot(shot(400, 300, -500, -500, 10), 1000).error().code, "no_piece");
  EXPECT_EQ(make_packshot("not a photo", 1000).error().field, "photo");
}

TEST(Packshot, AReShotOfThePieceMatchesAndAnotherPieceDoesNot) {
  start_libvips();
  const auto dir = std::filesystem::temp_directory_path() / "packshot-test-blobs";
  FolderBlobStore blobs(dir);
  PhotoPipeline pipeline(blobs, PhotoLimits{}, 1);
  auto hash_of = [&](const std::string& photo) {
    return pipeline.process(make_packshot(photo, 1000).value().jpeg).value().perceptual_hash;
  };
  const auto first = hash_of(shot(1200, 900, 420, 560, 150));
  const auto moved_and_relit = hash_of(shot(1200, 900, 640, 430, 170));  // moved, nearer the camera
  const auto other = hash_of(shot(1200, 900, 600, 450, 150, true));      // a bar, not a disc
  // A plain disc is the hardest case for a DCT hash (many coefficients near the median): a re-shot lands
  // within 16 bits, another piece beyond 20.
  EXPECT_LE(hash_distance(first, moved_and_relit), 16);
  EXPECT_GE(hash_distance(first, other), 20);
  std::filesystem::remove_all(dir);
}

}  // namespace brilliant::media
