#include "academy/certificate_pdf.hpp"

#include "media/qr.hpp"
#include "print/pdf.hpp"

namespace brilliant::academy {

std::string certificate_pdf(const Certificate& c, const std::string& verify_url) {
  using namespace print;
  const Colour gold{0.62, 0.49, 0.22}, ink{0.12, 0.12, 0.14}, grey{0.42, 0.42, 0.45};
  const double w = a4_long, h = a4_short, margin = 70, inner = w - 2 * margin;
  Pdf pdf(w, h, "수료증 Certificate " + c.number);
  pdf.frame(24, 24, w - 48, h - 48, 2.5, gold);
  pdf.frame(32, 32, w - 64, h - 64, 0.8, gold);
  const TextStyle serif{.family = "Noto Serif CJK KR", .size = 12, .colour = ink, .align = Align::centre};
  auto style = [&](double size, bool bold, Colour colour) {
    auto s = serif;
    s.size = size;
    s.bold = bold;
    s.colour = colour;
    return s;
  };
  double y = 62;
  y += pdf.text(margin, y, inner, "BRILLIANT ACADEMY · 브릴리언트 아카데미", style(11, false, gold)) + 14;
  y += pdf.text(margin, y, inner, "수 료 증", style(40, true, ink)) + 2;
  y += pdf.text(margin, y, inner, "Certificate of Completion", style(17, false, grey)) + 22;
  y += pdf.text(margin, y, inner, c.name, style(30, true, ink)) + 2;
  if (!c.workshop.empty()) y += pdf.text(margin, y, inner, c.workshop, style(13, false, grey));
  pdf.line(w / 2 - 150, y + 10, w / 2 + 150, y + 10, 0.8, gold);
  y += 24;
  y += pdf.text(margin + 40, y, inner - 80,
                "위 사람은 「" + c.title_ko +
                    "」 과정을 이수하고 모든 실습 과제를 실제 도구로 완수하였기에 이 증서를 드립니다.",
                style(13, false, ink)) +
       8;
  y += pdf.text(margin + 40, y, inner - 80,
                "has attended the course \u201C" + c.title_en +
                    "\u201D and completed every practice task on the platform's real tools.",
                style(12, false, grey));
  const std::string date = format_seoul(c.issued_at).substr(0, 10);
  const double base = h - 150;
  TextStyle left{.size = 10, .colour = grey};
  pdf.text(margin, base, 330, "수여일 Date of issue: " + date, left);
  pdf.text(margin, base + 18, 330, "증서 번호 Number: " + c.number, left);
  pdf.text(margin, base + 36, 380, "진위 확인 Verify: " + verify_url, left);
  pdf.line(margin, base + 74, margin + 220, base + 74, 0.8, ink);
  pdf.text(margin, base + 80, 300, "브릴리언트 허브 · Brilliant Hub, Iksan", left);
  if (auto code = media::qr_encode(verify_url)) pdf.qr(w - margin - 100, base - 8, 100, *code);
  return pdf.finish();
}

}  // namespace brilliant::academy
