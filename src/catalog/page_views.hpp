// Product page views, counted in memory and written to product_views in batches: record() is a map
// increment under a mutex; the batch is written when it holds `batch` views or is older than `max_age`,
// and by flush() (dashboards flush before they read; the app flushes on stop). A crash loses at most one
// batch of view counts, never anything of orders, payments or evidence. Thread safe.
#pragma once
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "db/fwd.hpp"

namespace brilliant::catalog {

class PageViews {
 public:
  PageViews(db::Database& db, const Clock& clock, int batch = 500,
            std::chrono::seconds max_age = std::chrono::seconds(30));
  ~PageViews();
  // Counts a view unless the same visitor (an IP address) viewed the same piece within `repeat_window`:
  // reloading a page does not inflate its count. The memory of recent visitors is bounded (emptied past
  // max_remembered entries). A logged-in customer's view (user_id) is also counted as theirs
  // (customer_views, for segments such as "viewed rings 3 times"). True when counted.
  bool record(long long product_id, const std::string& visitor = {}, long long user_id = 0);
  void flush();
  // Views per product over the last `days` Korean days (today included), flushed first.
  std::map<long long, long long> totals(const std::vector<long long>& product_ids, int days);

 private:
  using Counts = std::map<std::tuple<long long, std::string, long long>, long long>;  // (product, day, user)
  void write(const Counts& counts);
  db::Database& db_;
  const Clock& clock_;
  const int batch_;
  const std::chrono::seconds max_age_;
  std::mutex mutex_;
  Counts pending_;  // -> views
  int pending_total_ = 0;
  TimePoint oldest_{};
  static constexpr std::chrono::minutes repeat_window{30};
  static constexpr size_t max_remembered = 200000;
  std::unordered_map<std::string, TimePoint> recent_;  // "visitor|product" -> last counted view
};

// The Korean calendar day of a time ("2026-11-26" for 2026-11-25T20:00:00Z).
std::string seoul_day(TimePoint t);

}  // namespace brilliant::catalog
