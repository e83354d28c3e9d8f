#include "marketing/recommend.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

namespace brilliant::marketing {
namespace {

ItemFacts item(long long id, std::string category, std::string metal = "gold", std::string workshop = "a",
               long long price = 100000) {
  ItemFacts f;
  f.id = id;
  f.category = std::move(category);
  f.metal = std::move(metal);
  f.workshop = std::move(workshop);
  f.price = price;
  f.purity = 585;
  return f;
}

std::vector<long long> ids(const std::vector<Recommendation>& list) {
  std::vector<long long> out;
  for (const auto& r : list) out.push_back(r.id);
  return out;
}

TEST(Content, SameInEveryRespectIsOneAndNothingAlikeIsZero) {
  Features a{0, 1, 2, 3, 750, 100000, 0b11, 0b1};
  EXPECT_DOUBLE_EQ(content_similarity(a, a), 1.0);
  Features b{9, 8, 7, 6, 585, 900000, 0b100, 0b10};
  EXPECT_DOUBLE_EQ(content_similarity(a, b), 0.0);
  // The same metal at another purity counts a little less; a price within 1.5x fully, within 2.5x half.
  Features c = a;
  c.purity = 585;
  EXPECT_NEAR(content_similarity(a, c), 0.95, 1e-9);
  c = a;
  c.price = 200000;
  EXPECT_NEAR(content_similarity(a, c), 1.0 - 0.075, 1e-9);
}

TEST(Content, GoesWithNeedsAnotherCategory) {
  Features ring{0, 1, 2, 3, 750, 100000, 0, 1}, other_ring = ring, necklace = ring;
  necklace.category = 5;
  EXPECT_DOUBLE_EQ(goes_with(ring, other_ring), 0.0);
  EXPECT_NEAR(goes_with(ring, necklace), 1.0, 1e-9);
}

TEST(Pairs, AViewPairsWithTheVisitsEarlierPiecesOnce) {
  auto pairs = view_pairs(5, {3, 9, 3, 5});
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(pairs[0].a, 5);
  EXPECT_EQ(pairs[0].b, 5);  // the item's own count
  EXPECT_EQ(pairs[1].a, 3);  // stored smaller first
  EXPECT_EQ(pairs[1].b, 5);
  EXPECT_EQ(pairs[2].a, 5);
  EXPECT_EQ(pairs[2].b, 9);
}

TEST(Pairs, AnOrderPairsWithinItselfAndWithEarlierPurchases) {
  auto pairs = purchase_pairs({2, 1, 2}, {7, 1});
  // items 1 and 2 (deduplicated): their own counts, 1-2, and each with 7 (1 was bought before: no pair).
  std::vector<std::tuple<long long, long long>> got;
  for (const auto& p : pairs) got.emplace_back(p.a, p.b);
  std::sort(got.begin(), got.end());
  std::vector<std::tuple<long long, long long>> want{{1, 1}, {1, 2}, {1, 7}, {2, 2}, {2, 7}};
  EXPECT_EQ(got, want);
}

TEST(CoCounts, CosineShrunkWhileRare) {
  CoCounts c;
  for (int i = 0; i < 4; ++i) c.add_item(1);
  for (int i = 0; i < 9; ++i) c.add_item(2);
  c.add_pair(1, 2, 3);
  EXPECT_FLOAT_EQ(c.pair(1, 2), 3);
  EXPECT_FLOAT_EQ(c.pair(2, 1), 3);
  // 3 / sqrt(4 * 9) = 0.5, times 3 / (3 + 3).
  EXPECT_NEAR(c.similarity(1, 2, 3), 0.25, 1e-9);
  EXPECT_EQ(c.pairs(), 1u);
}

TEST(CoCounts, AFullListKeepsItsStrongestNeighbours) {
  CoCounts c(2);
  c.add_pair(1, 2, 10);
  c.add_pair(1, 3, 1);
  c.add_pair(1, 4, 1);  // replaces 3, the weakest, and inherits its count
  EXPECT_EQ(c.neighbours(1).size(), 2u);
  EXPECT_FLOAT_EQ(c.pair(1, 2), 10);
  EXPECT_FLOAT_EQ(c.pair(1, 3), 0);
  EXPECT_FLOAT_EQ(c.pair(1, 4), 2);
}

class RecommenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    items = {item(1, "ring"),
             item(2, "ring"),
             item(3, "ring", "silver", "b", 30000),
             item(4, "necklace"),
             item(5, "earring", "silver", "b", 30000),
             item(6, "ring")};
    items[5].available = false;  // sold out
    model.set_items(items);
  }
  std::vector<ItemFacts> items;
  Recommender model;
};

