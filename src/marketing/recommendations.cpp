#include "marketing/recommendations.hpp"

#include <algorithm>

#include "db/database.hpp"

namespace brilliant::marketing {

std::vector<ItemFacts> item_facts(const catalog::Snapshot& snapshot) {
  std::vector<ItemFacts> out;
  out.reserve(snapshot.cards.size());
  for (const auto& c : snapshot.cards)
    out.push_back({c.id, c.category, c.metal, c.colour, c.workshop_slug, c.purity, c.price, c.stone_kinds,
                   c.collections, c.popularity, c.in_stock || c.made_to_order});
  return out;
}

Recommendations::Recommendations(db::Database& db, catalog::Catalog& catalog, const Clock& clock, int batch,
                                 std::chrono::seconds max_age)
    : db_(db), catalog_(catalog), clock_(clock), batch_(batch), max_age_(max_age) {}

Recommendations::~Recommendations() {
  try {
    flush();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a failed last write loses counts, not orders
  }
}

void Recommendations::sync() {
  std::call_once(loaded_, [&] {
    db_.read([&](soci::session& sql) {
      repo::load_counts(sql, [&](Signal s, const Pair& p) { model_.add(s, {p}); });
    });
  });
  auto now = catalog_.snapshot();
  {
    std::lock_guard lock(mutex_);
    if (snapshot_ && snapshot_->version == now->version) return;
    snapshot_ = now;
  }
  model_.set_items(item_facts(*now));
}

std::shared_ptr<const catalog::Snapshot> Recommendations::snapshot() {
  sync();
  std::lock_guard lock(mutex_);
  return snapshot_;
}

bool Recommendations::pend(Signal signal, const std::vector<Pair>& pairs) {
  std::lock_guard lock(mutex_);
  auto& pending = signal == Signal::view ? pending_views_ : pending_purchases_;
  if (pending_total_ == 0) oldest_ = clock_.now();
  for (const auto& p : pairs) pending[{p.a, p.b}] += static_cast<long long>(p.count);
  pending_total_ += static_cast<int>(pairs.size());
  // Purchases are written at once: orders are few, and their counts worth keeping.
  return signal == Signal::purchase || pending_total_ >= batch_ || clock_.now() - oldest_ >= max_age_;
}

void Recommendations::queue(Signal signal, const std::vector<Pair>& pairs) {
  sync();
  model_.add(signal, pairs);
  if (pend(signal, pairs)) flush();
}

void Recommendations::viewed(long long product_id, const std::vector<long long>& before) {
  std::vector<long long> recent(before.begin(),
                                before.begin() + static_cast<long>(std::min<size_t>(4, before.size())));
  queue(Signal::view, view_pairs(product_id, recent));
}

void Recommendations::paid(long long order_id, long long user_id, const std::vector<long long>& products) {
  std::vector<long long> earlier;
  if (user_id)
    earlier = db_.read([&](soci::session& sql) { return repo::purchased(sql, user_id, order_id); });
  queue(Signal::purchase, purchase_pairs(products, earlier));
}

bool Recommendations::empty() {
  sync();
  flush();
  return !db_.read([](soci::session& sql) { return repo::any_counts(sql, Signal::view); });
}

void Recommendations::add_history(const History& history) {
  sync();
  replay(history, [&](Signal signal, const std::vector<Pair>& pairs) {
    model_.add(signal, pairs);
    pend(signal, pairs);  // written once at the end, in one transaction
  });
  flush();
  std::lock_guard lock(mutex_);
  snapshot_.reset();  // ranks "popular" again with the counts
}

void Recommendations::flush() {
  repo::Counts views, purchases;
  {
    std::lock_guard lock(mutex_);
    views.swap(pending_views_);
    purchases.swap(pending_purchases_);
    pending_total_ = 0;
  }
  if (views.empty() && purchases.empty()) return;
  db_.write([&](soci::session& sql) {
    repo::add_counts(sql, Signal::view, views);
    repo::add_counts(sql, Signal::purchase, purchases);
  });
}

std::vector<Recommendation> Recommendations::also_like(long long product_id, size_t k) {
  sync();
  return model_.also_like(product_id, k);
}

std::vector<Recommendation> Recommendations::complete_look(long long product_id, size_t k) {
  sync();
  return model_.complete_look(product_id, k);
}

std::vector<Recommendation> Recommendations::personal(const std::vector<long long>& seen, long long user_id,
                                                      size_t k) {
  sync();
  std::vector<long long> owned;
  if (user_id) owned = db_.read([&](soci::session& sql) { return repo::purchased(sql, user_id); });
  auto seeds = seen;
  seeds.insert(seeds.end(), owned.begin(), owned.end());
  return model_.personal(seeds, owned, k);
}

std::vector<Pair> Recommendations::strongest(Signal signal, size_t k) {
  sync();
  return model_.strongest(signal, k);
}

Recommender::Coverage Recommendations::coverage(size_t sample) {
  sync();
  return model_.coverage(sample);
}

Recommender::Stats Recommendations::stats() {
  sync();
  return model_.stats();
}

}  // namespace brilliant::marketing
