// RedisBus (bus.hpp): events cross nodes over one Redis pub/sub channel. Each message is
// "<show id> <event JSON>"; every node, the sender too, receives it and hands it to its own viewers.
#include <hiredis/hiredis.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "live/bus.hpp"

namespace brilliant::live {

namespace {

constexpr const char* channel = "brilliant:live";

struct Endpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
};

Endpoint parse_url(const std::string& url) {
  Endpoint e;
  std::string rest = url.starts_with("redis://") ? url.substr(8) : url;
  if (auto slash = rest.find('/'); slash != std::string::npos) rest.resize(slash);
  if (auto colon = rest.rfind(':'); colon != std::string::npos) {
    e.port = std::stoi(rest.substr(colon + 1));
    rest.resize(colon);
  }
  if (!rest.empty()) e.host = rest;
  return e;
}

using Context = std::unique_ptr<redisContext, decltype(&redisFree)>;
using Reply = std::unique_ptr<redisReply, decltype(&freeReplyObject)>;

Context connect(const Endpoint& e) {
  const timeval timeout{2, 0};
  Context c(redisConnectWithTimeout(e.host.c_str(), e.port, timeout), &redisFree);
  if (!c || c->err) return Context(nullptr, &redisFree);
  return c;
}

class RedisBus final : public Bus {
 public:
  explicit RedisBus(const std::string& url) : endpoint_(parse_url(url)), publisher_(connect(endpoint_)) {
    if (!publisher_)
      throw std::runtime_error("cannot reach Redis at " + endpoint_.host + ":" +
                               std::to_string(endpoint_.port));
  }
  ~RedisBus() override { stop(); }

  void start(Deliver deliver) override {
    deliver_ = std::move(deliver);
    ready_ = false;
    reader_ = std::thread([this] { listen(); });
    // Wait until subscribed, so an event published right after start is not missed.
    std::unique_lock lock(ready_mutex_);
    ready_cv_.wait_for(lock, std::chrono::seconds(5), [this] { return ready_.load(); });
  }

  void publish(long long show_id, const std::string& event) override {
    const std::string payload = std::to_string(show_id) + " " + event;
    std::lock_guard lock(publish_mutex_);
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (!publisher_) publisher_ = connect(endpoint_);
      if (!publisher_) break;
      Reply reply(static_cast<redisReply*>(redisCommand(publisher_.get(), "PUBLISH %s %b", channel,
                                                        payload.data(), payload.size())),
                  &freeReplyObject);
      if (reply) return;
      publisher_.reset();  // broken: reconnect once
    }
    spdlog::warn("live: Redis unreachable, event delivered on this node only");
    if (deliver_) deliver_(show_id, event);
  }

