#include "catalog/service.hpp"

#include "catalog/repo.hpp"
#include "catalog/search_words.hpp"
#include "catalog/stock_repo.hpp"

#include "db/database.hpp"
#include "db/kept.hpp"

#include "catalog/rules.hpp"
#include "pricing/formula.hpp"

#include <algorithm>
#include <map>
#include "core/text.hpp"

namespace brilliant::catalog {

Catalog::Catalog(db::Database& db, const Clock& clock, Vocabulary words)
    : db_(db), clock_(clock), words_(std::move(words)), snapshot_(std::make_shared<Snapshot>()) {}

std::shared_ptr<const Snapshot> Catalog::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

namespace {

// A stock change lets go of the kept copies of its products, so no reader is handed the old counts: each
// leaves a marker of its own in its place (a Product with no id). Read back with their variants' counts now
// (one statement each, rather than the whole product at the next cart's add), each is kept again if its
// marker is still there: no other change to that product, and no fresh read of it, came in meanwhile.
using KeptProducts = std::unordered_map<std::string, std::shared_ptr<const Product>>;
struct LetGo {
  std::shared_ptr<const Product> marker, product;
};

bool is_marker(const std::shared_ptr<const Product>& kept) { return kept->id == 0; }

// Calls on_kept with each kept copy (or marker) of these products. They are found by slug through the
// snapshot (a sale runs this on every order; a scan of the thousands kept would hold the lock meanwhile);
// a piece the storefront does not list is looked for among them all.
template <class OnKept>
void each_kept(KeptProducts& kept, const std::vector<long long>& ids, const Snapshot& listed,
               OnKept&& on_kept) {
  for (long long id : ids) {
    if (auto card = listed.by_id.find(id); card != listed.by_id.end()) {
      auto it = kept.find(listed.cards[card->second].slug);
      if (it != kept.end() && (is_marker(it->second) || it->second->id == id)) on_kept(it->second);
      continue;
    }
    for (auto& [slug, product] : kept)
      if (!is_marker(product) && product->id == id) on_kept(product);
  }
}

std::vector<LetGo> let_go(std::mutex& mutex, KeptProducts& kept, long long& epoch, long long& let_go_epoch,
                          const std::vector<long long>& ids, const Snapshot& listed) {
  std::lock_guard lock(mutex);
  ++epoch;  // a read of these products begun before now is not kept
  ++let_go_epoch;
  std::vector<LetGo> out;
  each_kept(kept, ids, listed, [&](std::shared_ptr<const Product>& product) {
    if (is_marker(product)) return;
    out.push_back({std::make_shared<const Product>(), product});
    product = out.back().marker;
  });
  return out;
}

void keep_again(std::mutex& mutex, KeptProducts& kept, std::vector<LetGo>& read_back) {
  std::lock_guard lock(mutex);
  for (auto& one : read_back)
    if (auto it = kept.find(one.product->slug); it != kept.end() && it->second == one.marker)
      it->second = std::move(one.product);
}

}  // namespace

void Catalog::refresh() {
  reload();
  if (relay_.refreshed) relay_.refreshed();
}

void Catalog::stock_changed(const std::vector<long long>& product_ids,
                            const std::vector<long long>& may_flip) {
  if (product_ids.empty()) return;
  apply_stock(product_ids, may_flip);
  if (relay_.stock) relay_.stock(product_ids, may_flip);
}

void Catalog::reload() {
  std::lock_guard serial(reload_mutex_);
  forget_products();
  auto fresh =
      std::make_shared<Snapshot>(db_.read([](soci::session& sql) { return repo::load_snapshot(sql); }));
  {
    std::lock_guard lock(mutex_);
    fresh->version = ++version_;
    snapshot_ = fresh;
  }
  changed(*fresh);
}

void Catalog::refresh_pieces(const std::vector<long long>& product_ids) {
  if (product_ids.empty()) return;
  patch(product_ids);
  if (relay_.pieces) relay_.pieces(product_ids);
}

void Catalog::patch(const std::vector<long long>& product_ids) {
  if (product_ids.size() > 1000) return reload();  // one read of everything is the quicker then
  std::lock_guard serial(reload_mutex_);
  forget_products();
  const auto cards = db_.read([&](soci::session& sql) { return repo::load_cards(sql, product_ids); });
  for (;;) {  // built outside the lock; a stock change swapped in meanwhile: built again on it
    const auto base = snapshot();
    auto fresh = std::make_shared<Snapshot>(patched(*base, product_ids, cards));
    {
      std::lock_guard lock(mutex_);
      if (snapshot_ != base) continue;
      fresh->version = ++version_;
      snapshot_ = fresh;
    }
    return changed(*fresh, !same_words(*base, *fresh, product_ids));
  }
}

void Catalog::changed(const Snapshot& fresh, bool new_words) {
  auto vocabulary = new_words ? vocabulary_of(fresh, words_) : nullptr;
  {
    std::lock_guard lock(search_mutex_);
    searches_.clear();
    if (vocabulary) vocabulary_ = std::move(vocabulary);
  }
  for (const auto& listener : listeners_) listener();
}

void Catalog::stock_sold(const std::vector<long long>& product_ids, const std::vector<long long>& may_flip,
                         const std::vector<std::pair<long long, int>>& left, long long since) {
  if (product_ids.empty()) return;
  if (lower_counts(product_ids, left, since))
    show_stock(product_ids,
               may_flip.empty() ? std::unordered_map<long long, bool>{} : db_.read([&](soci::session& sql) {
                 return repo::in_stock_now(sql, may_flip);
               }));
  else
    apply_stock(product_ids, may_flip);
  if (relay_.stock) relay_.stock(product_ids, may_flip);
}

long long Catalog::stock_epoch() {
  std::lock_guard lock(products_mutex_);
  return let_go_epoch_;
}

bool Catalog::lower_counts(const std::vector<long long>& product_ids,
                           const std::vector<std::pair<long long, int>>& left, long long since) {
  const auto listed = snapshot();
  std::lock_guard lock(products_mutex_);
  if (since != let_go_epoch_) return false;
  ++products_epoch_;  // a read begun before now may hold the counts before the sale: not kept
  each_kept(products_, product_ids, *listed, [&](std::shared_ptr<const Product>& kept) {
    if (is_marker(kept)) {  // its read-back may have begun before this sale: not to be kept
      kept = std::make_shared<const Product>();
      return;
    }
    auto fresh = std::make_shared<Product>(*kept);
    for (auto& v : fresh->variants)
      for (const auto& [variant, count] : left)
        if (v.id == variant) v.stock = std::min(v.stock, count);
    kept = std::move(fresh);
  });
  return true;
}

void Catalog::apply_stock(const std::vector<long long>& product_ids, const std::vector<long long>& may_flip) {
  if (product_ids.empty()) return;
  auto kept = let_go(products_mutex_, products_, products_epoch_, let_go_epoch_, product_ids, *snapshot());
  std::unordered_map<long long, bool> in_stock;
  if (!may_flip.empty() || !kept.empty())  // one reader for both
    db_.read([&](soci::session& sql) {
      in_stock = repo::in_stock_now(sql, may_flip);
      for (auto& one : kept) {
        auto fresh = std::make_shared<Product>(*one.product);
        repo::read_counts(sql, *fresh);
        one.product = std::move(fresh);
      }
    });
  keep_again(products_mutex_, products_, kept);
  show_stock(product_ids, in_stock);
}

void Catalog::show_stock(const std::vector<long long>& product_ids,
                         const std::unordered_map<long long, bool>& in_stock) {
  bool flipped = false;
  std::vector<std::string> slugs;
  {
    std::lock_guard lock(mutex_);  // one writer of the snapshot at a time; readers keep the one they took
    const auto& current = *snapshot_;
    for (long long id : product_ids)
      if (auto it = current.by_id.find(id); it != current.by_id.end())
        slugs.push_back(current.cards[it->second].slug);
    for (const auto& [id, has] : in_stock)
      if (auto it = current.by_id.find(id); it != current.by_id.end())
        flipped = flipped || current.cards[it->second].in_stock != has;
    if (flipped) {
      auto fresh = std::make_shared<Snapshot>(current);
      for (const auto& [id, has] : in_stock)
        if (auto it = fresh->by_id.find(id); it != fresh->by_id.end())
          fresh->cards[it->second].in_stock = has;
      index_snapshot(*fresh);
      fresh->version = ++version_;
      snapshot_ = std::move(fresh);
    }
  }
  if (flipped) {
    for (const auto& listener : listeners_) listener();
  } else if (!slugs.empty()) {
    for (const auto& listener : stock_listeners_) listener(slugs);
  }
}

std::optional<Product> Catalog::product(const std::string& slug) {
  return db_.read([&](soci::session& sql) { return repo::find_product(sql, slug); });
}

std::optional<Product> Catalog::kept_product(const std::string& slug) {
  long long epoch = 0;
  {
    std::lock_guard lock(products_mutex_);
    if (auto it = products_.find(slug); it != products_.end() && !is_marker(it->second)) return *it->second;
    epoch = products_epoch_;
  }
  return remember(db_.read([&](soci::session& sql) { return repo::find_product(sql, slug); }), epoch);
}

std::optional<Product> Catalog::product_of_variant(long long variant_id) {
  std::string slug;
  {
    std::lock_guard lock(products_mutex_);
    if (auto it = variant_slugs_.find(variant_id); it != variant_slugs_.end()) slug = it->second;
  }
  if (slug.empty())
    slug = db_.read([&](soci::session& sql) {
      std::string s;
      return db::run(sql,
                     "SELECT p.slug FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = :v",
                     soci::use(variant_id), soci::into(s))
                 ? s
                 : std::string();
    });
  if (slug.empty()) return std::nullopt;
  auto found = kept_product(slug);
  if (found && std::none_of(found->variants.begin(), found->variants.end(),
                            [&](const Variant& v) { return v.id == variant_id; }))
    return std::nullopt;
  return found;
}

std::optional<Product> Catalog::remember(std::optional<Product> product, long long epoch) {
  constexpr size_t most = 20000;  // pieces kept; all let go when full (a catalog change does it anyway)
  if (!product) return product;
  std::lock_guard lock(products_mutex_);
  if (epoch != products_epoch_) return product;  // the catalog changed while it was read
  if (products_.size() >= most) {
    products_.clear();
    variant_slugs_.clear();
  }
  for (const auto& v : product->variants) variant_slugs_[v.id] = product->slug;
  products_[product->slug] = std::make_shared<const Product>(*product);
  return product;
}

void Catalog::forget_products() {
  std::lock_guard lock(products_mutex_);
  ++products_epoch_;
  ++let_go_epoch_;
  products_.clear();
  variant_slugs_.clear();
}

std::optional<Workshop> Catalog::workshop(const std::string& slug) {
  return db_.read([&](soci::session& sql) { return repo::find_workshop(sql, slug); });
}

std::vector<std::pair<long long, Product::Photo>> Catalog::workshop_photos(long long workshop_id) {
  return db_.read([&](soci::session& sql) { return repo::workshop_photos(sql, workshop_id); });
}

Workshop Catalog::workshop_by_id(long long id) {
  auto snap = snapshot();
  for (const auto& w : snap->workshops)
    if (w.id == id) return w;
  return db_.read([&](soci::session& sql) {
    std::string slug;
    sql << "SELECT slug FROM workshops WHERE id = :id", soci::use(id), soci::into(slug);
    return repo::find_workshop(sql, slug).value_or(Workshop{});
  });
}

std::optional<Image> Catalog::image(long long id) {
  return db_.read([&](soci::session& sql) { return repo::find_image(sql, id); });
}

void Catalog::set_synonyms(Synonyms synonyms) {
  std::lock_guard lock(search_mutex_);
  synonyms_ = std::move(synonyms);
  searches_.clear();
}

std::string Catalog::search_words(const std::string& q) const {
  std::lock_guard lock(search_mutex_);
  return rewrite_query(q, *vocabulary_, synonyms_);
}

namespace {

// Pieces whose title holds a searched word whole ("ring") before those that only contain it
// ("earrings"); otherwise the database's order stands.
void rank_whole_words(std::vector<long long>& ids, const std::string& words, const Snapshot& snapshot) {
  const auto wanted = query_words(words);
  std::unordered_map<long long, int> score;
  for (long long id : ids) {
    auto it = snapshot.by_id.find(id);
    if (it == snapshot.by_id.end()) continue;
    const auto& card = snapshot.cards[it->second];
    const auto title = query_words(card.title_ko + " " + card.title_en);
    const std::string joined = ascii_lower(card.title_ko + " " + card.title_en);
    int s = 0;
    for (const auto& w : wanted)
      s += std::find(title.begin(), title.end(), w) != title.end() ? 2 : joined.find(w) != std::string::npos;
    score[id] = s;
  }
  std::stable_sort(ids.begin(), ids.end(),
                   [&score](long long a, long long b) { return score[a] > score[b]; });
}

}  // namespace

std::vector<long long> Catalog::search(const std::string& q, int limit) {
  constexpr size_t max_cached = 2048;
  const auto key = std::to_string(limit) + "|" + q;
  std::string words;
  {
    std::lock_guard lock(search_mutex_);
    if (auto it = searches_.find(key); it != searches_.end()) return it->second;
    words = rewrite_query(q, *vocabulary_, synonyms_);
  }
  const auto before = version_.load();
  auto ids = db_.read([&](soci::session& sql) { return repo::search(sql, db_.backend(), words, limit); });
  rank_whole_words(ids, words, *snapshot());
  std::lock_guard lock(search_mutex_);
  if (version_.load() == before) {  // a refresh meanwhile may have made this answer stale
    if (searches_.size() >= max_cached) searches_.clear();
    searches_.emplace(key, ids);
  }
  return ids;
}

std::string Catalog::search_text(const Product& p, const Workshop& w) const {
  std::string text;
  auto add = [&text](const std::string& part) {
    if (!part.empty()) text += part + " ";
  };
  add(p.title_ko);
  add(p.title_en);
  add(p.tags);
  add(w.name_ko);
  add(w.name_en);
  for (const std::string locale : {"ko", "en"}) {
    add(words_(locale, "catalog.category." + p.category));
    add(words_(locale, "catalog.metal." + p.metal));
    add(words_(locale, "catalog.colour." + p.colour));
    for (const auto& s : p.stones) {
      add(words_(locale, "catalog.stone." + s.kind));
      add(words_(locale, "catalog.origin." + s.origin));
    }
  }
  add(purity_label(p.metal, p.purity));
  add(p.story_ko);
  add(p.story_en);
  return ascii_lower(text);
}

Result<std::vector<long long>> Catalog::save_many(const std::vector<Product>& products,
                                                  const Workshop& workshop) {
  for (const auto& p : products)
    if (p.workshop_id != workshop.id) return Error::forbidden("a product belongs to another workshop");
  auto texts = TRY(checked(products, {workshop}));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<std::vector<long long>> {
    std::vector<long long> ids;
    for (size_t i = 0; i < products.size(); ++i) {
      const auto& p = products[i];
      long long owner = 0;
      soci::indicator ind = soci::i_ok;
      sql << "SELECT workshop_id FROM products WHERE slug = :s", soci::use(p.slug), soci::into(owner, ind);
      const bool exists = sql.got_data();
      for (const auto& v : p.variants) {
        long long holder = 0;
        sql << "SELECT id FROM variants WHERE sku = :s", soci::use(v.sku), soci::into(holder);
        if (sql.got_data() && holder != v.id)
          return Error::conflict("sku", "sku_taken", "another variant already uses the SKU " + v.sku);
      }
      if (p.id == 0) {
        if (exists)
          return Error::conflict("slug", "slug_taken", "another product already uses the slug " + p.slug);
        ids.push_back(repo::insert_product(sql, p, now));
      } else {
        if (!exists || owner != workshop.id) return Error::not_found("product " + p.slug);
        TRY(repo::update_product(sql, p, now));
        ids.push_back(p.id);
      }
      repo::index_for_search(sql, db_.backend(), ids.back(), texts[i]);
    }
    return ids;
  });
}

