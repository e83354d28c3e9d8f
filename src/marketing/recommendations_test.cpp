// The recommendations service (recommendations.cpp) with a real database and catalog: counts reach the
// model at once and the database in batches, come back after a restart, and paid orders pair with the
// shopper's earlier purchases.
#include "marketing/recommendations.hpp"

#include <soci/soci.h>

#include "marketing/routes.hpp"
#include "orders/testing.hpp"

namespace brilliant::marketing {
namespace {

class RecommendationsTest : public orders::OrdersFixture {
 protected:
  void SetUp() override {
    OrdersFixture::SetUp();
    // The cuff is a bracelet: another category, for "complete the look".
    db->write(
        [](soci::session& s) { s << "UPDATE products SET category = 'bracelet' WHERE slug = 'sun-cuff'"; });
    catalog.refresh();
  }
  long long id(const std::string& slug) { return catalog.product(slug)->id; }
  long long stored_pairs() {
    return db->read([](soci::session& sql) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM co_counts WHERE product_a <> product_b", soci::into(n);
      return n;
    });
  }
};

TEST_F(RecommendationsTest, ViewsTeachAtOnceAndAreWrittenInBatches) {
  Recommendations recs(*db, catalog, clock, 5);
  const long long ring = id("moon-ring"), chain = id("sun-chain");
  recs.viewed(chain, {ring});
  recs.viewed(chain, {ring});
  EXPECT_EQ(stored_pairs(), 0);  // four counts pending (the chain's own and the pair, twice)
  auto list = recs.also_like(ring, 4);
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0].id, chain);
  EXPECT_EQ(list[0].reason, Reason::viewed_together);
  recs.viewed(ring, {chain});  // the batch of five is full
  EXPECT_EQ(stored_pairs(), 1);
}

TEST_F(RecommendationsTest, CountsComeBackAfterARestart) {
  const long long ring = id("moon-ring"), chain = id("sun-chain");
  {
    Recommendations recs(*db, catalog, clock);
    EXPECT_TRUE(recs.empty());
    for (int i = 0; i < 5; ++i) recs.viewed(chain, {ring});
  }  // flushed when it goes away
  Recommendations again(*db, catalog, clock);
  EXPECT_FALSE(again.empty());
  auto list = again.also_like(ring, 4);
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0].id, chain);
  EXPECT_EQ(list[0].reason, Reason::viewed_together);
}

TEST_F(RecommendationsTest, APaidOrderPairsWithTheShoppersEarlierPurchases) {
  Recommendations recs(*db, catalog, clock);
  orders.set_on_paid([&](const orders::Order& o) {
    std::vector<long long> products;
    for (const auto& l : o.lines) products.push_back(l.product_id);
    recs.paid(o.id, o.user_id, products);
  });
  auto first = one_ring_order("key-first-order");
  ASSERT_TRUE(orders.mark_paid(first.number, 2));
  auto token = carts.add("", 1, {.variant_id = variant["sun-cuff"], .quantity = 1})->token;
  auto second = orders.place(checkout(token, "key-second-order"));
  ASSERT_TRUE(second);
  ASSERT_TRUE(orders.mark_paid(second->number, 2));
  EXPECT_EQ(stored_pairs(), 1);  // purchases are written at once
  auto look = recs.complete_look(id("moon-ring"), 4);
  ASSERT_FALSE(look.empty());
  EXPECT_EQ(look[0].id, id("sun-cuff"));
  EXPECT_EQ(look[0].reason, Reason::bought_together);
  // For the shopper: never what they bought; for a stranger, the cuff may come.
  for (const auto& r : recs.personal({id("moon-ring")}, 1, 8)) {
    EXPECT_NE(r.id, id("moon-ring"));
    EXPECT_NE(r.id, id("sun-cuff"));
  }
  EXPECT_FALSE(recs.personal({id("moon-ring")}, 0, 8).empty());
}

TEST_F(RecommendationsTest, TheProductPagesRowsNameTheirReasons) {
  Recommendations recs(*db, catalog, clock);
  for (int i = 0; i < 3; ++i) recs.viewed(id("sun-chain"), {id("moon-ring")});
  auto rows = related_pieces(recs, id("moon-ring"));
  ASSERT_FALSE(rows.also_like.empty());
  EXPECT_LE(rows.also_like.size(), 4u);
  EXPECT_EQ(rows.also_like[0], (std::pair<long long, std::string>{id("sun-chain"), "viewed_together"}));
  ASSERT_EQ(rows.complete_look.size(), 1u);  // the cuff, the only other category
  EXPECT_EQ(rows.complete_look[0].first, id("sun-cuff"));
  EXPECT_EQ(rows.complete_look[0].second, "goes_with");
}

TEST_F(RecommendationsTest, AHistoryIsLearntAndStoredWhole) {
  Recommendations recs(*db, catalog, clock);
  const auto items = item_facts(*catalog.snapshot());
  ASSERT_EQ(items.size(), 3u);
  auto history = synthesize(items, {50, 30, 3, 5});
  recs.add_history(history);
  EXPECT_FALSE(recs.empty());
  EXPECT_GT(stored_pairs(), 0);
  EXPECT_GT(recs.stats().view_pairs, 0u);
  EXPECT_EQ(recs.stats().items, 3u);
}

}  // namespace
}  // namespace brilliant::marketing
