#include "exhibitions/pdf.hpp"

#include "print/pdf.hpp"

namespace brilliant::exhibitions {
namespace {

using print::Colour;
using print::TextStyle;

constexpr double page_w = print::a4_short, page_h = print::a4_long, margin = 40;
const Colour ink{0.11, 0.1, 0.13}, muted{0.42, 0.39, 0.44}, gold{0.69, 0.54, 0.24}, rule{0.85, 0.82, 0.86};

std::string family(const std::string& lang) {
  return lang == "zh" ? "Noto Sans CJK SC" : lang == "ja" ? "Noto Sans CJK JP" : "Noto Sans CJK KR";
}

TextStyle style(const std::string& lang, double size, bool bold = false, Colour colour = ink,
                print::Align align = print::Align::left) {
  TextStyle s;
  s.family = family(lang);
  s.size = size;
  s.bold = bold;
  s.colour = colour;
  s.align = align;
  return s;
}

void qr(print::Pdf& pdf, double x, double y, double size, const std::string& url) {
  if (auto code = media::qr_encode(url)) pdf.qr(x, y, size, *code);
}

double header(print::Pdf& pdf, const Sheet& s) {
  double y = margin;
  pdf.text(margin, y, 300, label(s.lang, "line_sheet"), style(s.lang, 10, true, gold));
  y += 16;
  y += pdf.text(margin, y, page_w - 2 * margin - 90, s.name, style(s.lang, 20, true)) + 4;
  const std::string where = s.city + (s.venue.empty() ? "" : " · " + s.venue) +
                            (s.booth.empty() ? "" : " · " + label(s.lang, "booth") + " " + s.booth);
  y += pdf.text(margin, y, page_w - 2 * margin - 90, where, style(s.lang, 10, false, muted)) + 2;
  y += pdf.text(margin, y, page_w - 2 * margin - 90, label(s.lang, "dates") + " " + s.dates,
                style(s.lang, 10, false, muted));
  qr(pdf, page_w - margin - 76, margin, 76, s.url);
  y = std::max(y, margin + 80) + 8;
  if (!s.wholesale)
    y += pdf.text(margin, y, page_w - 2 * margin, label(s.lang, "buyers_only"),
                  style(s.lang, 8.5, false, muted)) +
         6;
  pdf.line(margin, y, page_w - margin, y, 0.8, gold);
  return y + 10;
}

}  // namespace

std::string line_sheet_pdf(const Sheet& s) {
  print::Pdf pdf(page_w, page_h, label(s.lang, "line_sheet") + " · " + s.name);
  double y = header(pdf, s);
  const double text_w = page_w - 2 * margin - 80;
  for (const auto& l : s.lines) {
    if (y > page_h - margin - 90) {
      pdf.new_page();
      y = margin;
    }
    const double top = y;
    y += pdf.text(margin, y, text_w,
                  l.title + (l.machine_draft ? " (" + label(s.lang, "machine_draft") + ")" : ""),
                  style(s.lang, 12, true)) +
         2;
    y += pdf.text(margin, y, text_w, l.workshop + " · " + l.material, style(s.lang, 9, false, muted)) + 3;
    std::string price = label(s.lang, "retail") + " " + l.retail +
                        (l.retail_foreign.empty() ? "" : " (" + l.retail_foreign + ")");
    if (s.wholesale)
      price += "   " + label(s.lang, "wholesale") + " " + l.wholesale + " · " +
               label(s.lang, "min_quantity") + " " + l.min_quantity;
    y += pdf.text(margin, y, text_w, price, style(s.lang, 10, true, gold)) + 3;
    if (!l.story.empty()) y += pdf.text(margin, y, text_w, l.story, style(s.lang, 8.5)) + 2;
    qr(pdf, page_w - margin - 64, top, 64, l.url);
    y = std::max(y, top + 70) + 6;
    pdf.line(margin, y, page_w - margin, y, 0.4, rule);
    y += 10;
  }
  return pdf.finish();
}

std::string poster_pdf(const Exhibition& e, const std::string& sheet_url) {
  const auto& i = e.info;
  print::Pdf pdf(page_w, page_h, i.name_en);
  double y = 70;
  y += pdf.text(margin, y, page_w - 2 * margin, i.name_en, style("en", 26, true, ink, print::Align::centre)) +
       6;
  y += pdf.text(margin, y, page_w - 2 * margin, i.name_ko,
                style("ko", 16, false, muted, print::Align::centre)) +
       24;
  if (!i.booth.empty())
    y += pdf.text(margin, y, page_w - 2 * margin, "Booth " + i.booth,
                  style("en", 40, true, gold, print::Align::centre)) +
         24;
  const double size = 280;
  qr(pdf, (page_w - size) / 2, y, size, sheet_url);
  y += size + 24;
  for (const char* lang : languages)
    y += pdf.text(margin, y, page_w - 2 * margin, label(lang, "visit") + " · " + label(lang, "line_sheet"),
                  style(lang, 15, false, ink, print::Align::centre)) +
         8;
  pdf.text(margin, page_h - 60, page_w - 2 * margin, sheet_url,
           style("en", 9, false, muted, print::Align::centre));
  return pdf.finish();
}

}  // namespace brilliant::exhibitions
