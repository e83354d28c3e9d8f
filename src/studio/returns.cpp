#include "studio/returns.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "media/photo_pipeline.hpp"

namespace brilliant::studio {

namespace {

std::optional<uint64_t> hex64(const std::string& text) {
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

bool is_piece_view(const std::string& view) {
  return std::any_of(std::begin(piece_views), std::end(piece_views),
                     [&](const char* v) { return view == v; });
}

ReturnMatch compare_return(std::vector<ViewMatch> views, int packed_cg, int returned_cg) {
  ReturnMatch out;
  double likeness = 0;
  bool all = !views.empty();
  for (auto& v : views) {
    const auto a = hex64(v.packed_phash), b = hex64(v.returned_phash);
    v.distance = a && b ? media::hash_distance(*a, *b) : -1;
    v.match = v.distance >= 0 && v.distance <= match_distance;
    all = all && v.match;
    // 0 bits apart is the same picture; 32 is what two unrelated pictures average.
    if (v.distance >= 0) likeness += std::clamp(1.0 - v.distance / 32.0, 0.0, 1.0);
  }
  if (!views.empty()) likeness /= static_cast<double>(views.size());
  out.views = std::move(views);
  out.weight_diff_cg = returned_cg - packed_cg;
  const int tolerance = std::max(5, packed_cg / 50);
  out.weight_ok = returned_cg > 0 && std::abs(out.weight_diff_cg) <= tolerance;
  // The weight counts fully within the tolerance and fades to nothing at five times it.
  const double weight =
      returned_cg > 0
          ? std::clamp(1.0 - (std::abs(out.weight_diff_cg) - tolerance) / (4.0 * tolerance), 0.0, 1.0)
          : 0.0;
  out.score = static_cast<int>(100.0 * (0.7 * likeness + 0.3 * weight) + 0.5);
  out.match = all && out.weight_ok;
  return out;
}

std::optional<Decision> decision_of(const std::string& text) {
  if (text == "accept") return Decision::accept;
  if (text == "reject") return Decision::reject;
  if (text == "escalate") return Decision::escalate;
  return std::nullopt;
}

std::string to_string(Decision decision) {
  switch (decision) {
    case Decision::accept:
      return "accept";
    case Decision::reject:
      return "reject";
    case Decision::escalate:
      return "escalate";
  }
  return "";
}

}  // namespace brilliant::studio
