#include "app/seed_catalog.hpp"

#include <gtest/gtest.h>

#include <set>

#include "db/testing.hpp"
#include "vendors/joining/application.hpp"

namespace brilliant::app {

TEST(SeedCatalog, TwelveWorkshopsPricedProductsAndOnlyOnce) {
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{}};
  catalog::Catalog catalog(*db, clock, [](const std::string&, const std::string& key) { return key; });
  pricing::Quotes quotes(*db, clock, [&] { catalog.refresh(); });
  EXPECT_EQ(seed_catalog(*db, catalog, quotes, clock, 40), 40);
  EXPECT_EQ(seed_catalog(*db, catalog, quotes, clock, 40), 0);  // not twice
  catalog.refresh();
  auto snap = catalog.snapshot();
  EXPECT_EQ(snap->workshops.size(), 12u);
  ASSERT_EQ(snap->cards.size(), 40u);
  for (const auto& c : snap->cards) {
    EXPECT_GT(c.price, 0) << c.slug;
    EXPECT_GT(c.image_id, 0) << c.slug;
    EXPECT_FALSE(c.title_ko.empty());
    EXPECT_FALSE(c.title_en.empty());
  }
  EXPECT_EQ(quotes.current().size(), 3u);
  EXPECT_EQ(quotes.rates().size(), 4u);
  // Seller particulars for every workshop, once, each with a registration number whose checksum holds.
  for (const auto& w : snap->workshops) EXPECT_FALSE(w.seller) << w.slug;
  EXPECT_EQ(seed_sellers(*db, clock), 12);
  EXPECT_EQ(seed_sellers(*db, clock), 0);
  catalog.refresh();
  for (const auto& w : catalog.snapshot()->workshops) {
    ASSERT_TRUE(w.seller) << w.slug;
    EXPECT_TRUE(vendors::check_registration_number(w.seller->registration_no)) << w.seller->registration_no;
    EXPECT_EQ(w.seller->company, w.name_ko);
  }
}

TEST(SeedCatalog, DemoRegistrationNumbersDifferAndPassTheChecksum) {
  std::set<std::string> seen;
  for (int n = 1; n <= 12; ++n) {
    const auto number = demo_registration_number(n);
    EXPECT_TRUE(vendors::check_registration_number(number)) << number;
    seen.insert(number);
  }
  EXPECT_EQ(seen.size(), 12u);
}

}  // namespace brilliant::app
