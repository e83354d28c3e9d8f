#include "live/views.hpp"

#include <gtest/gtest.h>

#include "live/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::live {
namespace {

class ViewsTest : public LiveFixture {
 protected:
  web::TestPages pages;
  web::Request request(const std::string& locale) {
    web::Request r;
    r.locale = locale;
    return r;
  }
};

TEST_F(ViewsTest, AShowInBothLanguagesWithItsLineUpDealsAndChapters) {
  auto made = live.create(maker, 1, input({moon()})).value();
  ASSERT_TRUE(live.stream_started(made.stream_key));
  const auto variant_id = catalog.product("moon-ring")->variants.at(0).id;
  ASSERT_TRUE(live.add_deal(made.show.slug, maker, {variant_id, 96000, 3, 1, 60}));
  clock.advance(std::chrono::seconds(75));
  ASSERT_TRUE(live.pin(made.show.slug, maker, moon()));
  const auto show = *live.find(made.show.slug);
  auto ko = show_json(show, *catalog.snapshot(), clock.now(), pages.renderer, request("ko"));
  EXPECT_EQ(ko.at("title"), "달빛 라이브");
  EXPECT_EQ(ko.at("state_text"), "LIVE");
  EXPECT_EQ(ko.at("host"), "달 공방");
  EXPECT_EQ(ko.at("lineup").at(0).at("id").as_int64(), moon());
  EXPECT_EQ(ko.at("deals").at(0).at("percent_off").as_int64(), 20);
  EXPECT_EQ(ko.at("deals").at(0).at("price_text"), "96,000원");
  EXPECT_EQ(ko.at("chapters").at(0).at("offset").as_int64(), 75);
  auto en = show_json(show, *catalog.snapshot(), clock.now(), pages.renderer, request("en"));
  EXPECT_EQ(en.at("title"), "Moonlight live");
  EXPECT_EQ(en.at("url"), ("/en/live/" + show.slug).c_str());
  EXPECT_EQ(en.at("deals").at(0).at("phase_text"), "Starting soon");
}

TEST(Views, OffsetsAndAnalyticsRead) {
  EXPECT_EQ(offset_seconds("2026-12-01T11:00:00Z", "2026-12-01T11:02:05Z"), 125);
  EXPECT_EQ(offset_seconds("", "2026-12-01T11:02:05Z"), 0);
  EXPECT_EQ(offset_seconds("2026-12-01T11:00:00Z", "2026-12-01T10:00:00Z"), 0);
  Analytics a;
  a.average_viewers = 12.34;
  a.conversion = 0.125;
  a.revenue = 1234000;
  auto o = analytics_json(a, "ko");
  EXPECT_EQ(o.at("average_viewers_text"), "12.3");
  EXPECT_EQ(o.at("conversion_text"), "12.5%");
  EXPECT_EQ(o.at("revenue_text"), "1,234,000원");
}

}  // namespace
}  // namespace brilliant::live
