// Listings over the in-memory catalog: filters, facet counts (each dimension counted with every other
// filter applied), sorting and pagination. Pure logic over a Snapshot; no I/O.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/product.hpp"
#include "core/result.hpp"

namespace brilliant::catalog {

struct Collection {
  long long id = 0;
  std::string slug, name_ko, name_en, description_ko, description_en;
  bool featured = false;
};

// The cards' facet values interned as small numbers, so a listing filters and counts 10,000 cards
// with integer compares and no allocation. Vocabularies hold each distinct value once.
// The dimensions a listing filters and counts by (one scoped enum for the index, the query and the
// facets). The first `interned_dims` have interned vocabularies in ListingIndex.
enum class Dim {
  category,
  metal,
  colour,
  purity,
  workshop,
  collection,
  stone,
  origin,
  eco,
  availability,
  price
};
inline constexpr size_t interned_dims = 5, all_dims = 11;
constexpr size_t at(Dim d) { return static_cast<size_t>(d); }

struct ListingIndex {
  std::vector<std::string> vocab[interned_dims];
  struct Codes {
    uint16_t v[interned_dims];
    uint32_t stones;  // bit i: vocabulary stone i
  };
  std::vector<Codes> codes;  // parallel to Snapshot::cards
  std::vector<std::string> stones;
};

// Everything published, as of one moment. Immutable once built; shared by readers.
struct Snapshot {
  std::vector<Card> cards;  // published products, newest first
  std::unordered_map<std::string, size_t> by_slug;
  std::unordered_map<long long, size_t> by_id;
  std::vector<Workshop> workshops;
  std::vector<Collection> collections;
  long long version = 0;
  ListingIndex index;  // filled by index_snapshot
};

// Builds snapshot.index from its cards (call once the cards are final).
void index_snapshot(Snapshot& snapshot);
// `base` with the cards of the pieces `ids` replaced by `cards` (theirs as listed now; a piece of `ids`
// without one is no longer listed), each in the listing's order, indexed: what load_snapshot would read
// after those pieces alone changed. Workshops and collections are base's.
Snapshot patched(const Snapshot& base, const std::vector<long long>& ids, std::vector<Card> cards);

enum class Sort { newest, price_asc, price_desc, popular, relevance };

struct ListingQuery {
  std::string q;  // search words (the caller resolves them to ids)
  std::string category, collection, metal, colour, stone, origin, workshop, availability;
  int purity = 0;
  long long price_min = 0, price_max = 0;  // 0: no bound
  bool eco = false;
  Sort sort = Sort::newest;
  int page = 1;
  int per_page = 24;
  std::optional<std::vector<long long>> ids;  // search results, best first; restricts and orders
};

struct FacetValue {
  std::string value;
  long long count = 0;
  bool selected = false;
};

struct Facet {
  std::string name;  // category, metal, purity, colour, stone, origin, workshop, eco, availability, price
  std::vector<FacetValue> values;
};

struct Listing {
  std::vector<const Card*> cards;  // this page
  long long total = 0;
  int page = 1;
  int pages = 1;
  std::vector<Facet> facets;
};

// Price buckets for the price facet, in won: "0-100000", "100000-300000", ...
inline const std::vector<std::pair<long long, long long>> price_buckets = {
    {0, 100000}, {100000, 300000}, {300000, 1000000}, {1000000, 3000000}, {3000000, 0}};

// Reads a query from form fields (the URL's query string); errors name the field.
struct FieldSource {
  virtual ~FieldSource() = default;
  virtual std::string get(const std::string& name) const = 0;
};
Result<ListingQuery> parse_listing_query(const FieldSource& fields);

Listing run_listing(const Snapshot& snapshot, const ListingQuery& query);
// Canonical query string for a listing (stable order, defaults omitted), for links and canonical URLs.
std::string listing_query_string(const ListingQuery& query, int page);
Sort parse_sort(const std::string& text);
std::string sort_name(Sort sort);

}  // namespace brilliant::catalog
