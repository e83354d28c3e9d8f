#include "vendors/brand/brand_store.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::vendors {
namespace {

class BrandStoreTest : public ::testing::Test {
 protected:
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{}};
  BrandStore store{*db, clock};
};

TEST_F(BrandStoreTest, StartsWithTheDefaultRateFromTheMigration) {
  store.load();
  auto s = store.current();
  EXPECT_EQ(s->name_en, "Brilliant");
  EXPECT_EQ(commission_bp(s->rates, 1, "ring"), 1500);
}

TEST_F(BrandStoreTest, SavesEverythingAndKeepsHistory) {
  store.load();
  BrandSettings s = *store.current();
  s.name_ko = "익산 주얼리";
  s.colour_accent = "#aa5500";
  s.shipping.free_over = 70000;
  s.rates = {{0, "", 1400}, {0, "ring", 1100}, {3, "", 900}, {3, "ring", 700}};
  const auto before = store.version();
  ASSERT_TRUE(store.save(s, 0).ok());
  EXPECT_GT(store.version(), before);
  BrandStore fresh{*db, clock};  // another node, or a restart
  fresh.load();
  EXPECT_EQ(fresh.current()->name_ko, "익산 주얼리");
  EXPECT_EQ(fresh.current()->colour_accent, "#aa5500");
  EXPECT_EQ(fresh.current()->shipping.free_over, 70000);
  EXPECT_EQ(commission_bp(fresh.current()->rates, 3, "ring"), 700);
  EXPECT_EQ(commission_bp(fresh.current()->rates, 4, "ring"), 1100);
  EXPECT_EQ(store.history_count(), 1);
}

TEST_F(BrandStoreTest, ARefusedSaveChangesNothing) {
  store.load();
  BrandSettings s = *store.current();
  s.name_ko = "바뀌면 안 됨";
  s.colour_primary = "black";
  EXPECT_EQ(store.save(s, 0).error().field, "colour_primary");
  store.load();
  EXPECT_NE(store.current()->name_ko, "바뀌면 안 됨");
  EXPECT_EQ(store.history_count(), 0);
}

}  // namespace
}  // namespace brilliant::vendors
