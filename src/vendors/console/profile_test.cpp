#include "vendors/console/profile.hpp"

#include <gtest/gtest.h>

namespace brilliant::vendors {

TEST(Profile, TrimsAndChecksEveryField) {
  auto ok =
      check_profile({" Moon Atelier ", " 삼대째 금을 다룹니다. ", "", "익산", "반지, 각인", 1987}, 2026);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->name_en, "Moon Atelier");
  EXPECT_EQ(ok->story_ko, "삼대째 금을 다룹니다.");
  EXPECT_EQ(check_profile({"", "", "", "", "", 0}, 2026).error().field, "story_ko");
  EXPECT_EQ(check_profile({"", "이야기", "", "", "", 1850}, 2026).error().field, "founded");
  EXPECT_EQ(check_profile({"", "이야기", "", "", "", 2027}, 2026).error().field, "founded");
  EXPECT_TRUE(check_profile({"", "이야기", "", "", "", 0}, 2026).ok());  // unknown year
  EXPECT_EQ(check_profile({std::string(81, 'a'), "이야기", "", "", "", 0}, 2026).error().field, "name_en");
  EXPECT_TRUE(check_profile({std::string(80, 'a'), "이야기", "", "", "", 0}, 2026).ok());
  EXPECT_EQ(check_profile({"", "이야기", "\xff", "", "", 0}, 2026).error().field, "story_en");
}

}  // namespace brilliant::vendors
