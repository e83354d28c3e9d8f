// Charts drawn on the server as SVG (issue 19): no script, no library, readable by screen readers (a
// <title> and a labelled role="img"), sized by the page (viewBox).
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace brilliant::reports {

struct Series {
  std::string label, colour;      // colour: "#b08a3e"
  std::vector<long long> values;  // one per bar, never negative
};

// Bars stacked from the series (the first at the bottom), one per label, with the largest total's
// value on the axis and a legend; `format` writes a value ("1,234,000원").
std::string stacked_bars_svg(const std::string& title, const std::vector<std::string>& labels,
                             const std::vector<Series>& series,
                             const std::function<std::string(long long)>& format);

}  // namespace brilliant::reports
