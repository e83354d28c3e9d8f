#include "catalog/service.hpp"

#include <gtest/gtest.h>

#include "catalog/repo.hpp"
#include "db/testing.hpp"

namespace brilliant::catalog {

class CatalogServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, name_en, created_at, updated_at) VALUES ('w', '익산 공방', "
           "'Iksan Atelier', 'x', 'x')";
    });
    workshop = {1, "w", "익산 공방", "Iksan Atelier"};
  }
  Product ring(const std::string& slug) {
    Product p;
    p.workshop_id = 1;
    p.slug = slug;
    p.status = catalog::ProductStatus::published;
    p.published_at = "2026-11-25T00:00:00Z";
    p.category = "ring";
    p.title_ko = "달빛 반지";
    p.title_en = "Moonlight Ring";
    p.metal = "gold";
    p.purity = 585;
    p.weight_mg = 2000;
    p.labour_fee = 50000;
    p.stones.push_back({"pearl", "natural", 1});
    p.variants.push_back({0, slug + "-13", 0, 520, 0, "", 0, 2, 0});
    return p;
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{}};
  Catalog catalog{*db, clock,
                  [](const std::string& locale, const std::string& key) { return locale + ":" + key; }};
  Workshop workshop;
};

TEST_F(CatalogServiceTest, SearchTextHoldsBothLanguages) {
  auto text = catalog.search_text(ring("moon-ring"), workshop);
  EXPECT_NE(text.find("달빛 반지"), std::string::npos);
  EXPECT_NE(text.find("moonlight ring"), std::string::npos);  // lower-cased
  EXPECT_NE(text.find("ko:catalog.stone.pearl"), std::string::npos);
  EXPECT_NE(text.find("en:catalog.category.ring"), std::string::npos);
  EXPECT_NE(text.find("iksan atelier"), std::string::npos);
  EXPECT_NE(text.find("14k"), std::string::npos);
}

TEST_F(CatalogServiceTest, CreateManyIsAllOrNothing) {
  auto first = catalog.create(ring("moon-ring"), workshop);
  ASSERT_TRUE(first.ok());
  auto batch = catalog.create_many({ring("sun-ring"), ring("moon-ring")}, {workshop, workshop});
  ASSERT_FALSE(batch.ok());
  EXPECT_EQ(batch.error().code, "slug_taken");
  EXPECT_FALSE(catalog.product("sun-ring").has_value());  // rolled back with the failing one
  catalog.refresh();
  EXPECT_EQ(catalog.snapshot()->cards.size(), 1u);
  EXPECT_EQ(catalog.search("moonlight").size(), 1u);
  EXPECT_EQ(catalog.workshop_by_id(1).name_en, "Iksan Atelier");
}

TEST_F(CatalogServiceTest, AStockChangeFlipsOnlyTheInStockFlag) {
  ASSERT_TRUE(catalog.create(ring("moon-ring"), workshop).ok());
  ASSERT_TRUE(catalog.create(ring("sun-ring"), workshop).ok());
  catalog.refresh();
  int told = 0;
  catalog.on_change([&] { ++told; });
  const auto id = catalog.product("moon-ring")->id;
  const auto before = catalog.snapshot();
  std::vector<std::string> heard;
  catalog.on_stock_change([&](const std::vector<std::string>& slugs) { heard = slugs; });
  catalog.stock_changed({id}, {id});  // still in stock: only the piece's own pages change
  EXPECT_EQ(catalog.snapshot(), before);
  EXPECT_EQ(told, 0);
  EXPECT_EQ(heard, std::vector<std::string>{"moon-ring"});
  heard.clear();
  catalog.stock_changed({id}, {});  // nothing sold out: no flag is read, the page still hears
  EXPECT_EQ(heard, std::vector<std::string>{"moon-ring"});
  db->write(
      [&](soci::session& s) { s << "UPDATE variants SET stock = 0 WHERE product_id = :p", soci::use(id); });
  catalog.stock_changed({id}, {id});
  auto after = catalog.snapshot();
  EXPECT_EQ(told, 1);
  EXPECT_GT(after->version, before->version);
  EXPECT_FALSE(after->cards[after->by_id.at(id)].in_stock);
  EXPECT_TRUE(before->cards[before->by_id.at(id)].in_stock);  // readers keep the one they took
  ListingQuery in_stock;
  in_stock.availability = "in_stock";
  EXPECT_EQ(run_listing(*after, in_stock).total, 1);  // only the sun ring
}

