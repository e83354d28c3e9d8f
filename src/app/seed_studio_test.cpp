// The studio's demo (seed_studio.cpp) through the whole app on a fresh SQLite database: a dozen items,
// the demo shopper's one packed and one returned order with their evidence, and nothing again on a
// second start.
#include "app/seed_studio.hpp"

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"

namespace brilliant::app {

TEST(SeedStudio, ItemsAPackedOrderAndAReturnedOneOnce) {
  FixedClock clock{TimePoint{} + std::chrono::hours(24 * 365 * 57)};
  {
    TempApp temp(clock, "seed-studio");
    App& app = *temp;
    seed_demo(app, 40);
    EXPECT_EQ(app.studio().recent(50).size(), 12u);
    std::vector<orders::Order> orders;  // the studio's (the money loop's demo adds one of last month)
    for (const auto& o : app.orders().recent("", "", 5000))
      if (!app.studio().evidence(o.number).photos.empty()) orders.push_back(o);
    ASSERT_EQ(orders.size(), 2u);
    int returned = 0;
    for (const auto& o : orders) {
      const auto e = app.studio().evidence(o.number);
      EXPECT_EQ(e.photos.size() - (e.returns.empty() ? 0 : 2), 4u) << o.number;
      for (const auto& r : e.returns) {
        ++returned;
        EXPECT_EQ(r.decision, "accept");
        EXPECT_TRUE(r.match.match) << r.match.score << " weight " << r.match.weight_diff_cg << " "
                                   << r.match.views[0].distance << " " << r.match.views[1].distance;
      }
    }
    EXPECT_EQ(returned, 1);
    seed_studio(app,
                {"station@brilliant.example", "shopper@brilliant.example", "operator@brilliant.example"});
    EXPECT_EQ(app.studio().recent(50).size(), 12u);  // not twice
  }
}

}  // namespace brilliant::app
