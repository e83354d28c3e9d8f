#include "certification/certification.hpp"

#include <gtest/gtest.h>

namespace brilliant::certification {

TEST(Certification, StatusesReadBackAndUnknownOnesAreDrafts) {
  for (auto s : {ApplicationStatus::draft, ApplicationStatus::submitted, ApplicationStatus::in_audit,
                 ApplicationStatus::certified, ApplicationStatus::refused})
    EXPECT_EQ(application_status(to_string(s)), s);
  EXPECT_EQ(application_status("approved"), ApplicationStatus::draft);
}

TEST(Certification, WordListsSplitOnAnySpaceAndJoinWithOne) {
  EXPECT_EQ(split_words("  recycled_silver   cyanide_free_plating\n"),
            (std::vector<std::string>{"recycled_silver", "cyanide_free_plating"}));
  EXPECT_TRUE(split_words("").empty());
  EXPECT_EQ(join_words({"a", "b", "c"}), "a b c");
  EXPECT_EQ(join_words({}), "");
  EXPECT_EQ(split_words(join_words({"x", "y"})), (std::vector<std::string>{"x", "y"}));
}

}  // namespace brilliant::certification
