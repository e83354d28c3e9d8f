// The channels' SQL: the operator's mapping and what each piece last looked like, on a real database.
#include "channels/repo.hpp"

#include <gtest/gtest.h>

#include "channels/testing.hpp"

namespace brilliant::channels {
namespace {

TEST_F(ChannelsTest, MappingIsSetReplacedAndRemoved) {
  db->write([](soci::session& sql) {
    repo::set_mapping(sql, "naver", "ring", "50000436", "t1");
    repo::set_mapping(sql, "google", "ring", "200", "t1");
    repo::set_mapping(sql, "naver", "ring", "50000437", "t2");
  });
  auto m = db->read([](soci::session& sql) { return repo::mapping(sql); });
  EXPECT_EQ(m.size(), 2u);
  EXPECT_EQ((m[{"naver", "ring"}]), "50000437");
  db->write([](soci::session& sql) { repo::set_mapping(sql, "naver", "ring", "", "t3"); });
  m = db->read([](soci::session& sql) { return repo::mapping(sql); });
  EXPECT_EQ(m.count({"naver", "ring"}), 0u);
}

TEST_F(ChannelsTest, SeenPiecesAreListedByWhenTheyChanged) {
  const auto a = piece("a-ring"), b = piece("b-ring");
  db->write([&](soci::session& sql) {
    repo::save_seen(sql, a, {"fa", 'I', "2026-12-01T00:00:00Z"}, false);
    repo::save_seen(sql, b, {"fb", 'I', "2026-11-30T00:00:00Z"}, false);
    repo::save_seen(sql, b, {"", 'D', "2026-12-02T00:00:00Z"}, true);
  });
  const auto seen = db->read([](soci::session& sql) { return repo::seen(sql); });
  EXPECT_EQ(seen.at(b).change, 'D');
  const auto since =
      db->read([](soci::session& sql) { return repo::changed_since(sql, "2026-12-01T00:00:00Z"); });
  ASSERT_EQ(since.size(), 2u);
  EXPECT_EQ(since[0].first, a);
  EXPECT_EQ(since[1].first, b);
  EXPECT_EQ(since[1].second.change, 'D');
}

TEST_F(ChannelsTest, ExtrasHoldStoriesOfPublishedPiecesOnly) {
  const auto a = piece("a-ring");
  const auto b = piece("b-ring");
  sql("UPDATE products SET status = 'draft' WHERE id = " + std::to_string(b));
  const auto extras = db->read([](soci::session& sql) { return repo::extras(sql); });
  EXPECT_EQ(extras.stories.count(a), 1u);
  EXPECT_EQ(extras.stories.count(b), 0u);
  EXPECT_TRUE(extras.squares.empty());
}

}  // namespace
}  // namespace brilliant::channels
