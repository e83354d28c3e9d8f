#include "web/rate_limit.hpp"

#include <cmath>

namespace brilliant::web {

std::optional<long long> take_token(Bucket& bucket, TimePoint now, double burst, double per_second) {
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  bucket.tokens = std::min(burst, bucket.tokens + std::max(0.0, elapsed) * per_second);
  bucket.updated = now;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return std::nullopt;
  }
  return static_cast<long long>(std::ceil((1.0 - bucket.tokens) / per_second));
}

RateLimiter::RateLimiter(const Clock& clock, int burst, std::chrono::seconds period)
    : clock_(clock),
      burst_(burst),
      per_second_(static_cast<double>(burst) / static_cast<double>(period.count())) {}

std::optional<long long> RateLimiter::take(const std::string& key) {
  const auto now = clock_.now();
  if (store_) return store_->take(name_ + ":" + key, now, burst_, per_second_);
  std::lock_guard lock(mutex_);
  if (buckets_.size() > 100000) {  // forget full buckets so memory stays bounded
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      double elapsed = std::chrono::duration<double>(now - it->second.updated).count();
      it = it->second.tokens + elapsed * per_second_ >= burst_ ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now});
  return take_token(it->second, now, burst_, per_second_);
}

}  // namespace brilliant::web
