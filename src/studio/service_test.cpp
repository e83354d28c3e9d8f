#include "studio/service.hpp"

#include <gtest/gtest.h>

#include <vips/vips8>

#include "db/testing.hpp"
#include "media/blob_store.hpp"
#include "media/photo_pipeline.hpp"
#include "media/vips_buffer.hpp"
#include "studio/testing.hpp"
#include "trust/log.hpp"

namespace brilliant::studio {

class StudioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    media::start_libvips();
    add_ring(*db, {{"BR-1-13", 0}});
  }
  void TearDown() override { std::filesystem::remove_all(blob_dir); }
  static std::string jpeg(int shade) {
    auto image = vips::VImage::black(320, 240).new_from_image(
        std::vector<double>{200, 150, static_cast<double>(shade)});
    return media::encode_image(image.cast(VIPS_FORMAT_UCHAR), ".jpg");
  }

  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  std::filesystem::path blob_dir = std::filesystem::temp_directory_path() / ("studio-" + random_token(6));
  media::FolderBlobStore blobs{blob_dir};
  media::PhotoPipeline pipeline{blobs, media::PhotoLimits{}, 1};
  FixedClock clock{TimePoint{}};
  Studio studio{*db, blobs, pipeline, clock};
  trust::TransparencyLog log{*db, trust::new_key(), "b.example/log"};
};

TEST_F(StudioTest, IntakeGivesASerialFlagsAFarOffWeightAndLogsTheEvent) {
  EXPECT_EQ(studio.intake(1, "NOPE", "3.2", "", "").error().field, "sku");
  EXPECT_EQ(studio.intake(1, "BR-1-13", "3.2g", "", "").error().field, "weight");
  auto item = studio.intake(1, " BR-1-13 ", "3.25", "925 · 달", "").value();
  EXPECT_TRUE(valid_serial(item.serial));
  EXPECT_FALSE(item.weight_flag);
  EXPECT_EQ(item.status, "received");
  EXPECT_EQ(item.title_ko, "반지");
  auto heavy = studio.intake(1, "BR-1-13", "4.10", "", "").value();
  EXPECT_TRUE(heavy.weight_flag);
  EXPECT_NE(heavy.serial, item.serial);
  EXPECT_EQ(log.size(), 2u);
  EXPECT_NE(log.entry(0).find(item.serial), std::string::npos);
  auto history = studio.history(item);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].kind, "received");
  EXPECT_EQ(history[0].actor, "Station");
}

TEST_F(StudioTest, StationsRecordTheirEventsWithEvidencePhotosThatAreVoidedNeverDeleted) {
  auto item = studio.intake(1, "BR-1-13", "3.2", "", "").value();
  EXPECT_EQ(studio.record(1, item.serial, Station::qa, "received", "").error().field, "kind");
  EXPECT_EQ(studio.record(1, "IT-0000-0000", Station::qa, "qa_passed", "").error().field, "serial");
  auto shot = studio.record(1, item.serial, Station::studio, "photographed", "front and side").value();
  EXPECT_EQ(studio.item(item.serial)->status, "photographed");
  EXPECT_EQ(studio.add_photo(item.serial, shot.id, "front", "not a photo").error().field, "photo");
  EXPECT_EQ(studio.add_photo(item.serial, shot.id, "Front!", jpeg(60)).error().field, "view");
  EXPECT_EQ(studio.add_photo(item.serial, shot.id + 99, "front", jpeg(60)).error().field, "event");
  auto photo = studio.add_photo(item.serial, shot.id, "front", jpeg(60)).value();
  EXPECT_EQ(photo.hash.size(), 64u);
  EXPECT_EQ(photo.phash.size(), 16u);
  EXPECT_TRUE(blobs.has(photo.hash));
  EXPECT_TRUE(studio.photo_bytes(photo.id, true).has_value());
  EXPECT_NE(log.entry(static_cast<uint64_t>(photo.log_index)).find(photo.hash), std::string::npos);
  EXPECT_EQ(studio.void_photo(1, photo.id, " ").error().field, "reason");
  ASSERT_TRUE(studio.void_photo(1, photo.id, "wrong piece in frame").ok());
  EXPECT_EQ(studio.void_photo(1, photo.id, "again").error().kind, ErrorKind::conflict);
  const auto history = studio.history(item);
  ASSERT_EQ(history.back().photos.size(), 1u);  // still there, marked void
  EXPECT_EQ(history.back().photos[0].void_reason, "wrong piece in frame");
  EXPECT_EQ(log.size(), 4u);  // received, photographed, the photo, its void
}

}  // namespace brilliant::studio
