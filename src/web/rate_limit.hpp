// Token-bucket rate limits by key (an IP, an account): in memory on this node, or, when several nodes
// serve (issue 16), in a store they all share (app/ gives one over the database). Thread safe.
#pragma once
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace brilliant::web {

struct Bucket {
  double tokens;
  TimePoint updated;
};

// Refills the bucket for the time since it was last updated and takes one token: nothing when it had
// one, else the seconds to wait (for Retry-After).
std::optional<long long> take_token(Bucket& bucket, TimePoint now, double burst, double per_second);

// Buckets shared by every node. take() does what take_token does to key's bucket (a full one when the key is
// new) and stores what it leaves, as one step no other node's take of the key can come between.
class BucketStore {
 public:
  virtual ~BucketStore() = default;
  virtual std::optional<long long> take(const std::string& key, TimePoint now, double burst,
                                        double per_second) = 0;
};

class RateLimiter {
 public:
  // Allows `burst` requests at once, refilled at burst per `period`.
  RateLimiter(const Clock& clock, int burst, std::chrono::seconds period);

  // Keeps this limiter's buckets in `store` under "name:key" from now on.
  void share(BucketStore* store, std::string name) {
    store_ = store;
    name_ = std::move(name);
  }

  // Takes one token for key; when none is left returns the seconds to wait (for Retry-After).
  std::optional<long long> take(const std::string& key);

 private:
  const Clock& clock_;
  double burst_;
  double per_second_;
  BucketStore* store_ = nullptr;
  std::string name_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace brilliant::web
