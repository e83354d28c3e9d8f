// The access log: one line a request on standard output, kept off the request path. Each I/O thread
// formats its line into a buffer of its own (a lock nobody else takes but the flusher, twice a second);
// a buffer that reaches 64 KiB is written with one write(2), and a background thread writes out what
// has gathered every half second and when the log closes. So a busy server makes one system call per
// few hundred requests, and a line waits at most half a second. Lines of different threads may appear
// a block apart (each carries its time). Secrets never reach it: see loggable_target.
// Written to a folder instead, it keeps one file a local day (access-YYYY-MM-DD.log) and deletes the
// days older than it is told to keep (3 months under the Protection of Communications Secrets Act) when
// it opens each day's file.
#pragma once
#include <chrono>
#include <condition_variable>
#include <filesystem>
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

// Deletes the day files (access-YYYY-MM-DD.log) in `dir` older than `keep_days` days before `today`
// (YYYY-MM-DD); other files are left alone. Returns how many were deleted.
int trim_access_logs(const std::filesystem::path& dir, const std::string& today, int keep_days);

class AccessLog {
 public:
  explicit AccessLog(int fd = 1);  // standard output unless told otherwise
  // One file a local day in `dir` (made if missing), keeping `keep_days` days.
  AccessLog(std::filesystem::path dir, int keep_days);
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
  void start_flusher();
  // In a folder: the day's file open for appending (write_mutex_ held); a new day opens a new file.
  void open_day_file();

  int fd_;
  std::filesystem::path dir_;  // empty: fd_ is the caller's
  int keep_days_ = 0;
  std::string day_;              // the day fd_ is the file of
  const unsigned long long id_;  // tells this log's buffers apart in a thread's list
  std::mutex buffers_mutex_;
  std::vector<std::shared_ptr<Buffer>> buffers_;
  std::mutex write_mutex_;  // one block at a time on the descriptor
  std::mutex flush_mutex_;
  std::condition_variable_any flush_wake_;
  std::jthread flusher_;
};

}  // namespace brilliant::web
