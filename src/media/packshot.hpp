// Channel photography (issue 17): a studio shot made ready for every sales channel. The background is
// flattened to pure white even when it was off-white and unevenly lit (a plane fitted to the border's
// colour per band divides the light out), the piece is found, trimmed and centred on a square canvas so
// that its longer side fills `fill` of it, and the result is written as JPEG. Channel sizes: Naver
// SmartStore 1000x1000, Coupang 780x780, Amazon 2000x2000 on 255,255,255. Thread safe.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace brilliant::media {

struct ChannelSpec {
  const char* channel;
  int side;  // square, pixels
};
inline constexpr ChannelSpec channel_specs[] = {{"naver", 1000}, {"coupang", 780}, {"amazon", 2000}};
// The channel's spec; nullptr when unknown.
const ChannelSpec* channel_spec(std::string_view channel);

struct Packshot {
  std::string jpeg;
  int side = 0;
  // Where the piece ended up, for checks: its box on the canvas.
  int left = 0, top = 0, width = 0, height = 0;
};

// Errors on field "photo": not an image, or no piece found (an empty, all-background frame).
// gains: RGB multipliers applied first (a grey card's, media/colour.hpp), 1 for none.
Result<Packshot> make_packshot(std::string_view photo, int side, double fill = 0.85,
                               const std::array<double, 3>& gains = {1.0, 1.0, 1.0});

// The same photo for several sides at once: decoded (shrunk on load) and flattened once.
Result<std::vector<Packshot>> make_packshots(std::string_view photo, const std::vector<int>& sides,
                                             double fill = 0.85,
                                             const std::array<double, 3>& gains = {1.0, 1.0, 1.0});

// Any picture a browser shows (JPEG, PNG, WebP, SVG) fitted into `fill` of a `side` x `side` white square,
// as JPEG: what a channel's feed links for a piece that has a drawn picture and no photograph. Errors on
// field "photo" when libvips cannot read it.
Result<std::string> square_on_white(std::string_view image, int side, double fill = 0.85);

// The perceptual hash (as photo_pipeline.hpp's) of the piece itself: light divided out, trimmed and
// centred first, so that a re-shot of the same piece, moved or nearer the camera, lands close (within
// 16 bits) and another piece far (beyond 20). The whole frame's hash when no piece stands out. For
// matching a returned piece's photos with its packing photos.
Result<uint64_t> piece_hash(std::string_view photo);

}  // namespace brilliant::media
