#include "live/show.hpp"

#include <algorithm>
#include <array>

#include "core/checks.hpp"
#include "core/text.hpp"

namespace brilliant::live {

namespace {
constexpr std::array<std::string_view, 4> state_names = {"scheduled", "live", "ended", "cancelled"};

Result<std::string> one_line(const std::string& field, const std::string& raw, bool required, size_t max) {
  std::string text(trim(raw));
  TRY(check_text(field, text, required, max));
  if (!single_line(text) || !safe_text_input(text))
    return Error::invalid(field, field + "_invalid", field + " must be one line of plain text");
  return text;
}

Result<std::string> paragraph(const std::string& field, const std::string& raw, size_t max) {
  std::string text(trim(raw));
  TRY(check_text(field, text, false, max));
  if (!safe_text_input(text))
    return Error::invalid(field, field + "_invalid", field + " holds control characters");
  return text;
}

// "2026-12-01T20:00" (Seoul, as a datetime-local field sends it) or stored UTC text -> UTC text.
Result<std::string> utc_time(const std::string& raw) {
  const std::string text(trim(raw));
  TimePoint t;
  if (parse_seoul_input(text, t)) return format_utc(t);
  return Error::invalid("scheduled_at", "scheduled_at_invalid",
                        "scheduled_at must be a date and time such as 2026-12-01T20:00 (Seoul)");
}
}  // namespace

std::string_view state_name(State state) { return state_names[static_cast<size_t>(state)]; }

std::optional<State> parse_state(std::string_view name) {
  for (size_t i = 0; i < state_names.size(); ++i)
    if (state_names[i] == name) return static_cast<State>(i);
  return std::nullopt;
}

Result<ShowInput> check_show(const ShowInput& in) {
  ShowInput out;
  out.title_ko = TRY(one_line("title_ko", in.title_ko, true, 120));
  out.title_en = TRY(one_line("title_en", in.title_en, true, 120));
  out.description_ko = TRY(paragraph("description_ko", in.description_ko, 2000));
  out.description_en = TRY(paragraph("description_en", in.description_en, 2000));
  out.scheduled_at = TRY(utc_time(in.scheduled_at));
  if (in.lineup.size() > max_lineup)
    return Error::invalid("lineup", "lineup_too_long",
                          "lineup: at most " + std::to_string(max_lineup) + " pieces");
  for (size_t i = 0; i < in.lineup.size(); ++i) {
    if (in.lineup[i] <= 0) return Error::invalid("lineup", "lineup_invalid", "lineup holds an invalid id");
    if (std::find(in.lineup.begin(), in.lineup.begin() + i, in.lineup[i]) != in.lineup.begin() + i)
      return Error::invalid("lineup", "lineup_repeated", "lineup names a piece twice");
  }
  out.lineup = in.lineup;
  if (in.slow_mode_seconds < 0 || in.slow_mode_seconds > 300)
    return Error::invalid("slow_mode_seconds", "slow_mode_invalid", "slow_mode_seconds: 0 to 300");
  out.slow_mode_seconds = in.slow_mode_seconds;
  out.rehearsal = in.rehearsal;
  out.banned_words = TRY(paragraph("banned_words", in.banned_words, 4000));
  out.notice = TRY(one_line("notice", in.notice, false, 300));
  return out;
}

std::string make_slug(std::string_view title, std::string_view suffix) {
  std::string out;
  bool dash = false;
  for (char c : title) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (!word) {
      dash = !out.empty();
      continue;
    }
    if (out.size() >= 48) break;
    if (dash) out += '-';
    dash = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (out.empty()) out = "show";
  return out + "-" + std::string(suffix);
}

bool valid_slug(std::string_view slug) {
  if (slug.empty() || slug.size() > 64 || slug.front() == '-' || slug.back() == '-') return false;
  return std::all_of(slug.begin(), slug.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Result<void> may_go_live(const Show& show) {
  if (show.state == State::ended)
    return Error::rule_broken("state", "show_ended", "this show has ended: schedule a new one");
  if (show.state == State::cancelled)
    return Error::rule_broken("state", "show_cancelled", "this show was cancelled");
  return {};
}

}  // namespace brilliant::live