// A product kept for the cart is not read again until the catalog hears of a change (its stock, or a
// refresh), as the page cache works; a variant finds its product the same way; product() reads afresh.
TEST_F(CatalogServiceTest, AProductIsKeptUntilItsStockOrTheCatalogChanges) {
  auto id = catalog.create(ring("moon-ring"), workshop);
  ASSERT_TRUE(id.ok());
  auto first = catalog.kept_product("moon-ring");
  ASSERT_TRUE(first.has_value());
  ASSERT_EQ(first->variants.size(), 1u);
  const long long variant = first->variants.front().id;
  EXPECT_EQ(first->variants.front().stock, 2);
  auto set_stock = [&](int stock) {
    db->write([&](soci::session& s) { s << "UPDATE variants SET stock = :s", soci::use(stock); });
  };
  set_stock(1);
  EXPECT_EQ(catalog.kept_product("moon-ring")->variants.front().stock, 2);  // kept
  EXPECT_EQ(catalog.product_of_variant(variant)->variants.front().stock, 2);
  EXPECT_EQ(catalog.product("moon-ring")->variants.front().stock, 1);  // as stored
  catalog.stock_changed({*id}, {});
  EXPECT_EQ(catalog.kept_product("moon-ring")->variants.front().stock, 1);
  set_stock(0);
  catalog.refresh();
  EXPECT_EQ(catalog.product_of_variant(variant)->variants.front().stock, 0);
  EXPECT_FALSE(catalog.product_of_variant(variant + 1000).has_value());
  EXPECT_FALSE(catalog.kept_product("no-such-ring").has_value());
}

// A stock change reads back only the kept product's counts and keeps it again: the rest of it is not read
// (a title changed behind the catalog's back stays as kept), the counts are the database's.
TEST_F(CatalogServiceTest, AStockChangeKeepsTheProductWithItsNewCounts) {
  auto id = catalog.create(ring("moon-ring"), workshop);
  ASSERT_TRUE(id.ok());
  catalog.refresh();  // listed: found through the snapshot (the test above finds an unlisted one)
  ASSERT_TRUE(catalog.snapshot()->by_id.contains(*id));
  ASSERT_EQ(catalog.kept_product("moon-ring")->variants.front().stock, 2);
  db->write([&](soci::session& s) { s << "UPDATE variants SET stock = 1"; });
  db->write([&](soci::session& s) { s << "UPDATE products SET title_en = 'Renamed'"; });
  catalog.stock_changed({*id}, {*id});
  auto kept = catalog.kept_product("moon-ring");
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->variants.front().stock, 1);
  EXPECT_NE(kept->title_en, "Renamed");     // kept again, not read whole
  catalog.stock_changed({*id + 1000}, {});  // another piece's change leaves it kept
  EXPECT_NE(catalog.kept_product("moon-ring")->title_en, "Renamed");
  catalog.refresh();
  EXPECT_EQ(catalog.kept_product("moon-ring")->title_en, "Renamed");
}

// An order's own counts: the kept copy takes them with no read at all (the database here says otherwise,
// and it is not asked), the lower of two orders' counts stands whichever comes last, and after kept
// products were let go (a restock) since the order began, the counts are read back instead.
TEST_F(CatalogServiceTest, AnOrdersCountsAreKeptWithoutARead) {
  auto id = catalog.create(ring("moon-ring"), workshop);
  ASSERT_TRUE(id.ok());
  catalog.refresh();
  const long long variant = catalog.kept_product("moon-ring")->variants.front().id;
  const auto stock = [&] { return catalog.kept_product("moon-ring")->variants.front().stock; };
  ASSERT_EQ(stock(), 2);
  std::vector<std::string> heard;
  catalog.on_stock_change([&](const std::vector<std::string>& slugs) { heard = slugs; });
  db->write([&](soci::session& s) { s << "UPDATE variants SET stock = 7"; });  // not what the orders left
  const long long first = catalog.stock_epoch(), second = catalog.stock_epoch();
  catalog.stock_sold({*id}, {}, {{variant, 0}}, second);  // the later order's count arrives first
  EXPECT_EQ(stock(), 0);
  EXPECT_EQ(heard, std::vector<std::string>{"moon-ring"});  // its page still hears of it
  catalog.stock_sold({*id}, {}, {{variant, 1}}, first);
  EXPECT_EQ(stock(), 0);  // the lower stands
  const long long before_restock = catalog.stock_epoch();
  catalog.stock_changed({*id}, {*id});  // a restock's change: the database's counts are read back
  EXPECT_EQ(stock(), 7);
  db->write([&](soci::session& s) { s << "UPDATE variants SET stock = 5"; });
  catalog.stock_sold({*id}, {}, {{variant, 6}}, before_restock);  // began before it: read back, not taken
  EXPECT_EQ(stock(), 5);
}

TEST_F(CatalogServiceTest, RefreshTellsListeners) {
  int told = 0;
  catalog.on_change([&] { ++told; });
  catalog.refresh();
  catalog.refresh();
  EXPECT_EQ(told, 2);
  EXPECT_EQ(catalog.snapshot()->version, 2);
}

