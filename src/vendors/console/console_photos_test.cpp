#include <gtest/gtest.h>

#include "vendors/console/console.hpp"

namespace brilliant::vendors {

TEST(ConsolePhotos, TheFormsButtonNamesAnActionAndAPhoto) {
  EXPECT_EQ(photo_action("cover:12"), (std::pair<std::string, long long>{"cover", 12}));
  EXPECT_EQ(photo_action("remove:7"), (std::pair<std::string, long long>{"remove", 7}));
  EXPECT_EQ(photo_action("save"), (std::pair<std::string, long long>{"save", 0}));
  EXPECT_EQ(photo_action("up:-3").second, 0);
  EXPECT_EQ(photo_action("down:x").second, 0);
  EXPECT_EQ(photo_action("").first, "");
}

}  // namespace brilliant::vendors
