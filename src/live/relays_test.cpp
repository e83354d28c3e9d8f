#include "live/relays.hpp"

#include <gtest/gtest.h>

#include <condition_variable>

namespace brilliant::live {
namespace {

using namespace std::chrono_literals;

// What the relays reported, and a wait (bounded) for a state to come.
class Reports {
 public:
  Relays::Report report() {
    return [this](long long id, const std::string& state, const std::string& detail) {
      std::lock_guard lock(mutex_);
      seen_.push_back({id, state, detail});
      changed_.notify_all();
    };
  }
  bool wait_for(long long id, const std::string& state, int times = 1) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, 10s, [&] { return count(id, state) >= times; });
  }
  std::string detail_of(long long id, const std::string& state) {
    std::lock_guard lock(mutex_);
    for (const auto& s : seen_)
      if (s.id == id && s.state == state) return s.detail;
    return {};
  }
  std::vector<std::string> states(long long id) {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& s : seen_)
      if (s.id == id) out.push_back(s.state);
    return out;
  }

 private:
  int count(long long id, const std::string& state) const {
    int n = 0;
    for (const auto& s : seen_) n += s.id == id && s.state == state;
    return n;
  }
  struct Seen {
    long long id;
    std::string state, detail;
  };
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Seen> seen_;
};

// Says what ffmpeg says once it sends frames, then keeps going until stopped.
const std::vector<std::string> sending = {"sh", "-c",
                                          "printf 'frame=12\\nfps=25\\nprogress=continue\\n'; exec sleep 30"};

TEST(Relays, ARelayIsLiveOnceItReportsFramesAndStopsWhenTold) {
  Reports reports;
  Relays relays(reports.report());
  relays.start(1, 10, sending);
  ASSERT_TRUE(reports.wait_for(10, "live"));
  EXPECT_TRUE(relays.running(10));
  relays.stop(10);
  EXPECT_FALSE(relays.running(10));
  EXPECT_EQ(reports.states(10), (std::vector<std::string>{"connecting", "live", "stopped"}));
}

TEST(Relays, AFailingRelaySaysWhyAndIsTriedAgainUntilTheShowEnds) {
  Reports reports;
  Relays relays(reports.report(), 10ms);
  relays.start(1, 20, {"sh", "-c", "echo 'rtmp://x/live2/k: Connection refused' >&2; exit 1"});
  relays.start(1, 21, sending);
  relays.start(2, 30, sending);                    // another show's
  ASSERT_TRUE(reports.wait_for(20, "failed", 3));  // tried again, and again
  EXPECT_EQ(reports.detail_of(20, "failed"), "rtmp://x/live2/k: Connection refused");
  ASSERT_TRUE(reports.wait_for(21, "live"));
  ASSERT_TRUE(reports.wait_for(30, "live"));
  relays.stop_show(1);
  EXPECT_FALSE(relays.running(20));
  EXPECT_FALSE(relays.running(21));
  EXPECT_TRUE(relays.running(30));
  EXPECT_EQ(reports.states(21).back(), "stopped");
  EXPECT_EQ(reports.states(20).back(), "stopped");
}

TEST(Relays, AProgramThatCannotStartIsAFailureWithItsNameAndAllStopAtTheEnd) {
  Reports reports;
  {
    Relays relays(reports.report(), 10ms);
    relays.start(1, 40, {"no-such-ffmpeg-brilliant"});
    ASSERT_TRUE(reports.wait_for(40, "failed"));
    EXPECT_NE(reports.detail_of(40, "failed").find("no-such-ffmpeg-brilliant"), std::string::npos);
    relays.start(1, 41, sending);
    ASSERT_TRUE(reports.wait_for(41, "live"));
  }  // the relays go with their owner
  EXPECT_EQ(reports.states(41).back(), "stopped");
  EXPECT_EQ(reports.states(40).back(), "stopped");
}

}  // namespace
}  // namespace brilliant::live
