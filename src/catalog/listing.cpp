#include "catalog/listing.hpp"

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <charconv>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "catalog/rules.hpp"
#include "core/checks.hpp"
#include "core/text.hpp"

namespace brilliant::catalog {
namespace {

unsigned origin_bit(const std::string& origin) {
  if (origin == "natural") return 1;
  if (origin == "lab_grown") return 2;
  if (origin == "simulant") return 4;
  return 0;
}

bool in_price(const Card& c, long long lo, long long hi) {
  return c.price >= lo && (hi == 0 || c.price < hi);
}

constexpr uint16_t no_code = 0xffff;

uint16_t intern(std::vector<std::string>& vocab, const std::string& value) {
  for (size_t i = 0; i < vocab.size(); ++i)
    if (vocab[i] == value) return static_cast<uint16_t>(i);
  vocab.push_back(value);
  return static_cast<uint16_t>(vocab.size() - 1);
}

uint16_t code_of(const std::vector<std::string>& vocab, const std::string& value) {
  for (size_t i = 0; i < vocab.size(); ++i)
    if (vocab[i] == value) return static_cast<uint16_t>(i);
  return no_code;
}

// The query's filter values as codes: absent filters are no_code; a value no card has never matches.
struct QueryCodes {
  bool on[interned_dims] = {};
  uint16_t v[interned_dims] = {};
  bool stone_on = false;
  uint32_t stone = 0;
};

QueryCodes query_codes(const ListingIndex& ix, const ListingQuery& q) {
  QueryCodes out;
  auto set = [&](Dim d, const std::string& value) {
    if (value.empty()) return;
    out.on[at(d)] = true;
    out.v[at(d)] = code_of(ix.vocab[at(d)], value);
  };
  set(Dim::category, q.category);
  set(Dim::metal, q.metal);
  set(Dim::colour, q.colour);
  set(Dim::purity, q.purity ? std::to_string(q.purity) : "");
  set(Dim::workshop, q.workshop);
  if (!q.stone.empty()) {
    out.stone_on = true;
    const auto code = code_of(ix.stones, q.stone);
    out.stone = code == no_code ? 0 : 1u << code;
  }
  return out;
}

// Which filters a card passes, one bit per dimension.
unsigned passes(const Card& c, const ListingIndex::Codes& k, const QueryCodes& qc, const ListingQuery& q) {
  unsigned bits = 0;
  auto set = [&bits](Dim d, bool ok) {
    if (ok) bits |= 1u << at(d);
  };
  auto same = [&](Dim d) { return !qc.on[at(d)] || k.v[at(d)] == qc.v[at(d)]; };
  set(Dim::category, same(Dim::category));
  set(Dim::collection, q.collection.empty() || std::find(c.collections.begin(), c.collections.end(),
                                                         q.collection) != c.collections.end());
  set(Dim::metal, same(Dim::metal));
  set(Dim::purity, same(Dim::purity));
  set(Dim::colour, same(Dim::colour));
  set(Dim::stone, !qc.stone_on || (k.stones & qc.stone));
  set(Dim::origin, q.origin.empty() || (c.origins & origin_bit(q.origin)));
  set(Dim::workshop, same(Dim::workshop));
  set(Dim::eco, !q.eco || c.eco);
  set(Dim::availability,
      q.availability.empty() || (q.availability == "in_stock" ? c.in_stock : c.made_to_order));
  set(Dim::price, in_price(c, q.price_min, q.price_max));
  return bits;
}

constexpr unsigned all_bits = (1u << all_dims) - 1;

bool passes_except(unsigned bits, Dim d) { return (bits | (1u << at(d))) == all_bits; }

// Facet values with a count, from per-code tallies.
std::vector<FacetValue> values_of(const std::vector<std::string>& vocab, const std::vector<long long>& tally,
                                  const std::string& selected) {
  std::vector<FacetValue> out;
  for (size_t i = 0; i < vocab.size(); ++i)
    if (tally[i]) out.push_back({vocab[i], tally[i], vocab[i] == selected});
  return out;
}

Result<long long> parse_number(const FieldSource& f, const std::string& name, long long max) {
  auto text = f.get(name);
  if (text.empty()) return 0LL;
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max)
    return Error::invalid(name, "number_invalid",
                          name + " must be a whole number from 0 to " + std::to_string(max));
  return value;
}

Result<std::string> parse_choice(const FieldSource& f, const std::string& name,
                                 const std::vector<std::string>& allowed) {
  auto value = f.get(name);
  if (value.empty() || known(allowed, value)) return value;
  return Error::invalid(name, "choice_invalid", name + " has no value '" + utf8_shorten(value, 40) + "'");
}

}  // namespace

