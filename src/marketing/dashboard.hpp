// The marketing dashboard (issue 13), for the operator (everything) and for a workshop (its own pieces and
// parcels): the funnel (product views -> carts -> orders placed -> paid), paid revenue per day, and where
// it came from: channels (the orders' utm_source, "direct" without one), campaigns and coupons; for the
// operator also per workshop. Charts are drawn on the server as SVG: geometry here (pure), SQL in
// dashboard_repo.cpp.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace brilliant::marketing {

struct Funnel {
  long long views = 0, carts = 0, placed = 0, paid = 0;
};
// Orders and revenue under one name (a channel, a campaign, a coupon, a workshop).
struct Share {
  std::string key;
  long long orders = 0, revenue = 0;
};
// Visits from one traffic source in the period, with the paid orders and revenue its channel brought.
struct Traffic {
  std::string source;
  long long visits = 0, orders = 0, revenue = 0;
  double conversion = 0;  // paid orders per 100 visits, one decimal
};
struct DashboardData {
  std::string first_day, last_day;  // Seoul days, inclusive
  Funnel funnel;
  std::vector<std::pair<std::string, long long>> daily;        // every day of the period -> paid revenue
  std::vector<Share> channels, campaigns, coupons, workshops;  // largest revenue first
  long long orders = 0, revenue = 0, discount = 0;
  std::vector<Traffic> traffic;  // the operator's: most visits first
};

// One bar of a chart, in the SVG's own units.
struct Bar {
  std::string label;
  long long value = 0;
  long long x = 0, y = 0, width = 0, height = 0;
  long long percent = 0;  // share bars: of the largest, at least 1 when the value is not 0
};
// Vertical bars, one per day, scaled to the tallest, in a width x height box (labels left to the page).
std::vector<Bar> day_bars(const std::vector<std::pair<std::string, long long>>& daily, long long width,
                          long long height);
// Horizontal bars for shares (or funnel stages), scaled to the largest, `row` units apart.
std::vector<Bar> share_bars(const std::vector<std::pair<std::string, long long>>& values, long long width,
                            long long row);
// Each stage as a percentage of the one before it (views -> carts -> placed -> paid), one decimal.
std::vector<double> funnel_steps(const Funnel& funnel);

// Each source's visits joined with its channel's orders (a source with orders but no counted visit, such
// as mail opened in an app, is listed with 0 visits), most visits first.
std::vector<Traffic> traffic_of(const std::map<std::string, long long>& visits,
                                const std::vector<Share>& channels);

// The Seoul days from first to last, inclusive ("2026-11-01" ... "2026-11-30"); empty when last < first.
std::vector<std::string> days_between(const std::string& first, const std::string& last);

}  // namespace brilliant::marketing
