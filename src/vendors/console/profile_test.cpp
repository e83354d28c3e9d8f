#include "vendors/console/profile.hpp"

#include <gtest/gtest.h>

namespace brilliant::vendors {

namespace {
Profile with_story(int founded = 0) { return {.story_ko = "이야기", .founded = founded}; }
}  // namespace

TEST(Profile, TrimsAndChecksEveryField) {
  auto ok = check_profile({.name_en = " Moon Atelier ",
                           .story_ko = " 삼대째 금을 다룹니다. ",
                           .location = "익산",
                           .location_en = " Iksan ",
                           .specialities = "반지, 각인",
                           .specialities_en = " Rings, engraving ",
                           .founded = 1987},
                          2026);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->name_en, "Moon Atelier");
  EXPECT_EQ(ok->story_ko, "삼대째 금을 다룹니다.");
  EXPECT_EQ(ok->location_en, "Iksan");
  EXPECT_EQ(ok->specialities_en, "Rings, engraving");
  EXPECT_EQ(check_profile({}, 2026).error().field, "story_ko");
  EXPECT_EQ(check_profile(with_story(1850), 2026).error().field, "founded");
  EXPECT_EQ(check_profile(with_story(2027), 2026).error().field, "founded");
  EXPECT_TRUE(check_profile(with_story(), 2026).ok());  // unknown year
  auto named = with_story();
  named.name_en = std::string(81, 'a');
  EXPECT_EQ(check_profile(named, 2026).error().field, "name_en");
  named.name_en = std::string(80, 'a');
  EXPECT_TRUE(check_profile(named, 2026).ok());
  auto story = with_story();
  story.story_en = "\xff";
  EXPECT_EQ(check_profile(story, 2026).error().field, "story_en");
  // The English location and specialities: one line each, 120 and 200 characters at most.
  auto located = with_story();
  located.location_en = std::string(121, 'a');
  EXPECT_EQ(check_profile(located, 2026).error().field, "location_en");
  located.location_en = "Iksan\nJeonbuk";
  EXPECT_EQ(check_profile(located, 2026).error().field, "location_en");
  auto special = with_story();
  special.specialities_en = std::string(201, 'a');
  EXPECT_EQ(check_profile(special, 2026).error().field, "specialities_en");
  special.specialities_en = std::string(200, 'a');
  EXPECT_TRUE(check_profile(special, 2026).ok());
}

}  // namespace brilliant::vendors
