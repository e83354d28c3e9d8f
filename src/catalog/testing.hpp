// For tests: the sample ring that tests of the catalog, the console's forms and the CSV import start from
// (every field filled: stones, plating, engraving, two sizes with stock and prices). Change it in a test's
// own copy, not here.
#pragma once
#include "catalog/product.hpp"
#include "catalog/rules.hpp"

namespace brilliant::catalog {

inline Product sample_ring() {
  Product p;
  p.id = 11;
  p.workshop_id = 3;
  p.slug = "moon-ring-a1";
  p.status = catalog::ProductStatus::published;
  p.category = "ring";
  p.title_ko = "달빛 반지";
  p.title_en = "Moonlight Ring";
  p.story_ko = "밤하늘, \"달\"을 담았습니다.\n두 줄";
  p.story_en = "The night sky, with a \"moon\".";
  p.tags = "moon,gift";
  p.metal = "gold";
  p.purity = 585;
  p.colour = "rose";
  p.weight_mg = 2450;
  p.plating_metal = "rhodium";
  p.plating_process = "electroplated";
  p.plating_microns_x100 = 50;
  p.labour_fee = 90000;
  p.stone_cost = 120000;
  p.loss_bp = 800;
  p.margin_bp = 2050;
  p.engraving_max_chars = 12;
  p.engraving_fee = 15000;
  p.gift_wrap_fee = 3000;
  p.stones = {{"diamond", "lab_grown", 1, 300, "round", "F", "VS1", "excellent", "IGI", "LG123"},
              {"sapphire", "natural", 2, 50, "", "", "", "", "", ""}};
  p.variants = {{101, "MR-11", 0, catalog::circumference_for_korean_size(11), 0, "", 0, 3, 412000},
                {102, "MR-13", 1, 535, 0, "", 2600, 0, 418000}};
  return p;
}

}  // namespace brilliant::catalog