TEST_F(RecommenderTest, WithoutHistorySimilarPiecesComeFirstAndNeverItselfOrSoldOut) {
  auto list = model.also_like(1, 10);
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0].id, 2);  // the same category, metal, workshop and price
  EXPECT_EQ(list[0].reason, Reason::similar);
  auto got = ids(list);
  EXPECT_EQ(std::count(got.begin(), got.end(), 1), 0);
  EXPECT_EQ(std::count(got.begin(), got.end(), 6), 0);
}

TEST_F(RecommenderTest, BoughtTogetherOutranksLikenessAndSaysSo) {
  for (int i = 0; i < 20; ++i) model.add(Signal::purchase, purchase_pairs({1, 3}));
  auto list = model.also_like(1, 3);
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0].id, 3);
  EXPECT_EQ(list[0].reason, Reason::bought_together);
}

TEST_F(RecommenderTest, ViewedTogetherIsAReasonToo) {
  for (int i = 0; i < 20; ++i) model.add(Signal::view, view_pairs(5, {1}));
  auto list = model.also_like(1, 2);
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0].id, 5);
  EXPECT_EQ(list[0].reason, Reason::viewed_together);
}

TEST_F(RecommenderTest, CompleteTheLookIsAnotherCategory) {
  auto list = model.complete_look(1, 10);
  ASSERT_FALSE(list.empty());
  for (const auto& r : list) EXPECT_TRUE(r.id == 4 || r.id == 5) << r.id;
  EXPECT_EQ(list[0].id, 4);  // the same metal and workshop
  EXPECT_EQ(list[0].reason, Reason::goes_with);
  for (int i = 0; i < 20; ++i) model.add(Signal::purchase, purchase_pairs({1, 5}));
  list = model.complete_look(1, 10);
  EXPECT_EQ(list[0].id, 5);
  EXPECT_EQ(list[0].reason, Reason::bought_together);
}

TEST_F(RecommenderTest, PersonalLeavesOutWhatTheyOwnAndFillsWithPopular) {
  for (int i = 0; i < 5; ++i) model.add(Signal::purchase, purchase_pairs({4}));
  model.set_items(items);  // popularity is ranked when the items are set
  auto list = model.personal({}, {}, 3);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, 4);
  EXPECT_EQ(list[0].reason, Reason::popular);
  list = model.personal({1}, {2, 4}, 5);
  auto got = ids(list);
  EXPECT_EQ(std::count(got.begin(), got.end(), 2), 0);
  EXPECT_EQ(std::count(got.begin(), got.end(), 4), 0);
  EXPECT_EQ(std::count(got.begin(), got.end(), 6), 0);
  EXPECT_EQ(got.size(), 3u);  // 1 (a piece looked at may come back), 3 and 5: all but the owned and sold out
}

TEST_F(RecommenderTest, CountsSurviveACatalogChange) {
  for (int i = 0; i < 20; ++i) model.add(Signal::purchase, purchase_pairs({1, 3}));
  items.push_back(item(7, "ring"));
  model.set_items(items);
  EXPECT_TRUE(model.known(7));
  EXPECT_EQ(model.also_like(1, 1)[0].id, 3);
  EXPECT_EQ(model.stats().items, 7u);
  EXPECT_EQ(model.stats().purchase_pairs, 1u);
}

TEST_F(RecommenderTest, StrongestPairsAndCoverageForTheOperator) {
  for (int i = 0; i < 3; ++i) model.add(Signal::purchase, purchase_pairs({1, 3}));
  model.add(Signal::purchase, purchase_pairs({2, 4}));
  auto top = model.strongest(Signal::purchase, 5);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].a, 1);
  EXPECT_EQ(top[0].b, 3);
  EXPECT_FLOAT_EQ(top[0].count, 3);
  EXPECT_TRUE(model.strongest(Signal::view, 5).empty());
  auto c = model.coverage(100);
  EXPECT_EQ(c.asked, 6u);
  EXPECT_GE(c.from_history, 2u);  // 1 and 3 at least
  EXPECT_LT(c.from_history, c.asked);
}

TEST_F(RecommenderTest, ReadersAndWritersAtOnce) {
  std::thread writer([&] {
    for (int i = 0; i < 2000; ++i) model.add(Signal::view, view_pairs(1 + i % 5, {1 + (i + 1) % 5}));
  });
  size_t seen = 0;
  for (int i = 0; i < 2000; ++i) seen += model.also_like(1 + i % 5, 3).size();
  writer.join();
  EXPECT_GT(seen, 0u);
  EXPECT_GT(model.stats().view_pairs, 0u);
}

}  // namespace
}  // namespace brilliant::marketing
