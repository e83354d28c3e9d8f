#include "app/stock_relay.hpp"

#include <spdlog/spdlog.h>

namespace brilliant::app {

StockRelay::StockRelay(Send send, std::chrono::milliseconds pause)
    : send_(std::move(send)), pause_(pause), thread_([this] { run(); }) {}

StockRelay::~StockRelay() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void StockRelay::tell(const std::vector<long long>& ids, const std::vector<long long>& may_flip) {
  if (ids.empty()) return;
  {
    std::lock_guard lock(mutex_);
    ids_.insert(ids.begin(), ids.end());
    may_flip_.insert(may_flip.begin(), may_flip.end());
  }
  wake_.notify_one();
}

void StockRelay::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !ids_.empty(); });
    if (ids_.empty()) return;  // stopping, nothing left to send
    const std::vector<long long> ids(ids_.begin(), ids_.end()), may_flip(may_flip_.begin(), may_flip_.end());
    ids_.clear();
    may_flip_.clear();
    lock.unlock();
    try {
      send_(ids, may_flip);
    } catch (const std::exception& e) {  // the other nodes catch up at their next notice or refresh
      spdlog::warn("could not tell the other nodes of {} pieces' stock: {}", ids.size(), e.what());
    }
    lock.lock();
    wake_.wait_for(lock, pause_, [this] { return stopping_; });
  }
}

}  // namespace brilliant::app
