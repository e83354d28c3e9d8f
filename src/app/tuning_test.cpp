#include "app/tuning.hpp"

#include <gtest/gtest.h>
#include <malloc.h>

#include <cstdlib>
#include <vector>

namespace brilliant::app {
namespace {

TEST(WritePoolThreads, SqliteGetsAGroupCommitsWorthAndPostgresqlNone) {
  EXPECT_EQ(write_pool_threads(0, true), 64);
  EXPECT_EQ(write_pool_threads(0, false), 0);  // writes share the main pool
}

TEST(WritePoolThreads, AConfiguredNumberIsKeptOnEitherDatabase) {
  EXPECT_EQ(write_pool_threads(3, true), 3);
  EXPECT_EQ(write_pool_threads(3, false), 3);
}

TEST(PoolThreads, SqliteGetsTwoPerCoreAndPostgresqlTheServersOwn) {
  EXPECT_EQ(pool_threads(0, true, 2), 4);
  EXPECT_EQ(pool_threads(0, true, 0), 2);   // cores unknown: one
  EXPECT_EQ(pool_threads(0, false, 2), 0);  // the server's default: four per core
  EXPECT_EQ(pool_threads(5, true, 2), 5);
  EXPECT_EQ(pool_threads(5, false, 2), 5);
}

// Freed memory stays at the top of the heap for the next request instead of going back to the system.
// (A sanitizer's allocator takes no such setting: there the test has nothing to check.)
TEST(KeepFreedMemory, TheHeapKeepsWhatWasFreedAtItsTop) {
  if (!keep_freed_memory(std::size_t{16} << 20)) GTEST_SKIP() << "the allocator is not glibc's";
  std::vector<void*> blocks;
  for (int i = 0; i < 100; ++i) blocks.push_back(std::malloc(64 * 1024));  // 6.4 MB, each below mmap's size
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) std::free(*it);
  EXPECT_GE(mallinfo2().keepcost, std::size_t{6} << 20);  // glibc's default gives back all but 128 kB
}

}  // namespace
}  // namespace brilliant::app
