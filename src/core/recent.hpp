// What was worked out for a key a moment ago, kept for a while: a result too dear to make on every
// request and fine to be that old (a cart's "for you" pieces, which score every piece on sale; who a
// session cookie belongs to, for cached storefront pages).
// At most `most` keys are kept (all forgotten when full: a flood of keys cannot grow it). Thread safe.
#pragma once
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace brilliant {

template <class Value>
class Recent {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Recent(std::chrono::milliseconds fresh_for, size_t most = 20000)
      : fresh_for_(fresh_for), most_(most) {}

  // The value kept for `key` when it is younger than `fresh_for`.
  std::optional<Value> get(const std::string& key, Clock::time_point now = Clock::now()) const {
    std::lock_guard lock(mutex_);
    auto it = kept_.find(key);
    if (it == kept_.end() || now - it->second.at >= fresh_for_) return std::nullopt;
    return it->second.value;
  }
  void put(const std::string& key, Value value, Clock::time_point now = Clock::now()) {
    std::lock_guard lock(mutex_);
    if (kept_.size() >= most_) kept_.clear();
    kept_.insert_or_assign(key, Kept{std::move(value), now});
  }
  void forget(const std::string& key) {
    std::lock_guard lock(mutex_);
    kept_.erase(key);
  }
  // The kept value, or `make()`'s (kept for next time). Two callers missing at once may both make it.
  template <class Make>
  Value get_or(const std::string& key, Make&& make) {
    if (auto kept = get(key)) return *std::move(kept);
    Value made = make();
    put(key, made);
    return made;
  }
  size_t size() const {
    std::lock_guard lock(mutex_);
    return kept_.size();
  }

 private:
  struct Kept {
    Value value;
    Clock::time_point at;
  };
  std::chrono::milliseconds fresh_for_;
  size_t most_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Kept> kept_;
};

}  // namespace brilliant
