// Recommendations as the shop serves them (issue 13): the in-memory model (recommend.hpp) kept in step
// with the catalog (the pieces on sale, rebuilt when the catalog's snapshot changes), fed by product page
// views (the page's beacon names the pieces viewed before it in the same visit) and paid orders (their
// pieces with each other and with the shopper's earlier purchases), and its counts written to the
// database in batches, as product views are: a crash loses at most one batch of counts, never an order.
// The stored counts are loaded on first use (after the app has migrated its database). With several
// nodes, each batch written is told to the others (relay_to, heard), so every node's model follows every
// node's traffic; a node that may have missed some (its listener reconnected) reads the stored counts again
// (resync). Thread safe.
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catalog/service.hpp"
#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "marketing/evaluation.hpp"
#include "marketing/recommend.hpp"
#include "marketing/repo.hpp"

namespace brilliant::marketing {

// The pieces of the catalog as the recommender knows them.
std::vector<ItemFacts> item_facts(const catalog::Snapshot& snapshot);

// A batch of counts as the data of notices to other nodes: the signal ("view", "purchase"), then "a b n"
// per pair, space-separated (db::id_chunks in threes), in pieces of at most `max_bytes` (PostgreSQL's
// payload limit is 8,000).
std::vector<std::string> counts_notices(Signal signal, const repo::Counts& counts, size_t max_bytes = 7000);
// Back; nothing for data that is not such a notice (a bad pair makes the whole notice nothing).
std::optional<std::pair<Signal, std::vector<Pair>>> parse_counts_notice(const std::string& data);

class Recommendations {
 public:
  Recommendations(db::Database& db, catalog::Catalog& catalog, const Clock& clock, int batch = 500,
                  std::chrono::seconds max_age = std::chrono::seconds(30));
  ~Recommendations();
  Recommendations(const Recommendations&) = delete;
  Recommendations& operator=(const Recommendations&) = delete;

  // A product page was viewed after `before` (pieces viewed earlier in the same visit, newest first; the
  // first four count).
  void viewed(long long product_id, const std::vector<long long>& before);
  // An order was paid: its pieces, and the shopper's earlier purchases (user_id 0: a guest, none).
  void paid(long long order_id, long long user_id, const std::vector<long long>& products);
  // No view counted yet (the demo's history is seeded only then).
  bool empty();
  // A whole history at once (the demo's synthetic year), written before it returns.
  void add_history(const History& history);
  // Writes the pending counts now (the app calls it on stop), then hands them to the relay.
  void flush();
  // Who hears of each batch written (the app: a "counts" notice to the other nodes); none by default. A
  // demo history (add_history) is not relayed: a node loads it from the database at its first use.
  using Relay = std::function<void(Signal, const repo::Counts&)>;
  void relay_to(Relay relay);
  // A batch another node wrote: into the model, not written again. Ignored before the stored counts are
  // loaded (the load holds it).
  void heard(Signal signal, const std::vector<Pair>& pairs);
  // The stored counts read again at the next use, with this node's unwritten ones added (the app: after
  // the notices' listener reconnected, since batches told while it was down were not heard).
  void resync();

  std::vector<Recommendation> also_like(long long product_id, size_t k);
  std::vector<Recommendation> complete_look(long long product_id, size_t k);
  // For a person: `seen` (pieces they looked at, newest first) and, when logged in, what they bought
  // (never recommended again).
  std::vector<Recommendation> personal(const std::vector<long long>& seen, long long user_id, size_t k);
  Recommender::Stats stats();
  std::vector<Pair> strongest(Signal signal, size_t k);
  Recommender::Coverage coverage(size_t sample = 500);
  // The catalog's snapshot, with the model set from it.
  std::shared_ptr<const catalog::Snapshot> snapshot();

 private:
  void sync();  // loads the stored counts once (and again after resync), then follows the catalog
  void reload();
  void write(bool relay);
  void queue(Signal signal, const std::vector<Pair>& pairs);
  // Adds the pairs to the pending counts; true when a batch is due.
  bool pend(Signal signal, const std::vector<Pair>& pairs);
  db::Database& db_;
  catalog::Catalog& catalog_;
  const Clock& clock_;
  const int batch_;
  const std::chrono::seconds max_age_;
  Recommender model_;
  std::once_flag loaded_;
  std::atomic<bool> counts_loaded_{false};  // set when the load under loaded_ has finished
  std::atomic<bool> reload_{false};         // resync() asked for the stored counts again
  mutable std::mutex mutex_;                // guards what follows
  std::shared_ptr<const catalog::Snapshot> snapshot_;
  repo::Counts pending_views_, pending_purchases_;
  int pending_total_ = 0;
  TimePoint oldest_{};
  Relay relay_;
};

}  // namespace brilliant::marketing
