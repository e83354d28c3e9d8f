// The people watching one show on this node, and how an event reaches them: the room hands every open
// connection the same bytes (web::SocketPeer queues them, one write in flight; a viewer too slow to keep
// up is dropped by the net layer). Counts and hearts are gathered and sent once a second by the tick,
// so ten thousand viewers joining cost ten thousand joins, not a hundred million count messages.
//
// Events are batched: an event goes out at once when the room sent nothing within the batch window
// (a quiet chat stays instant); otherwise it waits, with whatever else arrives, for the window to end
// and they go out as one message, a JSON array of the events in order. Ten thousand viewers and fifty
// chat messages a second is then twenty writes a second per viewer (50 ms), not fifty.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "live/chat.hpp"
#include "web/socket.hpp"

namespace brilliant::live {

class Room {
 public:
  // user_id 0: a viewer who is not logged in.
  void join(std::shared_ptr<web::SocketPeer> peer, long long user_id);
  void leave(const web::SocketPeer* peer);
  // Sends text to every open connection here; returns how many it was queued for.
  size_t broadcast(const std::shared_ptr<const std::string>& text);
  // Batching: sends the event now when nothing was sent within `window` of `now` and nothing waits
  // (true), else keeps it for flush() (false).
  bool deliver(std::string event, std::chrono::steady_clock::time_point now,
               std::chrono::milliseconds window);
  // Sends what waits as one message: the event itself when one, else a JSON array of them in order.
  void flush(std::chrono::steady_clock::time_point now);
  size_t viewers() const;
  // Closes every connection of this person here (a ban).
  void kick(long long user_id);
  void heart() { hearts_.fetch_add(1, std::memory_order_relaxed); }
  // Hearts since the last call.
  int take_hearts() { return hearts_.exchange(0, std::memory_order_relaxed); }

  // Runs fn with this person's chat record, under the room's lock (the rate limits).
  template <class F>
  auto with_chatter(long long user_id, F&& fn) {
    std::lock_guard lock(mutex_);
    return fn(chatters_[user_id]);
  }

 private:
  mutable std::mutex mutex_;
  struct Member {
    std::shared_ptr<web::SocketPeer> peer;
    long long user_id = 0;
  };
  size_t broadcast_locked(const std::shared_ptr<const std::string>& text);
  std::vector<Member> members_;
  std::vector<std::string> waiting_;
  std::chrono::steady_clock::time_point last_sent_{};
  std::unordered_map<long long, Chatter> chatters_;
  std::atomic<int> hearts_{0};
};

// Every show's room on this node, made on first use and dropped once nobody is in it. With a batch
// window, a thread of its own sends each room's waiting events when the window ends.
class Rooms {
 public:
  // window 0: every event is sent at once (no batching, no thread).
  explicit Rooms(std::chrono::milliseconds batch_window = {});
  ~Rooms();
  Rooms(const Rooms&) = delete;
  Rooms& operator=(const Rooms&) = delete;
  // Sends an event to the show's viewers on this node (nobody here: nothing), batched as above.
  void deliver(long long show_id, std::string event);
  std::shared_ptr<Room> of(long long show_id);
  std::shared_ptr<Room> find(long long show_id) const;  // null when nobody joined here
  std::vector<std::pair<long long, std::shared_ptr<Room>>> all() const;
  // Forgets the rooms nobody is in and nobody holds (a connection being opened holds its room), so a node
  // that served a thousand shows keeps only the live ones; returns how many. Moderation lives in the
  // database and is read again on joining; only the chat rate limits' state goes.
  size_t drop_unused();

 private:
  void send_batches(std::stop_token stop);

  mutable std::mutex mutex_;
  std::unordered_map<long long, std::shared_ptr<Room>> rooms_;
  std::chrono::milliseconds window_;
  std::mutex batch_mutex_;
  std::condition_variable_any batch_wanted_;
  bool waiting_ = false;
  std::jthread sender_;  // last: stopped and joined before the rooms go
};

}  // namespace brilliant::live
