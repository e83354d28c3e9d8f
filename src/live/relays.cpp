#include "live/relays.hpp"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <thread>

#include "ops/process.hpp"

namespace brilliant::live {

namespace {
constexpr auto longest_pause = std::chrono::seconds(30);
constexpr auto grace = std::chrono::seconds(3);  // after SIGTERM, before SIGKILL
}  // namespace

struct Relays::Relay {
  long long show_id = 0, target_id = 0;
  std::vector<std::string> argv;
  std::mutex mutex;
  std::condition_variable changed;
  bool stopping = false, exited = false;
  int pid = 0;
  std::thread thread;

  void run(const Report& report, std::chrono::milliseconds pause) {
    while (!stopping_now()) {
      report(target_id, "connecting", "");
      const auto detail = run_once(report);
      if (stopping_now()) break;
      report(target_id, "failed", detail);
      std::unique_lock lock(mutex);
      if (changed.wait_for(lock, pause, [this] { return stopping; })) break;
      pause = std::min<std::chrono::milliseconds>(pause * 2, longest_pause);
    }
    report(target_id, "stopped", "");
  }

  bool stopping_now() {
    std::lock_guard lock(mutex);
    return stopping;
  }

  // One run of the program; what it said last when it ended.
  std::string run_once(const Report& report) {
    std::string why;
    auto child = ops::spawn_program(argv, &why);
    if (!child) return why;
    {
      std::lock_guard lock(mutex);
      pid = child->pid;
      exited = false;
      if (stopping) ::kill(pid, SIGTERM);
    }
    FILE* out = ::fdopen(child->output, "r");
    std::string last_words;
    bool live = false;
    long long frames = 0;
    char line[1024];
    while (out && std::fgets(line, sizeof line, out)) {
      std::string_view text(line);
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
      if (text.starts_with("frame=")) frames = std::atoll(text.data() + 6);
      if (text.starts_with("progress=")) {
        if (!live && frames > 0) {
          live = true;
          report(target_id, "live", "");
        }
      } else if (!text.empty() &&
                 (text.find(' ') != std::string_view::npos || text.find('=') == std::string_view::npos)) {
        last_words = std::string(text.substr(0, 300));  // ffmpeg's errors; progress lines are key=value
      }
    }
    if (out) std::fclose(out);
    const int status = ops::wait_program(child->pid);
    {
      std::lock_guard lock(mutex);
      exited = true;
    }
    changed.notify_all();
    if (!last_words.empty()) return last_words;
    return status < 0 ? "the relay was stopped by a signal"
                      : "the relay ended (status " + std::to_string(status) + ")";
  }

  void stop() {
    std::unique_lock lock(mutex);
    stopping = true;
    if (pid && !exited) ::kill(pid, SIGTERM);
    changed.notify_all();
    if (pid && !changed.wait_for(lock, grace, [this] { return exited; })) ::kill(pid, SIGKILL);
  }
};

Relays::Relays(Report report, std::chrono::milliseconds first_retry)
    : report_(std::move(report)), first_retry_(first_retry) {}

Relays::~Relays() {
  std::vector<std::shared_ptr<Relay>> all;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, relay] : relays_) all.push_back(relay);
    relays_.clear();
  }
  stop_relays(std::move(all));
}

void Relays::start(long long show_id, long long target_id, std::vector<std::string> argv) {
  stop(target_id);
  auto relay = std::make_shared<Relay>();
  relay->show_id = show_id;
  relay->target_id = target_id;
  relay->argv = std::move(argv);
  relay->thread = std::thread([relay = relay.get(), this] {
    try {
      relay->run(report_, first_retry_);
    } catch (const std::exception& e) {
      spdlog::error("live: simulcast relay {} failed: {}", relay->target_id, e.what());
    }
  });
  std::lock_guard lock(mutex_);
  relays_[target_id] = std::move(relay);
}

void Relays::stop(long long target_id) {
  std::shared_ptr<Relay> relay;
  {
    std::lock_guard lock(mutex_);
    auto it = relays_.find(target_id);
    if (it == relays_.end()) return;
    relay = std::move(it->second);
    relays_.erase(it);
  }
  stop_relays({std::move(relay)});
}

void Relays::stop_show(long long show_id) {
  std::vector<std::shared_ptr<Relay>> of_show;
  {
    std::lock_guard lock(mutex_);
    for (auto it = relays_.begin(); it != relays_.end();)
      if (it->second->show_id == show_id) {
        of_show.push_back(std::move(it->second));
        it = relays_.erase(it);
      } else {
        ++it;
      }
  }
  stop_relays(std::move(of_show));
}

bool Relays::running(long long target_id) const {
  std::lock_guard lock(mutex_);
  return relays_.contains(target_id);
}

void Relays::stop_relays(std::vector<std::shared_ptr<Relay>> relays) {
  for (auto& r : relays) r->stop();  // all told first, then waited for
  for (auto& r : relays)
    if (r->thread.joinable()) r->thread.join();
}

}  // namespace brilliant::live
