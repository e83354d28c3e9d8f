// Server-drawn SVG charts: one bar segment per non-zero value, scaled to the largest total, titled and
// escaped.
#include "reports/chart.hpp"

#include <gtest/gtest.h>

namespace brilliant::reports {
namespace {

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(Chart, StacksSeriesAndLabelsEverything) {
  const auto svg =
      stacked_bars_svg("GMV <2026>", {"1", "2", "3"},
                       {{"Store & co", "#b08a3e", {100, 0, 50}}, {"Live", "#b84d5c", {100, 0, 0}}},
                       [](long long v) { return std::to_string(v) + " won"; });
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("aria-label=\"GMV &lt;2026&gt;\""), std::string::npos);
  EXPECT_NE(svg.find("<title>1 Store &amp; co: 100 won</title>"), std::string::npos);
  EXPECT_NE(svg.find(">200 won</text>"), std::string::npos);  // the axis names the largest total
  EXPECT_EQ(count(svg, "<rect"), 3u + 2u);                    // three segments, two legend keys
  EXPECT_EQ(count(svg, "height=\"102.0\""), 2u);  // the tallest bar (100 + 100) spans the plot, 204 high
}

TEST(Chart, NothingToDrawIsStillAValidPicture) {
  const auto svg = stacked_bars_svg("Empty", {"1"}, {{"Store", "#000", {0}}},
                                    [](long long v) { return std::to_string(v); });
  EXPECT_EQ(count(svg, "<rect"), 1u);  // the legend only
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

}  // namespace
}  // namespace brilliant::reports