  // The person's last message times live in one Redis key (milliseconds since the epoch, newest last);
  // WATCH makes the read, check and write one step across nodes: a race with another node's write
  // is tried again.
  std::optional<Result<void>> pace(long long show_id, long long user_id, const ChatRules& rules,
                                   TimePoint now) override {
    if (rules.moderator) return Result<void>{};
    const std::string key = "brilliant:live:pace:" + std::to_string(show_id) + ":" + std::to_string(user_id);
    std::lock_guard lock(publish_mutex_);
    for (int attempt = 0; attempt < 8; ++attempt) {
      if (!publisher_) publisher_ = connect(endpoint_);
      if (!publisher_) break;
      auto recent = read_watched(key);
      if (!recent) {
        publisher_.reset();
        continue;
      }
      auto paced = check_pace(rules, *recent, now);
      if (!paced) {
        command("UNWATCH");
        return paced;
      }
      std::string value;
      for (const auto& t : *recent)
        value += (value.empty() ? "" : " ") +
                 std::to_string(
                     std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
      command("MULTI");
      command("SET %s %s PX %d", key.c_str(), value.c_str(), 3'600'000);
      auto done = command("EXEC");
      if (done && done->type == REDIS_REPLY_ARRAY) return paced;
      if (!done) publisher_.reset();  // broken; a nil reply is a race lost: read again
    }
    spdlog::warn("live: Redis unreachable, chat pace kept on this node only");
    return std::nullopt;
  }

  void stop() override {
    if (stopping_.exchange(true)) return;
    {
      std::lock_guard lock(subscriber_mutex_);
      if (subscriber_fd_ >= 0) ::shutdown(subscriber_fd_, SHUT_RDWR);
    }
    if (reader_.joinable()) reader_.join();
  }

 private:
  void listen() {
    while (!stopping_) {
      auto sub = connect(endpoint_);
      if (sub) {
        Reply ok(static_cast<redisReply*>(redisCommand(sub.get(), "SUBSCRIBE %s", channel)),
                 &freeReplyObject);
        if (ok) read_messages(sub);
      }
      {
        std::lock_guard lock(subscriber_mutex_);
        subscriber_fd_ = -1;
      }
      if (!stopping_) std::this_thread::sleep_for(std::chrono::milliseconds(500));  // Redis gone: retry
    }
  }

  void read_messages(Context& sub) {
    {
      std::lock_guard lock(subscriber_mutex_);
      subscriber_fd_ = sub->fd;
      if (stopping_) return;
    }
    const timeval none{0, 0};
    redisSetTimeout(sub.get(), none);  // block until a message comes
    {
      std::lock_guard lock(ready_mutex_);
      ready_ = true;
    }
    ready_cv_.notify_all();
    while (!stopping_) {
      void* raw = nullptr;
      if (redisGetReply(sub.get(), &raw) != REDIS_OK || !raw) return;
      Reply reply(static_cast<redisReply*>(raw), &freeReplyObject);
      if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 3) continue;
      const auto* payload = reply->element[2];
      if (payload->type != REDIS_REPLY_STRING) continue;
      const std::string_view text(payload->str, payload->len);
      const auto space = text.find(' ');
      if (space == std::string_view::npos) continue;
      long long show_id = 0;
      for (char c : text.substr(0, space)) show_id = show_id * 10 + (c - '0');
      try {
        deliver_(show_id, std::string(text.substr(space + 1)));
      } catch (const std::exception& e) {
        spdlog::error("live: delivering an event failed: {}", e.what());
      }
    }
  }

  template <class... A>
  Reply command(const char* format, A... args) {
    return Reply(static_cast<redisReply*>(redisCommand(publisher_.get(), format, args...)), &freeReplyObject);
  }

  // WATCHes the key and reads its times; nothing when the connection broke.
  std::optional<std::vector<TimePoint>> read_watched(const std::string& key) {
    if (!command("WATCH %s", key.c_str())) return std::nullopt;
    auto got = command("GET %s", key.c_str());
    if (!got) return std::nullopt;
    std::vector<TimePoint> recent;
    if (got->type != REDIS_REPLY_STRING) return recent;
    const std::string_view text(got->str, got->len);
    for (size_t start = 0; start < text.size();) {
      const auto end = std::min(text.find(' ', start), text.size());
      long long ms = 0;
      for (char c : text.substr(start, end - start)) ms = ms * 10 + (c - '0');
      recent.push_back(TimePoint{std::chrono::milliseconds(ms)});
      start = end + 1;
    }
    return recent;
  }

  Endpoint endpoint_;
  Context publisher_;
  std::mutex publish_mutex_;
  Deliver deliver_;
  std::thread reader_;
  std::atomic<bool> stopping_{false};
  std::mutex subscriber_mutex_;
  int subscriber_fd_ = -1;
  std::mutex ready_mutex_;
  std::condition_variable ready_cv_;
  std::atomic<bool> ready_{false};
};

}  // namespace

std::unique_ptr<Bus> redis_bus(const std::string& url) { return std::make_unique<RedisBus>(url); }

}  // namespace brilliant::live
