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
  size_t sent = 0;
  for (const auto& m : members_) sent += m.peer->send(text) ? 1 : 0;
  if (sent < members_.size()) std::erase_if(members_, [](const Member& m) { return !m.peer->open(); });
  return sent;
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
