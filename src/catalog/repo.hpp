// SQL for the catalog. Functions take the session they run on, so callers choose the transaction.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "catalog/listing.hpp"
#include "catalog/product.hpp"
#include "db/database.hpp"

namespace brilliant::catalog::repo {

// Everything published, for the in-memory listing snapshot.
Snapshot load_snapshot(soci::session& sql);
// The cards of these pieces as load_snapshot makes them, newest first; none for a piece not listed (not
// published, its workshop not active, or gone).
std::vector<Card> load_cards(soci::session& sql, const std::vector<long long>& ids);
// One product with stones, variants, images and collections; any status.
std::optional<Product> find_product(soci::session& sql, const std::string& slug);
std::optional<Workshop> find_workshop(soci::session& sql, const std::string& slug);
// A workshop's profile photos, oldest first, with ids (workshop_photos).
std::vector<std::pair<long long, Product::Photo>> workshop_photos(soci::session& sql, long long workshop_id);
// Inserts a product with its stones, variants and collections; returns its id.
long long insert_product(soci::session& sql, const Product& product, const std::string& now);
// Writes a product's fields, stones and variants (variants with an id are updated, others added; none are
// deleted). Slug, workshop, popularity and photos stay. An existing variant's stock goes through
// set_stock (stock_repo.hpp): a conflict when it is no longer what its editor saw.
Result<void> update_product(soci::session& sql, const Product& product, const std::string& now);
void set_status(soci::session& sql, long long product_id, ProductStatus status, const std::string& now);
// What the store shows of a piece's eco claims (space separated; empty: none, no badge) and the
// certificate backing them. Written only by the certification module, which owns the claims.
void set_eco(soci::session& sql, long long product_id, const std::string& claims,
             const std::string& certificate);
long long insert_workshop(soci::session& sql, const Workshop& workshop, const std::string& now);
// Sets (replaces) a workshop's seller particulars.
void set_seller(soci::session& sql, long long workshop_id, const Seller& seller, const std::string& now);
long long insert_collection(soci::session& sql, const Collection& collection, const std::string& now);
long long insert_image(soci::session& sql, long long product_id, int position,
                       const std::string& content_type, const std::string& body, const std::string& alt_ko,
                       const std::string& alt_en);
using Image = catalog::Image;
std::optional<Image> find_image(soci::session& sql, long long image_id);

// The text the search matches: titles, story, tags, materials, stones, workshop, category (ko and en).
void index_for_search(soci::session& sql, db::Backend backend, long long product_id, const std::string& body);
// Published product ids having every word of q (at most eight), best first: FTS5 trigram on SQLite for
// words of three characters and more, substrings for shorter ones, whole words for one syllable;
// substrings or pg_trgm word similarity on PostgreSQL. Defined in catalog/search_repo.cpp.
std::vector<long long> search(soci::session& sql, db::Backend backend, const std::string& q, int limit);

}  // namespace brilliant::catalog::repo
