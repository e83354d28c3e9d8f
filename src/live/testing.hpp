// For tests of live shows: the orders fixture (workshops 1 and 2, a shopper, an operator and a maker of
// workshop 1, three pieces) with a Live service on it, people as the pipeline finds them, and a fake
// WebSocket peer that keeps what it is sent.
#pragma once
#include <boost/json.hpp>
#include <condition_variable>
#include <mutex>

#include "live/service.hpp"
#include "orders/testing.hpp"

namespace brilliant::live {

class FakePeer final : public web::SocketPeer {
 public:
  bool send(std::shared_ptr<const std::string> text) override {
    std::lock_guard lock(mutex_);
    if (!open_) return false;
    sent_.push_back(*text);
    arrived_.notify_all();
    return true;
  }
  // Waits (up to five seconds) until `count` messages came; false when they did not.
  bool wait_for(size_t count) {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, std::chrono::seconds(5), [&] { return sent_.size() >= count; });
  }
  void close() override { open_ = false; }
  bool open() const override { return open_; }
  std::vector<std::string> sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
  }
  // The last message of this type, parsed; an empty object when none came.
  boost::json::object last(const std::string& type) const {
    auto all = sent();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      auto v = boost::json::parse(*it).as_object();
      if (v.at("type") == type.c_str()) return v;
    }
    return {};
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<std::string> sent_;
  std::atomic<bool> open_{true};
};

class LiveFixture : public orders::OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    catalog.refresh();
  }
  static web::Principal who(long long id, web::Role role, long long workshop = 0) {
    web::Principal p{id, "p@x", "Person " + std::to_string(id)};
    p.roles = static_cast<uint32_t>(role);
    p.workshop_id = workshop;
    return p;
  }
  web::Principal shopper = who(1, web::Role::shopper);
  web::Principal op = who(2, web::Role::operator_);
  web::Principal maker = who(3, web::Role::vendor_staff, 1);
  long long moon() { return catalog.product("moon-ring")->id; }
  ShowInput input(std::vector<long long> lineup) {
    return {"달빛 라이브", "Moonlight live", "", "", "2026-12-01T20:00", std::move(lineup), 0, "", ""};
  }
  Live live{*db, catalog, orders, clock};
};

}  // namespace brilliant::live
