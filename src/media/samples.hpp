// Generated studio shots for the demo data and the tests (no photo files in the repository): a gold
// piece (a disc, or a bar) on an off-white background lit unevenly from the left, as a station's camera
// sees one. JPEG.
#pragma once
#include <string>

namespace brilliant::media {

// The piece of `size` centred at (cx, cy) on a w x h frame; `light` is the brightest background level.
std::string sample_piece_photo(int cx, int cy, int size, bool bar = false, double light = 238, int w = 800,
                               int h = 600);

}  // namespace brilliant::media
