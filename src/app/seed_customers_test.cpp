// The demo customers (seed_customers.cpp): accounts with paid orders, views, segments and a finished
// campaign whose results add up; once.
#include "app/seed_customers.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"
#include "db/database.hpp"
#include "marketing/customer_repo.hpp"

namespace brilliant::app {

TEST(SeedCustomers, AYearOfCustomersAndAFinishedCampaignOnce) {
  SystemClock clock;
  TempApp temp(clock, "seed-customers");
  App& app = *temp;
  seed_demo(app, 20);  // seeds the customers too
  const auto customers =
      app.database().read([](soci::session& sql) { return marketing::repo::load_customers(sql); });
  int buyers = 0, agreed = 0, lookers = 0;
  for (const auto& c : customers) {
    buyers += !c.paid_at.empty();
    agreed += c.marketing;
    lookers += !c.viewed.empty();
  }
  EXPECT_GT(lookers, 100);  // six in ten looked at pieces lately
  EXPECT_GE(customers.size(), 240u);
  EXPECT_GT(buyers, 120);
  EXPECT_GT(agreed, 120);
  const auto campaigns = app.campaigns().list();
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_EQ(campaigns[0].status, "sent");
  EXPECT_TRUE(campaigns[0].ab());
  const auto r = app.campaigns().results(campaigns[0].id);
  EXPECT_EQ(r.a.sent + r.b.sent, campaigns[0].recipients);
  EXPECT_GT(r.a.opened + r.b.opened, r.a.clicked + r.b.clicked);
  EXPECT_GT(r.a.orders + r.b.orders, 0);
  EXPECT_EQ(app.campaigns().segments().size(), 4u);
  // Every demo line was sold under the brand's rate (15 %), as the workshops' statements show it.
  const auto [lines, uncharged] = app.database().read([](soci::session& sql) {
    int all = 0, none = 0;
    sql << "SELECT COUNT(*), SUM(CASE WHEN commission_bp = 0 THEN 1 ELSE 0 END) FROM order_lines",
        soci::into(all), soci::into(none);
    return std::pair{all, none};
  });
  EXPECT_GT(lines, 120);
  EXPECT_EQ(uncharged, 0);
  // Each line names its option as a placed order does ("기본 · BR-1" on the console, not "BR-1").
  const auto named = app.database().read([](soci::session& sql) {
    int n = 0;
    sql << "SELECT COUNT(*) FROM order_lines WHERE variant_ko <> '' AND variant_en <> ''", soci::into(n);
    return n;
  });
  EXPECT_EQ(named, lines);
  EXPECT_EQ(seed_customers(app, "operator@brilliant.example"), 0);  // not twice
}

}  // namespace brilliant::app
