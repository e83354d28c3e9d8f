// The dashboard's chart geometry and funnel (dashboard.cpp).
#include "marketing/dashboard.hpp"

#include <gtest/gtest.h>

namespace brilliant::marketing {
namespace {

TEST(Dashboard, DayBarsScaleToTheTallestAndFillTheWidth) {
  const auto bars = day_bars({{"2026-11-01", 100}, {"2026-11-02", 0}, {"2026-11-03", 50}}, 600, 160);
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars[0].height, 160);
  EXPECT_EQ(bars[0].y, 0);
  EXPECT_EQ(bars[1].height, 0);  // nothing that day: no bar
  EXPECT_EQ(bars[2].height, 80);
  EXPECT_EQ(bars[2].y, 80);
  EXPECT_EQ(bars[1].x, 200);
  EXPECT_EQ(bars[1].width, 160);  // a gap between days
  EXPECT_EQ(day_bars({{"d", 1}}, 600, 160)[0].height, 160);
  EXPECT_EQ(day_bars({{"d", 1}, {"e", 1000000}}, 600, 160)[0].height, 1);  // small but seen
  EXPECT_TRUE(day_bars({}, 600, 160).empty());
}

TEST(Dashboard, ShareBarsAndTheFunnel) {
  const auto bars = share_bars({{"direct", 300}, {"mail", 150}}, 260, 28);
  EXPECT_EQ(bars[0].width, 260);
  EXPECT_EQ(bars[1].width, 130);
  EXPECT_EQ(bars[1].y, 28);
  EXPECT_EQ(bars[1].height, 18);
  EXPECT_EQ(bars[1].percent, 50);
  const auto thin = share_bars({{"views", 28697}, {"carts", 105}, {"none", 0}}, 260, 28);
  EXPECT_EQ(thin[1].percent, 1);  // a small share still shows; none shows none
  EXPECT_EQ(thin[2].percent, 0);
  EXPECT_EQ(funnel_steps({1000, 120, 30, 27}), (std::vector<double>{12.0, 25.0, 90.0}));
  EXPECT_EQ(funnel_steps({}), (std::vector<double>{0, 0, 0}));
}

TEST(Dashboard, DaysBetweenIsInclusive) {
  const auto days = days_between("2026-11-29", "2026-12-02");
  EXPECT_EQ(days, (std::vector<std::string>{"2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"}));
  EXPECT_TRUE(days_between("2026-12-02", "2026-12-01").empty());
  EXPECT_TRUE(days_between("soon", "2026-12-01").empty());
}

}  // namespace

TEST(Dashboard, TrafficJoinsVisitsWithTheOrdersOfTheirChannel) {
  const std::map<std::string, long long> visits = {{"naver", 400}, {"direct", 900}, {"instagram", 50}};
  const std::vector<Share> channels = {{"naver", 8, 800000}, {"direct", 9, 700000}, {"mail", 3, 150000}};
  const auto t = traffic_of(visits, channels);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].source, "direct");
  EXPECT_EQ(t[0].conversion, 1.0);
  EXPECT_EQ(t[1].source, "naver");
  EXPECT_EQ(t[1].conversion, 2.0);
  EXPECT_EQ(t[1].revenue, 800000);
  EXPECT_EQ(t[2].source, "instagram");
  EXPECT_EQ(t[2].orders, 0);
  EXPECT_EQ(t[3].source, "mail");  // orders without counted visits
  EXPECT_EQ(t[3].visits, 0);
  EXPECT_EQ(t[3].conversion, 0.0);
}

}  // namespace brilliant::marketing
