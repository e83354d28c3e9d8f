// The demo's bank deposits (seed_deposits.cpp): a statement whose deposits show each kind of match; once.
#include "app/seed_deposits.hpp"

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"

namespace brilliant::app {

TEST(SeedDeposits, AStatementWithACertainAnAmbiguousAndAnUnmatchedDepositOnce) {
  SystemClock clock;
  TempApp temp(clock, "seed-deposits");
  App& app = *temp;
  seed_demo(app, 24);  // seeds the deposits too
  const auto board = app.deposits().board();
  ASSERT_EQ(board.open.size(), 4u);
  std::map<payments::Confidence, int> kinds;
  for (const auto& m : board.matches) ++kinds[m.confidence];
  EXPECT_EQ(kinds[payments::Confidence::certain], 2);
  EXPECT_EQ(kinds[payments::Confidence::ambiguous], 1);
  EXPECT_EQ(kinds[payments::Confidence::none], 1);
  EXPECT_EQ(seed_deposits(app), 0);  // once
  EXPECT_EQ(app.deposits().board().open.size(), 4u);
}

}  // namespace brilliant::app
