// The catalog as the storefront sees it: an in-memory snapshot of everything published (rebuilt after
// every change), product and workshop lookups, search, and creating products.
// Thread safe: the snapshot is swapped atomically; readers keep the one they took.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "catalog/listing.hpp"
#include "catalog/product.hpp"
#include "catalog/query_words.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"

namespace brilliant::catalog {

// Words for the search text in both languages ("catalog.metal.gold" -> "금" / "gold").
using Vocabulary = std::function<std::string(const std::string& locale, const std::string& key)>;

class Catalog {
 public:
  Catalog(db::Database& db, const Clock& clock, Vocabulary words);

  std::shared_ptr<const Snapshot> snapshot() const;
  // Reloads the snapshot from the database and tells listeners (page caches) that pages changed.
  void refresh();
  // The same after a change to these pieces alone (an edit, a review, photos): only their cards are read
  // again and patched into the snapshot (at 100,000 pieces a whole reload takes about a second). Not for a
  // change beyond the pieces' own rows (a workshop's name, a collection's, a quote): refresh() for those.
  void refresh_pieces(const std::vector<long long>& product_ids);
  void on_change(std::function<void()> listener) { listeners_.push_back(std::move(listener)); }
  // Called with the slugs of published pieces whose stock counts changed while every listing stayed the
  // same (no piece sold out or came back): only those pieces' own pages show the counts.
  void on_stock_change(std::function<void(const std::vector<std::string>& slugs)> listener) {
    stock_listeners_.push_back(std::move(listener));
  }
  // Stock of these products changed (an order, a cancellation). Of those in `may_flip` (a line took the
  // last piece, or stock came back) it re-reads whether each has stock and, when that flipped for any,
  // swaps in a snapshot with the new flags and tells listeners. Much cheaper than refresh() during a busy
  // sale: an order that sold out nothing reads nothing. When no flag flipped, only the stock listeners
  // hear of the pieces (their pages show counts).
  void stock_changed(const std::vector<long long>& product_ids, const std::vector<long long>& may_flip);
  // The same after an order on this node, which knows the counts it left: `left` is (variant id, stock
  // after) for each variant it sold, and `since` what stock_epoch() said before it wrote. The kept copies
  // take those counts without a read, the lower of two standing (orders only lower counts, so two orders'
  // counts arriving out of turn end right); unless kept products were let go since `since` (a restock, a
  // cancellation, another node's sale, a refresh), when they are read back as stock_changed does.
  void stock_sold(const std::vector<long long>& product_ids, const std::vector<long long>& may_flip,
                  const std::vector<std::pair<long long, int>>& left, long long since);
  long long stock_epoch();

  // Several nodes (issue 16): the relay hears of every change made on this node (a refresh; pieces
  // refreshed, and stock, with their ids) to tell the other nodes; what another node changed comes in through
  // the *_elsewhere calls, which do the same here without telling anyone again. Set before serving.
  struct Relay {
    std::function<void()> refreshed;
    std::function<void(const std::vector<long long>& product_ids, const std::vector<long long>& may_flip)>
        stock;
    std::function<void(const std::vector<long long>& product_ids)> pieces;
  };
  void relay_to(Relay relay) { relay_ = std::move(relay); }
  void refresh_from_elsewhere() { reload(); }
  void refresh_pieces_from_elsewhere(const std::vector<long long>& product_ids) { patch(product_ids); }
  void stock_changed_elsewhere(const std::vector<long long>& product_ids,
                               const std::vector<long long>& may_flip) {
    apply_stock(product_ids, may_flip);
  }

