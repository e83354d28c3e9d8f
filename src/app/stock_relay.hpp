// Stock changes told to the other nodes from a thread of their own (issue 16): an order only leaves the
// ids of the pieces it sold here and goes on; what arrives while one notice is being sent, or in the pause
// after it, goes out merged in the next. A busy sale thus sends a notice per pause (every node, this one
// included, wakes for each), not one per order; the other nodes hear of a sale within the pause.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace brilliant::app {

class StockRelay {
 public:
  using Send = std::function<void(const std::vector<long long>& ids, const std::vector<long long>& may_flip)>;
  explicit StockRelay(Send send, std::chrono::milliseconds pause = std::chrono::milliseconds(0));
  // Sends what is still waiting, then stops.
  ~StockRelay();
  StockRelay(const StockRelay&) = delete;
  StockRelay& operator=(const StockRelay&) = delete;

  // The pieces whose stock changed and those of them that may have sold out or come back.
  void tell(const std::vector<long long>& ids, const std::vector<long long>& may_flip);

 private:
  void run();
  Send send_;
  std::chrono::milliseconds pause_;  // between two sends (cut short when stopping)
  std::mutex mutex_;
  std::condition_variable wake_;
  std::set<long long> ids_, may_flip_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace brilliant::app
