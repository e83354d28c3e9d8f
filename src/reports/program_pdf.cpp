#include "reports/program_pdf.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "print/pdf.hpp"

namespace brilliant::reports {
namespace {

using print::Colour;
using print::TextStyle;

constexpr double page_w = print::a4_long, page_h = print::a4_short, margin = 36;
const Colour ink{0.11, 0.1, 0.13}, muted{0.42, 0.39, 0.44}, rule{0.81, 0.78, 0.83};

// "#rrggbb" (program.hpp's channel_colours) as the PDF's colour.
Colour colour_of(std::string_view hex) {
  unsigned rgb = 0;
  std::from_chars(hex.data() + 1, hex.data() + hex.size(), rgb, 16);
  return {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0};
}

TextStyle style(double size, bool bold = false, Colour colour = ink,
                print::Align align = print::Align::left) {
  TextStyle s;
  s.size = size;
  s.bold = bold;
  s.colour = colour;
  s.align = align;
  return s;
}

// A table row: cells in columns of the given widths, numbers right-aligned after the first.
double row(print::Pdf& pdf, double y, const std::vector<std::string>& cells,
           const std::vector<double>& widths, bool head) {
  double x = margin, tallest = 0;
  for (size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
    const auto align = i == 0 ? print::Align::left : print::Align::right;
    tallest = std::max(tallest,
                       pdf.text(x, y, widths[i] - 6, cells[i], style(8.5, head, head ? muted : ink, align)));
    x += widths[i];
  }
  pdf.line(margin, y + tallest + 3, page_w - margin, y + tallest + 3, 0.4, rule);
  return y + tallest + 6;
}

double chart(print::Pdf& pdf, double y, const Report& r, const Words& w) {
  const double h = 120, slot = (page_w - 2 * margin) / 12;
  long long most = 1;
  for (const auto& m : r.months) most = std::max(most, m.gmv);
  for (int m = 0; m < 12; ++m) {
    double top = y + h;
    for (int c = 0; c < channel_count; ++c) {
      const double bar = h * static_cast<double>(r.months[m].channel_gmv[c]) / static_cast<double>(most);
      if (bar <= 0) continue;
      top -= bar;
      pdf.fill(margin + slot * m + slot * 0.2, top, slot * 0.6, bar, colour_of(channel_colours[c]));
    }
    pdf.text(margin + slot * m, y + h + 4, slot, std::to_string(m + 1),
             style(8, false, muted, print::Align::centre));
  }
  pdf.line(margin, y + h, page_w - margin, y + h, 0.5, rule);
  double x = margin;
  for (int c = 0; c < channel_count; ++c) {
    pdf.fill(x, y + h + 20, 8, 8, colour_of(channel_colours[c]));
    pdf.text(x + 12, y + h + 18, 120, w(std::string("reports.channel.") + sales_channels[c]), style(8));
    x += 130;
  }
  return y + h + 40;
}

}  // namespace

std::string program_pdf(const Report& r, const Words& w, const std::string& brand,
                        const std::function<std::string(long long)>& money) {
  print::Pdf pdf(page_w, page_h, w("reports.title") + " " + std::to_string(r.year));
  double y = margin;
  y += pdf.text(margin, y, page_w - 2 * margin,
                brand + " · " + w("reports.title") + " " + std::to_string(r.year), style(18, true)) +
       6;
  y += pdf.text(margin, y, page_w - 2 * margin, w("reports.gmv_note"), style(8.5, false, muted)) + 10;
  const std::vector<std::pair<std::string, std::string>> headline = {
      {w("reports.gmv"), money(r.total.gmv)},
      {w("reports.orders"), std::to_string(r.total.orders)},
      {w("reports.aov"), money(r.total.aov())},
      {w("reports.active_workshops"), std::to_string(r.total.active_workshops)}};
  const double box = (page_w - 2 * margin) / 4;
  for (size_t i = 0; i < headline.size(); ++i) {
    pdf.text(margin + box * i, y, box - 8, headline[i].first, style(8.5, false, muted));
    pdf.text(margin + box * i, y + 12, box - 8, headline[i].second, style(15, true));
  }
  y = chart(pdf, y + 42, r, w);
  const std::vector<double> widths = {70, 60, 100, 90, 90, 90, 80, 70, 70, 70};
  std::vector<std::string> head = {w("reports.month"), w("reports.orders"), w("reports.gmv"),
                                   w("reports.aov")};
  for (const char* c : sales_channels) head.push_back(w(std::string("reports.channel.") + c));
  head.push_back(w("reports.active_workshops"));
  head.push_back(w("reports.new_products"));
  pdf.new_page();
  y = row(pdf, margin, head, widths, true);
  auto line = [&](const std::string& label, const Figures& m) {
    std::vector<std::string> cells = {label, std::to_string(m.orders), money(m.gmv), money(m.aov())};
    for (int c = 0; c < channel_count; ++c)
      cells.push_back(channel_in_use(r.in_use, c) ? money(m.channel_gmv[c]) : w("reports.not_in_use"));
    cells.push_back(std::to_string(m.active_workshops));
    cells.push_back(std::to_string(m.new_products));
    y = row(pdf, y, cells, widths, false);
  };
  for (int m = 0; m < 12; ++m) line(month_label(r.year, m + 1), r.months[m]);
  line(w("reports.total"), r.total);
  y += 14;
  y += pdf.text(margin, y, page_w - 2 * margin, w("reports.other_parts"), style(12, true)) + 6;
  const std::vector<double> two = {300, 120};
  y = row(pdf, y, {w("reports.workshops"), std::to_string(r.total.workshops)}, two, false);
  y = row(pdf, y,
          {w("reports.certified_workshops"), figure(r.in_use.certification, r.total.certified_workshops, w)},
          two, false);
  y = row(pdf, y,
          {w("reports.products_certified"), figure(r.in_use.certification, r.total.products_certified, w)},
          two, false);
  y = row(pdf, y, {w("reports.trainees"), figure(r.in_use.academy, r.total.trainees, w)}, two, false);
  y = row(pdf, y, {w("reports.completions"), figure(r.in_use.academy, r.total.completions, w)}, two, false);
  y = row(pdf, y, {w("reports.leads"), figure(r.in_use.exhibitions, r.total.leads, w)}, two, false);
  y = row(pdf, y, {w("reports.contracts"), figure(r.in_use.b2b, r.total.contracts, w)}, two, false);
  pdf.new_page();
  y = margin;
  y += pdf.text(margin, y, page_w - 2 * margin, w("reports.by_workshop"), style(12, true)) + 6;
  const std::vector<double> three = {300, 100, 140};
  y = row(pdf, y, {w("reports.workshop"), w("reports.orders"), w("reports.gmv")}, three, true);
  for (const auto& ws : r.workshops) {
    if (y > page_h - margin - 20) {
      pdf.new_page();
      y = margin;
    }
    y = row(pdf, y, {ws.name, std::to_string(ws.orders), money(ws.gmv)}, three, false);
  }
  return pdf.finish();
}

}  // namespace brilliant::reports