Result<long long> Catalog::create(const Product& product, const Workshop& workshop) {
  auto ids = TRY(create_many({product}, {workshop}));
  return ids.front();
}

Result<std::vector<std::string>> Catalog::checked(const std::vector<Product>& products,
                                                  const std::vector<Workshop>& workshops) {
  std::vector<std::string> texts;
  std::map<std::string, long long> quotes;  // metal -> won per gram, for checking formulas
  db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows = sql.prepare
                                   << "SELECT q.metal, q.won_per_gram FROM metal_quotes q WHERE q.day = "
                                      "(SELECT MAX(day) FROM metal_quotes x WHERE x.metal = q.metal)";
    for (const auto& r : rows) quotes[db::row_text(r, 0)] = db::row_int(r, 1);
  });
  for (size_t i = 0; i < products.size(); ++i) {
    const auto& p = products[i];
    TRY(check_product(p));
    // A price must come out above zero: refuse a formula (or fixed price) that cannot, with the reason.
    if (p.pricing == "fixed") {
      TRY(pricing::fixed_price(p.fixed_price));
    } else if (auto q = quotes.find(p.metal); q != quotes.end()) {
      TRY(pricing::formula_price(
          {p.weight_mg, p.purity, q->second, p.loss_bp, p.labour_fee, p.stone_cost, p.margin_bp}));
    }
    texts.push_back(search_text(p, workshops[std::min(i, workshops.size() - 1)]));
  }
  return texts;
}

Result<std::vector<long long>> Catalog::create_many(const std::vector<Product>& products,
                                                    const std::vector<Workshop>& workshops) {
  auto texts = TRY(checked(products, workshops));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<std::vector<long long>> {
    std::vector<long long> ids;
    for (size_t i = 0; i < products.size(); ++i) {
      long long exists = 0;
      sql << "SELECT COUNT(*) FROM products WHERE slug = :s", soci::use(products[i].slug), soci::into(exists);
      if (exists)
        return Error::conflict("slug", "slug_taken",
                               "another product already uses the slug " + products[i].slug);
      ids.push_back(repo::insert_product(sql, products[i], now));
      repo::index_for_search(sql, db_.backend(), ids.back(), texts[i]);
    }
    return ids;
  });
}

}  // namespace brilliant::catalog