Sort parse_sort(const std::string& text) {
  if (text == "price_asc") return Sort::price_asc;
  if (text == "price_desc") return Sort::price_desc;
  if (text == "popular") return Sort::popular;
  if (text == "relevance") return Sort::relevance;
  return Sort::newest;
}

std::string sort_name(Sort sort) {
  switch (sort) {
    case Sort::price_asc:
      return "price_asc";
    case Sort::price_desc:
      return "price_desc";
    case Sort::popular:
      return "popular";
    case Sort::relevance:
      return "relevance";
    case Sort::newest:
      return "new";
  }
  return "new";
}

Result<ListingQuery> parse_listing_query(const FieldSource& f) {
  ListingQuery q;
  q.q = std::string(trim(f.get("q")));
  TRY(check_length("q", q.q, 200, "query_too_long"));
  q.category = TRY(parse_choice(f, "category", categories));
  q.metal = TRY(parse_choice(f, "metal", metals));
  q.colour = TRY(parse_choice(f, "colour", colours));
  q.stone = TRY(parse_choice(f, "stone", stone_kinds));
  q.origin = TRY(parse_choice(f, "origin", stone_origins));
  q.availability = TRY(parse_choice(f, "availability", {"in_stock", "made_to_order"}));
  q.collection = f.get("collection");
  q.workshop = f.get("workshop");
  if (q.collection.size() > 80 || q.workshop.size() > 80)
    return Error::invalid(q.collection.size() > 80 ? "collection" : "workshop", "choice_invalid",
                          "value too long");
  q.purity = static_cast<int>(TRY(parse_number(f, "purity", 1000)));
  q.price_min = TRY(parse_number(f, "price_min", 1'000'000'000'000LL));
  q.price_max = TRY(parse_number(f, "price_max", 1'000'000'000'000LL));
  if (q.price_max && q.price_min > q.price_max)
    return Error::invalid("price_min", "price_range", "price_min must not be above price_max");
  q.eco = f.get("eco") == "1";
  const auto sort = f.get("sort");
  if (!sort.empty() && !known({"new", "price_asc", "price_desc", "popular", "relevance"}, sort))
    return Error::invalid("sort", "choice_invalid",
                          "sort must be new, price_asc, price_desc, popular or relevance");
  q.sort = parse_sort(sort);
  auto page = TRY(parse_number(f, "page", 100000));
  q.page = page == 0 ? 1 : static_cast<int>(page);
  return q;
}

void index_snapshot(Snapshot& snap) {
  ListingIndex ix;
  ix.codes.reserve(snap.cards.size());
  for (const auto& c : snap.cards) {
    ListingIndex::Codes k{};
    k.v[at(Dim::category)] = intern(ix.vocab[at(Dim::category)], c.category);
    k.v[at(Dim::metal)] = intern(ix.vocab[at(Dim::metal)], c.metal);
    k.v[at(Dim::colour)] = intern(ix.vocab[at(Dim::colour)], c.colour);
    k.v[at(Dim::purity)] = intern(ix.vocab[at(Dim::purity)], std::to_string(c.purity));
    k.v[at(Dim::workshop)] = intern(ix.vocab[at(Dim::workshop)], c.workshop_slug);
    for (const auto& kind : c.stone_kinds) {
      const auto code = intern(ix.stones, kind);
      if (code < 32) k.stones |= 1u << code;
    }
    ix.codes.push_back(k);
  }
  snap.index = std::move(ix);
}

Snapshot patched(const Snapshot& base, const std::vector<long long>& ids, std::vector<Card> cards) {
  // The listing's order: newest published first, then the higher id (load_snapshot's ORDER BY).
  const auto before = [](const Card& a, const Card& b) {
    return std::tie(b.published_at, b.id) < std::tie(a.published_at, a.id);
  };
  std::sort(cards.begin(), cards.end(), before);
  const std::unordered_set<long long> replaced(ids.begin(), ids.end());
  Snapshot s;
  s.cards.reserve(base.cards.size() + cards.size());
  auto next = cards.begin();
  for (const auto& c : base.cards) {
    if (replaced.count(c.id)) continue;
    for (; next != cards.end() && before(*next, c); ++next) s.cards.push_back(std::move(*next));
    s.cards.push_back(c);
  }
  for (; next != cards.end(); ++next) s.cards.push_back(std::move(*next));
  s.by_id.reserve(s.cards.size());
  s.by_slug.reserve(s.cards.size());
  for (size_t i = 0; i < s.cards.size(); ++i) {
    s.by_id[s.cards[i].id] = i;
    s.by_slug[s.cards[i].slug] = i;
  }
  s.workshops = base.workshops;
  s.collections = base.collections;
  index_snapshot(s);
  return s;
}

