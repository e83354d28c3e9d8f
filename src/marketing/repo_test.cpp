// The recommendation counts' SQL (repo.cpp) on a real database.
#include "marketing/repo.hpp"

#include <soci/soci.h>

#include "orders/testing.hpp"

namespace brilliant::marketing {
namespace {

class RepoTest : public orders::OrdersFixture {
 protected:
  long long id(const std::string& slug) { return catalog.product(slug)->id; }
  std::map<std::pair<long long, long long>, float> stored(Signal signal) {
    std::map<std::pair<long long, long long>, float> out;
    db->read([&](soci::session& sql) {
      repo::load_counts(sql, [&](Signal s, const Pair& p) {
        if (s == signal) out[{p.a, p.b}] = p.count;
      });
    });
    return out;
  }
};

TEST_F(RepoTest, CountsAddUpPerSignalAndSkipDeletedPieces) {
  const long long ring = id("moon-ring"), chain = id("sun-chain");
  EXPECT_FALSE(db->read([](soci::session& sql) { return repo::any_counts(sql, Signal::view); }));
  db->write([&](soci::session& sql) { repo::add_counts(sql, Signal::purchase, {{{ring, ring}, 1}}); });
  EXPECT_FALSE(
      db->read([](soci::session& sql) { return repo::any_counts(sql, Signal::view); }));  // views only
  db->write([&](soci::session& sql) {
    repo::add_counts(sql, Signal::view, {{{ring, chain}, 2}, {{ring, ring}, 3}, {{ring, 999999}, 5}});
    repo::add_counts(sql, Signal::view, {{{ring, chain}, 1}});
    repo::add_counts(sql, Signal::purchase, {{{ring, chain}, 4}});
  });
  EXPECT_TRUE(db->read([](soci::session& sql) { return repo::any_counts(sql, Signal::view); }));
  auto views = stored(Signal::view);
  EXPECT_EQ(views.size(), 2u);  // the pair with a piece that does not exist was left out
  EXPECT_FLOAT_EQ((views[{ring, chain}]), 3);
  EXPECT_FLOAT_EQ((views[{ring, ring}]), 3);
  EXPECT_FLOAT_EQ((stored(Signal::purchase)[{ring, chain}]), 4);
  EXPECT_FLOAT_EQ((stored(Signal::purchase)[{ring, ring}]), 1);
}

TEST_F(RepoTest, PurchasedIsWhatPaidOrdersHeldNewestFirst) {
  auto first = one_ring_order("key-first-order");
  ASSERT_TRUE(orders.mark_paid(first.number, 2));
  auto token = carts.add("", 1, {.variant_id = variant["sun-chain"], .quantity = 1})->token;
  auto second = orders.place(checkout(token, "key-second-order"));
  ASSERT_TRUE(second);
  auto unpaid_token = carts.add("", 1, {.variant_id = variant["sun-cuff"], .quantity = 1})->token;
  ASSERT_TRUE(orders.place(checkout(unpaid_token, "key-third-order")));  // awaiting payment: not counted
  auto bought = db->read([](soci::session& sql) { return repo::purchased(sql, 1); });
  EXPECT_EQ(bought, std::vector<long long>{id("moon-ring")});
  ASSERT_TRUE(orders.mark_paid(second->number, 2));
  bought = db->read([](soci::session& sql) { return repo::purchased(sql, 1); });
  EXPECT_EQ(bought, (std::vector<long long>{id("sun-chain"), id("moon-ring")}));
  bought = db->read([&](soci::session& sql) { return repo::purchased(sql, 1, second->id); });
  EXPECT_EQ(bought, std::vector<long long>{id("moon-ring")});
  EXPECT_TRUE(db->read([](soci::session& sql) { return repo::purchased(sql, 2); }).empty());
}

}  // namespace
}  // namespace brilliant::marketing
