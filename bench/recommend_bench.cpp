// Recommendations at scale and their quality (issue 13). Builds the model from a synthetic year of
// browsing and buying over PRODUCTS pieces until VIEWS product views are counted, then times "you may
// also like", "complete the look" and a personal row as a product page and the home page ask for them
// (from memory; floor: under 1 ms p99 at 10,000 products and 1,000,000 views). Then the offline
// evaluation: each shopper's last order held out, hit rate and NDCG at 10 against "most popular".
// Usage: recommend_bench [PRODUCTS, default 10000] [VIEWS, default 1000000]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "marketing/evaluation.hpp"

using namespace brilliant::marketing;
using Clock = std::chrono::steady_clock;

static std::vector<ItemFacts> catalog(int n) {
  const char* categories[] = {"ring", "necklace", "earrings", "bracelet", "pendant", "brooch", "set"};
  const char* metals[] = {"gold", "silver", "platinum", "rose_gold"};
  const char* stones[] = {"diamond", "sapphire", "ruby", "pearl", "emerald", "amethyst"};
  std::mt19937_64 rng(9);
  std::vector<ItemFacts> out;
  for (int i = 0; i < n; ++i) {
    ItemFacts f;
    f.id = i + 1;
    f.category = categories[rng() % 7];
    f.metal = metals[rng() % 4];
    f.purity = f.metal == "silver" ? 925 : (rng() % 2 ? 585 : 750);
    f.workshop = "workshop-" + std::to_string(rng() % 40);
    f.price = 30000 + static_cast<long long>(rng() % 200) * 10000;
    if (rng() % 3) f.stones.push_back(stones[rng() % 6]);
    f.words.push_back("collection-" + std::to_string(rng() % 25));
    f.popularity = static_cast<int>(rng() % 100);
    out.push_back(std::move(f));
  }
  return out;
}

static double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(p * (v.size() - 1))];
}

template <typename F>
static void time_it(const char* what, int rounds, F&& ask) {
  std::vector<double> us;
  us.reserve(rounds);
  size_t got = 0;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = Clock::now();
    got += ask(r);
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::printf("  %-22s p50 %6.1f us  p99 %6.1f us  max %7.1f us  (%d asks, %.1f pieces each)\n", what,
              percentile(us, 0.5), percentile(us, 0.99), percentile(us, 1.0), rounds,
              static_cast<double>(got) / rounds);
}

int main(int argc, char** argv) {
  const int products = argc > 1 ? std::atoi(argv[1]) : 10000;
  const long long views_wanted = argc > 2 ? std::atoll(argv[2]) : 1000000;
  const auto items = catalog(products);
  // About 4.5 views per visit and 6 visits per shopper: 27 views each, a little over the views asked for.
  const int shoppers = static_cast<int>(views_wanted / 26) + 1;
  auto t0 = Clock::now();
  const auto history = synthesize(items, {shoppers, 365, 6, 2026});
  long long views = 0;
  for (const auto& v : history.visits) views += static_cast<long long>(v.products.size());
  auto t1 = Clock::now();
  Recommender model;
  replay(history, [&](Signal s, const std::vector<Pair>& pairs) { model.add(s, pairs); });
  model.set_items(items);
  auto t2 = Clock::now();
  rusage use{};
  getrusage(RUSAGE_SELF, &use);
  const auto stats = model.stats();
  std::printf("%d products, %d shoppers: %lld views in %zu visits, %zu orders (synthesized in %.1f s)\n",
              products, shoppers, views, history.visits.size(), history.orders.size(),
              std::chrono::duration<double>(t1 - t0).count());
  std::printf(
      "model: %zu view pairs, %zu purchase pairs, learnt in %.1f s (%.0f views/s); peak RSS %ld MiB\n",
      stats.view_pairs, stats.purchase_pairs, std::chrono::duration<double>(t2 - t1).count(),
      static_cast<double>(views) / std::chrono::duration<double>(t2 - t1).count(), use.ru_maxrss / 1024);
  std::mt19937_64 rng(5);
  auto any = [&] { return items[rng() % items.size()].id; };
  time_it("also like (4)", 20000, [&](int) { return model.also_like(any(), 4).size(); });
  time_it("complete the look (4)", 20000, [&](int) { return model.complete_look(any(), 4).size(); });
  time_it("personal, 5 seen (8)", 20000, [&](int) {
    return model.personal({any(), any(), any(), any(), any()}, {}, 8).size();
  });

  // Quality on held-out orders (a smaller year, so that every shopper's history is evaluated).
  const int eval_products = std::min(products, 2000);
  const auto eval_items = catalog(eval_products);
  const auto eval_history = synthesize(eval_items, {6000, 365, 6, 77});
  const auto q = evaluate(eval_items, eval_history, 10);
  std::printf(
      "held-out evaluation (%d products, 6,000 shoppers, %d cases): hit rate@10 %.3f vs most popular %.3f; "
      "NDCG@10 %.3f vs %.3f\n",
      eval_products, q.model.cases, q.model.hit_rate, q.popular.hit_rate, q.model.ndcg, q.popular.ndcg);
  return q.model.hit_rate > q.popular.hit_rate ? 0 : 1;
}
