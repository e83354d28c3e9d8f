#include "web/metrics.hpp"

#include <sstream>

namespace brilliant::web {

Metrics::Metrics(std::vector<std::string> route_names) : route_names_(std::move(route_names)) {
  route_names_.push_back("unmatched");
  routes_.resize(route_names_.size());
}

void Metrics::observe(size_t route_index, int status, std::chrono::nanoseconds elapsed) {
  if (route_index >= routes_.size()) route_index = unmatched_index();
  size_t slot = tracked_status.size() - 1;
  for (size_t i = 0; i + 1 < tracked_status.size(); ++i)
    if (tracked_status[i] == status) {
      slot = i;
      break;
    }
  routes_[route_index].by_status[slot].fetch_add(1, std::memory_order_relaxed);
  const double seconds = std::chrono::duration<double>(elapsed).count();
  size_t bucket = bucket_bounds.size();
  for (size_t i = 0; i < bucket_bounds.size(); ++i)
    if (seconds <= bucket_bounds[i]) {
      bucket = i;
      break;
    }
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  latency_sum_us_.fetch_add(std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count(),
                            std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::prometheus_text() const {
  std::ostringstream out;
  out << "# HELP brilliant_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE brilliant_http_requests_total counter\n";
  for (size_t r = 0; r < routes_.size(); ++r)
    for (size_t s = 0; s < tracked_status.size(); ++s) {
      auto n = routes_[r].by_status[s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out << "brilliant_http_requests_total{route=\"" << route_names_[r] << "\",status=\""
          << (tracked_status[s] ? std::to_string(tracked_status[s]) : std::string("other")) << "\"} " << n
          << "\n";
    }
  out << "# HELP brilliant_http_request_duration_seconds Time from request read to response ready.\n"
      << "# TYPE brilliant_http_request_duration_seconds histogram\n";
  long long cumulative = 0;
  for (size_t i = 0; i < bucket_bounds.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    out << "brilliant_http_request_duration_seconds_bucket{le=\"" << bucket_bounds[i] << "\"} " << cumulative
        << "\n";
  }
  cumulative += buckets_.back().load(std::memory_order_relaxed);
  out << "brilliant_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n"
      << "brilliant_http_request_duration_seconds_sum " << latency_sum_us_.load() / 1e6 << "\n"
      << "brilliant_http_request_duration_seconds_count " << count_.load() << "\n"
      << "# HELP brilliant_open_connections Open client connections.\n# TYPE brilliant_open_connections "
         "gauge\n"
      << "brilliant_open_connections " << open_connections.load() << "\n"
      << "# HELP brilliant_pool_queue_depth Requests waiting for or running on the blocking pool.\n"
      << "# TYPE brilliant_pool_queue_depth gauge\n"
      << "brilliant_pool_queue_depth " << pool_queue_depth.load() << "\n"
      << "# HELP brilliant_refused_connections_total Connections refused: the address had too many open.\n"
      << "# TYPE brilliant_refused_connections_total counter\n"
      << "brilliant_refused_connections_total " << refused_connections.load() << "\n";
  return out.str();
}

}  // namespace brilliant::web
