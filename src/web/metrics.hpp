// Prometheus text-format metrics: requests by route and status, a latency histogram, open connections
// and the blocking pool's queue depth. Thread safe; counters are relaxed atomics.
#pragma once
#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <string>
#include <vector>

namespace brilliant::web {

class Metrics {
 public:
  // route_names[i] labels route index i; one extra slot counts unmatched requests.
  explicit Metrics(std::vector<std::string> route_names);

  void observe(size_t route_index, int status, std::chrono::nanoseconds elapsed);
  size_t unmatched_index() const { return route_names_.size() - 1; }
  std::atomic<long long> open_connections{0};
  std::atomic<long long> pool_queue_depth{0};
  std::atomic<long long> refused_connections{0};  // over the per-address cap

  std::string prometheus_text() const;

 private:
  static constexpr std::array<double, 11> bucket_bounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0};
  static constexpr std::array<int, 21> tracked_status{200, 201, 204, 301, 302, 303, 304, 400, 401, 403, 404,
                                                      405, 409, 413, 415, 422, 429, 431, 500, 503, 0};
  struct PerRoute {
    std::array<std::atomic<long long>, tracked_status.size()> by_status{};
  };
  std::vector<std::string> route_names_;
  std::deque<PerRoute> routes_;
  std::array<std::atomic<long long>, bucket_bounds.size() + 1> buckets_{};
  std::atomic<long long> latency_sum_us_{0};
  std::atomic<long long> count_{0};
};

}  // namespace brilliant::web
