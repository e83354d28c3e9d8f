#include "marketing/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <unordered_map>

namespace brilliant::marketing {

namespace {

constexpr int hidden_styles = 8;
// The pieces that suit a shopper (85 % of what they view): an eighth of the catalog, 5 to 40.
size_t pool_size(size_t items) { return std::clamp<size_t>(items / 8, 5, 40); }
constexpr size_t visit_memory = 4;  // a view pairs with the last four of the visit (as the page's beacon)

struct Taste {
  std::string metal, category_a, category_b, workshop;
  long long budget = 0;
  int style = 0;
};

class Shopper {
 public:
  // styles: each piece's hidden style; by_appeal: the pieces, most appealing first (what everyone
  // likes: the few best sellers every shop has).
  Shopper(const std::vector<ItemFacts>& items, const std::vector<int>& styles,
          const std::vector<size_t>& by_appeal, std::mt19937_64& rng)
      : items_(items), by_appeal_(by_appeal), rng_(rng) {
    Taste t{pick().metal,    pick().category, pick().category,
            pick().workshop, pick().price,    static_cast<int>(rng_() % hidden_styles)};
    std::vector<double> appeal(items.size());
    for (size_t r = 0; r < by_appeal.size(); ++r)
      appeal[by_appeal[r]] = std::pow(1.0 - static_cast<double>(r) / by_appeal.size(), 8);
    std::vector<std::pair<double, size_t>> fit;
    fit.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      const auto& x = items[i];
      double f = 2.0 * appeal[i] + 2.0 * (styles[i] == t.style) + 1.5 * (x.metal == t.metal) +
                 (x.category == t.category_a || x.category == t.category_b) +
                 0.7 * (x.workshop == t.workshop) +
                 0.5 * (x.price * 2 >= t.budget && x.price <= t.budget * 2);
      fit.push_back({f + static_cast<double>(rng_() % 1000) / 2000.0, i});
    }
    const size_t n = std::min(pool_size(items.size()), fit.size());
    std::nth_element(fit.begin(), fit.begin() + static_cast<long>(n) - 1, fit.end(), std::greater<>());
    std::sort(fit.begin(), fit.begin() + static_cast<long>(n), std::greater<>());
    for (size_t i = 0; i < n; ++i) pool_.push_back(fit[i].second);
  }
  // A piece to look at: mostly from the pool, its best suited most often; otherwise what everyone looks at.
  size_t browse() {
    if (chance(0.15) || pool_.empty()) {
      const size_t n = items_.size();
      return by_appeal_[std::min({uniform(n), uniform(n), uniform(n)})];
    }
    return pool_[std::min(uniform(pool_.size()), uniform(pool_.size()))];
  }
  size_t uniform(size_t n) { return static_cast<size_t>(rng_() % n); }
  bool chance(double p) { return static_cast<double>(rng_() >> 11) * 0x1.0p-53 < p; }
  // A piece from the pool of another category than `first`, if any.
  std::optional<size_t> goes_with(size_t first) {
    for (size_t i : pool_)
      if (items_[i].category != items_[first].category && chance(0.5)) return i;
    return std::nullopt;
  }

 private:
  const ItemFacts& pick() { return items_[uniform(items_.size())]; }
  const std::vector<ItemFacts>& items_;
  const std::vector<size_t>& by_appeal_;
  std::mt19937_64& rng_;
  std::vector<size_t> pool_;
};

}  // namespace

History synthesize(const std::vector<ItemFacts>& items, const SyntheticPlan& plan) {
  History h;
  if (items.empty()) return h;
  std::mt19937_64 rng(plan.seed);
  std::vector<int> styles(items.size());
  for (auto& s : styles) s = static_cast<int>(rng() % hidden_styles);
  std::vector<size_t> by_appeal(items.size());
  for (size_t i = 0; i < items.size(); ++i) by_appeal[i] = i;
  std::shuffle(by_appeal.begin(), by_appeal.end(), rng);
  const auto spread = static_cast<size_t>(std::max(1.0, plan.visits_per_shopper * 2 - 1));
  for (int s = 0; s < plan.shoppers; ++s) {
    Shopper shopper(items, styles, by_appeal, rng);
    const size_t visits = 1 + shopper.uniform(spread);
    std::vector<int> days(visits);
    for (auto& d : days) d = static_cast<int>(shopper.uniform(static_cast<size_t>(plan.days)));
    std::sort(days.begin(), days.end());
    for (int day : days) {
      History::Event visit{s, day, {}};
      const size_t length = 2 + shopper.uniform(6);
      size_t last_seen = 0;
      for (int tries = 0; visit.products.size() < length && tries < 50; ++tries) {
        const size_t i = shopper.browse();
        if (std::find(visit.products.begin(), visit.products.end(), items[i].id) != visit.products.end())
          continue;
        visit.products.push_back(items[i].id);
        last_seen = i;
      }
      h.visits.push_back(visit);
      if (!shopper.chance(0.3)) continue;
      // Buys the last piece looked at (people buy what they settle on), sometimes with one that goes with it.
      History::Event order{s, day, {visit.products.back()}};
      if (shopper.chance(0.35))
        if (auto extra = shopper.goes_with(last_seen)) order.products.push_back(items[*extra].id);
      h.orders.push_back(order);
    }
  }
  return h;
}

