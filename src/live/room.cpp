#include "live/room.hpp"

#include <algorithm>

namespace brilliant::live {

void Room::join(std::shared_ptr<web::SocketPeer> peer, long long user_id) {
  std::lock_guard lock(mutex_);
  members_.push_back({std::move(peer), user_id});
}

void Room::leave(const web::SocketPeer* peer) {
  std::lock_guard lock(mutex_);
  std::erase_if(members_, [peer](const Member& m) { return m.peer.get() == peer || !m.peer->open(); });
}

size_t Room::broadcast(const std::shared_ptr<const std::string>& text) {
  std::lock_guard lock(mutex_);
  return broadcast_locked(text);
}

size_t Room::broadcast_locked(const std::shared_ptr<const std::string>& text) {
  size_t sent = 0;
  for (const auto& m : members_) sent += m.peer->send(text) ? 1 : 0;
  if (sent < members_.size()) std::erase_if(members_, [](const Member& m) { return !m.peer->open(); });
  return sent;
}

bool Room::deliver(std::string event, std::chrono::steady_clock::time_point now,
                   std::chrono::milliseconds window) {
  std::lock_guard lock(mutex_);
  if (waiting_.empty() && now - last_sent_ >= window) {
    last_sent_ = now;
    broadcast_locked(std::make_shared<const std::string>(std::move(event)));
    return true;
  }
  waiting_.push_back(std::move(event));
  return false;
}

void Room::flush(std::chrono::steady_clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (waiting_.empty()) return;
  std::string text;
  if (waiting_.size() == 1) {
    text = std::move(waiting_.front());
  } else {
    size_t size = waiting_.size() + 1;
    for (const auto& e : waiting_) size += e.size();
    text.reserve(size);
    for (const auto& e : waiting_) text.append(text.empty() ? "[" : ",").append(e);
    text += ']';
  }
  waiting_.clear();
  last_sent_ = now;
  broadcast_locked(std::make_shared<const std::string>(std::move(text)));
}

size_t Room::viewers() const {
  std::lock_guard lock(mutex_);
  return members_.size();
}

void Room::kick(long long user_id) {
  std::lock_guard lock(mutex_);
  for (const auto& m : members_)
    if (m.user_id == user_id) m.peer->close();
}

Rooms::Rooms(std::chrono::milliseconds batch_window) : window_(batch_window) {
  if (window_.count() > 0) sender_ = std::jthread([this](std::stop_token stop) { send_batches(stop); });
}

Rooms::~Rooms() = default;

void Rooms::deliver(long long show_id, std::string event) {
  auto room = find(show_id);
  if (!room) return;
  if (window_.count() == 0) {
    room->broadcast(std::make_shared<const std::string>(std::move(event)));
    return;
  }
  if (room->deliver(std::move(event), std::chrono::steady_clock::now(), window_)) return;
  {
    std::lock_guard lock(batch_mutex_);
    waiting_ = true;
  }
  batch_wanted_.notify_one();
}

// The batch sender: once something waits, lets the window pass (what else arrives joins the batch),
// then sends every room's waiting events.
void Rooms::send_batches(std::stop_token stop) {
  std::unique_lock lock(batch_mutex_);
  while (batch_wanted_.wait(lock, stop, [this] { return waiting_; })) {
    waiting_ = false;
    batch_wanted_.wait_for(lock, stop, window_, [] { return false; });
    if (stop.stop_requested()) return;
    lock.unlock();
    const auto now = std::chrono::steady_clock::now();
    for (const auto& [id, room] : all()) room->flush(now);
    lock.lock();
  }
}

std::shared_ptr<Room> Rooms::of(long long show_id) {
  std::lock_guard lock(mutex_);
  auto& room = rooms_[show_id];
  if (!room) room = std::make_shared<Room>();
  return room;
}

std::shared_ptr<Room> Rooms::find(long long show_id) const {
  std::lock_guard lock(mutex_);
  auto it = rooms_.find(show_id);
  return it == rooms_.end() ? nullptr : it->second;
}

std::vector<std::pair<long long, std::shared_ptr<Room>>> Rooms::all() const {
  std::lock_guard lock(mutex_);
  return {rooms_.begin(), rooms_.end()};
}

size_t Rooms::drop_unused() {
  std::lock_guard lock(mutex_);
  return std::erase_if(rooms_, [](const auto& entry) {
    return entry.second.use_count() == 1 && entry.second->viewers() == 0;
  });
}

}  // namespace brilliant::live
