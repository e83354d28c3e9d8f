#include "web/access_log.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <optional>

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

int trim_access_logs(const std::filesystem::path& dir, const std::string& today, int keep_days) {
  using namespace std::chrono;
  const auto day_of = [](const std::string& text) -> std::optional<sys_days> {
    int y = 0;
    unsigned m = 0, d = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
    const year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
  };
  const auto now = day_of(today);
  std::error_code ec;
  if (!now || !std::filesystem::is_directory(dir, ec)) return 0;
  int deleted = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename().string();
    if (name.size() != 21 || !name.starts_with("access-") || !name.ends_with(".log")) continue;
    const auto day = day_of(name.substr(7, 10));
    if (day && *now - *day > days(keep_days) && std::filesystem::remove(entry.path(), ec)) ++deleted;
  }
  return deleted;
}

AccessLog::AccessLog(int fd) : fd_(fd), id_(next_log_id++) { start_flusher(); }

AccessLog::AccessLog(std::filesystem::path dir, int keep_days)
    : fd_(-1), dir_(std::move(dir)), keep_days_(keep_days), id_(next_log_id++) {
  std::filesystem::create_directories(dir_);
  {
    std::lock_guard lock(write_mutex_);
    open_day_file();
  }
  start_flusher();
}

void AccessLog::open_day_file() {
  const time_t now = std::time(nullptr);
  tm local{};
  localtime_r(&now, &local);
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", &local);
  if (fd_ >= 0 && day_ == day) return;
  const int fd = ::open((dir_ / ("access-" + std::string(day) + ".log")).c_str(),
                        O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (fd < 0) return;  // keep writing where it did (or nowhere) rather than stop serving
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
  day_ = day;
  trim_access_logs(dir_, day_, keep_days_);
}

void AccessLog::start_flusher() {
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
  if (!dir_.empty() && fd_ >= 0) ::close(fd_);
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
  if (!dir_.empty()) open_day_file();
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
