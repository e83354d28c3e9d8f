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

using StudioTest = StudioFixture;

namespace {
// A flat colour, as a phone shot of a plain card.
std::string jpeg(int shade) {
  auto image =
      vips::VImage::black(320, 240).new_from_image(std::vector<double>{200, 150, static_cast<double>(shade)});
  return media::encode_image(image.cast(VIPS_FORMAT_UCHAR), ".jpg");
}
}  // namespace

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

TEST_F(StudioTest, PackingNeedsEachPiecesOwnShotsBeforeItCloses) {
  const web::Principal who{1, "s@x", "Station"};
  const auto item = studio.intake(1, "BR-1-13", "3.20", "", "").value();
  auto s = studio.open_packing(who, "B-1", "").value();
  // A piece's shot needs the piece scanned into the parcel first.
  EXPECT_EQ(studio.add_packing_photo(s.id, "piece", piece_photo(300, 300, 100), item.serial).error().code,
            "serial_not_packed");
  s = studio.pack(who, s.id, item.serial).value();
  ASSERT_EQ(s.pieces.size(), 1u);
  EXPECT_EQ(s.missing_shot(), "piece " + item.serial);
  EXPECT_EQ(studio.add_packing_photo(s.id, "worn", piece_photo(300, 300, 100)).error().field, "view");
  ASSERT_TRUE(studio.add_packing_photo(s.id, "piece", piece_photo(300, 300, 100), item.serial).ok());
  ASSERT_TRUE(studio.add_packing_photo(s.id, "serial", piece_photo(300, 300, 60, true), item.serial).ok());
  ASSERT_TRUE(studio.add_packing_photo(s.id, "box", piece_photo(400, 300, 200)).ok());
  EXPECT_EQ(studio.close_packing(who, s.id, "cj", "123456789012").error().message,
            "take the sealed photo first");
  EXPECT_EQ(shipped, 0);
  ASSERT_TRUE(studio.add_packing_photo(s.id, "sealed", piece_photo(400, 300, 220, true)).ok());
  s = studio.close_packing(who, s.id, "cj", "123456789012").value();
  EXPECT_EQ(s.status, "closed");
  EXPECT_EQ(shipped, 1);
  EXPECT_EQ(studio.item(item.serial)->status, "shipped");
  // The piece's shots are on its "packed" event.
  const auto history = studio.history(*studio.item(item.serial));
  const auto packed =
      std::find_if(history.begin(), history.end(), [](const auto& e) { return e.kind == "packed"; });
  ASSERT_NE(packed, history.end());
  EXPECT_EQ(packed->photos.size(), 2u);
}

TEST_F(StudioTest, AHubHeldPiecesStockFollowsItsItems) {
  auto stock = [&] {
    return db->read([](soci::session& sql) {
      int n = 0;
      sql << "SELECT stock FROM variants WHERE sku = 'BR-1-13'", soci::into(n);
      return n;
    });
  };
  std::vector<long long> told;
  studio.on_stock([&](long long product) { told.push_back(product); });
  EXPECT_EQ(stock(), 1);  // what the workshop typed
  const auto a = studio.intake(1, "BR-1-13", "3.20", "", "").value();
  EXPECT_EQ(stock(), 1);  // now the items on the shelf: one
  const auto b = studio.intake(1, "BR-1-13", "3.21", "", "").value();
  EXPECT_EQ(stock(), 2);
  ASSERT_TRUE(studio.record(1, b.serial, Station::qa, "qa_failed", "scratched").ok());
  EXPECT_EQ(stock(), 1);
  ASSERT_TRUE(studio.record(1, b.serial, Station::returns, "returned_to_workshop", "").ok());
  EXPECT_EQ(stock(), 1);  // it was off the shelf already
  ASSERT_TRUE(studio.record(1, a.serial, Station::qa, "qa_passed", "").ok());
  EXPECT_EQ(stock(), 1);
  EXPECT_EQ(told, (std::vector<long long>{1, 1, 1}));  // two intakes and the failed QA
}

TEST_F(StudioTest, APieceTravelsToAFairAndBackOffTheShopsShelf) {
  auto stock = [&] {
    return db->read([](soci::session& sql) {
      int n = 0;
      sql << "SELECT stock FROM variants WHERE sku = 'BR-1-13'", soci::into(n);
      return n;
    });
  };
  const auto a = studio.intake(1, "BR-1-13", "3.20", "", "").value();
  const auto b = studio.intake(1, "BR-1-13", "3.20", "", "").value();
  EXPECT_EQ(stock(), 2);
  EXPECT_EQ(studio.record(1, a.serial, Station::fair, "sent_to_fair", "").error().field, "note");
  ASSERT_TRUE(studio.record(1, a.serial, Station::fair, "sent_to_fair", "bangkok-gems-fair").ok());
  ASSERT_TRUE(studio.record(1, b.serial, Station::fair, "sent_to_fair", "bangkok-gems-fair").ok());
  EXPECT_EQ(stock(), 0);  // at the fair, not for sale online
  ASSERT_TRUE(studio.record(1, a.serial, Station::fair, "sold_at_fair", "bangkok-gems-fair").ok());
  ASSERT_TRUE(studio.record(1, b.serial, Station::fair, "back_from_fair", "bangkok-gems-fair").ok());
  EXPECT_EQ(stock(), 1);
  const auto history = studio.history(studio.item(a.serial).value());
  EXPECT_EQ(history.back().kind, "sold_at_fair");
  EXPECT_EQ(history.back().note, "bangkok-gems-fair");
}

}  // namespace brilliant::studio
