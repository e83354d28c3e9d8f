// What was worked out for a key a moment ago, kept for a while: a result too dear to make on every
// request and fine to be that old (a cart's "for you" pieces, which score every piece on sale; who a
// session cookie belongs to, for cached storefront pages; a shopper's API token; the automatic coupons).
// At most `most` keys are kept (all forgotten when full: a flood of keys cannot grow it). Thread safe.
// A change that makes everything kept wrong calls forget_all(); a value made from a read that began
// before it is then not kept (put_unless_forgotten), so the change counts from the moment it is made.
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
  // Keeps value as of `at` (when its read began) unless forget_all() was called since forgets_then (what
  // forgets() said before the read). True when kept.
  bool put_unless_forgotten(const std::string& key, Value value, long long forgets_then,
                            Clock::time_point at) {
    std::lock_guard lock(mutex_);
    if (forgets_ != forgets_then) return false;
    if (kept_.size() >= most_) kept_.clear();
    kept_.insert_or_assign(key, Kept{std::move(value), at});
    return true;
  }
  long long forgets() const {
    std::lock_guard lock(mutex_);
    return forgets_;
  }
  void forget(const std::string& key) {
    std::lock_guard lock(mutex_);
    kept_.erase(key);
  }
  void forget_all() {
    std::lock_guard lock(mutex_);
    kept_.clear();
    ++forgets_;
  }
  // The kept value, or `make()`'s (kept for next time unless everything was forgotten while it was made).
  // Two callers missing at once may both make it.
  template <class Make>
  Value get_or(const std::string& key, Make&& make) {
    if (auto kept = get(key)) return *std::move(kept);
    const long long forgets_then = forgets();
    const auto at = Clock::now();
    Value made = make();
    put_unless_forgotten(key, made, forgets_then, at);
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
  long long forgets_ = 0;  // forget_all() calls so far
};

}  // namespace brilliant