// A few pieces refreshed: the snapshot patched with their cards is what a whole reload reads, however
// they changed (edited, unlisted, newly listed, created), and listeners and other nodes hear of them.
TEST_F(CatalogServiceTest, RefreshingAFewPiecesReadsWhatAWholeReloadWould) {
  const auto piece = [&](const std::string& slug, const std::string& published, const char* category) {
    auto p = ring(slug);
    p.published_at = published;
    p.category = category;
    auto id = catalog.create(p, workshop);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  };
  const long long a = piece("piece-a", "2026-11-20T00:00:00Z", "ring"),
                  b = piece("piece-b", "2026-11-22T00:00:00Z", "ring"),
                  c = piece("piece-c", "2026-11-24T00:00:00Z", "ring"),
                  d = piece("piece-d", "2026-11-24T00:00:00Z", "ring");
  db->write(
      [&](soci::session& s) { s << "UPDATE products SET status = 'in_review' WHERE id = :d", soci::use(d); });
  catalog.refresh();
  ASSERT_EQ(catalog.snapshot()->cards.size(), 3u);
  std::vector<long long> relayed;
  catalog.relay_to({.refreshed = [] { ADD_FAILURE() << "the whole catalog relayed"; },
                    .pieces = [&](const std::vector<long long>& ids) { relayed = ids; }});
  int told = 0;
  catalog.on_change([&] { ++told; });
  const long long e =
      piece("piece-e", "2026-11-21T00:00:00Z", "necklace");  // created: listed between a and b
  db->write([&](soci::session& s) {
    s << "UPDATE products SET title_en = 'Changed', price = 1 WHERE id = :b", soci::use(b);
    s << "INSERT INTO product_stones (product_id, kind, origin) VALUES (:b, 'ruby', 'lab_grown')",
        soci::use(b);
    s << "UPDATE products SET status = 'archived' WHERE id = :c", soci::use(c);   // no longer listed
    s << "UPDATE products SET status = 'published' WHERE id = :d", soci::use(d);  // c's date, a higher id
  });
  catalog.refresh_pieces({b, c, d, e});
  const auto patched = catalog.snapshot();
  const auto whole = db->read([](soci::session& s) { return repo::load_snapshot(s); });
  EXPECT_EQ(patched->cards, whole.cards);
  std::vector<long long> order;
  for (const auto& card : patched->cards) order.push_back(card.id);
  EXPECT_EQ(order, (std::vector<long long>{d, b, e, a}));
  EXPECT_EQ(patched->cards[patched->by_id.at(b)].title_en, "Changed");
  EXPECT_EQ(patched->by_slug.at("piece-a"), 3u);
  EXPECT_FALSE(patched->by_id.count(c));
  for (size_t dim = 0; dim < interned_dims; ++dim)
    EXPECT_EQ(patched->index.vocab[dim], whole.index.vocab[dim]);
  EXPECT_EQ(patched->index.stones, whole.index.stones);
  ASSERT_EQ(patched->index.codes.size(), whole.index.codes.size());
  for (size_t i = 0; i < whole.index.codes.size(); ++i) {
    EXPECT_EQ(patched->index.codes[i].stones, whole.index.codes[i].stones);
    for (size_t dim = 0; dim < interned_dims; ++dim)
      EXPECT_EQ(patched->index.codes[i].v[dim], whole.index.codes[i].v[dim]);
  }
  EXPECT_EQ(relayed, (std::vector<long long>{b, c, d, e}));
  EXPECT_EQ(told, 1);
}

// A patch builds the search words again when a piece's title changed (a misspelt search finds the new word)
// and keeps them when only its price did.
TEST_F(CatalogServiceTest, APatchKeepsTheSearchWordsWhileThePiecesTitlesDo) {
  auto p = ring("piece-w");
  p.title_en = "Plain band";
  auto id = catalog.create(p, workshop);
  ASSERT_TRUE(id.ok()) << id.error().message;
  catalog.refresh();
  EXPECT_EQ(catalog.search_words("aurorra"), "aurorra");  // no word near it yet
  EXPECT_EQ(catalog.search_words("plainn"), "plain");
  const auto edit = [&](const std::string& set) {
    db->write(
        [&](soci::session& s) { s << "UPDATE products SET " + set + " WHERE id = :p", soci::use(*id); });
    catalog.refresh_pieces({*id});
  };
  edit("price = 2");
  EXPECT_EQ(catalog.search_words("plainn"), "plain");
  edit("title_en = 'Aurora band'");
  EXPECT_EQ(catalog.search_words("aurorra"), "aurora");
}

}  // namespace brilliant::catalog
