#include "core/recent.hpp"

#include <gtest/gtest.h>

namespace brilliant {
namespace {

TEST(Recent, KeepsAValueForItsFreshnessAndNoLonger) {
  Recent<int> recent(std::chrono::seconds(10));
  const auto t0 = Recent<int>::Clock::now();
  EXPECT_FALSE(recent.get("a", t0));
  recent.put("a", 1, t0);
  EXPECT_EQ(recent.get("a", t0 + std::chrono::seconds(9)), 1);
  EXPECT_FALSE(recent.get("a", t0 + std::chrono::seconds(10))) << "ten seconds old: made again";
  EXPECT_FALSE(recent.get("b", t0));
  recent.put("b", 2, t0);
  recent.forget("b");  // e.g. a session found ended
  EXPECT_FALSE(recent.get("b", t0));
}

TEST(Recent, MakesAValueOnceAndForgetsEverythingWhenFull) {
  Recent<std::string> recent(std::chrono::hours(1), 3);
  int made = 0;
  const auto make = [&] { return "made " + std::to_string(++made); };
  EXPECT_EQ(recent.get_or("a", make), "made 1");
  EXPECT_EQ(recent.get_or("a", make), "made 1");
  EXPECT_EQ(made, 1);
  recent.put("b", "b");
  recent.put("c", "c");
  EXPECT_EQ(recent.size(), 3u);
  recent.put("d", "d");  // full: the rest forgotten
  EXPECT_EQ(recent.size(), 1u);
  EXPECT_EQ(recent.get_or("a", make), "made 2");
}

// A change made while a value was being read (forget_all) wins: that value is handed to its caller but not
// kept, so the next caller reads afresh; what is read after the change is kept again.
TEST(Recent, AValueReadAcrossAForgetAllIsNotKept) {
  Recent<int> recent(std::chrono::hours(1));
  recent.put("a", 1);
  int reads = 0;
  EXPECT_EQ(recent.get_or("b",
                          [&] {
                            recent.forget_all();  // another thread's change, during the read
                            return ++reads;
                          }),
            1);
  EXPECT_FALSE(recent.get("a")) << "forget_all forgets what was kept";
  EXPECT_FALSE(recent.get("b")) << "read before the change: not kept";
  EXPECT_EQ(recent.get_or("b", [&] { return ++reads; }), 2);
  EXPECT_EQ(recent.get_or("b", [&] { return ++reads; }), 2) << "read after it: kept";
  const auto then = recent.forgets();
  recent.forget("b");  // one key's forget does not count as a change to everything
  EXPECT_TRUE(recent.put_unless_forgotten("c", 3, then, Recent<int>::Clock::now()));
  recent.forget_all();
  EXPECT_FALSE(recent.put_unless_forgotten("d", 4, then, Recent<int>::Clock::now()));
  EXPECT_FALSE(recent.get("d"));
}

}  // namespace
}  // namespace brilliant
