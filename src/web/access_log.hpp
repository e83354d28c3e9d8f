// The access log: one line a request on standard output, kept off the request path. Each I/O thread
// formats its line into a buffer of its own (a lock nobody else takes but the flusher, twice a second);
// a buffer that reaches 64 KiB is written with one write(2), and a background thread writes out what
// has gathered every half second and when the log closes. So a busy server makes one system call per
// few hundred requests, and a line waits at most half a second. Lines of different threads may appear
// a block apart (each carries its time). Secrets never reach it: see loggable_target.
#pragma once
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "web/request.hpp"

namespace brilliant::web {

struct Route;

// What the log shows of a request's target: the decoded path, except that a route's "{token}" or
// "{key}" segment stays a placeholder, and the query with the values of secret parameters (key, token,
// password, secret, code) replaced by "***". A guest's order key or a reset link never reaches a log.
std::string loggable_target(const Request& request, const Route* route);

class AccessLog {
 public:
  explicit AccessLog(int fd = 1);  // standard output unless told otherwise
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Appends the line to the calling thread's buffer; thread safe.
  void write(const Request& request, const Route* route, int status, std::chrono::nanoseconds elapsed);
  // Writes out every buffer now (tests, shutdown).
  void flush();

  struct Buffer {
    std::mutex mutex;
    std::string text;
  };

 private:
  Buffer& buffer_of_this_thread();
  void write_out(std::string& text);

  const int fd_;
  const unsigned long long id_;  // tells this log's buffers apart in a thread's list
  std::mutex buffers_mutex_;
  std::vector<std::shared_ptr<Buffer>> buffers_;
  std::mutex write_mutex_;  // one block at a time on the descriptor
  std::mutex flush_mutex_;
  std::condition_variable_any flush_wake_;
  std::jthread flusher_;
};

}  // namespace brilliant::web