namespace {

// How many cards each facet value would show, every other filter applied (a facet does not narrow
// itself, so a shopper sees the other metals while one is chosen).
struct Tallies {
  std::vector<long long> dim[interned_dims];
  std::vector<long long> stones;
  long long origins[3] = {}, eco = 0, stock[2] = {}, price[8] = {};

  explicit Tallies(const ListingIndex& ix) : stones(ix.stones.size(), 0) {
    for (size_t d = 0; d < interned_dims; ++d) dim[d].assign(ix.vocab[d].size(), 0);
  }

  void count(const Card& c, const ListingIndex::Codes& k, unsigned bits) {
    if (passes_except(bits, Dim::category)) ++dim[at(Dim::category)][k.v[at(Dim::category)]];
    if (passes_except(bits, Dim::metal)) ++dim[at(Dim::metal)][k.v[at(Dim::metal)]];
    if (passes_except(bits, Dim::purity)) ++dim[at(Dim::purity)][k.v[at(Dim::purity)]];
    if (passes_except(bits, Dim::colour)) ++dim[at(Dim::colour)][k.v[at(Dim::colour)]];
    if (passes_except(bits, Dim::stone))
      for (size_t b = 0; b < stones.size() && b < 32; ++b)
        if (k.stones & (1u << b)) ++stones[b];
    if (passes_except(bits, Dim::origin))
      for (int o = 0; o < 3; ++o)
        if (c.origins & (1u << o)) ++origins[o];
    if (passes_except(bits, Dim::workshop)) ++dim[at(Dim::workshop)][k.v[at(Dim::workshop)]];
    if (passes_except(bits, Dim::eco) && c.eco) ++eco;
    if (passes_except(bits, Dim::availability)) ++stock[c.in_stock ? 0 : 1];
    if (passes_except(bits, Dim::price))
      for (size_t b = 0; b < price_buckets.size(); ++b)
        if (in_price(c, price_buckets[b].first, price_buckets[b].second)) ++price[b];
  }
};

Facet category_facet(const ListingIndex& ix, const Tallies& t, const ListingQuery& q) {
  Facet category{"category", {}};
  for (const auto& name : categories) {
    const auto code = code_of(ix.vocab[at(Dim::category)], name);
    category.values.push_back(
        {name, code == no_code ? 0 : t.dim[at(Dim::category)][code], name == q.category});
  }
  return category;
}

Facet origin_facet(const Tallies& t, const ListingQuery& q) {
  Facet origin{"origin", {}};
  for (int o = 0; o < 3; ++o)
    if (t.origins[o])
      origin.values.push_back({stone_origins[static_cast<size_t>(o)], t.origins[o],
                               stone_origins[static_cast<size_t>(o)] == q.origin});
  return origin;
}

Facet price_facet(const Tallies& t, const ListingQuery& q) {
  Facet price{"price", {}};
  for (size_t b = 0; b < price_buckets.size(); ++b) {
    const auto [lo, hi] = price_buckets[b];
    price.values.push_back({std::to_string(lo) + "-" + (hi ? std::to_string(hi) : ""), t.price[b],
                            q.price_min == lo && q.price_max == hi});
  }
  return price;
}

std::vector<Facet> facets_of(const ListingIndex& ix, const Tallies& t, const ListingQuery& q) {
  std::vector<Facet> facets;
  facets.push_back(category_facet(ix, t, q));
  facets.push_back({"metal", values_of(ix.vocab[at(Dim::metal)], t.dim[at(Dim::metal)], q.metal)});
  facets.push_back({"purity", values_of(ix.vocab[at(Dim::purity)], t.dim[at(Dim::purity)],
                                        q.purity ? std::to_string(q.purity) : "")});
  facets.push_back({"colour", values_of(ix.vocab[at(Dim::colour)], t.dim[at(Dim::colour)], q.colour)});
  facets.push_back({"stone", values_of(ix.stones, t.stones, q.stone)});
  facets.push_back(origin_facet(t, q));
  facets.push_back(
      {"workshop", values_of(ix.vocab[at(Dim::workshop)], t.dim[at(Dim::workshop)], q.workshop)});
  facets.push_back({"eco", {}});
  if (t.eco) facets.back().values.push_back({"1", t.eco, q.eco});
  facets.push_back({"availability", {}});
  if (t.stock[0]) facets.back().values.push_back({"in_stock", t.stock[0], q.availability == "in_stock"});
  if (t.stock[1])
    facets.back().values.push_back({"made_to_order", t.stock[1], q.availability == "made_to_order"});
  facets.push_back(price_facet(t, q));
  // Stable order within facets: by count, then value.
  for (size_t i = 1; i < facets.size() - 1; ++i)
    std::stable_sort(facets[i].values.begin(), facets[i].values.end(),
                     [](const FacetValue& a, const FacetValue& b) {
                       return a.count > b.count || (a.count == b.count && a.value < b.value);
                     });
  return facets;
}

void sort_cards(std::vector<const Card*>& matched, const ListingQuery& q) {
  auto by = [&](auto key) { std::stable_sort(matched.begin(), matched.end(), key); };
  switch (q.ids && q.sort == Sort::newest ? Sort::relevance : q.sort) {
    case Sort::price_asc:
      by([](const Card* a, const Card* b) { return a->price < b->price; });
      break;
    case Sort::price_desc:
      by([](const Card* a, const Card* b) { return a->price > b->price; });
      break;
    case Sort::popular:
      by([](const Card* a, const Card* b) { return a->popularity > b->popularity; });
      break;
    case Sort::newest:
      break;  // snapshot order is newest first
    case Sort::relevance:
      break;  // search order is best first
  }
}

}  // namespace

