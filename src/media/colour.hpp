// Colour checked against a grey card (issue 17): when a neutral grey card is in the frame (a mid-grey
// patch of low chroma covering at least 2 % of it), its mean colour in CIELAB tells the cast of the light
// (a: green-red, b: blue-yellow; a neutral card reads 0, 0) and the RGB gains that make it neutral again,
// which the channel renditions apply to the photos shot under that light.
#pragma once
#include <array>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace brilliant::media {

struct ColourCheck {
  bool card = false;                                           // a grey card was found
  double share = 0;                                            // of the frame it covers
  double a = 0, b = 0;                                         // its mean CIELAB a*, b* (the cast)
  std::array<double, 3> gains{1.0, 1.0, 1.0};                  // R, G, B multipliers that neutralise it
  bool cast() const { return card && (a * a + b * b) > 9.0; }  // more than 3 ΔE of colour
};

// Errors on field "photo" when it cannot be read.
Result<ColourCheck> check_grey_card(std::string_view photo);
// "a +1.2, b +9.8 (warm)" for people.
std::string describe(const ColourCheck& check);

}  // namespace brilliant::media
