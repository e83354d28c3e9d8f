// Recommendations (issue 13): item-to-item collaborative filtering from co-views and co-purchases (each
// pair's count over the geometric mean of the two items' counts: the cosine of their binary vectors,
// shrunk while the pair is rare), blended with content similarity (category, metal and purity, colour,
// workshop, price band, stone kinds, collections) so that a new piece without history is still placed.
// Everything is in memory and updated as views and orders arrive; thread safe. No SQL, no HTTP.
#pragma once
#include <cstdint>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace brilliant::marketing {

// Why a piece is recommended (its name in JSON: "bought_together", ...).
enum class Reason { bought_together, viewed_together, similar, goes_with, popular };
std::string_view name_of(Reason reason);

// What the recommender knows of a piece (from the catalog's card).
struct ItemFacts {
  long long id = 0;
  std::string category, metal, colour, workshop;
  int purity = 0;
  long long price = 0;                     // won
  std::vector<std::string> stones, words;  // stone kinds; collections and style words
  int popularity = 0;
  bool available = true;  // in stock or made to order (sold-out pieces are never recommended)
};

// The facts reduced to small codes, so comparing two pieces is a few integer operations.
struct Features {
  int category = -1, metal = -1, colour = -1, workshop = -1, purity = 0;
  long long price = 0;
  std::uint64_t stones = 0, words = 0;  // one bit per kind (interned; past 64 kinds, bits are shared)
};
// 0 (nothing alike) to 1 (the same in every respect). Category 0.25, metal 0.15 (purity 0.05 more),
// colour 0.1, workshop 0.1, price band 0.15 (within 1.5x; half within 2.5x), stones 0.1 and words 0.1
// (Jaccard).
double content_similarity(const Features& a, const Features& b);
// How well `b` completes a look with `a`: another category, the same metal and colour, close in price,
// the same workshop or collection. 0 for the same category.
double goes_with(const Features& a, const Features& b);

// What a count comes from, and the counts one event adds: a pair (a < b) seen together, or a == b for
// one item's own count (the baskets that held it).
enum class Signal { view, purchase };
struct Pair {
  long long a = 0, b = 0;
  float count = 1;
};
// A visitor viewed `product` after `before` (the pieces viewed earlier in the same visit).
std::vector<Pair> view_pairs(long long product, const std::vector<long long>& before);
// A shopper bought `bought` (one order) having bought `earlier` before (their older orders): pairs within
// the order and with every earlier piece.
std::vector<Pair> purchase_pairs(const std::vector<long long>& bought,
                                 const std::vector<long long>& earlier = {});

// Co-occurrence counts with a bounded memory: each item keeps at most `cap` neighbours; when a new one
// arrives at a full list, it replaces the weakest and inherits its count (the space-saving sketch, so
// frequent pairs survive and memory stays below items x cap). Not thread safe (Recommender locks).
class CoCounts {
 public:
  struct Neighbour {
    long long id;
    float count;
  };
  explicit CoCounts(size_t cap = 200) : cap_(cap) {}
  void add_pair(long long a, long long b, float weight = 1);  // both directions
  void add_item(long long a, float weight = 1);               // a basket (a visit, an order) held a
  float pair(long long a, long long b) const;
  float item(long long a) const;
  const std::vector<Neighbour>& neighbours(long long a) const;
  // cos(a, b) shrunk by n/(n+shrink): a pair seen twice counts for less than one seen fifty times.
  double similarity(long long a, long long b, float count) const;
  size_t pairs() const;
  // The `k` pairs seen together most often (a < b), strongest first.
  std::vector<Pair> strongest(size_t k) const;

 private:
  void add_one(long long a, long long b, float weight);
  size_t cap_;
  std::unordered_map<long long, std::vector<Neighbour>> lists_;
  std::unordered_map<long long, float> items_;
};

struct Recommendation {
  long long id = 0;
  double score = 0;
  Reason reason = Reason::similar;
};

class Recommender {
 public:
  explicit Recommender(size_t cap = 200) : views_(cap), purchases_(cap) {}
  // The pieces on sale now (called again whenever the catalog changes; counts are kept by id).
  void set_items(const std::vector<ItemFacts>& items);
  // Counts from a view, an order or the store (view_pairs, purchase_pairs).
  void add(Signal signal, const std::vector<Pair>& pairs);
  // The counts replaced by `other`'s (read from the store again); the pieces on sale stay.
  void take_counts(Recommender&& other);

  // "You may also like": bought or viewed together, or similar; best first, never the piece itself.
  std::vector<Recommendation> also_like(long long product, size_t k) const;
  // "Complete the look": other categories bought with it, or that go with it.
  std::vector<Recommendation> complete_look(long long product, size_t k) const;
  // For a person: from what they viewed or bought (seeds, most recent first; a piece viewed before may
  // come back, as people buy what they looked at twice), leaving out `exclude` (what they own); filled
  // with the most popular pieces when history says too little.
  std::vector<Recommendation> personal(const std::vector<long long>& seeds,
                                       const std::vector<long long>& exclude, size_t k) const;
  // The most popular pieces on sale (the baseline the evaluation compares with).
  std::vector<Recommendation> popular(size_t k, const std::vector<long long>& exclude = {}) const;
  bool known(long long product) const;

  struct Stats {
    size_t items = 0, view_pairs = 0, purchase_pairs = 0;
  };
  Stats stats() const;
  // The pairs bought (or viewed) together most often.
  std::vector<Pair> strongest(Signal signal, size_t k) const;
  // Of up to `sample` pieces on sale (spread over the catalog), how many get their first "you may also
  // like" from history (bought or viewed together) rather than likeness alone.
  struct Coverage {
    size_t asked = 0, from_history = 0;
  };
  Coverage coverage(size_t sample = 500) const;

 private:
  struct Item {
    long long id;
    Features features;
    int popularity;
    bool available;
  };
  struct Parts {
    float bought = 0, viewed = 0, like = 0;  // the blend's three parts; the largest is the reason
  };
  using Scores = std::vector<Parts>;  // by item position: no hashing on the hot path
  static constexpr size_t npos = static_cast<size_t>(-1);
  size_t position(long long id) const;  // npos when not on sale
  void score_history(long long product, float weight, Scores& out) const;
  void score_content(size_t self, float weight, Scores& out) const;
  std::vector<Recommendation> best(Scores& scores, const std::vector<long long>& exclude, size_t k,
                                   Reason like = Reason::similar) const;

  mutable std::shared_mutex mutex_;
  std::vector<Item> items_;
  std::unordered_map<long long, size_t> index_;
  std::vector<size_t> by_popularity_;
  std::unordered_map<int, std::vector<size_t>> by_category_;
  std::unordered_map<std::string, int> codes_;  // interned words ("c:ring", "m:gold", ...)
  CoCounts views_, purchases_;
};

}  // namespace brilliant::marketing
