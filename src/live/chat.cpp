#include "live/chat.hpp"

#include "core/text.hpp"

namespace brilliant::live {

namespace {
std::string seconds_text(std::chrono::nanoseconds left) {
  return std::to_string(std::chrono::ceil<std::chrono::seconds>(left).count());
}
}  // namespace

std::vector<std::string> banned_word_list(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    auto word = ascii_lower(trim(text.substr(start, end - start)));
    if (!word.empty()) out.push_back(std::move(word));
    start = end + 1;
  }
  return out;
}

Result<std::string> check_text(const ChatRules& rules, const Chatter& who, std::string_view raw,
                               TimePoint now) {
  if (who.banned) return Error::forbidden("you were removed from this show's chat");
  if (now < who.muted_until)
    return Error::too_many("you are muted for " + seconds_text(who.muted_until - now) + " more seconds");
  const std::string text(trim(raw));
  if (text.empty()) return Error::invalid("text", "text_required", "text is required");
  if (!valid_utf8(text) || !safe_text_input(text) || !single_line(text))
    return Error::invalid("text", "text_invalid", "text must be one line of plain text");
  if (utf8_length(text) > max_message_chars)
    return Error::invalid("text", "text_too_long",
                          "text: at most " + std::to_string(max_message_chars) + " characters");
  const auto lower = ascii_lower(text);
  for (const auto& word : rules.banned_words)
    if (lower.find(word) != std::string::npos)
      return Error::rule_broken("text", "text_banned_word",
                                "the message holds a word this show does not allow");
  return text;
}

Result<void> check_pace(const ChatRules& rules, std::vector<TimePoint>& recent, TimePoint now) {
  if (rules.moderator) return {};
  if (rules.slow_mode_seconds > 0 && !recent.empty()) {
    const auto next = recent.back() + std::chrono::seconds(rules.slow_mode_seconds);
    if (now < next) return Error::too_many("slow mode: wait " + seconds_text(next - now) + " seconds");
  }
  if (static_cast<int>(recent.size()) >= burst_messages && now < recent.front() + burst_window)
    return Error::too_many("too many messages: wait " + seconds_text(recent.front() + burst_window - now) +
                           " seconds");
  recent.push_back(now);
  while (static_cast<int>(recent.size()) > burst_messages) recent.erase(recent.begin());
  return {};
}

Result<std::string> check_message(const ChatRules& rules, Chatter& who, std::string_view raw, TimePoint now) {
  auto text = TRY(check_text(rules, who, raw, now));
  TRY(check_pace(rules, who.recent, now));
  return text;
}

}  // namespace brilliant::live
