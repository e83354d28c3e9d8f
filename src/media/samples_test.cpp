#include "media/samples.hpp"

#include <gtest/gtest.h>

#include "media/packshot.hpp"
#include "media/photo_pipeline.hpp"

namespace brilliant::media {

TEST(Samples, APieceStandsOutOfItsBackgroundWhereverItLies) {
  start_libvips();
  const auto disc = sample_piece_photo(300, 300, 100);
  EXPECT_EQ(disc.substr(0, 2), "\xFF\xD8");  // JPEG
  const auto centred = make_packshot(disc, 500).value();
  EXPECT_NEAR(centred.width, 425, 6);  // the piece fills 85 % of the frame
  const auto bar = make_packshot(sample_piece_photo(300, 300, 100, true), 500).value();
  EXPECT_GT(bar.width, 3 * bar.height);  // a bar is four times as wide as it is high
}

}  // namespace brilliant::media
