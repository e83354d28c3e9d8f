#include "studio/shoot.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace brilliant::studio {

namespace {

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

const ShotSpec* shot_spec(const std::string& view) {
  for (const auto& spec : shoot_views)
    if (view == spec.view) return &spec;
  return nullptr;
}

std::optional<ShotName> parse_shot_name(const std::string& file_name, const std::string& sku) {
  // Only the file's own name: no folders, no extension.
  auto name = file_name.substr(
      file_name.find_last_of("/\\") == std::string::npos ? 0 : file_name.find_last_of("/\\") + 1);
  if (const auto dot = name.rfind('.'); dot != std::string::npos) name.resize(dot);
  const auto prefix = lower(sku) + "_";
  if (sku.empty() || !lower(name).starts_with(prefix)) return std::nullopt;
  const auto rest = lower(name.substr(prefix.size()));  // "{view}_{n}"
  const auto cut = rest.rfind('_');
  if (cut == std::string::npos || cut == 0 || cut + 1 >= rest.size() || rest.size() - cut > 4)
    return std::nullopt;
  const auto view = rest.substr(0, cut);
  const auto digits = rest.substr(cut + 1);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const auto* spec = shot_spec(view);
  const int n = std::stoi(digits);
  if (!spec || n < 1 || n > spec->wanted) return std::nullopt;
  return ShotName{view, n};
}

std::string shot_name(const std::string& sku, const std::string& view, int n) {
  char number[8];
  std::snprintf(number, sizeof number, view == "spin" ? "%02d" : "%d", n);
  return sku + "_" + view + "_" + number;
}

bool ShootList::ready() const {
  return std::all_of(entries.begin(), entries.end(),
                     [](const auto& e) { return !e.required || e.done >= e.wanted; });
}

const ShootEntry* ShootList::entry(const std::string& view) const {
  for (const auto& e : entries)
    if (e.view == view) return &e;
  return nullptr;
}

ShootList shoot_list(const std::vector<ItemPhoto>& photos) {
  // The latest photo of each (view, n) wins; void ones do not count.
  std::map<std::pair<std::string, int>, const ItemPhoto*> latest;
  for (const auto& p : photos)
    if (p.voided_at.empty() && shot_spec(p.view)) {
      auto& slot = latest[{p.view, p.shot_no}];
      if (!slot || slot->id < p.id) slot = &p;
    }
  ShootList out;
  for (const auto& spec : shoot_views) {
    ShootEntry e{spec.view, spec.wanted, 0, spec.required, {}};
    for (const auto& [key, photo] : latest)
      if (key.first == spec.view) e.photos.push_back(*photo);
    e.done = static_cast<int>(e.photos.size());
    out.entries.push_back(std::move(e));
  }
  return out;
}

}  // namespace brilliant::studio
