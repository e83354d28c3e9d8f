#include "marketing/recommend.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <mutex>
#include <tuple>

namespace brilliant::marketing {

namespace {

// Weights of the blend: a co-purchase says most, a co-view less, likeness least (it only places pieces
// that history has not yet placed, and breaks ties).
constexpr double bought_weight = 1.0, viewed_weight = 0.6, content_weight = 0.3, look_weight = 0.5;
constexpr float shrink = 3;  // a pair's count n weighs n / (n + shrink)

double jaccard(std::uint64_t a, std::uint64_t b) {
  const auto any = std::popcount(a | b);
  return any ? static_cast<double>(std::popcount(a & b)) / any : 0.0;
}

double price_band(long long a, long long b) {
  if (a <= 0 || b <= 0) return 0;
  const double ratio = a > b ? static_cast<double>(a) / b : static_cast<double>(b) / a;
  return ratio <= 1.5 ? 1.0 : ratio <= 2.5 ? 0.5 : 0.0;
}

}  // namespace

std::string_view name_of(Reason reason) {
  switch (reason) {
    case Reason::bought_together:
      return "bought_together";
    case Reason::viewed_together:
      return "viewed_together";
    case Reason::similar:
      return "similar";
    case Reason::goes_with:
      return "goes_with";
    case Reason::popular:
      return "popular";
  }
  return "";
}

double content_similarity(const Features& a, const Features& b) {
  double s = 0;
  if (a.category >= 0 && a.category == b.category) s += 0.25;
  if (a.metal >= 0 && a.metal == b.metal) s += a.purity == b.purity ? 0.2 : 0.15;
  if (a.colour >= 0 && a.colour == b.colour) s += 0.1;
  if (a.workshop >= 0 && a.workshop == b.workshop) s += 0.1;
  s += 0.15 * price_band(a.price, b.price);
  s += 0.1 * jaccard(a.stones, b.stones) + 0.1 * jaccard(a.words, b.words);
  return s;
}

double goes_with(const Features& a, const Features& b) {
  if (a.category == b.category) return 0;
  double s = 0;
  if (a.metal >= 0 && a.metal == b.metal) s += 0.35;
  if (a.colour >= 0 && a.colour == b.colour) s += 0.2;
  if (a.workshop >= 0 && a.workshop == b.workshop) s += 0.15;
  s += 0.15 * price_band(a.price, b.price) + 0.15 * jaccard(a.words, b.words);
  return s;
}

std::vector<Pair> view_pairs(long long product, const std::vector<long long>& before) {
  std::vector<Pair> out{{product, product, 1}};
  for (long long b : before)
    if (b != product &&
        std::none_of(out.begin(), out.end(), [&](const Pair& p) { return p.a == b || p.b == b; }))
      out.push_back({std::min(product, b), std::max(product, b), 1});
  return out;
}

std::vector<Pair> purchase_pairs(const std::vector<long long>& bought,
                                 const std::vector<long long>& earlier) {
  auto sorted = [](std::vector<long long> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  };
  const auto items = sorted(bought);
  const auto before = sorted(earlier);
  std::vector<Pair> out;
  for (size_t i = 0; i < items.size(); ++i) {
    out.push_back({items[i], items[i], 1});
    for (size_t j = i + 1; j < items.size(); ++j) out.push_back({items[i], items[j], 1});
    for (long long e : before)
      if (!std::binary_search(items.begin(), items.end(), e))
        out.push_back({std::min(items[i], e), std::max(items[i], e), 1});
  }
  return out;
}

// --- CoCounts ---

void CoCounts::add_one(long long a, long long b, float weight) {
  auto& list = lists_[a];
  for (auto& n : list)
    if (n.id == b) {
      n.count += weight;
      return;
    }
  if (list.size() < cap_) {
    list.push_back({b, weight});
    return;
  }
  auto weakest = std::min_element(list.begin(), list.end(),
                                  [](const Neighbour& x, const Neighbour& y) { return x.count < y.count; });
  *weakest = {b, weakest->count + weight};
}

void CoCounts::add_pair(long long a, long long b, float weight) {
  if (a == b) return;
  add_one(a, b, weight);
  add_one(b, a, weight);
}

void CoCounts::add_item(long long a, float weight) { items_[a] += weight; }

float CoCounts::pair(long long a, long long b) const {
  for (const auto& n : neighbours(a))
    if (n.id == b) return n.count;
  return 0;
}

float CoCounts::item(long long a) const {
  auto it = items_.find(a);
  return it == items_.end() ? 0 : it->second;
}

const std::vector<CoCounts::Neighbour>& CoCounts::neighbours(long long a) const {
  static const std::vector<Neighbour> none;
  auto it = lists_.find(a);
  return it == lists_.end() ? none : it->second;
}

double CoCounts::similarity(long long a, long long b, float count) const {
  const double na = std::max(item(a), count), nb = std::max(item(b), count);
  if (count <= 0 || na <= 0 || nb <= 0) return 0;
  return count / std::sqrt(na * nb) * (count / (count + shrink));
}

std::vector<Pair> CoCounts::strongest(size_t k) const {
  std::vector<Pair> all;
  for (const auto& [id, list] : lists_)
    for (const auto& n : list)
      if (id < n.id) all.push_back({id, n.id, n.count});
  const size_t n = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<long>(n), all.end(),
                    [](const Pair& a, const Pair& b) {
                      return a.count != b.count ? a.count > b.count : std::tie(a.a, a.b) < std::tie(b.a, b.b);
                    });
  all.resize(n);
  return all;
}