  // A product read whole (variants, stones, photos), as the database has it now.
  std::optional<Product> product(const std::string& slug);
  // The same for the cart and checkout, which read it on every request: kept in memory until the catalog
  // changes or its stock does, the rule the page cache follows (on other nodes too: both hear of it the
  // same way). A change that does not refresh the catalog (a draft sent for review) is not seen here.
  std::optional<Product> kept_product(const std::string& slug);
  // The product one of whose variants this is (a cart's add), kept the same way.
  std::optional<Product> product_of_variant(long long variant_id);
  std::optional<Workshop> workshop(const std::string& slug);
  std::vector<std::pair<long long, Product::Photo>> workshop_photos(long long workshop_id);
  // The workshop of a product (from the snapshot when it is there).
  Workshop workshop_by_id(long long id);
  std::optional<Image> image(long long id);
  // Published product ids matching q, best first. Answers repeat from a small cache that every
  // refresh() empties, so a popular query costs one database search per catalog change.
  // The words are first read against the catalog's own (catalog/query_words.hpp): synonyms, compounds,
  // typos; pieces whose title has a searched word whole come before those that only contain it.
  std::vector<long long> search(const std::string& q, int limit = 500);
  // The operator's synonyms (from the brand settings); empties the search cache.
  void set_synonyms(Synonyms synonyms);
  // What q is searched as ("금반지" -> "금 반지").
  std::string search_words(const std::string& q) const;

  // Validates and stores a product (and its search text). Does not refresh the snapshot; callers
  // adding many products refresh once at the end.
  Result<long long> create(const Product& product, const Workshop& workshop);
  // Many at once in one transaction (demo data, CSV import): all or nothing.
  Result<std::vector<long long>> create_many(const std::vector<Product>& products,
                                             const std::vector<Workshop>& workshops);
  // Creates the products without an id and updates those with one, in one transaction (CSV import, the
  // console's edit form): all or nothing. Every product must belong to `workshop`.
  Result<std::vector<long long>> save_many(const std::vector<Product>& products, const Workshop& workshop);
  std::string search_text(const Product& product, const Workshop& workshop) const;

 private:
  db::Database& db_;
  const Clock& clock_;
  Vocabulary words_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::atomic<long long> version_{0};
  Relay relay_;
  std::mutex reload_mutex_;  // one reload or patch at a time: snapshots swap in the order they were read
  void reload();
  void patch(const std::vector<long long>& product_ids);
  // After a new snapshot is in: the search cache follows it, and listeners hear; its search words are built
  // again unless they are known to be the last snapshot's (new_words false).
  void changed(const Snapshot& fresh, bool new_words = true);
  void apply_stock(const std::vector<long long>& product_ids, const std::vector<long long>& may_flip);
  // The kept copies take an order's counts (false: kept products were let go since `since`).
  bool lower_counts(const std::vector<long long>& product_ids,
                    const std::vector<std::pair<long long, int>>& left, long long since);
  // The listings' in-stock flags (in_stock: read for the pieces that may have flipped) and the listeners.
  void show_stock(const std::vector<long long>& product_ids,
                  const std::unordered_map<long long, bool>& in_stock);
  std::vector<std::function<void()>> listeners_;
  std::vector<std::function<void(const std::vector<std::string>&)>> stock_listeners_;
  // Checks each product (fields, and a price that comes out above zero) and returns their search texts.
  Result<std::vector<std::string>> checked(const std::vector<Product>& products,
                                           const std::vector<Workshop>& workshops);
  mutable std::mutex search_mutex_;
  std::unordered_map<std::string, std::vector<long long>> searches_;
  // product(): what was read, by slug; variants to their product's slug. `products_epoch_` moves on
  // every change, so a read that overlapped one is not kept; `let_go_epoch_` on every change whose counts
  // are read back (stock_sold's counts then do not stand).
  std::mutex products_mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Product>> products_;
  std::unordered_map<long long, std::string> variant_slugs_;
  long long products_epoch_ = 0, let_go_epoch_ = 0;
  void forget_products();
  std::optional<Product> remember(std::optional<Product> product, long long epoch);
  std::shared_ptr<const SearchVocabulary> vocabulary_ = std::make_shared<SearchVocabulary>();
  Synonyms synonyms_;
};

}  // namespace brilliant::catalog
