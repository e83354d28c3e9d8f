// QR codes (libqrencode) for links people scan from paper or a screen: a certificate's page, a piece's
// tag card. SVG for pages and print (crisp at any size), PNG (libvips) for places that need a bitmap.
// Error correction level M, a quiet zone of four modules as the standard asks. Thread safe.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"

namespace brilliant::media {

struct QrCode {
  int size = 0;            // modules per side, without the quiet zone
  std::vector<bool> dark;  // size x size, row by row
  bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x]; }
};

// Errors: empty text, or text too long for a QR code (over about 2,000 bytes).
Result<QrCode> qr_encode(const std::string& text);
// An SVG drawing one path of the dark modules, in a viewBox of modules plus the quiet zone.
std::string qr_svg(const QrCode& code);
// A PNG of `scale` pixels per module (black on white, quiet zone included).
std::string qr_png(const QrCode& code, int scale);

}  // namespace brilliant::media
