#include "web/metrics.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

TEST(Metrics, CountsByRouteAndStatus) {
  Metrics metrics({"GET /", "GET /healthz"});
  metrics.observe(0, 200, std::chrono::microseconds(300));
  metrics.observe(0, 200, std::chrono::milliseconds(30));
  metrics.observe(1, 503, std::chrono::microseconds(100));
  metrics.observe(99, 404, std::chrono::microseconds(100));
  metrics.open_connections = 3;
  auto text = metrics.prometheus_text();
  EXPECT_NE(text.find("brilliant_http_requests_total{route=\"GET /\",status=\"200\"} 2"), std::string::npos);
  EXPECT_NE(text.find("brilliant_http_requests_total{route=\"GET /healthz\",status=\"503\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("brilliant_http_requests_total{route=\"unmatched\",status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("brilliant_http_request_duration_seconds_bucket{le=\"0.0005\"} 3"), std::string::npos);
  EXPECT_NE(text.find("brilliant_http_request_duration_seconds_bucket{le=\"+Inf\"} 4"), std::string::npos);
  EXPECT_NE(text.find("brilliant_open_connections 3"), std::string::npos);
}

}  // namespace brilliant::web
