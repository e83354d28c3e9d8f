#include "studio/repo.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"
#include "studio/testing.hpp"

namespace brilliant::studio {

class StudioRepoTest : public ::testing::Test {
 protected:
  void SetUp() override { add_ring(*db, {{"A-1", 0}, {"A-2", 4100}}); }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
};

TEST_F(StudioRepoTest, AVariantsStatedWeightFallsBackToItsProducts) {
  auto a = db->read([](soci::session& s) { return repo::variant_by_sku(s, "A-1"); });
  auto b = db->read([](soci::session& s) { return repo::variant_by_sku(s, "A-2"); });
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->expected_mg, 3200);
  EXPECT_EQ(b->expected_mg, 4100);
  EXPECT_FALSE(db->read([](soci::session& s) { return repo::variant_by_sku(s, "A-3"); }));
}

TEST_F(StudioRepoTest, ItemsEventsAndPhotosReadBackInOrder) {
  db->write([](soci::session& s) {
    Item i;
    i.serial = "IT-0000-0001";
    i.variant_id = 1;
    i.product_id = 1;
    i.workshop_id = 1;
    i.weight_cg = 321;
    i.expected_mg = 3200;
    i.status = "received";
    i.created_at = "t";
    const auto id = repo::insert_item(s, i);
    const auto e1 = repo::insert_event(s, id, "received", "intake", 1, "", 0, "t1");
    const auto e2 = repo::insert_event(s, id, "qa_passed", "qa", 0, "ok", 1, "t2");
    repo::insert_photo(s, id, e2,
                       {0, e2, "front", std::string(64, 'a'), "", "00ff", 10, 10, 2, "", "", "t3"});
    EXPECT_EQ(repo::event_item(s, e1), id);
  });
  const auto item = db->read([](soci::session& s) { return repo::item(s, "IT-0000-0001"); });
  ASSERT_TRUE(item);
  EXPECT_EQ(item->sku, "A-1");
  EXPECT_TRUE(db->read([](soci::session& s) { return repo::serial_taken(s, "IT-0000-0001"); }));
  const auto events = db->read([&](soci::session& s) { return repo::events(s, item->id); });
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].actor, "Station");
  EXPECT_EQ(events[1].actor, "");  // no person (a system event)
  ASSERT_EQ(events[1].photos.size(), 1u);
  EXPECT_EQ(events[1].photos[0].view, "front");
  EXPECT_TRUE(events[0].photos.empty());
  EXPECT_EQ(db->read([](soci::session& s) { return repo::recent_items(s, 5); }).size(), 1u);
}

}  // namespace brilliant::studio
