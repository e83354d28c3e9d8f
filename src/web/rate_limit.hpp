// Token-bucket rate limits by key (an IP, an account), in memory on this node.
// Thread safe. (Several nodes share limits through Redis: DESIGN.md §7, not built yet.)
#pragma once
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace brilliant::web {

class RateLimiter {
 public:
  // Allows `burst` requests at once, refilled at burst per `period`.
  RateLimiter(const Clock& clock, int burst, std::chrono::seconds period);

  // Takes one token for key; when none is left returns the seconds to wait (for Retry-After).
  std::optional<long long> take(const std::string& key);

 private:
  struct Bucket {
    double tokens;
    TimePoint updated;
  };
  const Clock& clock_;
  double burst_;
  double per_second_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace brilliant::web
