// Product illustrations drawn in SVG from a product's attributes (category, metal colour, stone), so
// demo data looks like a jewelry store without downloading a single photo. Deterministic per seed.
#pragma once
#include <string>

namespace brilliant::catalog {

struct ArtSpec {
  std::string category;  // ring, necklace, ...
  std::string metal;     // gold, silver, platinum
  std::string colour;    // yellow, white, rose
  std::string stone;     // "" for none
  unsigned seed = 0;     // varies the background and proportions
};

// A square SVG (viewBox 0 0 400 400) of the piece.
std::string draw_svg(const ArtSpec& spec);

}  // namespace brilliant::catalog
