#include "vendors/console/profile_repo.hpp"

#include <gtest/gtest.h>

#include <tuple>

#include "catalog/repo.hpp"
#include "db/testing.hpp"

namespace brilliant::vendors::repo {

class ProfileRepoTest : public ::testing::Test {
 protected:
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  void SetUp() override {
    db->write([&](soci::session& sql) {
      mine = catalog::repo::insert_workshop(sql, {0, "mine", "내 공방", "Mine", "", "", "", "", 0, "active"},
                                            "x");
      theirs = catalog::repo::insert_workshop(
          sql, {0, "theirs", "남 공방", "Theirs", "", "", "", "", 0, "active"}, "x");
    });
  }
  long long mine = 0, theirs = 0;
};

TEST_F(ProfileRepoTest, SavesTheTextsOfOneWorkshopOnly) {
  db->write([&](soci::session& sql) {
    save_profile(sql, mine,
                 {.name_en = "Moonlight Atelier",
                  .story_ko = "달빛 이야기",
                  .story_en = "A moonlit story",
                  .location = "익산",
                  .location_en = "Iksan",
                  .specialities = "반지",
                  .specialities_en = "Rings",
                  .founded = 1988},
                 "now");
  });
  auto [story, founded, other] = db->read([&](soci::session& sql) {
    std::string s, o;
    int f = 0;
    sql << "SELECT story_ko, founded FROM workshops WHERE id = :id", soci::use(mine), soci::into(s),
        soci::into(f);
    sql << "SELECT story_ko FROM workshops WHERE id = :id", soci::use(theirs), soci::into(o);
    return std::tuple{s, f, o};
  });
  EXPECT_EQ(story, "달빛 이야기");
  EXPECT_EQ(founded, 1988);
  EXPECT_EQ(other, "");
  // Read back as the catalog reads workshops: both languages of the location and the specialities.
  const auto read = db->read([](soci::session& sql) { return catalog::repo::find_workshop(sql, "mine"); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->location, "익산");
  EXPECT_EQ(read->location_en, "Iksan");
  EXPECT_EQ(read->specialities, "반지");
  EXPECT_EQ(read->specialities_en, "Rings");
}

TEST_F(ProfileRepoTest, PhotosAreKeptOnceAndRemovedOnlyByTheirWorkshop) {
  db->write([&](soci::session& sql) {
    add_workshop_photo(sql, mine, "hash-a", "[]", "작업대", "bench", "now");
    add_workshop_photo(sql, mine, "hash-a", "[]", "작업대", "bench", "now");  // the same original again
    add_workshop_photo(sql, mine, "hash-b", "[]", "", "", "now");
  });
  EXPECT_EQ(db->read([&](soci::session& sql) { return workshop_photo_count(sql, mine); }), 2);
  EXPECT_EQ(db->read([&](soci::session& sql) { return workshop_photo_count(sql, theirs); }), 0);
  const long long id = db->read([&](soci::session& sql) {
    long long i = 0;
    sql << "SELECT id FROM workshop_photos WHERE original_hash = 'hash-a'", soci::into(i);
    return i;
  });
  auto refused = db->write([&](soci::session& sql) { return remove_workshop_photo(sql, theirs, id); });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
  EXPECT_TRUE(db->write([&](soci::session& sql) { return remove_workshop_photo(sql, mine, id); }).ok());
  EXPECT_EQ(db->read([&](soci::session& sql) { return workshop_photo_count(sql, mine); }), 1);
  EXPECT_FALSE(db->write([&](soci::session& sql) { return remove_workshop_photo(sql, mine, id); }).ok());
}

}  // namespace brilliant::vendors::repo
