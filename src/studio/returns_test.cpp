#include "studio/returns.hpp"

#include <gtest/gtest.h>

namespace brilliant::studio {

TEST(Returns, TheScoreWeighsTheViewsLikenessAndTheWeight) {
  // Identical shots and weight: a full match.
  auto same = compare_return({{"piece", 1, 2, "00ff00ff00ff00ff", "00ff00ff00ff00ff"},
                              {"serial", 3, 4, "0123456789abcdef", "0123456789abcdef"}},
                             320, 320);
  EXPECT_TRUE(same.match);
  EXPECT_EQ(same.score, 100);
  EXPECT_EQ(same.views[0].distance, 0);
  // 12 bits apart is still the same piece; 3 cg lighter is within 2 % (or 5 cg).
  auto near = compare_return({{"piece", 1, 2, "0000000000000000", "0000000000000fff"}}, 320, 317);
  EXPECT_TRUE(near.views[0].match);
  EXPECT_TRUE(near.weight_ok);
  EXPECT_TRUE(near.match);
  EXPECT_EQ(near.weight_diff_cg, -3);
  EXPECT_EQ(near.score, static_cast<int>(100 * (0.7 * (1 - 12 / 32.0) + 0.3) + 0.5));
  // 24 bits apart is another piece; 40 cg lighter is a swapped or damaged piece.
  auto other = compare_return({{"piece", 1, 2, "0000000000000000", "0000000000ffffff"}}, 320, 280);
  EXPECT_FALSE(other.views[0].match);
  EXPECT_FALSE(other.weight_ok);
  EXPECT_FALSE(other.match);
  EXPECT_LT(other.score, near.score);
  // A missing return shot never matches.
  auto missing = compare_return({{"piece", 1, 0, "0000000000000000", ""}}, 320, 320);
  EXPECT_EQ(missing.views[0].distance, -1);
  EXPECT_FALSE(missing.match);
  EXPECT_EQ(missing.score, 30);
}

TEST(Returns, DecisionsAndViews) {
  EXPECT_EQ(decision_of("accept"), Decision::accept);
  EXPECT_EQ(decision_of("escalate"), Decision::escalate);
  EXPECT_FALSE(decision_of("maybe"));
  EXPECT_EQ(to_string(Decision::reject), "reject");
  EXPECT_TRUE(is_piece_view("serial"));
  EXPECT_FALSE(is_piece_view("box"));
}

}  // namespace brilliant::studio
