#include "media/colour.hpp"

#include <gtest/gtest.h>

#include <vips/vips8>

#include "media/photo_pipeline.hpp"
#include "media/samples.hpp"
#include "media/vips_buffer.hpp"

namespace brilliant::media {
using vips::VImage;

namespace {

// A piece on white with a grey card of the colour `card` in the lower right corner.
std::string with_card(std::vector<double> card) {
  auto photo = sample_piece_photo(250, 250, 100);
  VImage image = VImage::new_from_buffer(photo.data(), photo.size(), "");
  VImage patch = image.new_from_image(card).crop(0, 0, 200, 150).cast(VIPS_FORMAT_UCHAR);
  image = image.insert(patch, 560, 420);
  return encode_image(image, ".jpg", VImage::option()->set("Q", 95));
}

}  // namespace

TEST(Colour, AWarmCastOnTheGreyCardIsMeasuredAndItsGainsNeutraliseIt) {
  start_libvips();
  const auto warm = check_grey_card(with_card({135, 120, 100})).value();
  ASSERT_TRUE(warm.card);
  EXPECT_NEAR(warm.share, 200.0 * 150 / (800 * 600), 0.02);
  EXPECT_GT(warm.b, 5.0);  // yellowish: warm light
  EXPECT_TRUE(warm.cast());
  EXPECT_LT(warm.gains[0], 1.0);
  EXPECT_GT(warm.gains[2], 1.0);
  EXPECT_NE(describe(warm).find("warm"), std::string::npos);
  // Applied, the gains make the card grey.
  const double r = 135 * warm.gains[0], g = 120 * warm.gains[1], b = 100 * warm.gains[2];
  EXPECT_NEAR(r, g, 3.0);
  EXPECT_NEAR(g, b, 3.0);
  // A neutral card reads neutral; no card is no card.
  const auto neutral = check_grey_card(with_card({118, 118, 118})).value();
  ASSERT_TRUE(neutral.card);
  EXPECT_FALSE(neutral.cast());
  EXPECT_FALSE(check_grey_card(sample_piece_photo(400, 300, 120)).value().card);
  EXPECT_EQ(check_grey_card("nope").error().field, "photo");
}

}  // namespace brilliant::media
