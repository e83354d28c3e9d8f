// The studio's shoot list (issue 17): the views a product is photographed in and how files from a
// tethered camera's folder are named, {SKU}_{view}_{n} (e.g. "BR-1_front_1.jpg", "BR-1_spin_07.jpg").
// Values and rules only.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "studio/item.hpp"

namespace brilliant::studio {

struct ShotSpec {
  const char* view;
  int wanted;     // how many frames (1, or the spin's)
  bool required;  // needed before the product can be published
};
// front, side, back, detail (required); worn; spin (24 frames, 360°); card (the grey card, not published).
inline constexpr ShotSpec shoot_views[] = {{"front", 1, true},  {"side", 1, true},  {"back", 1, true},
                                           {"detail", 1, true}, {"worn", 1, false}, {"spin", 24, false},
                                           {"card", 1, false}};
inline constexpr int min_spin_frames = 8;  // fewer do not turn smoothly; not published
const ShotSpec* shot_spec(const std::string& view);

struct ShotName {
  std::string view;
  int n = 1;
};
// Reads "{SKU}_{view}_{n}.ext" for this SKU (case-insensitive; the SKU may itself hold '_' or '-'); nothing
// for another SKU or an unknown view.
std::optional<ShotName> parse_shot_name(const std::string& file_name, const std::string& sku);
// "{SKU}_{view}_{n}", n two digits for spin frames.
std::string shot_name(const std::string& sku, const std::string& view, int n);

// Where a product's shoot stands: per view, the frames done (latest non-void photo per view and n).
struct ShootEntry {
  std::string view;
  int wanted = 1, done = 0;
  bool required = false;
  std::vector<ItemPhoto> photos;  // by n
};
struct ShootList {
  std::vector<ShootEntry> entries;
  bool ready() const;  // every required view done
  const ShootEntry* entry(const std::string& view) const;
};
ShootList shoot_list(const std::vector<ItemPhoto>& photos);

// A product's shoot: its studio photos (of any of its items) and where the list stands.
struct ProductShoot {
  long long product_id = 0;
  std::string slug, title_ko, title_en, sku;
  std::vector<ItemPhoto> photos;  // every studio shot, oldest first
  ShootList list;
  int spin_published = 0;  // frames of the 360° view on the product page
};

}  // namespace brilliant::studio
