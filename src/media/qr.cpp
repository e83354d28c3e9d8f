#include "media/qr.hpp"

#include <qrencode.h>

#include <algorithm>
#include <memory>
#include <vips/vips8>

#include "media/vips_buffer.hpp"

namespace brilliant::media {
namespace {
constexpr int quiet = 4;
}

Result<QrCode> qr_encode(const std::string& text) {
  if (text.empty()) return Error::invalid("text", "qr_text_empty", "nothing to encode");
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M),
                                                     &QRcode_free);
  if (!qr) return Error::invalid("text", "qr_text_too_long", "the text does not fit in a QR code");
  QrCode code;
  code.size = qr->width;
  code.dark.resize(static_cast<size_t>(qr->width) * qr->width);
  for (size_t i = 0; i < code.dark.size(); ++i) code.dark[i] = (qr->data[i] & 1) != 0;
  return code;
}

std::string qr_svg(const QrCode& code) {
  const int side = code.size + 2 * quiet;
  std::string path;
  for (int y = 0; y < code.size; ++y)
    for (int x = 0; x < code.size; ++x)
      if (code.at(x, y))
        path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(side) + " " +
         std::to_string(side) + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" " +
         "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
}

std::string qr_png(const QrCode& code, int scale) {
  scale = std::clamp(scale, 1, 32);
  const int side = (code.size + 2 * quiet) * scale;
  std::vector<unsigned char> pixels(static_cast<size_t>(side) * side, 255);
  for (int y = 0; y < code.size; ++y)
    for (int x = 0; x < code.size; ++x)
      if (code.at(x, y))
        for (int dy = 0; dy < scale; ++dy)
          std::fill_n(
              pixels.begin() + static_cast<long>((y + quiet) * scale + dy) * side + (x + quiet) * scale,
              scale, 0);
  auto image = vips::VImage::new_from_memory(pixels.data(), pixels.size(), side, side, 1, VIPS_FORMAT_UCHAR);
  return encode_image(image, ".png");
}

}  // namespace brilliant::media
