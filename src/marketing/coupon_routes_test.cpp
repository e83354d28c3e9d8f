// How coupons read on the pages and in the API (coupon_routes.cpp): their state at a time, the budget
// meter, who bears them, and the totals over a list.
#include "marketing/coupon_routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::marketing {
namespace {

const catalog::Messages words = [](const std::string& key) { return "[" + key + "]"; };

CouponRow row(long long budget, long long spent) {
  CouponRow r;
  r.coupon.id = 3;
  r.coupon.code = "WELCOME10";
  r.coupon.name_ko = "환영";
  r.coupon.name_en = "Welcome";
  r.coupon.value = 10;
  r.coupon.budget = budget;
  r.coupon.spent = spent;
  r.coupon.starts_at = "2026-12-01T00:00:00Z";
  r.coupon.ends_at = "2026-12-31T15:00:00Z";
  r.results = {4, 3, 360000, spent};
  return r;
}

TEST(CouponRoutes, AStateAtATimeAndTheBudgetUsed) {
  const auto state = [](const CouponRow& r, const std::string& now) {
    return std::string(coupon_json(r, "en", now, words).at("state").as_string());
  };
  EXPECT_EQ(state(row(0, 0), "2026-11-30T00:00:00Z"), "scheduled");
  EXPECT_EQ(state(row(0, 0), "2026-12-05T00:00:00Z"), "active");
  EXPECT_EQ(state(row(0, 0), "2026-12-31T15:00:00Z"), "ended");
  EXPECT_EQ(state(row(100000, 100000), "2026-12-05T00:00:00Z"), "used_up");
  auto paused = row(0, 0);
  paused.coupon.paused = true;
  EXPECT_EQ(state(paused, "2026-12-05T00:00:00Z"), "paused");

  auto j = coupon_json(row(200000, 50000), "ko", "2026-12-05T00:00:00Z", words);
  EXPECT_EQ(j.at("budget_percent").as_int64(), 25);
  EXPECT_TRUE(j.at("has_budget").as_bool());
  EXPECT_EQ(j.at("bearer").as_string(), "hub");
  EXPECT_EQ(j.at("bearer_text").as_string(), "[coupons.bearer_hub]");
  EXPECT_EQ(j.at("revenue_text").as_string(), "360,000원");
  EXPECT_EQ(j.at("starts_at").as_string(), "2026-12-01 09:00");
  EXPECT_FALSE(j.contains("workshop"));
  auto unlimited = coupon_json(row(0, 50000), "en", "2026-12-05T00:00:00Z", words);
  EXPECT_FALSE(unlimited.at("has_budget").as_bool());
  EXPECT_EQ(unlimited.at("budget_text").as_string(), "[coupons.no_limit]");
}

TEST(CouponRoutes, TotalsAddUpOverTheList) {
  auto own = row(0, 20000);
  own.coupon.workshop_id = 5;
  own.coupon.workshop_bears = true;
  own.workshop_ko = "달 공방";
  const auto j = coupon_json(own, "ko", "2026-12-05T00:00:00Z", words);
  EXPECT_EQ(j.at("workshop").as_string(), "달 공방");
  EXPECT_EQ(j.at("bearer").as_string(), "workshop");
  const auto totals = coupon_totals_json({row(0, 10000), own}, "en", "2026-12-05T00:00:00Z");
  EXPECT_EQ(totals.at("active").as_int64(), 2);
  EXPECT_EQ(totals.at("orders").as_int64(), 8);
  EXPECT_EQ(totals.at("paid_orders").as_int64(), 6);
  EXPECT_EQ(totals.at("discount").as_int64(), 30000);
  EXPECT_EQ(totals.at("revenue_text").as_string(), "₩720,000");
}

}  // namespace
}  // namespace brilliant::marketing
