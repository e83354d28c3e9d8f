// The feeds' formats: every required field of each channel, and text made safe for TSV and XML.
#include "channels/feeds.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace brilliant::channels {
namespace {

FeedItem ring() {
  FeedItem i;
  i.id = 7;
  i.title = "달빛\t반지\n(14K)";
  i.description = "밤하늘 & <달> \"빛\" 'a'\x01";
  i.link = tracked_link("https://b.example", "moon-ring", "naver", "shopping_feed");
  i.image_link = "https://b.example/media/photos/abc";
  i.more_images = {"https://b.example/media/photos/def"};
  i.price = 412000;
  i.brand = "익산 공방";
  i.category_ko = "반지";
  i.category_en = "Ring";
  i.external_category = "50000436";
  i.search_tags = "14K 금 반지 금";
  i.shipping = 0;
  return i;
}

std::vector<std::vector<std::string>> rows_of(const std::string& tsv) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(tsv);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    rows.push_back(fields);
  }
  return rows;
}

std::string field(const std::vector<std::vector<std::string>>& rows, size_t row, const std::string& name) {
  for (size_t c = 0; c < rows[0].size(); ++c)
    if (rows[0][c] == name) return rows[row].at(c);
  ADD_FAILURE() << "no column " << name;
  return "";
}

TEST(Feeds, TsvFieldsHoldNoTabOrLineBreak) {
  EXPECT_EQ(tsv_field("a\tb\r\nc  d "), "a b c d");
  EXPECT_EQ(tsv_field("\n\n"), "");
}

TEST(Feeds, XmlTextEscapesAndDropsWhatXmlCannotHold) {
  EXPECT_EQ(xml_text("a & <b> \"c\" 'd'\x01\x1f\te"), "a &amp; &lt;b&gt; &quot;c&quot; 'd'\te");
}

TEST(Feeds, NaverFullHasEveryRequiredColumnOneRowPerPiece) {
  auto second = ring();
  second.id = 8;
  second.shipping = 3000;
  const auto rows = rows_of(naver_full({ring(), second}));
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(field(rows, 1, "id"), "7");
  EXPECT_EQ(field(rows, 1, "title"), "달빛 반지 (14K)");
  EXPECT_EQ(field(rows, 1, "price_pc"), "412000");
  EXPECT_EQ(field(rows, 1, "link"),
            "https://b.example/products/moon-ring?utm_source=naver&utm_medium=shopping_feed");
  EXPECT_EQ(field(rows, 1, "image_link"), "https://b.example/media/photos/abc");
  EXPECT_EQ(field(rows, 1, "add_image_link"), "https://b.example/media/photos/def");
  EXPECT_EQ(field(rows, 1, "category_name1"), "주얼리");
  EXPECT_EQ(field(rows, 1, "category_name2"), "반지");
  EXPECT_EQ(field(rows, 1, "naver_category"), "50000436");
  EXPECT_EQ(field(rows, 1, "brand"), "익산 공방");
  EXPECT_EQ(field(rows, 1, "search_tag"), "14K|금|반지");
  EXPECT_EQ(field(rows, 1, "shipping"), "0");
  EXPECT_EQ(field(rows, 2, "shipping"), "3000");
}

TEST(Feeds, NaverTitlesAreCutToAHundredCharacters) {
  auto long_one = ring();
  long_one.title = std::string(60, 'a') + std::string(60 * 3 / 3, 'b') + "반지반지";
  const auto rows = rows_of(naver_full({long_one}));
  EXPECT_EQ(field(rows, 1, "title").size(), 100u);
  long_one.title = std::string(98, 'a') + "반지반지";  // a cut never splits a Hangul syllable
  EXPECT_EQ(field(rows_of(naver_full({long_one})), 1, "title"), std::string(98, 'a') + "반지");
}

TEST(Feeds, NaverIncrementalNamesTheChangeAndItsTime) {
  FeedChange gone;
  gone.item.id = 9;
  gone.change = 'D';
  gone.at = "2026-12-01 10:00:00";
  const auto rows = rows_of(naver_incremental({{ring(), 'U', "2026-12-01 09:30:00"}, gone}));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(field(rows, 1, "class"), "U");
  EXPECT_EQ(field(rows, 1, "update_time"), "2026-12-01 09:30:00");
  EXPECT_EQ(field(rows, 1, "price_pc"), "412000");
  EXPECT_EQ(field(rows, 2, "id"), "9");
  EXPECT_EQ(field(rows, 2, "class"), "D");
  EXPECT_EQ(field(rows, 2, "title"), "");
  EXPECT_EQ(rows[2].size(), rows[0].size());
}

TEST(Feeds, GoogleRssHasTheRequiredAttributesEscaped) {
  const auto xml = google_rss({"B & co", "https://b.example", "보석"}, {ring()});
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  EXPECT_NE(xml.find("xmlns:g=\"http://base.google.com/ns/1.0\""), std::string::npos);
  EXPECT_NE(xml.find("<title>B &amp; co</title>"), std::string::npos);
  for (const char* tag :
       {"<g:id>7</g:id>", "<g:availability>in_stock</g:availability>", "<g:price>412000 KRW</g:price>",
        "<g:condition>new</g:condition>", "<g:brand>익산 공방</g:brand>",
        "<g:google_product_category>50000436</g:google_product_category>",
        "<g:image_link>https://b.example/media/photos/abc</g:image_link>",
        "<g:additional_image_link>https://b.example/media/photos/def</g:additional_image_link>"})
    EXPECT_NE(xml.find(tag), std::string::npos) << tag;
  EXPECT_NE(xml.find("&amp;utm_medium=shopping_feed</g:link>"), std::string::npos);
  EXPECT_NE(xml.find("<g:description>밤하늘 &amp; &lt;달&gt; &quot;빛&quot; 'a'</g:description>"),
            std::string::npos);
  EXPECT_NE(xml.find("<g:shipping><g:country>KR</g:country><g:price>0 KRW</g:price></g:shipping>"),
            std::string::npos);
}

TEST(Feeds, KakaoXmlHasTheCatalogsFieldsAndOurCategoryWhenNotMapped) {
  auto item = ring();
  item.external_category.clear();
  const auto xml = kakao_xml({"B", "https://b.example", "보석"}, {item});
  for (const char* tag :
       {"<id>7</id>", "<title>달빛\t반지\n(14K)</title>", "<availability>in stock</availability>",
        "<price>412000 KRW</price>", "<condition>new</condition>", "<brand>익산 공방</brand>",
        "<google_product_category>주얼리 &gt; 반지</google_product_category>"})
    EXPECT_NE(xml.find(tag), std::string::npos) << tag;
  EXPECT_EQ(xml.find("xmlns:g"), std::string::npos);
}

TEST(Feeds, TheFingerprintChangesWithWhatAFeedShows) {
  auto changed = ring();
  EXPECT_EQ(fingerprint(changed), fingerprint(ring()));
  changed.price += 1000;
  EXPECT_NE(fingerprint(changed), fingerprint(ring()));
  changed = ring();
  changed.description += ".";
  EXPECT_NE(fingerprint(changed), fingerprint(ring()));
}

}  // namespace
}  // namespace brilliant::channels
