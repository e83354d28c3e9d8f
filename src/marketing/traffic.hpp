// Traffic sources (issue 13): where each visit came from, for the dashboard's visits and conversion per
// source. The page's script sends one beacon per browser tab's visit (sessionStorage) with the link's
// utm_source and the referrer; the source is named here (pure) and counted in memory, written to `visits`
// in batches (at most `batch` visits or `max_age` old; flush() before reading). A crash loses at most one
// batch of visit counts, never orders. Thread safe.
#pragma once
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "core/clock.hpp"
#include "db/fwd.hpp"

namespace brilliant::marketing {

// The link's utm_source when it has one (lower case, letters, digits, '-', '_', '.', up to 40), else the
// referring site: naver, daum, kakao, google, bing, instagram, facebook, youtube, x, or the host itself
// for others; "direct" without a referrer. Empty for a referrer on the store's own host (not a new visit).
std::string traffic_source(std::string_view utm_source, std::string_view referrer, std::string_view own_host);

class Visits {
 public:
  Visits(db::Database& db, const Clock& clock, int batch = 200,
         std::chrono::seconds max_age = std::chrono::seconds(30));
  ~Visits();
  void record(const std::string& source);
  void flush();
  // Visits per source over Seoul days first..last (inclusive), flushed first.
  std::map<std::string, long long> per_source(const std::string& first_day, const std::string& last_day);

 private:
  void write(const std::map<std::pair<std::string, std::string>, long long>& counts);
  db::Database& db_;
  const Clock& clock_;
  const int batch_;
  const std::chrono::seconds max_age_;
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, long long> pending_;  // (day, source) -> visits
  int pending_total_ = 0;
  TimePoint oldest_{};
};

}  // namespace brilliant::marketing