size_t CoCounts::pairs() const {
  size_t n = 0;
  for (const auto& [id, list] : lists_) n += list.size();
  return n / 2;
}

// --- Recommender ---

void Recommender::set_items(const std::vector<ItemFacts>& facts) {
  std::unique_lock lock(mutex_);
  auto code = [&](const std::string& kind, const std::string& word) {
    if (word.empty()) return -1;
    return codes_.try_emplace(kind + ":" + word, static_cast<int>(codes_.size())).first->second;
  };
  auto bits = [&](const std::string& kind, const std::vector<std::string>& words) {
    std::uint64_t b = 0;
    for (const auto& w : words) b |= std::uint64_t{1} << (code(kind, w) % 64);
    return b;
  };
  items_.clear();
  index_.clear();
  by_category_.clear();
  for (const auto& f : facts) {
    Features x{code("c", f.category), code("m", f.metal), code("k", f.colour),
               code("w", f.workshop), f.purity,           f.price,
               bits("s", f.stones),   bits("t", f.words)};
    index_[f.id] = items_.size();
    by_category_[x.category].push_back(items_.size());
    items_.push_back({f.id, x, f.popularity, f.available});
  }
  // Popular: bought most, then viewed most, then the catalog's own ranking.
  std::vector<double> weight(items_.size());
  for (size_t i = 0; i < items_.size(); ++i)
    weight[i] =
        purchases_.item(items_[i].id) * 10.0 + views_.item(items_[i].id) + items_[i].popularity * 0.01;
  by_popularity_.resize(items_.size());
  for (size_t i = 0; i < items_.size(); ++i) by_popularity_[i] = i;
  std::stable_sort(by_popularity_.begin(), by_popularity_.end(),
                   [&](size_t a, size_t b) { return weight[a] > weight[b]; });
}

void Recommender::add(Signal signal, const std::vector<Pair>& pairs) {
  std::unique_lock lock(mutex_);
  auto& counts = signal == Signal::view ? views_ : purchases_;
  for (const auto& p : pairs) p.a == p.b ? counts.add_item(p.a, p.count) : counts.add_pair(p.a, p.b, p.count);
}

void Recommender::take_counts(Recommender&& other) {
  std::scoped_lock lock(mutex_, other.mutex_);
  views_ = std::move(other.views_);
  purchases_ = std::move(other.purchases_);
}

bool Recommender::known(long long product) const {
  std::shared_lock lock(mutex_);
  return position(product) != npos;
}

size_t Recommender::position(long long id) const {
  auto it = index_.find(id);
  return it == index_.end() ? npos : it->second;
}

void Recommender::score_history(long long product, float weight, Scores& out) const {
  for (const auto& n : purchases_.neighbours(product))
    if (size_t i = position(n.id); i != npos)
      out[i].bought +=
          weight * static_cast<float>(bought_weight * purchases_.similarity(product, n.id, n.count));
  for (const auto& n : views_.neighbours(product))
    if (size_t i = position(n.id); i != npos)
      out[i].viewed += weight * static_cast<float>(viewed_weight * views_.similarity(product, n.id, n.count));
}

void Recommender::score_content(size_t self, float weight, Scores& out) const {
  auto it = by_category_.find(items_[self].features.category);
  if (it == by_category_.end()) return;
  const auto& mine = items_[self].features;
  for (size_t i : it->second)
    out[i].like += weight * static_cast<float>(content_weight * content_similarity(mine, items_[i].features));
}

