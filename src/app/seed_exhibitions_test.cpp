// The demo exhibitions (seed_exhibitions.cpp): a past fair abroad where two workshops showed pieces with
// wholesale prices and machine-drafted Chinese and Japanese names, an upcoming one the demo workshop applied
// to, the rates the line sheets need; once.
#include "app/seed_exhibitions.hpp"

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"

namespace brilliant::app {

TEST(SeedExhibitions, APastFairAbroadAndAnUpcomingOneOnce) {
  SystemClock clock;
  TempApp temp(clock, "seed-exhibitions");
  App& app = *temp;
  seed_demo(app, 24);  // seeds the exhibitions too
  auto& x = app.exhibitions();
  const auto all = x.all();
  ASSERT_EQ(all.size(), 2u);
  const auto past = x.find("hong-kong-jewellery-fair").value();
  EXPECT_LT(past.info.ends_on, format_seoul(clock.now()).substr(0, 10));
  const auto people = x.participants(past.id);
  ASSERT_EQ(people.size(), 2u);
  for (const auto& p : people) EXPECT_EQ(p.state, "selected");
  const auto pieces = x.pieces(past.id);
  ASSERT_FALSE(pieces.empty());
  EXPECT_GT(pieces[0].wholesale_price, 0);
  const auto t = x.translations({pieces[0].product_id});
  ASSERT_EQ(t.size(), 2u);
  EXPECT_TRUE((t.at({pieces[0].product_id, "zh"}).machine_draft));
  const auto next = x.find("bangkok-gems-fair").value();
  EXPECT_EQ(x.participants(next.id).at(0).state, "applied");
  bool hkd = false;
  for (const auto& r : app.quotes().rates()) hkd = hkd || r.code == "HKD";
  EXPECT_TRUE(hkd);
  EXPECT_EQ(seed_exhibitions(app), 0);
}

}  // namespace brilliant::app
