#include "marketing/evaluation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace brilliant::marketing {
namespace {

std::vector<ItemFacts> catalog(int n) {
  const char* categories[] = {"ring", "necklace", "earring", "bracelet"};
  const char* metals[] = {"gold", "silver", "platinum"};
  std::vector<ItemFacts> out;
  for (int i = 0; i < n; ++i) {
    ItemFacts f;
    f.id = 100 + i;
    f.category = categories[i % 4];
    f.metal = metals[(i / 4) % 3];
    f.workshop = "w" + std::to_string(i % 7);
    f.price = 50000 + (i % 13) * 40000;
    out.push_back(f);
  }
  return out;
}

TEST(Ndcg, RankOneIsOneAndMissesAreZero) {
  std::vector<Recommendation> list{{7, 1, Reason::similar}, {8, 1, Reason::similar}};
  EXPECT_DOUBLE_EQ(ndcg(list, {7}, 10), 1.0);
  EXPECT_NEAR(ndcg(list, {8}, 10), 1 / std::log2(3.0), 1e-12);
  EXPECT_DOUBLE_EQ(ndcg(list, {9}, 10), 0.0);
  EXPECT_DOUBLE_EQ(ndcg(list, {8}, 1), 0.0);  // beyond k
}

TEST(Synthesize, IsDeterministicAndUsesTheCatalog) {
  auto items = catalog(60);
  SyntheticPlan plan{200, 365, 5, 7};
  auto a = synthesize(items, plan), b = synthesize(items, plan);
  ASSERT_EQ(a.visits.size(), b.visits.size());
  ASSERT_EQ(a.orders.size(), b.orders.size());
  EXPECT_EQ(a.orders[0].products, b.orders[0].products);
  EXPECT_GT(a.orders.size(), 50u);
  std::set<long long> known;
  for (const auto& f : items) known.insert(f.id);
  for (const auto& v : a.visits) {
    EXPECT_GE(v.day, 0);
    EXPECT_LT(v.day, 365);
    for (long long id : v.products) EXPECT_TRUE(known.count(id));
  }
}

TEST(Replay, CountsEveryViewAndPurchase) {
  History h;
  h.visits.push_back({0, 1, {1, 2, 3}});
  h.orders.push_back({0, 1, {3}});
  h.orders.push_back({0, 5, {4}});
  int views = 0, purchases = 0;
  std::vector<Pair> last;
  replay(h, [&](Signal s, const std::vector<Pair>& pairs) {
    (s == Signal::view ? views : purchases) += 1;
    last = pairs;
  });
  EXPECT_EQ(views, 3);
  EXPECT_EQ(purchases, 2);
  ASSERT_EQ(last.size(), 2u);  // the second order: its own count and the pair with the earlier one
  EXPECT_EQ(last[1].a, 3);
  EXPECT_EQ(last[1].b, 4);
}

TEST(Evaluate, TheModelBeatsMostPopularOnHeldOutOrders) {
  auto items = catalog(400);
  auto history = synthesize(items, {1500, 365, 6, 11});
  auto result = evaluate(items, history);
  EXPECT_GT(result.model.cases, 300);
  EXPECT_EQ(result.model.cases, result.popular.cases);
  EXPECT_GT(result.model.hit_rate, result.popular.hit_rate);
  EXPECT_GT(result.model.ndcg, result.popular.ndcg);
  EXPECT_LE(result.model.hit_rate, 1.0);
}

}  // namespace
}  // namespace brilliant::marketing
