// PDF documents drawn with Cairo and laid out with Pango (Debian's libcairo2 and libpango; fonts from
// fonts-noto-cjk, so Korean, Chinese and Japanese set as well as Latin): certificates, line sheets and
// posters. Coordinates in points (1/72 inch) from the page's top left. Cairo and Pango stay in pdf.cpp.
// One Pdf per thread.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "media/qr.hpp"

namespace brilliant::print {

inline constexpr double a4_short = 595.28, a4_long = 841.89;

struct Colour {
  double r = 0, g = 0, b = 0;
};

enum class Align { left, centre, right };

struct TextStyle {
  std::string family = "Noto Sans CJK KR";  // or "Noto Serif CJK KR"
  double size = 11;
  bool bold = false;
  Colour colour{};
  Align align = Align::left;
};

class Pdf {
 public:
  // A document of pages `width` x `height` points; `title` goes in its metadata.
  Pdf(double width, double height, const std::string& title);
  ~Pdf();
  Pdf(const Pdf&) = delete;
  Pdf& operator=(const Pdf&) = delete;

  // Sets `text` (plain UTF-8, never markup) wrapped to `width` with its top at y; returns its height.
  double text(double x, double y, double width, std::string_view text, const TextStyle& style);
  void line(double x1, double y1, double x2, double y2, double width, Colour colour);
  void frame(double x, double y, double width, double height, double line_width, Colour colour);
  void fill(double x, double y, double width, double height, Colour colour);
  // A QR code `size` points square (quiet zone included).
  void qr(double x, double y, double size, const media::QrCode& code);
  void new_page();
  // Ends the document and gives its bytes (the Pdf draws nothing more after).
  std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace brilliant::print
