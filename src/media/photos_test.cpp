#include "media/photos.hpp"

#include <gtest/gtest.h>

#include <vips/vips8>

#include "core/secret.hpp"
#include "db/testing.hpp"

namespace brilliant::media {

class PhotosTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, created_at, updated_at) VALUES ('w', 'W', 'x', 'x')";
      s << "INSERT INTO products (workshop_id, slug, category, title_ko, title_en, metal, purity, weight_mg, "
           "created_at, "
           "updated_at) VALUES (1, 'p', 'ring', 'p', 'p', 'gold', 585, 1000, 'x', 'x')";
    });
  }
  void TearDown() override { std::filesystem::remove_all(root); }
  static std::string jpeg(int blue = 90) {
    auto xy = vips::VImage::xyz(900, 600);
    auto img = (xy[0] * (255.0 / 900)).bandjoin(xy[1] * (255.0 / 600)).bandjoin(blue).cast(VIPS_FORMAT_UCHAR);
    void* buf = nullptr;
    size_t size = 0;
    img.write_to_buffer(".jpg", &buf, &size);
    std::string out(static_cast<char*>(buf), size);
    g_free(buf);
    return out;
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  std::filesystem::path root = std::filesystem::temp_directory_path() / ("photos-db-" + random_token(6));
  FolderBlobStore blobs{root};
  PhotoPipeline pipeline{blobs, {}, 1};
  FixedClock clock{TimePoint{}};
  Photos photos{*db, blobs, pipeline, clock};
};

TEST_F(PhotosTest, RecordsRenditionsOnceAndServesOnlyRenditions) {
  const auto bytes = jpeg();
  auto first = photos.add(1, bytes, 0, "정면", "front");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->renditions.size(), 9u);
  EXPECT_EQ(first->perceptual_hash.size(), 16u);
  auto again = photos.add(1, bytes, 0, "", "");
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(photos.of_product(1).size(), 1u);
  auto served = photos.rendition(first->renditions.front().hash);
  ASSERT_TRUE(served.has_value());
  EXPECT_TRUE(served->second == "image/webp" || served->second == "image/jpeg");
  EXPECT_FALSE(photos.rendition(sha256_hex(bytes)).has_value());  // the original stays private
  EXPECT_FALSE(photos.rendition("not-a-hash").has_value());
  EXPECT_EQ(photos.add(1, "junk", 0, "", "").error().code, "not_an_image");
}

TEST_F(PhotosTest, ReorderCoverAltTextAndRemoval) {
  std::vector<long long> ids;
  for (int blue : {10, 120, 240}) {
    auto added = photos.add(1, jpeg(blue), 0, "", "");
    ASSERT_TRUE(added.ok()) << added.error().message;
    ids.push_back(added->id);
  }
  auto order_of = [&] {
    std::vector<long long> out;
    for (const auto& p : photos.of_product(1)) out.push_back(p.id);
    return out;
  };
  EXPECT_EQ(order_of(), ids);
  ASSERT_TRUE(photos.reorder(1, {ids[2], ids[0], ids[1]}).ok());
  EXPECT_EQ(order_of(), (std::vector<long long>{ids[2], ids[0], ids[1]}));
  EXPECT_EQ(photos.reorder(1, {ids[0], ids[1]}).error().code, "order_incomplete");
  EXPECT_EQ(photos.reorder(1, {ids[0], ids[0], ids[1]}).error().code, "order_repeats");
  EXPECT_EQ(photos.reorder(2, {ids[0], ids[1], ids[2]}).error().kind,
            ErrorKind::not_found);                                          // not its photos
  EXPECT_EQ(order_of(), (std::vector<long long>{ids[2], ids[0], ids[1]}));  // unchanged

  ASSERT_TRUE(photos.set_alt(1, ids[1], "  옆모습  ", "side view").ok());
  EXPECT_EQ(photos.of_product(1).back().alt_ko, "옆모습");
  EXPECT_EQ(photos.set_alt(1, ids[1], std::string(251, 'a'), "").error().field,
            "alt_ko_" + std::to_string(ids[1]));
  EXPECT_TRUE(photos.set_alt(1, ids[1], std::string(250, 'a'), "").ok());
  EXPECT_EQ(photos.set_alt(2, ids[1], "", "").error().kind, ErrorKind::not_found);
  EXPECT_EQ(photos.add(1, jpeg(50), 0, "\xff\xfe", "").error().field, "alt_ko");

  ASSERT_TRUE(photos.remove(1, ids[2]).ok());
  EXPECT_EQ(order_of(), (std::vector<long long>{ids[0], ids[1]}));
  EXPECT_EQ(photos.of_product(1).front().position, 0);
  EXPECT_EQ(photos.remove(1, ids[2]).error().kind, ErrorKind::not_found);
}

TEST(PhotoOrder, CoverAndMovesKeepEveryPhoto) {
  const std::vector<long long> order{1, 2, 3, 4};
  EXPECT_EQ(with_cover(order, 3), (std::vector<long long>{3, 1, 2, 4}));
  EXPECT_EQ(with_cover(order, 1), order);
  EXPECT_EQ(with_cover(order, 9), order);
  EXPECT_EQ(moved(order, 3, -1), (std::vector<long long>{1, 3, 2, 4}));
  EXPECT_EQ(moved(order, 3, +1), (std::vector<long long>{1, 2, 4, 3}));
  EXPECT_EQ(moved(order, 1, -1), order);
  EXPECT_EQ(moved(order, 4, +1), order);
  EXPECT_TRUE(check_order({1, 2}, {2, 1}).ok());
  EXPECT_EQ(check_order({1, 2}, {}).error().code, "order_incomplete");
}

TEST(Hex64, SixteenDigits) {
  EXPECT_EQ(hex64(0), "0000000000000000");
  EXPECT_EQ(hex64(0xdeadbeefULL), "00000000deadbeef");
}

}  // namespace brilliant::media
