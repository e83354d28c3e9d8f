// The access log: one line a request, written by a background thread (spdlog's async logger), so the
// request path only formats a line and queues it. When the queue is full the request waits rather than
// lose a line. Secrets never reach it: see loggable_target.
#pragma once
#include <chrono>
#include <memory>
#include <string>

#include "web/request.hpp"

namespace spdlog {
class logger;
namespace details {
class thread_pool;
}
}  // namespace spdlog

namespace brilliant::web {

struct Route;

// What the log shows of a request's target: the decoded path, except that a route's "{token}" or
// "{key}" segment stays a placeholder, and the query with the values of secret parameters (key, token,
// password, secret, code) replaced by "***". A guest's order key or a reset link never reaches a log.
std::string loggable_target(const Request& request, const Route* route);

class AccessLog {
 public:
  AccessLog();  // writes to standard output
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Queues the line; thread safe.
  void write(const Request& request, const Route* route, int status, std::chrono::nanoseconds elapsed);
  // Waits until every queued line is written (tests, shutdown).
  void flush();

 private:
  std::shared_ptr<spdlog::details::thread_pool> pool_;
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace brilliant::web
