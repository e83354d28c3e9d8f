// The feeds built from the catalog: only published pieces in stock of active workshops, the operator's
// mapping, Naver's incremental feed following changes, and drawn pictures made into JPEGs.
#include "channels/channels.hpp"

#include <gtest/gtest.h>

#include "channels/testing.hpp"

namespace brilliant::channels {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(ChannelsTest, FeedsListPublishedPiecesInStockOnly) {
  piece("moon-ring");
  piece("sold-ring", 0);
  const auto hidden = piece("draft-ring");
  sql("UPDATE products SET status = 'draft' WHERE id = " + std::to_string(hidden));
  const auto naver = channels.feed(Feed::naver);
  EXPECT_TRUE(
      has(naver, "https://brilliant.example/products/moon-ring?utm_source=naver&utm_medium=shopping_feed"));
  EXPECT_FALSE(has(naver, "sold-ring"));
  EXPECT_FALSE(has(naver, "draft-ring"));
  EXPECT_TRUE(has(channels.feed(Feed::google), "moon-ring?utm_source=google&amp;utm_medium=shopping_feed"));
  EXPECT_TRUE(has(channels.feed(Feed::kakao), "moon-ring?utm_source=kakao&amp;utm_medium=catalog_feed"));
  EXPECT_TRUE(has(channels.feed(Feed::google), "<g:description>밤하늘의\t달을\n담았습니다 &amp; &lt;빛&gt;"));
  const auto s = channels.summary();
  EXPECT_EQ(s.listed, 1);
  EXPECT_EQ(s.out_of_stock, 1);
  EXPECT_EQ(s.with_photos, 0);
}

TEST_F(ChannelsTest, ASuspendedWorkshopsPiecesLeaveTheFeeds) {
  piece("moon-ring");
  EXPECT_TRUE(has(channels.feed(Feed::kakao), "moon-ring"));
  sql("UPDATE workshops SET status = 'suspended'");
  EXPECT_FALSE(has(channels.feed(Feed::kakao), "moon-ring"));
}

TEST_F(ChannelsTest, TheMappingShowsInEachChannelsFeed) {
  piece("moon-ring");
  EXPECT_FALSE(has(channels.feed(Feed::google), "<g:google_product_category>"));
  ASSERT_TRUE(channels.set_mapping("google", "ring", " 200 ").ok());
  ASSERT_TRUE(channels.set_mapping("kakao", "ring", "주얼리 > 반지 > 커플링").ok());
  EXPECT_TRUE(has(channels.feed(Feed::google), "<g:google_product_category>200</g:google_product_category>"));
  EXPECT_TRUE(has(channels.feed(Feed::kakao), "주얼리 &gt; 반지 &gt; 커플링"));
  const auto rows = channels.mapping("ko");
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].category, "ring");
  EXPECT_EQ(rows[0].name, "ko:catalog.category.ring");
  EXPECT_EQ(rows[0].external.at("google"), "200");
  EXPECT_EQ(rows[0].external.at("naver"), "");
}

TEST_F(ChannelsTest, BadMappingsNameTheirField) {
  EXPECT_EQ(channels.set_mapping("coupang", "ring", "1").error().field, "channel");
  EXPECT_EQ(channels.set_mapping("naver", "hat", "1").error().field, "category");
  EXPECT_EQ(channels.set_mapping("naver", "ring", "반지").error().field, "external");
  EXPECT_EQ(channels.set_mapping("google", "ring", "12345678901").error().field, "external");
  EXPECT_EQ(channels.set_mapping("kakao", "ring", "a\nb").error().field, "external");
  EXPECT_TRUE(channels.set_mapping("naver", "ring", "").ok());
}

TEST_F(ChannelsTest, NaverIncrementalFollowsInsertsUpdatesAndDeletes) {
  const auto moon = piece("moon-ring");
  const auto sun = piece("sun-ring");
  channels.feed(Feed::naver);  // the first build records both as new
  auto today = channels.naver_incremental("");
  ASSERT_TRUE(today.ok());
  EXPECT_TRUE(has(*today, "\tI\t"));
  clock.advance(std::chrono::hours(2));
  const auto later = format_seoul(clock.now()).replace(10, 1, "T");
  sql("UPDATE products SET price = price + 1000 WHERE id = " + std::to_string(moon));
  sql("UPDATE products SET status = 'archived' WHERE id = " + std::to_string(sun));
  auto changes = channels.naver_incremental(later);
  ASSERT_TRUE(changes.ok());
  EXPECT_TRUE(has(*changes, std::to_string(moon) + "\t달빛 반지")) << *changes;
  EXPECT_TRUE(has(*changes, "\tU\t"));
  EXPECT_TRUE(has(*changes, std::to_string(sun) + "\t\t"));
  EXPECT_TRUE(has(*changes, "\tD\t"));
  EXPECT_FALSE(has(*changes, "\tI\t"));  // before `later`
  sql("UPDATE products SET status = 'published' WHERE id = " + std::to_string(sun));
  changes = channels.naver_incremental(later);
  EXPECT_TRUE(has(*changes, "\tI\t"));  // it came back
  EXPECT_EQ(channels.naver_incremental("yesterday").error().field, "since");
}

TEST_F(ChannelsTest, ADrawnPictureBecomesASquareJpegOnlyForAListedPiece) {
  const auto id = piece("moon-ring");
  const auto image = db->read([&](soci::session& sql) {
    long long image_id = 0;
    sql << "SELECT id FROM product_images WHERE product_id = :p", soci::use(id), soci::into(image_id);
    return image_id;
  });
  EXPECT_TRUE(
      has(channels.feed(Feed::naver), "https://brilliant.example/feeds/images/" + std::to_string(image)));
  auto jpeg = channels.image(image);
  ASSERT_TRUE(jpeg.ok()) << jpeg.error().message;
  EXPECT_EQ(jpeg->substr(0, 3), "\xFF\xD8\xFF");
  EXPECT_EQ(channels.image(image).value(), *jpeg);  // kept
  EXPECT_EQ(channels.image(image + 100).error().kind, ErrorKind::not_found);
  sql("UPDATE products SET status = 'draft' WHERE id = " + std::to_string(id));
  EXPECT_EQ(channels.image(image).error().kind, ErrorKind::not_found);  // not even from memory
}

}  // namespace
}  // namespace brilliant::channels
