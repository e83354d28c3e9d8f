#include "marketing/recommendations.hpp"

#include <algorithm>

#include "db/database.hpp"
#include "db/notices.hpp"

namespace brilliant::marketing {

std::vector<ItemFacts> item_facts(const catalog::Snapshot& snapshot) {
  std::vector<ItemFacts> out;
  out.reserve(snapshot.cards.size());
  for (const auto& c : snapshot.cards)
    out.push_back({c.id, c.category, c.metal, c.colour, c.workshop_slug, c.purity, c.price, c.stone_kinds,
                   c.collections, c.popularity, c.in_stock || c.made_to_order});
  return out;
}

std::vector<std::string> counts_notices(Signal signal, const repo::Counts& counts, size_t max_bytes) {
  const std::string head = signal == Signal::view ? "view " : "purchase ";
  std::vector<long long> numbers;
  numbers.reserve(counts.size() * 3);
  for (const auto& [pair, n] : counts) numbers.insert(numbers.end(), {pair.first, pair.second, n});
  auto out = db::id_chunks(numbers, max_bytes - head.size(), 3);
  for (auto& text : out) text.insert(0, head);
  return out;
}

std::optional<std::pair<Signal, std::vector<Pair>>> parse_counts_notice(const std::string& data) {
  const auto space = data.find(' ');
  const auto head = data.substr(0, space);
  if ((head != "view" && head != "purchase") || space == std::string::npos) return std::nullopt;
  const auto numbers = db::parse_ids(data.substr(space + 1));
  if (numbers.empty() || numbers.size() % 3 != 0) return std::nullopt;
  std::vector<Pair> pairs;
  for (size_t i = 0; i < numbers.size(); i += 3) {
    const long long a = numbers[i], b = numbers[i + 1], n = numbers[i + 2];
    if (a > b || n <= 0) return std::nullopt;
    pairs.push_back({a, b, static_cast<float>(n)});
  }
  return std::pair{head == "view" ? Signal::view : Signal::purchase, std::move(pairs)};
}

Recommendations::Recommendations(db::Database& db, catalog::Catalog& catalog, const Clock& clock, int batch,
                                 std::chrono::seconds max_age)
    : db_(db), catalog_(catalog), clock_(clock), batch_(batch), max_age_(max_age) {}

Recommendations::~Recommendations() {
  try {
    write(false);  // not relayed: whoever the relay tells may be gone already (the app flushes on stop)
  } catch (...) {  // NOLINT(bugprone-empty-catch): a failed last write loses counts, not orders
  }
}

void Recommendations::sync() {
  std::call_once(loaded_, [&] {
    reload();
    counts_loaded_ = true;
  });
  if (reload_.exchange(false)) reload();
  auto now = catalog_.snapshot();
  {
    std::lock_guard lock(mutex_);
    if (snapshot_ && snapshot_->version == now->version) return;
    snapshot_ = now;
  }
  model_.set_items(item_facts(*now));
}

// The stored counts, and this node's unwritten ones, in place of the model's (the first load, and after a
// resync). A batch written by another node (or by this one's flush) while this reads may be missed or
// counted twice until the next reload: counts steer suggestions; nothing is owed on them.
void Recommendations::reload() {
  Recommender fresh;
  db_.read([&](soci::session& sql) {
    repo::load_counts(sql, [&](Signal s, const Pair& p) { fresh.add(s, {p}); });
  });
  {
    std::lock_guard lock(mutex_);  // counted here, not written yet
    for (const auto& [signal, pending] :
         {std::pair{Signal::view, &pending_views_}, std::pair{Signal::purchase, &pending_purchases_}})
      for (const auto& [pair, n] : *pending)
        fresh.add(signal, {{pair.first, pair.second, static_cast<float>(n)}});
  }
  model_.take_counts(std::move(fresh));
}

void Recommendations::resync() { reload_ = true; }

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
  write(false);
  std::lock_guard lock(mutex_);
  snapshot_.reset();  // ranks "popular" again with the counts
}

void Recommendations::flush() { write(true); }

void Recommendations::relay_to(Relay relay) {
  std::lock_guard lock(mutex_);
  relay_ = std::move(relay);
}

void Recommendations::heard(Signal signal, const std::vector<Pair>& pairs) {
  // Not loaded yet: the load will hold this batch. It is not started here, on the notices' listener, whose
  // other notices (stock, prices) must not wait for every stored count. A load under way at this moment
  // may have read the table before the batch was written: then this node misses that one batch (counts
  // steer suggestions; nothing is owed on them).
  if (counts_loaded_) model_.add(signal, pairs);
}

void Recommendations::write(bool relay) {
  repo::Counts views, purchases;
  Relay tell;
  {
    std::lock_guard lock(mutex_);
    if (relay) tell = relay_;
    views.swap(pending_views_);
    purchases.swap(pending_purchases_);
    pending_total_ = 0;
  }
  if (views.empty() && purchases.empty()) return;
  db_.write([&](soci::session& sql) {
    repo::add_counts(sql, Signal::view, views);
    repo::add_counts(sql, Signal::purchase, purchases);
  });
  if (!tell) return;
  if (!views.empty()) tell(Signal::view, views);
  if (!purchases.empty()) tell(Signal::purchase, purchases);
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
