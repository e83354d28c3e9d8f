// The money loop's demo (seed_money.cpp) through the whole app on a fresh SQLite database: a confirmed
// order credited to its workshop, a returned one refunded by transfer, one exchanged for another size with
// its replacement parcel to ship (what the packing station packs for it), last month closed and paid, and
// nothing again on a second start.
#include "app/seed_money.hpp"

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"

namespace brilliant::app {

TEST(SeedMoney, AConfirmedOrderARefundedReturnAndAClosedPaidMonthOnce) {
  SystemClock clock;  // the demo closes the month before the app clock's, as at make run's first start
  {
    TempApp temp(clock, "seed-money");
    App& app = *temp;
    seed_demo(app, 40);
    const auto periods = app.ledger().periods();
    ASSERT_EQ(periods.size(), 1u);
    EXPECT_FALSE(periods[0].paid_at.empty());
    ASSERT_FALSE(periods[0].statements.empty());
    EXPECT_GT(periods[0].total, 0);
    int refunded = 0, confirmed = 0, exchanged = 0, replacements = 0, on_its_way = 0;
    for (const auto& o : app.orders().recent("", "", 5000)) {
      if (o.customer_email.ends_with("@customers.brilliant.example")) continue;  // the marketing demo's
      for (const auto& r : app.returns().of_order(o.id)) {
        refunded += r.status == "refunded";
        exchanged += r.status == "exchanged";
        on_its_way += r.status == "shipped_back";
      }
      for (const auto& f : o.fulfilments) {
        confirmed += f.status == orders::ParcelStatus::confirmed;
        replacements += f.replaces_return_id && f.status == orders::ParcelStatus::to_ship;
      }
    }
    EXPECT_EQ(refunded, 1);
    EXPECT_EQ(exchanged, 1);
    EXPECT_EQ(replacements, 1);  // the exchange's new size, waiting for its workshop
    EXPECT_EQ(on_its_way, 1);    // a return the studio expects back
    EXPECT_EQ(app.studio().returns_on_the_way().size(), 1u);
    EXPECT_EQ(confirmed, 2);  // this month's and last month's
    seed_money(app, "shopper@brilliant.example", "operator@brilliant.example");
    EXPECT_EQ(app.ledger().periods().size(), 1u);  // not twice
  }
}

}  // namespace brilliant::app
