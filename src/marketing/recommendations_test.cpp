// The recommendations service (recommendations.cpp) with a real database and catalog: counts reach the
// model at once and the database in batches, come back after a restart, and paid orders pair with the
// shopper's earlier purchases; batches told to other nodes are learnt there, or read again after a
// resync.
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

// Several nodes: each batch one writes is handed to its relay (the app publishes it), and another node
// that hears it learns it without writing it again; a node that has not loaded yet loads it instead.
TEST_F(RecommendationsTest, ABatchWrittenOnOneNodeIsLearntOnAnother) {
  Recommendations one(*db, catalog, clock, 1), two(*db, catalog, clock);
  std::vector<std::string> told;
  one.relay_to([&](Signal signal, const repo::Counts& counts) {
    for (auto& text : counts_notices(signal, counts)) told.push_back(std::move(text));
  });
  EXPECT_TRUE(two.strongest(Signal::view, 1).empty());  // loaded now: nothing stored yet
  one.viewed(id("sun-chain"), {id("moon-ring")});
  ASSERT_EQ(told.size(), 1u);  // the chain's own count and the pair, in one notice
  one.viewed(id("sun-chain"), {id("moon-ring")});
  ASSERT_EQ(told.size(), 2u);
  EXPECT_EQ(stored_pairs(), 1);
  for (const auto& text : told) {
    auto heard = parse_counts_notice(text);
    ASSERT_TRUE(heard) << text;
    two.heard(heard->first, heard->second);
  }
  auto list = two.also_like(id("moon-ring"), 4);
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0].id, id("sun-chain"));
  EXPECT_EQ(list[0].reason, Reason::viewed_together);
  EXPECT_EQ(stored_pairs(), 1);  // heard, not written again
  two.flush();
  EXPECT_EQ(stored_pairs(), 1);

  // A node that has not loaded the stored counts yet ignores what it hears; its load holds the batch.
  Recommendations late(*db, catalog, clock);
  auto heard = parse_counts_notice(told.front());
  late.heard(heard->first, heard->second);
  auto strongest = late.strongest(Signal::view, 1);
  ASSERT_EQ(strongest.size(), 1u);
  EXPECT_EQ(strongest[0].count, 2.0f);
  EXPECT_EQ(two.strongest(Signal::view, 1)[0].count, 2.0f);

  // Purchases are written and told at once; after relay_to(nullptr), nothing is told.
  one.paid(0, 0, {id("moon-ring"), id("sun-cuff")});
  ASSERT_EQ(told.size(), 3u);
  EXPECT_EQ(told.back().rfind("purchase ", 0), 0u) << told.back();
  one.relay_to(nullptr);
  one.viewed(id("sun-cuff"), {id("moon-ring")});
  EXPECT_EQ(told.size(), 3u);
}

// A node whose listener was down missed the batches told meanwhile: a resync reads the stored counts
// again and keeps what it counted itself and has not written yet.
TEST_F(RecommendationsTest, AResyncReadsTheBatchesANodeDidNotHear) {
  Recommendations one(*db, catalog, clock, 1), two(*db, catalog, clock, 100);
  const long long ring = id("moon-ring"), chain = id("sun-chain"), cuff = id("sun-cuff");
  EXPECT_TRUE(two.strongest(Signal::view, 5).empty());  // loaded now: nothing stored yet
  two.viewed(cuff, {ring});                             // pending on two (its batch is 100)
  one.viewed(chain, {ring});                            // written at once; two never hears it
  one.viewed(chain, {ring});
  ASSERT_EQ(two.strongest(Signal::view, 5).size(), 1u);
  two.resync();
  const auto strongest = two.strongest(Signal::view, 5);
  ASSERT_EQ(strongest.size(), 2u);
  EXPECT_EQ(strongest[0].a, std::min(ring, chain));
  EXPECT_EQ(strongest[0].b, std::max(ring, chain));
  EXPECT_EQ(strongest[0].count, 2.0f);  // one's batches, read from the database
  EXPECT_EQ(strongest[1].a, std::min(ring, cuff));
  EXPECT_EQ(strongest[1].count, 1.0f);  // two's own unwritten count, kept
  EXPECT_EQ(stored_pairs(), 1);         // the resync wrote nothing
  two.flush();
  EXPECT_EQ(stored_pairs(), 2);
  two.resync();  // and read again, nothing is counted twice
  EXPECT_EQ(two.strongest(Signal::view, 5)[1].count, 1.0f);
}

TEST(CountsNotices, AreCutToFitANoticeAndReadBackWhole) {
  repo::Counts counts;
  for (long long a = 1; a <= 1500; ++a) counts[{a, a + 100000}] = a % 7 + 1;
  const auto texts = counts_notices(Signal::purchase, counts, 7000);
  ASSERT_GE(texts.size(), 3u);  // about 20,000 bytes
  repo::Counts back;
  for (const auto& text : texts) {
    EXPECT_LE(text.size(), 7000u);
    auto heard = parse_counts_notice(text);
    ASSERT_TRUE(heard) << text.substr(0, 80);
    EXPECT_EQ(heard->first, Signal::purchase);
    for (const auto& p : heard->second) back[{p.a, p.b}] += static_cast<long long>(p.count);
  }
  EXPECT_EQ(back, counts);
  EXPECT_TRUE(counts_notices(Signal::view, {}).empty());
}

TEST(CountsNotices, AnythingElseIsNotOne) {
  for (const std::string bad : {"", "view", "view ", "hearts 1 2 3", "view 1 2", "view 2 1 1", "view 1 2 0",
                                "view 1 x 2", "view 1 2 3 4", "purchase x 1 2", "viewing 1 2 3"})
    EXPECT_FALSE(parse_counts_notice(bad)) << bad;
  auto one = parse_counts_notice("view 3 3 2 3 9 1");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->first, Signal::view);
  ASSERT_EQ(one->second.size(), 2u);
  EXPECT_EQ(one->second[1].a, 3);
  EXPECT_EQ(one->second[1].b, 9);
  EXPECT_EQ(one->second[0].count, 2.0f);
}

}  // namespace
}  // namespace brilliant::marketing
