// The dashboard's model (dashboard_routes.cpp): texts in the reader's language, the charts' bars, the
// funnel's rates, channel names in words.
#include "marketing/dashboard_routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "web/i18n.hpp"
#include "web/static_files.hpp"

namespace brilliant::marketing {
namespace {

TEST(DashboardRoutes, TheModelSaysItInWordsAndBars) {
  const std::filesystem::path root = BRILLIANT_SOURCE_DIR;
  web::I18n i18n{root / "locales"};
  web::StaticFiles files{root / "static"};
  web::Renderer renderer{root / "templates", i18n, files, web::Reload::never};
  DashboardData d;
  d.first_day = d.last_day = "2026-11-30";
  d.funnel = {200, 20, 10, 8};
  d.daily = {{"2026-11-30", 480000}};
  d.channels = {{"direct", 5, 300000}, {"mail", 3, 180000}};
  d.orders = 8;
  d.revenue = 480000;
  const auto m = dashboard_json(d, "ko", renderer);
  EXPECT_EQ(m.at("revenue_text").as_string(), "480,000원");
  EXPECT_EQ(m.at("average_text").as_string(), "60,000원");
  EXPECT_EQ(m.at("conversion").as_double(), 4.0);
  EXPECT_TRUE(m.at("period_1").as_bool());
  const auto& funnel = m.at("funnel").as_array();
  ASSERT_EQ(funnel.size(), 4u);
  EXPECT_EQ(funnel[0].at("label").as_string(), "작품 조회");
  EXPECT_FALSE(funnel[0].as_object().contains("rate"));
  EXPECT_EQ(funnel[3].at("rate").as_double(), 80.0);
  const auto& channels = m.at("channels").as_array();
  EXPECT_EQ(channels[0].at("label").as_string(), "직접 방문");
  EXPECT_EQ(channels[1].at("label").as_string(), "메일");
  EXPECT_EQ(channels[1].at("width").as_int64(), 132);    // 180,000 of 300,000 over 220 units
  EXPECT_EQ(channels[0].at("percent").as_int64(), 100);  // the bars as shares of the longest
  EXPECT_EQ(channels[1].at("percent").as_int64(), 60);
  EXPECT_EQ(funnel[1].at("percent").as_int64(), 10);  // 20 carts of 200 views
  EXPECT_FALSE(m.at("has_campaigns").as_bool());
  EXPECT_EQ(m.at("daily").as_array()[0].at("height").as_int64(), 100);
  EXPECT_EQ(m.at("channels_height").as_int64(), 56);
  d.funnel.views = 28697;  // counts are written as people read them
  EXPECT_EQ(dashboard_json(d, "ko", renderer).at("funnel").as_array()[0].at("value_text").as_string(),
            "28,697");
  d.channels = {{"b2b", 1, 1325000}};  // orders placed from buyers' quotes
  EXPECT_EQ(dashboard_json(d, "en", renderer).at("channels").as_array()[0].at("label").as_string(),
            "B2B quotes");
}

}  // namespace
}  // namespace brilliant::marketing
