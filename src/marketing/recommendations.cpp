#include "marketing/recommendations.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <string_view>

#include "db/database.hpp"

namespace brilliant::marketing {

namespace {
std::optional<long long> whole_number(std::string_view text) {
  long long n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}
}  // namespace

std::vector<ItemFacts> item_facts(const catalog::Snapshot& snapshot) {
  std::vector<ItemFacts> out;
  out.reserve(snapshot.cards.size());
  for (const auto& c : snapshot.cards)
    out.push_back({c.id, c.category, c.metal, c.colour, c.workshop_slug, c.purity, c.price, c.stone_kinds,
                   c.collections, c.popularity, c.in_stock || c.made_to_order});
  return out;
}

std::vector<std::string> counts_notices(Signal signal, const repo::Counts& counts, size_t max_bytes) {
  const std::string head = signal == Signal::view ? "view" : "purchase";
  std::vector<std::string> out;
  std::string text = head;
  for (const auto& [pair, n] : counts) {
    auto one = " " + std::to_string(pair.first) + ":" + std::to_string(pair.second) + ":" + std::to_string(n);
    if (text.size() + one.size() > max_bytes && text.size() > head.size()) {
      out.push_back(std::move(text));
      text = head;
    }
    text += one;
  }
  if (text.size() > head.size()) out.push_back(std::move(text));
  return out;
}

std::optional<std::pair<Signal, std::vector<Pair>>> parse_counts_notice(const std::string& data) {
  std::istringstream in(data);
  std::string head, item;
  in >> head;
  if (head != "view" && head != "purchase") return std::nullopt;
  std::vector<Pair> pairs;
  while (in >> item) {
    const auto c1 = item.find(':');
    const auto c2 = c1 == std::string::npos ? c1 : item.find(':', c1 + 1);
    if (c2 == std::string::npos) return std::nullopt;
    const std::string_view text(item);
    const auto a = whole_number(text.substr(0, c1)), b = whole_number(text.substr(c1 + 1, c2 - c1 - 1)),
               n = whole_number(text.substr(c2 + 1));
    if (!a || !b || !n || *a > *b || *n <= 0) return std::nullopt;
    pairs.push_back({*a, *b, static_cast<float>(*n)});
  }
  if (pairs.empty()) return std::nullopt;
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

bool Recommendations::load_once() {
  bool now = false;
  std::call_once(loaded_, [&] {
    db_.read([&](soci::session& sql) {
      repo::load_counts(sql, [&](Signal s, const Pair& p) { model_.add(s, {p}); });
    });
    now = true;
  });
  return now;
}

void Recommendations::sync() {
  load_once();
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
  // A load running on another thread at this moment may or may not hold this batch: at a node's first use
  // one batch may count twice (counts steer suggestions; nothing is owed on them).
  if (load_once()) return;
  model_.add(signal, pairs);
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
