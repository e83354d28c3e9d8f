// The exhibitions' SQL on a real database: fairs, participation, pieces and translations.
#include "exhibitions/repo.hpp"

#include <gtest/gtest.h>

#include "exhibitions/testing.hpp"

namespace brilliant::exhibitions {
namespace {

TEST_F(ExhibitionsTest, RepoKeepsFairsParticipantsPiecesAndTranslations) {
  const auto in = checked(hong_kong()).value();
  db->write([&](soci::session& sql) {
    const auto id = repo::insert(sql, in, "t");
    repo::upsert_participant(sql, id, 1, "applied", "금 공방입니다", "t", false);
    repo::upsert_participant(sql, id, 1, "selected", "", "t2", true);
    repo::set_piece(sql, id, {1, 1, "", 90000, 5}, true, "t");
    repo::set_translation(sql, 1, "zh", {"太阳戒指", "故事", false}, "t");
    repo::set_translation(sql, 1, "ja", {"", "", false}, "t");  // an empty title removes it
  });
  const auto e = db->read([](soci::session& sql) { return repo::find(sql, "hk-2026"); });
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->info.currency, "HKD");
  EXPECT_EQ(e->info.cost, 12000000);
  const auto people = db->read([&](soci::session& sql) { return repo::participants(sql, e->id); });
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].state, "selected");
  EXPECT_EQ(people[0].note, "금 공방입니다");  // a decision keeps the application
  const auto pieces = db->read([&](soci::session& sql) { return repo::pieces(sql, e->id); });
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].slug, "sun-ring");
  EXPECT_EQ(pieces[0].min_quantity, 5);
  const auto t = db->read([](soci::session& sql) { return repo::translations(sql); });
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ((t.at({1, "zh"}).title), "太阳戒指");
  EXPECT_EQ(db->read([](soci::session& sql) { return repo::product_owner(sql, 3); }).second, "draft");
  EXPECT_EQ(db->read([](soci::session& sql) { return repo::product_owner(sql, 99); }).first, 0);
}

}  // namespace
}  // namespace brilliant::exhibitions
