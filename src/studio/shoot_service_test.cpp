// The studio's shoot (shoot_service.cpp): shots named {SKU}_{view}_{n}, a grey card read, channel
// renditions zipped, and the stills and spin frames published to the product.
#include <gtest/gtest.h>
#include <zip.h>

#include <vips/vips8>

#include "media/photos.hpp"
#include "media/vips_buffer.hpp"
#include "studio/testing.hpp"

namespace brilliant::studio {

class StudioShoot : public StudioFixture {
 protected:
  void SetUp() override {
    StudioFixture::SetUp();
    studio.set_photos(photos);
  }
  // The shot with a grey card, warm-lit, in the corner.
  static std::string card_shot() {
    auto photo = piece_photo(250, 250, 100);
    auto image = vips::VImage::new_from_buffer(photo.data(), photo.size(), "");
    auto patch =
        image.new_from_image(std::vector<double>{135, 120, 100}).crop(0, 0, 200, 150).cast(VIPS_FORMAT_UCHAR);
    return media::encode_image(image.insert(patch, 560, 420), ".jpg");
  }
  media::Photos photos{*db, blobs, pipeline, clock};
};

TEST_F(StudioShoot, ShotsNamedByTheCameraFillTheListAndPublishWhenTheRequiredViewsAreIn) {
  const auto item = studio.intake(1, "BR-1-13", "3.20", "", "").value();
  // A file named for this SKU says its view and frame; another name needs the view.
  auto front =
      studio.add_studio_shot(1, item.serial, "", 0, "BR-1-13_front_1.jpg", piece_photo(300, 300, 120))
          .value();
  EXPECT_EQ(front.view, "front");
  EXPECT_EQ(studio.item(item.serial)->status, "photographed");
  EXPECT_EQ(
      studio.add_studio_shot(1, item.serial, "", 0, "IMG_0001.jpg", piece_photo(300, 300, 120)).error().field,
      "view");
  EXPECT_EQ(studio.add_studio_shot(1, item.serial, "spin", 25, "", piece_photo(300, 300, 120)).error().field,
            "n");
  EXPECT_EQ(studio.add_studio_shot(1, item.serial, "card", 1, "", piece_photo(300, 300, 120)).error().code,
            "no_card");
  const auto card = studio.add_studio_shot(1, item.serial, "card", 1, "", card_shot()).value();
  EXPECT_NE(card.colour_note.find("warm"), std::string::npos) << card.colour_note;
  EXPECT_EQ(studio.publish(1, "ring").error().code, "shot_missing");
  int size = 90;
  for (const char* view : {"side", "back", "detail"})  // each its own picture
    ASSERT_TRUE(
        studio.add_studio_shot(1, item.serial, view, 1, "", piece_photo(320, 280, size += 10, true)).ok());
  // Spin frames, the next free frame each time.
  for (int i = 0; i < 8; ++i) {
    auto frame = studio.add_studio_shot(1, item.serial, "spin", 0, "",
                                        piece_photo(300 + 10 * i, 300, 100, i % 2 == 1));
    ASSERT_TRUE(frame.ok());
    EXPECT_EQ(frame->shot_no, i + 1);
  }
  const auto shoot = studio.product_shoot("ring").value();
  EXPECT_TRUE(shoot.list.ready());
  EXPECT_EQ(shoot.list.entry("spin")->done, 8);
  EXPECT_EQ(shoot.sku, "BR-1-13");

  // One channel's zip holds the four stills named {SKU}_{view}_{n}.jpg at the channel's size.
  const auto zipped = studio.shoot_zip("ring", "coupang").value();
  zip_error_t error;
  zip_error_init(&error);
  zip_t* archive = zip_open_from_source(zip_source_buffer_create(zipped.data(), zipped.size(), 0, &error),
                                        ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  EXPECT_EQ(zip_get_num_entries(archive, 0), 4);
  zip_stat_t stat;
  ASSERT_EQ(zip_stat(archive, "BR-1-13_front_1.jpg", 0, &stat), 0);
  std::string front_jpeg(stat.size, '\0');
  zip_file_t* file = zip_fopen(archive, "BR-1-13_front_1.jpg", 0);
  zip_fread(file, front_jpeg.data(), front_jpeg.size());
  zip_fclose(file);
  zip_close(archive);
  EXPECT_EQ(vips::VImage::new_from_buffer(front_jpeg.data(), front_jpeg.size(), "").width(), 780);
  EXPECT_EQ(studio.shoot_zip("ring", "etsy").error().kind, ErrorKind::not_found);

  // Published: the four stills become the product's photos, the eight frames its 360° view.
  EXPECT_EQ(studio.publish(1, "ring").value(), 4);
  EXPECT_EQ(photos.of_product(1).size(), 4u);
  const auto frames = studio.spin_frames("ring");
  ASSERT_EQ(frames.size(), 8u);
  EXPECT_TRUE(photos.rendition(frames[0]).has_value());  // served publicly
  EXPECT_EQ(studio.product_shoot("ring").value().spin_published, 8);
}

}  // namespace brilliant::studio
