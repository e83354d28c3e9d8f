// The demo's B2B (seed_b2b.cpp): an approved buyer, booth leads at the past fair, and quotes from it in
// each state, one of them ordered and paid; once.
#include "app/seed_b2b.hpp"

#include <gtest/gtest.h>

#include <set>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"

namespace brilliant::app {

TEST(SeedB2b, AnApprovedBuyerLeadsAndQuotesInEachStateOnce) {
  SystemClock clock;
  TempApp temp(clock, "seed-b2b");
  App& app = *temp;
  seed_demo(app, 24);  // seeds B2B too
  const auto buyer = demo_user_id(app, "buyer@brilliant.example");
  ASSERT_GT(buyer, 0);
  EXPECT_EQ(app.b2b().application(buyer)->status, "approved");
  const auto quotes = app.b2b().of_buyer(buyer);
  std::set<std::string> states;
  for (const auto& q : quotes) states.insert(q.status);
  EXPECT_EQ(states, (std::set<std::string>{"ordered", "accepted", "sent", "draft"}));
  for (const auto& q : quotes) {
    EXPECT_EQ(q.exhibition_slug, "hong-kong-jewellery-fair");
    if (q.status != "ordered") continue;
    const auto order = app.b2b().order_of(q);
    ASSERT_TRUE(order);
    EXPECT_EQ(order->status, orders::OrderStatus::paid);
    EXPECT_EQ(order->subtotal, q.unit_price * q.quantity);
  }
  const auto fair = app.exhibitions().find("hong-kong-jewellery-fair").value();
  EXPECT_EQ(app.leads().of(fair.id).size(), 5u);
  const auto results = app.exhibitions().results(fair);
  EXPECT_EQ(results.items_sent, 2);
  EXPECT_EQ(results.items_sold, 1);
  EXPECT_EQ(results.items_back, 1);
  EXPECT_EQ(results.quotes, 4);
  EXPECT_EQ(results.orders, 1);
  EXPECT_EQ(seed_b2b(app, "buyer@brilliant.example", "operator@brilliant.example"), 0);
}

}  // namespace brilliant::app
