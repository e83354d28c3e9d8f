#include "web/access_log.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <ctime>
#include <iterator>

#include "web/form.hpp"
#include "web/router.hpp"

namespace brilliant::web {
namespace {

constexpr std::array secret_names{"key", "token", "password", "secret", "code"};

bool secret(std::string_view name) {
  for (auto s : secret_names)
    if (name == s) return true;
  return false;
}

std::string loggable_path(const Request& request, const Route* route) {
  if (!route) return request.path;
  for (const auto& [name, value] : request.params)
    if (secret(name)) return route->pattern;
  return request.path;
}

// "[2026-11-29 13:05:01.123] [access] ", the local time formatted once a second per thread.
void append_time(std::string& out) {
  thread_local time_t cached_second = -1;
  thread_local char cached[32];
  const auto now = std::chrono::system_clock::now();
  const time_t second = std::chrono::system_clock::to_time_t(now);
  if (second != cached_second) {
    tm local{};
    localtime_r(&second, &local);
    std::strftime(cached, sizeof cached, "[%Y-%m-%d %H:%M:%S", &local);
    cached_second = second;
  }
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  fmt::format_to(std::back_inserter(out), "{}.{:03}] [access] ", cached, ms);
}

std::atomic<unsigned long long> next_log_id{1};

}  // namespace

std::string loggable_target(const Request& request, const Route* route) {
  std::string out = (request.locale_in_path ? "/en" : "") + loggable_path(request, route);
  if (request.query.empty()) return out;
  // Most queries name no secret: they are logged as sent, without decoding them again.
  bool names_secret = false;
  for (auto s : secret_names) names_secret = names_secret || request.query.find(s) != std::string::npos;
  if (!names_secret) return out + "?" + request.query;
  auto query = parse_form(request.query);
  if (!query.valid()) return out + "?(malformed)";
  char separator = '?';
  for (const auto& [name, value] : query.fields()) {
    out += separator;
    out += url_encode(name) + "=" + (secret(name) ? std::string("***") : url_encode(value));
    separator = '&';
  }
  return out;
}

AccessLog::AccessLog(int fd) : fd_(fd), id_(next_log_id++) {
  flusher_ = std::jthread([this](std::stop_token stop) {
    std::unique_lock lock(flush_mutex_);
    while (!stop.stop_requested()) {
      flush_wake_.wait_for(lock, stop, std::chrono::milliseconds(500), [] { return false; });
      flush();
    }
  });
}

AccessLog::~AccessLog() {
  flusher_.request_stop();
  flusher_.join();
  flush();
}

AccessLog::Buffer& AccessLog::buffer_of_this_thread() {
  // Each thread keeps its buffer for each log it has written to (a server has one log; tests several).
  thread_local std::vector<std::pair<unsigned long long, std::shared_ptr<Buffer>>> mine;
  for (const auto& [id, buffer] : mine)
    if (id == id_) return *buffer;
  auto buffer = std::make_shared<Buffer>();
  buffer->text.reserve(80 * 1024);
  {
    std::lock_guard lock(buffers_mutex_);
    buffers_.push_back(buffer);
  }
  mine.emplace_back(id_, buffer);
  return *mine.back().second;
}

void AccessLog::write_out(std::string& text) {
  std::lock_guard lock(write_mutex_);
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the descriptor is gone: the lines cannot be kept anywhere
    done += static_cast<size_t>(n);
  }
  text.clear();
}

void AccessLog::write(const Request& request, const Route* route, int status,
                      std::chrono::nanoseconds elapsed) {
  auto& buffer = buffer_of_this_thread();
  std::lock_guard lock(buffer.mutex);  // taken by this thread, and by the flusher twice a second
  append_time(buffer.text);
  fmt::format_to(std::back_inserter(buffer.text), "{} {} {} {} {:.2f}ms {}\n", request.remote_ip,
                 method_name(request.method), loggable_target(request, route), status,
                 std::chrono::duration<double, std::milli>(elapsed).count(), request.request_id);
  if (buffer.text.size() >= 64 * 1024) write_out(buffer.text);
}

void AccessLog::flush() {
  std::vector<std::shared_ptr<Buffer>> buffers;
  {
    std::lock_guard lock(buffers_mutex_);
    buffers = buffers_;
  }
  for (const auto& buffer : buffers) {
    std::lock_guard lock(buffer->mutex);
    if (!buffer->text.empty()) write_out(buffer->text);
  }
}

}  // namespace brilliant::web
