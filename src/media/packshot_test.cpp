#include "media/packshot.hpp"

#include <gtest/gtest.h>

#include <vips/vips8>

#include "media/photo_pipeline.hpp"
#include "media/samples.hpp"
#include "media/vips_buffer.hpp"

namespace brilliant::media {
using vips::VImage;

TEST(Packshot, AnUnevenOffWhiteBackgroundComesOutPureWhiteWithThePieceCentredFillingMostOfIt) {
  start_libvips();
  const auto made = make_packshot(sample_piece_photo(420, 560, 150, false, 238, 1200, 900), 1000).value();
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
  const auto coupang = make_packshot(sample_piece_photo(400, 400, 120, false, 238, 800, 800), 780).value();
  EXPECT_EQ(VImage::new_from_buffer(coupang.jpeg.data(), coupang.jpeg.size(), "").width(), 780);
  EXPECT_EQ(make_packshot(sample_piece_photo(-500, -500, 10, false, 238, 400, 300), 1000).error().code,
            "no_piece");
  EXPECT_EQ(make_packshot("not a photo", 1000).error().field, "photo");
}

TEST(Packshot, APhotoTakenSidewaysIsTurnedUprightBeforeThePieceIsFound) {
  start_libvips();
  // A bar lying across a 1200x900 frame, the camera held sideways (EXIF orientation 6): upright, the
  // frame is 900x1200 and the bar stands.
  const auto level = sample_piece_photo(600, 450, 150, true, 236, 1200, 900);
  VImage sideways = VImage::new_from_buffer(level.data(), level.size(), "").copy();
  sideways.set("orientation", 6);
  const auto bytes = encode_image(sideways, ".jpg", VImage::option()->set("Q", 92));
  const auto flat = make_packshot(level, 1000).value();
  const auto turned = make_packshot(bytes, 1000).value();
  EXPECT_GT(flat.width, flat.height);
  EXPECT_GT(turned.height, turned.width);
  EXPECT_NEAR(turned.height, flat.width, 4);
  EXPECT_NEAR(turned.width, flat.height, 12);
}

TEST(ThumbnailOf, AJpegShrinksOnLoadAndIsResizedToTheSideOnlyWhenAskedExactly) {
  start_libvips();
  const auto bytes = sample_piece_photo(1000, 500, 300, false, 238, 2000, 1000);
  const VImage exact = thumbnail_of(bytes, 480);
  EXPECT_EQ(exact.width(), 480);
  EXPECT_EQ(exact.height(), 240);
  const VImage loose = thumbnail_of(bytes, 480, false);  // 1/4 keeps the long side at 500 >= 480
  EXPECT_EQ(loose.width(), 500);
  EXPECT_EQ(loose.height(), 250);
  // A PNG has no DCT scaling: fitted either way.
  const auto png = encode_image(VImage::new_from_buffer(bytes.data(), bytes.size(), ""), ".png");
  EXPECT_EQ(thumbnail_of(png, 480, false).width(), 480);
}

TEST(Packshot, AReShotOfThePieceMatchesAndAnotherPieceDoesNot) {
  start_libvips();
  const auto first = piece_hash(sample_piece_photo(420, 560, 150, false, 238, 1200, 900)).value();
  // Moved, nearer the camera and under dimmer light.
  const auto moved_and_relit = piece_hash(sample_piece_photo(640, 430, 170, false, 222, 1200, 900)).value();
  const auto other =
      piece_hash(sample_piece_photo(600, 450, 150, true, 238, 1200, 900)).value();  // a bar, not a disc
  // A plain disc is the hardest case for a DCT hash (many coefficients near the median): a re-shot lands
  // within 16 bits, another piece beyond 20.
  EXPECT_LE(hash_distance(first, moved_and_relit), 16);
  EXPECT_GE(hash_distance(first, other), 20);
  EXPECT_EQ(piece_hash("not a photo").error().code, "not_an_image");
}

}  // namespace brilliant::media

namespace brilliant::media {
namespace {

TEST(SquareOnWhite, ADrawingBecomesACentredJpegSquare) {
  const std::string svg =
      "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><rect width='40' height='20' "
      "fill='#d4af37'/></svg>";
  auto jpeg = square_on_white(svg, 400);
  ASSERT_TRUE(jpeg.ok()) << jpeg.error().message;
  auto image = vips::VImage::new_from_buffer(jpeg->data(), jpeg->size(), "");
  EXPECT_EQ(image.width(), 400);
  EXPECT_EQ(image.height(), 400);
  EXPECT_GT(image(2, 2)[0], 250);      // white border
  EXPECT_LT(image(200, 200)[2], 120);  // the gold drawing, drawn at 85 % of the side
  EXPECT_GT(image(200, 200)[0], 180);
  EXPECT_EQ(square_on_white("not a picture", 400).error().field, "photo");
}

}  // namespace
}  // namespace brilliant::media
