#include "app/pool_size.hpp"

#include <gtest/gtest.h>

namespace brilliant::app {
namespace {

TEST(PoolThreads, AConfiguredNumberIsKeptOnEitherDatabase) {
  EXPECT_EQ(pool_threads(3, true, 2), 3);
  EXPECT_EQ(pool_threads(3, false, 2), 3);
}

TEST(PoolThreads, PostgreSqlRunsFourPerCore) {
  EXPECT_EQ(pool_threads(0, false, 2), 8);
  EXPECT_EQ(pool_threads(0, false, 0), 4);  // a machine that cannot tell its cores counts as one
}

TEST(PoolThreads, SqliteRunsEnoughToFillAGroupCommit) {
  EXPECT_EQ(pool_threads(0, true, 2), 64);
  EXPECT_EQ(pool_threads(0, true, 32), 128);  // four per core once that is more
}

}  // namespace
}  // namespace brilliant::app