std::vector<Recommendation> Recommender::best(Scores& scores, const std::vector<long long>& exclude, size_t k,
                                              Reason like) const {
  for (long long id : exclude)
    if (size_t i = position(id); i != npos) scores[i] = {};
  auto better = [](const Recommendation& a, const Recommendation& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  };
  std::vector<Recommendation> top;  // the best k so far, best first
  top.reserve(k + 1);
  for (size_t i = 0; i < scores.size(); ++i) {
    const auto& p = scores[i];
    const double score = double{p.bought} + p.viewed + p.like;
    if (score <= 0 || !items_[i].available || k == 0) continue;
    const Recommendation r{items_[i].id, score, Reason::similar};
    if (top.size() == k && !better(r, top.back())) continue;
    top.insert(std::upper_bound(top.begin(), top.end(), r, better), r);
    if (top.size() > k) top.pop_back();
  }
  for (auto& r : top) {
    const auto& p = scores[index_.at(r.id)];
    r.reason = p.bought >= p.viewed && p.bought >= p.like ? Reason::bought_together
               : p.viewed >= p.like                       ? Reason::viewed_together
                                                          : like;
  }
  return top;
}

std::vector<Recommendation> Recommender::also_like(long long product, size_t k) const {
  std::shared_lock lock(mutex_);
  Scores scores(items_.size());
  score_history(product, 1, scores);
  if (size_t self = position(product); self != npos) score_content(self, 1, scores);
  return best(scores, {product}, k);
}

std::vector<Recommendation> Recommender::complete_look(long long product, size_t k) const {
  std::shared_lock lock(mutex_);
  const size_t self = position(product);
  if (self == npos) return {};
  const auto& mine = items_[self].features;
  Scores scores(items_.size());
  for (const auto& n : purchases_.neighbours(product))
    if (size_t i = position(n.id); i != npos && items_[i].features.category != mine.category)
      scores[i].bought += static_cast<float>(bought_weight * purchases_.similarity(product, n.id, n.count));
  for (size_t i = 0; i < items_.size(); ++i)
    scores[i].like += static_cast<float>(look_weight * content_weight * goes_with(mine, items_[i].features));
  return best(scores, {product}, k, Reason::goes_with);
}

std::vector<Recommendation> Recommender::personal(const std::vector<long long>& seeds,
                                                  const std::vector<long long>& exclude, size_t k) const {
  std::vector<Recommendation> out;
  {
    std::shared_lock lock(mutex_);
    Scores scores(items_.size());
    float weight = 1;
    for (size_t i = 0; i < seeds.size() && i < 20; ++i, weight *= 0.85f) {
      score_history(seeds[i], weight, scores);
      if (size_t self = position(seeds[i]); i < 3 && self != npos)
        score_content(self, weight, scores);  // the latest few only: content is wide
    }
    out = best(scores, exclude, k);
  }
  if (out.size() < k) {
    auto left_out = exclude;
    for (const auto& r : out) left_out.push_back(r.id);
    for (auto& r : popular(k - out.size(), left_out)) out.push_back(r);
  }
  return out;
}

std::vector<Recommendation> Recommender::popular(size_t k, const std::vector<long long>& exclude) const {
  std::shared_lock lock(mutex_);
  std::vector<Recommendation> out;
  for (size_t i : by_popularity_) {
    if (out.size() >= k) break;
    const auto& item = items_[i];
    if (!item.available || std::find(exclude.begin(), exclude.end(), item.id) != exclude.end()) continue;
    out.push_back({item.id, 0, Reason::popular});
  }
  return out;
}

std::vector<Pair> Recommender::strongest(Signal signal, size_t k) const {
  std::shared_lock lock(mutex_);
  return (signal == Signal::view ? views_ : purchases_).strongest(k);
}

Recommender::Coverage Recommender::coverage(size_t sample) const {
  std::vector<long long> ids;
  {
    std::shared_lock lock(mutex_);
    const size_t step = std::max<size_t>(1, items_.size() / std::max<size_t>(1, sample));
    for (size_t i = 0; i < items_.size() && ids.size() < sample; i += step) ids.push_back(items_[i].id);
  }
  Coverage c;
  for (long long id : ids) {
    auto first = also_like(id, 1);
    ++c.asked;
    if (!first.empty() && first[0].reason != Reason::similar) ++c.from_history;
  }
  return c;
}

Recommender::Stats Recommender::stats() const {
  std::shared_lock lock(mutex_);
  return {items_.size(), views_.pairs(), purchases_.pairs()};
}

}  // namespace brilliant::marketing
