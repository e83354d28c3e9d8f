#include "app/stock_relay.hpp"

#include <gtest/gtest.h>

#include <future>

namespace brilliant::app {
namespace {

struct Sent {
  std::vector<long long> ids, may_flip;
};

// What arrives while a notice is being sent goes out merged in the next one; nothing is lost at the end.
TEST(StockRelay, ChangesThatArriveDuringASendGoOutTogetherInTheNext) {
  std::mutex mutex;
  std::vector<Sent> sent;
  std::promise<void> first_started, let_first_finish;
  auto finish = let_first_finish.get_future().share();
  {
    StockRelay relay([&](const std::vector<long long>& ids, const std::vector<long long>& may_flip) {
      bool first = false;
      {
        std::lock_guard lock(mutex);
        sent.push_back({ids, may_flip});
        first = sent.size() == 1;
      }
      if (first) {
        first_started.set_value();
        finish.wait();
      }
    });
    relay.tell({1}, {});
    first_started.get_future().wait();  // the first notice is on its way
    relay.tell({2, 3}, {3});
    relay.tell({3, 4}, {});
    relay.tell({}, {9});  // no pieces: nothing to tell
    let_first_finish.set_value();
    // Leaving the scope: what is waiting is sent before the relay stops.
  }
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].ids, (std::vector<long long>{1}));
  EXPECT_TRUE(sent[0].may_flip.empty());
  EXPECT_EQ(sent[1].ids, (std::vector<long long>{2, 3, 4}));
  EXPECT_EQ(sent[1].may_flip, (std::vector<long long>{3}));
}

// After a send the relay pauses: what is told meanwhile goes out together after the pause, and stopping
// cuts the pause short (the pause here is far longer than the test).
TEST(StockRelay, ChangesToldDuringThePauseGoOutTogether) {
  std::vector<std::vector<long long>> sent;
  std::promise<void> first_sent;
  {
    StockRelay relay(
        [&](const std::vector<long long>& ids, const std::vector<long long>&) {
          sent.push_back(ids);
          if (sent.size() == 1) first_sent.set_value();
        },
        std::chrono::hours(1));
    relay.tell({1}, {});
    first_sent.get_future().wait();
    relay.tell({2}, {});
    relay.tell({3}, {});
  }
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1], (std::vector<long long>{2, 3}));
}

// A send that fails is logged and the relay goes on with the next.
TEST(StockRelay, AFailedSendDoesNotStopTheRelay) {
  std::vector<std::vector<long long>> sent;
  std::promise<void> failed;
  {
    StockRelay relay([&](const std::vector<long long>& ids, const std::vector<long long>&) {
      sent.push_back(ids);
      if (sent.size() == 1) {
        failed.set_value();
        throw std::runtime_error("the database is away");
      }
    });
    relay.tell({5}, {});
    failed.get_future().wait();
    relay.tell({6}, {6});
  }
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1], (std::vector<long long>{6}));
}

}  // namespace
}  // namespace brilliant::app
