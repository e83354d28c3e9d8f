#include "reports/chart.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"

namespace brilliant::reports {
namespace {

constexpr double width = 720, height = 300, left = 16, right = 16, top = 40, bottom = 56;

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

std::string rect(double x, double y, double w, double h, const std::string& fill, const std::string& tip) {
  return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
         "\" fill=\"" + markup_escape(fill) + "\"><title>" + markup_escape(tip) + "</title></rect>";
}

std::string label(double x, double y, const std::string& text, const char* anchor, const char* extra = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">" +
         markup_escape(text) + "</text>";
}

}  // namespace

std::string stacked_bars_svg(const std::string& title, const std::vector<std::string>& labels,
                             const std::vector<Series>& series,
                             const std::function<std::string(long long)>& format) {
  std::vector<long long> totals(labels.size(), 0);
  for (const auto& s : series)
    for (size_t i = 0; i < labels.size() && i < s.values.size(); ++i) totals[i] += std::max(0LL, s.values[i]);
  const long long most = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());
  const double plot_h = height - top - bottom, plot_w = width - left - right;
  const double slot = labels.empty() ? plot_w : plot_w / static_cast<double>(labels.size());
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width) + " " +
                    num(height) + "\" role=\"img\" aria-label=\"" + markup_escape(title) +
                    "\" class=\"chart\" font-family=\"sans-serif\" font-size=\"11\"><title>" +
                    markup_escape(title) + "</title>";
  out += label(left, 16, format(most), "start", " fill=\"#6b6470\"");
  out += "<line x1=\"" + num(left) + "\" y1=\"" + num(top + plot_h) + "\" x2=\"" + num(width - right) +
         "\" y2=\"" + num(top + plot_h) + "\" stroke=\"#cfc8d4\"/>";
  for (size_t i = 0; i < labels.size(); ++i) {
    double y = top + plot_h;
    const double x = left + slot * static_cast<double>(i) + slot * 0.15;
    for (const auto& s : series) {
      const long long v = i < s.values.size() ? std::max(0LL, s.values[i]) : 0;
      if (!v || !most) continue;
      const double h = plot_h * static_cast<double>(v) / static_cast<double>(most);
      y -= h;
      out += rect(x, y, slot * 0.7, h, s.colour, labels[i] + " " + s.label + ": " + format(v));
    }
    out += label(x + slot * 0.35, top + plot_h + 16, labels[i], "middle");
  }
  double x = left;
  for (const auto& s : series) {
    out += rect(x, height - 18, 10, 10, s.colour, s.label);
    out += label(x + 14, height - 9, s.label, "start");
    x += 24 + 7.0 * static_cast<double>(utf8_length(s.label)) + 12;
  }
  return out + "</svg>";
}

}  // namespace brilliant::reports
