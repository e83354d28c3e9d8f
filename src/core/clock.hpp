// The clock is injected (STYLE.md "Deterministic"): code asks a Clock for the time, tests use FixedClock.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace brilliant {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that stands still until advanced. Thread safe.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(TimePoint::duration(now_.load())); }
  void advance(std::chrono::seconds by) {
    now_ += std::chrono::duration_cast<TimePoint::duration>(by).count();
  }
  void set(TimePoint t) { now_ = t.time_since_epoch().count(); }

 private:
  std::atomic<TimePoint::rep> now_;
};

// "2026-11-25T10:00:00Z": how times are stored in the database (UTC, sortable as text).
std::string format_utc(TimePoint t);
// Parses format_utc's output; returns false on anything else.
bool parse_utc(const std::string& text, TimePoint& out);
// "2026-11-25 19:00" in Asia/Seoul (UTC+9, no daylight saving), how pages show times.
std::string format_seoul(TimePoint t);
// The same from a stored format_utc text; empty for empty or unreadable text.
std::string format_seoul(const std::string& utc);
// A time as a person types it: "2026-12-01T20:00" (a datetime-local field, Seoul time) or stored UTC text;
// false on anything else.
bool parse_seoul_input(const std::string& text, TimePoint& out);

}  // namespace brilliant
