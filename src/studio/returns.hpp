// Returns at the studio (issue 17): a returned piece is weighed and photographed again with the views it
// was packed with, and the shots are compared with its packing photos: the perceptual-hash distance per
// view (media::piece_hash: light divided out, trimmed and centred, so a re-shot moved or relit lands
// close), the weight difference, and a match score. A person then decides. Values and rules only.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace brilliant::studio {

// The views a piece is photographed in when packed, and again when it comes back.
inline constexpr const char* piece_views[] = {"piece", "serial"};
bool is_piece_view(const std::string& view);

// A view's packing photo beside its return photo (either may be missing: id 0).
struct ViewMatch {
  std::string view;
  long long packed_id = 0, returned_id = 0;
  std::string packed_phash, returned_phash;  // 16 hex digits
  int distance = -1;                         // Hamming distance; -1 when a photo is missing
  bool match = false;                        // within match_distance
};

inline constexpr int match_distance = 16;  // of 64 bits (media/packshot.hpp)

struct ReturnMatch {
  std::vector<ViewMatch> views;
  int weight_diff_cg = 0;  // returned minus packed (intake) weight
  bool weight_ok = false;  // within 2 % or 0.05 g, whichever is larger
  int score = 0;           // 0-100: 70 % the views' likeness, 30 % the weight's
  bool match = false;      // every view and the weight
};

// Compares; `views` has each piece view with whatever photos exist.
ReturnMatch compare_return(std::vector<ViewMatch> views, int packed_cg, int returned_cg);

enum class Decision { accept, reject, escalate };
std::optional<Decision> decision_of(const std::string& text);
std::string to_string(Decision decision);

struct ReturnInspection {
  long long id = 0, item_id = 0, event_id = 0;
  std::string serial, order_number, sku, title, title_en;  // title: the Korean one
  int packed_cg = 0, weight_cg = 0;
  std::string opened_by, decision, reason, decided_by, created_at, decided_at;
  int score = 0;  // as decided
  long long log_index = -1;
  ReturnMatch match;  // as it stands now
  bool open() const { return decision.empty() || decision == "escalate"; }
};

}  // namespace brilliant::studio
