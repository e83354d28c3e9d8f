#include "catalog/listing.hpp"

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <charconv>

#include "catalog/rules.hpp"
#include "core/text.hpp"

namespace brilliant::catalog {
namespace {

enum Dim {
  d_category,
  d_collection,
  d_metal,
  d_purity,
  d_colour,
  d_stone,
  d_origin,
  d_workshop,
  d_eco,
  d_availability,
  d_price,
  d_count
};

unsigned origin_bit(const std::string& origin) {
  if (origin == "natural") return 1;
  if (origin == "lab_grown") return 2;
  if (origin == "simulant") return 4;
  return 0;
}

bool in_price(const Card& c, long long lo, long long hi) {
  return c.price >= lo && (hi == 0 || c.price < hi);
}

// Which filters a card passes, one bit per dimension.
unsigned passes(const Card& c, const ListingQuery& q) {
  unsigned bits = 0;
  auto set = [&bits](Dim d, bool ok) {
    if (ok) bits |= 1u << d;
  };
  set(d_category, q.category.empty() || c.category == q.category);
  set(d_collection, q.collection.empty() || std::find(c.collections.begin(), c.collections.end(),
                                                      q.collection) != c.collections.end());
  set(d_metal, q.metal.empty() || c.metal == q.metal);
  set(d_purity, q.purity == 0 || c.purity == q.purity);
  set(d_colour, q.colour.empty() || c.colour == q.colour);
  set(d_stone, q.stone.empty() ||
                   std::find(c.stone_kinds.begin(), c.stone_kinds.end(), q.stone) != c.stone_kinds.end());
  set(d_origin, q.origin.empty() || (c.origins & origin_bit(q.origin)));
  set(d_workshop, q.workshop.empty() || c.workshop_slug == q.workshop);
  set(d_eco, !q.eco || c.eco);
  set(d_availability,
      q.availability.empty() || (q.availability == "in_stock" ? c.in_stock : c.made_to_order));
  set(d_price, in_price(c, q.price_min, q.price_max));
  return bits;
}

constexpr unsigned all_bits = (1u << d_count) - 1;

bool passes_except(unsigned bits, Dim d) { return (bits | (1u << d)) == all_bits; }

void count(std::vector<FacetValue>& values, const std::string& value, const std::string& selected) {
  for (auto& v : values)
    if (v.value == value) {
      ++v.count;
      return;
    }
  values.push_back({value, 1, value == selected});
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
  return Error::invalid(name, "choice_invalid", name + " has no value '" + value.substr(0, 40) + "'");
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
  if (q.q.size() > 200) return Error::invalid("q", "query_too_long", "q must be at most 200 bytes");
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

Listing run_listing(const Snapshot& snap, const ListingQuery& q) {
  Listing out;
  std::vector<const Card*> matched;
  std::vector<Facet> facets = {{"category", {}},     {"metal", {}},  {"purity", {}},   {"colour", {}},
                               {"stone", {}},        {"origin", {}}, {"workshop", {}}, {"eco", {}},
                               {"availability", {}}, {"price", {}}};
  auto& f = facets;
  for (const auto& name : categories) f[0].values.push_back({name, 0, name == q.category});
  for (const auto& [lo, hi] : price_buckets)
    f[9].values.push_back({std::to_string(lo) + "-" + (hi ? std::to_string(hi) : ""), 0,
                           q.price_min == lo && q.price_max == hi});

  auto consider = [&](const Card& c) {
    const unsigned bits = passes(c, q);
    if (bits == all_bits) matched.push_back(&c);
    if (passes_except(bits, d_category)) count(f[0].values, c.category, q.category);
    if (passes_except(bits, d_metal)) count(f[1].values, c.metal, q.metal);
    if (passes_except(bits, d_purity))
      count(f[2].values, std::to_string(c.purity), q.purity ? std::to_string(q.purity) : "");
    if (passes_except(bits, d_colour)) count(f[3].values, c.colour, q.colour);
    if (passes_except(bits, d_stone))
      for (const auto& kind : c.stone_kinds) count(f[4].values, kind, q.stone);
    if (passes_except(bits, d_origin))
      for (const auto& origin : stone_origins)
        if (c.origins & origin_bit(origin)) count(f[5].values, origin, q.origin);
    if (passes_except(bits, d_workshop)) count(f[6].values, c.workshop_slug, q.workshop);
    if (passes_except(bits, d_eco) && c.eco) count(f[7].values, "1", q.eco ? "1" : "");
    if (passes_except(bits, d_availability))
      count(f[8].values, c.in_stock ? "in_stock" : "made_to_order", q.availability);
    if (passes_except(bits, d_price))
      for (size_t i = 0; i < price_buckets.size(); ++i)
        if (in_price(c, price_buckets[i].first, price_buckets[i].second)) ++f[9].values[i].count;
  };
  if (q.ids) {
    for (long long id : *q.ids) {
      auto it = snap.by_id.find(id);
      if (it != snap.by_id.end()) consider(snap.cards[it->second]);
    }
  } else {
    for (const auto& c : snap.cards) consider(c);
  }
  // Stable order within facets: by count, then value.
  for (size_t i = 1; i < facets.size() - 1; ++i)
    std::stable_sort(facets[i].values.begin(), facets[i].values.end(),
                     [](const FacetValue& a, const FacetValue& b) {
                       return a.count > b.count || (a.count == b.count && a.value < b.value);
                     });
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
  out.total = static_cast<long long>(matched.size());
  out.pages = std::max(1, static_cast<int>((out.total + q.per_page - 1) / q.per_page));
  out.page = q.page;
  const long long start = static_cast<long long>(q.page - 1) * q.per_page;
  for (long long i = start; i < out.total && i < start + q.per_page; ++i)
    out.cards.push_back(matched[static_cast<size_t>(i)]);
  out.facets = std::move(facets);
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