Listing run_listing(const Snapshot& snap, const ListingQuery& q) {
  std::optional<Snapshot> indexed;  // snapshots built by hand (tests) may lack the index
  if (snap.index.codes.size() != snap.cards.size()) {
    indexed = snap;
    index_snapshot(*indexed);
  }
  const Snapshot& s = indexed ? *indexed : snap;
  const ListingIndex& ix = s.index;
  const QueryCodes qc = query_codes(ix, q);
  std::vector<const Card*> matched;
  Tallies tallies(ix);
  auto consider = [&](size_t i) {
    const unsigned bits = passes(s.cards[i], ix.codes[i], qc, q);
    if (bits == all_bits) matched.push_back(&snap.cards[i]);
    tallies.count(s.cards[i], ix.codes[i], bits);
  };
  if (q.ids) {
    for (long long id : *q.ids)
      if (auto it = s.by_id.find(id); it != s.by_id.end()) consider(it->second);
  } else {
    for (size_t i = 0; i < s.cards.size(); ++i) consider(i);
  }
  sort_cards(matched, q);
  Listing out;
  out.total = static_cast<long long>(matched.size());
  out.pages = std::max(1, static_cast<int>((out.total + q.per_page - 1) / q.per_page));
  out.page = q.page;
  const long long start = static_cast<long long>(q.page - 1) * q.per_page;
  for (long long i = start; i < out.total && i < start + q.per_page; ++i)
    out.cards.push_back(matched[static_cast<size_t>(i)]);
  out.facets = facets_of(ix, tallies, q);
  return out;
}

std::string listing_query_string(const ListingQuery& q, int page) {
  std::string out;
  auto add = [&out](const std::string& key, const std::string& value) {
    if (value.empty()) return;
    out += (out.empty() ? "?" : "&") + key + "=" + value;  // values are vocabulary words, slugs or numbers
  };
  add("q", q.q.empty() ? "" : boost::urls::encode(q.q, boost::urls::unreserved_chars));
  add("category", q.category);
  add("collection", q.collection);
  add("metal", q.metal);
  add("purity", q.purity ? std::to_string(q.purity) : "");
  add("colour", q.colour);
  add("stone", q.stone);
  add("origin", q.origin);
  add("workshop", q.workshop);
  add("eco", q.eco ? "1" : "");
  add("availability", q.availability);
  add("price_min", q.price_min ? std::to_string(q.price_min) : "");
  add("price_max", q.price_max ? std::to_string(q.price_max) : "");
  add("sort", q.sort == Sort::newest ? "" : sort_name(q.sort));
  add("page", page > 1 ? std::to_string(page) : "");
  return out;
}

}  // namespace brilliant::catalog
