// How a show's events reach its viewers on every node (DESIGN.md §7). With one node the LocalBus hands
// them straight back; with several, RedisBus publishes them on a Redis channel every node subscribes to,
// so a chat message sent on one node reaches viewers on all.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "live/chat.hpp"

namespace brilliant::live {

class Bus {
 public:
  using Deliver = std::function<void(long long show_id, const std::string& event)>;
  virtual ~Bus() = default;
  // Called once, before the first publish, with what to do with each event (on every node).
  virtual void start(Deliver deliver) = 0;
  virtual void publish(long long show_id, const std::string& event) = 0;
  virtual void stop() {}
  // Chat's pace (check_pace) for one person in one show, decided on a record every node shares, so a
  // person cannot send three times as fast by talking through three nodes. Nothing when this bus keeps
  // no shared record (one node, or Redis unreachable): the room's own record decides.
  virtual std::optional<Result<void>> pace(long long /*show_id*/, long long /*user_id*/,
                                           const ChatRules& /*rules*/, TimePoint /*now*/) {
    return std::nullopt;
  }
};

class LocalBus final : public Bus {
 public:
  void start(Deliver deliver) override { deliver_ = std::move(deliver); }
  void publish(long long show_id, const std::string& event) override {
    if (deliver_) deliver_(show_id, event);
  }

 private:
  Deliver deliver_;
};

// Redis pub/sub through hiredis: one connection publishes (under a lock), another subscribes on its
// own thread and reconnects after a failure. url: "redis://host:port". Throws when the first connection
// cannot be made.
std::unique_ptr<Bus> redis_bus(const std::string& url);

}  // namespace brilliant::live
