// The Redis bus across nodes is tested with a real redis-server in tests/http/live_nodes_http_test.cpp;
// here: without Redis it refuses to start, and the local bus delivers at once.
#include <gtest/gtest.h>

#include "live/bus.hpp"

namespace brilliant::live {
namespace {

TEST(RedisBus, AnUnreachableRedisStopsTheStartWithTheAddress) {
  try {
    redis_bus("redis://127.0.0.1:1");
    FAIL() << "no Redis listens on port 1";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:1"), std::string::npos);
  }
}

TEST(LocalBus, DeliversEachEventOnThisNode) {
  LocalBus bus;
  std::vector<std::pair<long long, std::string>> got;
  bus.start([&](long long show, const std::string& event) { got.emplace_back(show, event); });
  bus.publish(4, "{}");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].first, 4);
}

}  // namespace
}  // namespace brilliant::live
