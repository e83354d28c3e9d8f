// Live chat's rules (pure): length, banned words, rate limits, slow mode and moderation. The room asks
// check_message before a message is stored and sent to anyone.
#pragma once
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace brilliant::live {

inline constexpr size_t max_message_chars = 200;        // code points
inline constexpr int burst_messages = 3;                // a person may send this many at once...
inline constexpr std::chrono::seconds burst_window{5};  // ...within this window

// What the room remembers of one person in one show.
struct Chatter {
  std::vector<TimePoint> recent;  // times of their last messages, newest last (at most burst_messages)
  TimePoint muted_until{};
  bool banned = false;
};

struct ChatRules {
  int slow_mode_seconds = 0;              // 0: off; else one message per person per this many seconds
  std::vector<std::string> banned_words;  // lower-cased
  bool moderator = false;                 // hosts and moderators are exempt from slow mode and rate limits
};

// The banned-words text (one per line, as the host typed it) as a list: trimmed, lower-cased, blanks dropped.
std::vector<std::string> banned_word_list(std::string_view text);

// The message as it will be stored (trimmed) or why not: empty, too long, not text, a banned word, the
// person banned or muted. Its pace is not looked at.
Result<std::string> check_text(const ChatRules& rules, const Chatter& who, std::string_view text,
                               TimePoint now);

// The pace: too fast (burst or slow mode: the error says in how many seconds) unless a moderator. On
// success the time is noted in `recent` (the person's last messages, newest last). Across nodes the
// same rule runs on the record the nodes share (Bus::pace).
Result<void> check_pace(const ChatRules& rules, std::vector<TimePoint>& recent, TimePoint now);

// Both, as one node decides alone.
Result<std::string> check_message(const ChatRules& rules, Chatter& who, std::string_view text, TimePoint now);

}  // namespace brilliant::live
