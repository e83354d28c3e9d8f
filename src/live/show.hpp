// Live shows (issue 18): the values and their pure rules. A show has a host (a workshop, or the hub),
// titles in Korean and English, a schedule, a line-up of pieces and live-only deals; nginx-rtmp asks us
// to accept its stream key when the host goes live and tells us when the stream ends.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/text.hpp"

namespace brilliant::live {

enum class State { scheduled, live, ended, cancelled };
std::string_view state_name(State state);
std::optional<State> parse_state(std::string_view name);

struct Deal {
  long long id = 0, show_id = 0, variant_id = 0, product_id = 0;
  long long price = 0;  // won, the deal price
  long long regular_price = 0;
  int quantity = 0, sold = 0, per_customer = 1, duration_seconds = 0;
  std::string starts_at, ends_at;  // empty until started
  std::string product_name, product_slug, variant_label;
};

struct Chapter {
  long long product_id = 0;
  std::string at;  // UTC text
};

struct Show {
  long long id = 0;
  std::string slug;
  long long workshop_id = 0;            // 0: the hub hosts it
  std::string host_name, host_name_en;  // the workshop's names (Korean; English, "" when it has none)
  std::string title_ko, title_en, description_ko, description_en;
  std::string scheduled_at;  // UTC text
  State state = State::scheduled;
  std::string started_at, ended_at, replay_url;
  int slow_mode_seconds = 0;
  std::string banned_words;  // one per line
  std::string notice;
  int peak_viewers = 0;
  long long watch_seconds = 0;
  std::vector<long long> moderator_ids;  // people the host named to moderate its chat
  std::vector<long long> lineup;         // product ids in order
  std::vector<Chapter> chapters;
  bool rehearsal = false;  // private: only its host and the operator see it (the academy's practice show)
  std::vector<Deal> deals;

  const std::string& title(const std::string& locale) const { return locale == "en" ? title_en : title_ko; }
  const std::string& description(const std::string& locale) const {
    return locale == "en" ? description_en : description_ko;
  }
  std::string host(const std::string& locale) const {
    return in_language(locale == "en", host_name, host_name_en);
  }
};

// What a host types to create or change a show. scheduled_at is "YYYY-MM-DDTHH:MM" in Seoul time (a
// datetime-local field) or UTC text.
struct ShowInput {
  std::string title_ko, title_en, description_ko, description_en, scheduled_at;
  std::vector<long long> lineup;
  int slow_mode_seconds = 0;
  std::string banned_words, notice;
  bool rehearsal = false;
};
inline constexpr size_t max_lineup = 30;

// Trims and checks every field (errors name it): titles required (one line, 120 bytes), descriptions up
// to 2,000 bytes, a time that parses, the line-up without repeats and at most max_lineup pieces, slow
// mode 0 to 300 seconds, banned words and notice bounded. The time comes back as UTC text.
Result<ShowInput> check_show(const ShowInput& input);

// A show's address: the title's ASCII letters and digits in lower case joined by '-', then a short
// random suffix so titles may repeat ("gold-rings-night-k7q2"); "show-k7q2" for a title with none.
std::string make_slug(std::string_view title_en, std::string_view suffix);
bool valid_slug(std::string_view slug);

// May a show go live when nginx presents its key? Scheduled (or live again after a dropped stream) yes;
// ended or cancelled no. Errors say why.
Result<void> may_go_live(const Show& show);

}  // namespace brilliant::live