void replay(const History& history, const std::function<void(Signal, const std::vector<Pair>&)>& add) {
  for (const auto& v : history.visits)
    for (size_t i = 0; i < v.products.size(); ++i) {
      const size_t from = i > visit_memory ? i - visit_memory : 0;
      add(Signal::view, view_pairs(v.products[i], {v.products.begin() + static_cast<long>(from),
                                                   v.products.begin() + static_cast<long>(i)}));
    }
  std::vector<size_t> order(history.orders.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto &x = history.orders[a], &y = history.orders[b];
    return x.shopper != y.shopper ? x.shopper < y.shopper : x.day < y.day;
  });
  std::unordered_map<int, std::vector<long long>> bought;
  for (size_t i : order) {
    const auto& o = history.orders[i];
    auto& earlier = bought[o.shopper];
    add(Signal::purchase, purchase_pairs(o.products, earlier));
    earlier.insert(earlier.end(), o.products.begin(), o.products.end());
  }
}

double ndcg(const std::vector<Recommendation>& list, const std::vector<long long>& hidden, size_t k) {
  double dcg = 0, ideal = 0;
  for (size_t r = 0; r < list.size() && r < k; ++r)
    if (std::find(hidden.begin(), hidden.end(), list[r].id) != hidden.end()) dcg += 1 / std::log2(r + 2.0);
  for (size_t i = 0; i < hidden.size() && i < k; ++i) ideal += 1 / std::log2(i + 2.0);
  return ideal > 0 ? dcg / ideal : 0;
}

Evaluation evaluate(const std::vector<ItemFacts>& items, const History& history, size_t k) {
  // Each shopper's last order is hidden with everything they did from its day on.
  std::map<int, size_t> last;
  for (size_t i = 0; i < history.orders.size(); ++i) {
    const auto& o = history.orders[i];
    auto it = last.find(o.shopper);
    if (it == last.end() || history.orders[it->second].day <= o.day) last[o.shopper] = i;
  }
  auto hidden_from = [&](int shopper) {
    auto it = last.find(shopper);
    return it == last.end() ? INT32_MAX : history.orders[it->second].day;
  };
  History training;
  std::map<int, std::vector<long long>> seeds, owned;
  for (const auto& v : history.visits)
    if (v.day < hidden_from(v.shopper)) {
      training.visits.push_back(v);
      auto& s = seeds[v.shopper];
      s.insert(s.begin(), v.products.rbegin(), v.products.rend());  // most recent first
    }
  for (const auto& o : history.orders)
    if (o.day < hidden_from(o.shopper)) {
      training.orders.push_back(o);
      owned[o.shopper].insert(owned[o.shopper].end(), o.products.begin(), o.products.end());
    }
  Recommender model;
  replay(training, [&](Signal s, const std::vector<Pair>& pairs) { model.add(s, pairs); });
  model.set_items(items);  // after the counts: "popular" ranks by them
  Evaluation out;
  for (const auto& [shopper, index] : last) {
    auto seen = seeds[shopper];
    std::vector<long long> unique;
    for (long long id : seen)
      if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
    if (unique.empty() && owned[shopper].empty()) continue;
    const auto& hidden = history.orders[index].products;
    auto personal = model.personal(unique, owned[shopper], k);
    auto popular = model.popular(k, owned[shopper]);
    for (auto [quality, list] : {std::pair{&out.model, &personal}, std::pair{&out.popular, &popular}}) {
      const double gain = ndcg(*list, hidden, k);
      quality->ndcg += gain;
      quality->hit_rate += gain > 0 ? 1 : 0;
      ++quality->cases;
    }
  }
  for (auto* q : {&out.model, &out.popular})
    if (q->cases) {
      q->ndcg /= q->cases;
      q->hit_rate /= q->cases;
    }
  return out;
}

}  // namespace brilliant::marketing
