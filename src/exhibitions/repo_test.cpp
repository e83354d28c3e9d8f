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

TEST_F(ExhibitionsTest, TheStudiosItemsThatTravelledToAFairAreCountedByWhatHappened) {
  db->write([](soci::session& sql) {
    long long variant = 0;
    sql << "SELECT id FROM variants WHERE product_id = 1 ORDER BY id LIMIT 1", soci::into(variant);
    for (const std::string serial : {"IT-AAAA-AAAA", "IT-BBBB-BBBB", "IT-CCCC-CCCC"})
      sql << "INSERT INTO items (serial, variant_id, product_id, workshop_id, weight_cg, expected_mg, "
             "status, "
             "created_at) VALUES (:s, :v, 1, 1, 300, 3000, 'received', 't')",
          soci::use(serial), soci::use(variant);
    const std::tuple<int, std::string, std::string> events[] = {
        {1, "sent_to_fair", "hk-2026"},   {2, "sent_to_fair", "hk-2026"},      {1, "sold_at_fair", "hk-2026"},
        {2, "back_from_fair", "hk-2026"}, {3, "sent_to_fair", "another-fair"}, {3, "received", "hk-2026"}};
    for (const auto& [item, kind, note] : events)
      sql << "INSERT INTO item_events (item_id, kind, station, note, log_index, created_at) VALUES (:i, :k, "
             "'fair', :n, 0, 't')",
          soci::use(item), soci::use(kind), soci::use(note);
  });
  const auto items = db->read([](soci::session& sql) { return repo::fair_items(sql, "hk-2026"); });
  EXPECT_EQ(items.sent, 2);
  EXPECT_EQ(items.sold, 1);
  EXPECT_EQ(items.back, 1);
}

}  // namespace
}  // namespace brilliant::exhibitions
