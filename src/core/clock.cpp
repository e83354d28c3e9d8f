#include "core/clock.hpp"

#include <cstdio>
#include <ctime>

namespace brilliant {
namespace {

std::string format(TimePoint t, const char* pattern, std::chrono::seconds offset) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t + offset);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, pattern, &tm);
  return buf;
}

}  // namespace

std::string format_utc(TimePoint t) { return format(t, "%Y-%m-%dT%H:%M:%SZ", std::chrono::seconds(0)); }

std::string format_seoul(TimePoint t) { return format(t, "%Y-%m-%d %H:%M", std::chrono::hours(9)); }

bool parse_utc(const std::string& text, TimePoint& out) {
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
      static_cast<size_t>(consumed) != text.size())
    return false;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  out = std::chrono::system_clock::from_time_t(timegm(&tm));
  return true;
}

std::string format_seoul(const std::string& utc) {
  TimePoint t;
  return !utc.empty() && parse_utc(utc, t) ? format_seoul(t) : std::string();
}

bool parse_seoul_input(const std::string& text, TimePoint& out) {
  if (parse_utc(text, out)) return true;
  if (text.size() != 16 || text[10] != 'T' || !parse_utc(text + ":00Z", out)) return false;
  out -= std::chrono::hours(9);
  return true;
}

}  // namespace brilliant
