// How a campaign's results read (campaign_routes.cpp): rates of those sent, the chart's bars, and the
// attribution cookie a tracked click sets.
#include "marketing/campaign_routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "orders/checkout.hpp"

namespace brilliant::marketing {
namespace {

TEST(CampaignRoutes, RatesBarsAndAttribution) {
  const auto j =
      variant_json({.sent = 400, .opened = 100, .clicked = 30, .orders = 3, .revenue = 360000}, "ko");
  EXPECT_EQ(j.at("open_rate").as_double(), 25.0);
  EXPECT_EQ(j.at("click_rate").as_double(), 7.5);
  EXPECT_EQ(j.at("open_bar").as_int64(), 75);
  EXPECT_EQ(j.at("order_bar").as_int64(), 2);
  EXPECT_EQ(j.at("revenue_text").as_string(), "360,000원");
  const auto none = variant_json({}, "en");
  EXPECT_EQ(none.at("click_rate").as_double(), 0.0);
  EXPECT_EQ(campaign_attribution({.campaign_id = 12, .variant = 'b', .link_path = "/shop"}),
            "mail|email|campaign-12|b");
  const auto back = orders::attribution_from(campaign_attribution({.campaign_id = 12, .variant = 'b'}));
  EXPECT_EQ(back.campaign, "campaign-12");
  EXPECT_EQ(back.content, "b");
  EXPECT_EQ(orders::attribution_from("x|<script>|c|d").medium, "");  // not a token: dropped
}

}  // namespace
}  // namespace brilliant::marketing
