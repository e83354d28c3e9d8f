#include "catalog/listing.hpp"

#include <gtest/gtest.h>

#include <map>

namespace brilliant::catalog {
namespace {

struct MapFields : FieldSource {
  std::map<std::string, std::string> m;
  std::string get(const std::string& name) const override {
    auto it = m.find(name);
    return it == m.end() ? "" : it->second;
  }
};

Snapshot sample() {
  Snapshot s;
  auto card = [](long long id, std::string cat, std::string metal, int purity, long long price,
                 std::string stone, unsigned origins, bool stock, std::string workshop) {
    Card c;
    c.id = id;
    c.slug = "p" + std::to_string(id);
    c.category = cat;
    c.metal = metal;
    c.purity = purity;
    c.colour = "yellow";
    c.price = price;
    if (!stone.empty()) c.stone_kinds = {stone};
    c.origins = origins;
    c.in_stock = stock;
    c.made_to_order = !stock;
    c.workshop_slug = workshop;
    c.popularity = static_cast<int>(id * 7 % 5);
    return c;
  };
  s.cards = {card(1, "ring", "gold", 585, 250000, "diamond", 1, true, "a"),
             card(2, "ring", "gold", 750, 900000, "diamond", 2, false, "b"),
             card(3, "ring", "silver", 925, 50000, "", 0, true, "a"),
             card(4, "necklace", "gold", 585, 400000, "pearl", 1, true, "b"),
             card(5, "earrings", "platinum", 950, 1500000, "sapphire", 1, true, "a")};
  for (size_t i = 0; i < s.cards.size(); ++i) {
    s.by_slug[s.cards[i].slug] = i;
    s.by_id[s.cards[i].id] = i;
  }
  return s;
}

long long facet_count(const Listing& l, const std::string& facet, const std::string& value) {
  for (const auto& f : l.facets)
    if (f.name == facet)
      for (const auto& v : f.values)
        if (v.value == value) return v.count;
  return -1;
}

}  // namespace

TEST(Listing, FiltersAndDisjunctiveFacetCounts) {
  auto s = sample();
  ListingQuery q;
  q.category = "ring";
  q.metal = "gold";
  auto l = run_listing(s, q);
  EXPECT_EQ(l.total, 2);
  // Category counts ignore the category filter but keep metal=gold.
  EXPECT_EQ(facet_count(l, "category", "ring"), 2);
  EXPECT_EQ(facet_count(l, "category", "necklace"), 1);
  EXPECT_EQ(facet_count(l, "category", "earrings"), 0);
  // Metal counts ignore metal but keep category=ring.
  EXPECT_EQ(facet_count(l, "metal", "silver"), 1);
  EXPECT_EQ(facet_count(l, "origin", "lab_grown"), 1);
  EXPECT_EQ(facet_count(l, "availability", "made_to_order"), 1);
}

TEST(Listing, PriceStockSortAndPages) {
  auto s = sample();
  ListingQuery q;
  q.price_min = 100000;
  q.price_max = 1000000;
  q.sort = Sort::price_desc;
  auto l = run_listing(s, q);
  ASSERT_EQ(l.total, 3);
  EXPECT_EQ(l.cards[0]->id, 2);
  EXPECT_EQ(l.cards[2]->id, 1);
  q = {};
  q.per_page = 2;
  q.page = 3;
  l = run_listing(s, q);
  EXPECT_EQ(l.pages, 3);
  ASSERT_EQ(l.cards.size(), 1u);
  q.page = 9;
  EXPECT_TRUE(run_listing(s, q).cards.empty());
}

TEST(Listing, SearchIdsRestrictAndOrder) {
  auto s = sample();
  ListingQuery q;
  q.ids = std::vector<long long>{4, 1, 99};
  auto l = run_listing(s, q);
  ASSERT_EQ(l.total, 2);
  EXPECT_EQ(l.cards[0]->id, 4);
  EXPECT_EQ(l.cards[1]->id, 1);
}

// Patched cards take their places in the listing's order (newest first, then the higher id); the base is
// left as it was; the maps and the index follow.
TEST(Listing, APatchedSnapshotKeepsTheListingsOrder) {
  const auto dated = [](long long id, const std::string& published, const std::string& category) {
    Card c;
    c.id = id;
    c.slug = "p" + std::to_string(id);
    c.category = category;
    c.published_at = published;
    return c;
  };
  Snapshot base;
  base.cards = {dated(5, "2026-11-24", "ring"), dated(3, "2026-11-24", "ring"),
                dated(1, "2026-11-20", "ring")};
  base.workshops = {Workshop{.id = 9, .slug = "w"}};
  index_snapshot(base);
  const auto s = patched(
      base, {3, 1, 7},
      {dated(1, "2026-11-26", "ring"), dated(4, "2026-11-24", "brooch"), dated(3, "2026-11-24", "necklace")});
  std::vector<long long> order;
  for (const auto& c : s.cards) order.push_back(c.id);
  EXPECT_EQ(order, (std::vector<long long>{1, 5, 4, 3}));
  EXPECT_EQ(s.by_id.at(4), 2u);
  EXPECT_EQ(s.by_slug.at("p3"), 3u);
  EXPECT_EQ(s.cards[3].category, "necklace");
  EXPECT_EQ(s.index.vocab[at(Dim::category)], (std::vector<std::string>{"ring", "brooch", "necklace"}));
  EXPECT_EQ(s.workshops.size(), 1u);
  EXPECT_EQ(base.cards.size(), 3u);
  EXPECT_EQ(base.cards[1].category, "ring");
}

TEST(ListingQuery, ParsesAndRejectsAbsurdValues) {
  MapFields f;
  f.m = {{"category", "ring"}, {"price_min", "1000"}, {"page", "2"}, {"sort", "price_asc"}};
  auto q = parse_listing_query(f);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->page, 2);
  EXPECT_EQ(listing_query_string(*q, 3), "?category=ring&price_min=1000&sort=price_asc&page=3");
  for (auto [key, value] : std::vector<std::pair<std::string, std::string>>{{"price_min", "-5"},
                                                                            {"page", "1000000000"},
                                                                            {"category", "spaceship"},
                                                                            {"purity", "abc"},
                                                                            {"sort", "x"}}) {
    MapFields bad;
    bad.m = {{key, value}};
    auto r = parse_listing_query(bad);
    ASSERT_FALSE(r.ok()) << key;
    EXPECT_EQ(r.error().field, key);
  }
  // A search counts characters: 200 Korean syllables (600 bytes) are a search, 201 are not.
  MapFields long_search;
  for (int i = 0; i < 200; ++i) long_search.m["q"] += "반";
  EXPECT_TRUE(parse_listing_query(long_search).ok());
  long_search.m["q"] += "지";
  EXPECT_EQ(parse_listing_query(long_search).error().field, "q");
  MapFields inverted;
  inverted.m = {{"price_min", "500"}, {"price_max", "100"}};
  EXPECT_EQ(parse_listing_query(inverted).error().field, "price_min");
}

}  // namespace brilliant::catalog
