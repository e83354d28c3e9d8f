#include "app/seed_catalog.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

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
}

}  // namespace brilliant::app
