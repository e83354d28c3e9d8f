// Synthetic shoppers and the offline evaluation of recommendations (issue 13).
//
// synthesize(): a year of plausible browsing and buying. Each shopper has a taste (a metal, two
// categories, a workshop, a budget, and a hidden style that no product fact shows) and mostly views and
// buys pieces that suit it, and everyone likes a few best sellers; some orders add a piece of another
// category that goes with the first. The hidden style is what only collaborative filtering can learn.
// Deterministic for a seed.
//
// evaluate(): leave-last-out on held-out orders: each shopper's last order is hidden, the model learns
// from everything else that happened before it (other shoppers' whole histories, this shopper's earlier
// visits and orders), and is asked for ten pieces from this shopper's history; a hit when a hidden piece
// is among them, NDCG@10 for where.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "marketing/recommend.hpp"

namespace brilliant::marketing {

struct History {
  struct Event {
    int shopper = 0, day = 0;  // day 0 is the oldest
    std::vector<long long> products;
  };
  std::vector<Event> visits;  // the pieces viewed in one visit, in order
  std::vector<Event> orders;  // the pieces bought in one order
};

struct SyntheticPlan {
  int shoppers = 2000, days = 365;
  double visits_per_shopper = 6;  // on average
  std::uint64_t seed = 42;
};
History synthesize(const std::vector<ItemFacts>& items, const SyntheticPlan& plan);

// Every count a history adds (views and purchases), for a Recommender or the database.
void replay(const History& history, const std::function<void(Signal, const std::vector<Pair>&)>& add);

struct Quality {
  double hit_rate = 0, ndcg = 0;  // at 10
  int cases = 0;
};
struct Evaluation {
  Quality model, popular;
};
Evaluation evaluate(const std::vector<ItemFacts>& items, const History& history, size_t k = 10);

// NDCG of one list: the hidden pieces' ranks in it, against the best possible list.
double ndcg(const std::vector<Recommendation>& list, const std::vector<long long>& hidden, size_t k);

}  // namespace brilliant::marketing
