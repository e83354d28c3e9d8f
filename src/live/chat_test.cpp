#include "live/chat.hpp"

#include <gtest/gtest.h>

#include "core/testing.hpp"

namespace brilliant::live {
namespace {

const TimePoint t0 = at("2026-12-01T00:00:00Z");

TEST(Chat, TheTextCheckLeavesThePaceAloneAndThePaceCheckKeepsTheLastThree) {
  ChatRules rules;
  Chatter who;
  const TimePoint t0{std::chrono::hours(1000)};
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(check_text(rules, who, "hi", t0));
  EXPECT_TRUE(who.recent.empty());
  std::vector<TimePoint> shared;  // as Bus::pace keeps it for every node
  for (int i = 0; i < burst_messages; ++i)
    EXPECT_TRUE(check_pace(rules, shared, t0 + std::chrono::seconds(i)));
  EXPECT_EQ(check_pace(rules, shared, t0 + std::chrono::seconds(3)).error().kind, ErrorKind::too_many);
  EXPECT_EQ(shared.size(), static_cast<size_t>(burst_messages));
  EXPECT_TRUE(check_pace(rules, shared, t0 + burst_window));
  EXPECT_EQ(shared.front(), t0 + std::chrono::seconds(1));  // the oldest dropped
  rules.moderator = true;
  const auto before = shared;
  EXPECT_TRUE(check_pace(rules, shared, t0 + burst_window));
  EXPECT_EQ(shared, before);  // a moderator's messages are not counted
}

TEST(Chat, TrimsAndRefusesWhatIsNotOneLineOfText) {
  Chatter who;
  ChatRules rules;
  EXPECT_EQ(check_message(rules, who, "  예뻐요! ", t0).value(), "예뻐요!");
  EXPECT_EQ(check_message(rules, who, "   ", t0).error().code, "text_required");
  EXPECT_EQ(check_message(rules, who, "a\nb", t0).error().code, "text_invalid");
  EXPECT_EQ(check_message(rules, who, "\xff", t0).error().code, "text_invalid");
  std::string long_text;
  for (size_t i = 0; i <= max_message_chars; ++i) long_text += "가";
  EXPECT_EQ(check_message(rules, who, long_text, t0).error().code, "text_too_long");
}

TEST(Chat, BannedWordsAreFoundWhateverTheirCase) {
  ChatRules rules;
  rules.banned_words = banned_word_list(" Spam \n\n사기\n");
  EXPECT_EQ(rules.banned_words, (std::vector<std::string>{"spam", "사기"}));
  Chatter who;
  EXPECT_EQ(check_message(rules, who, "buy SPAM here", t0).error().code, "text_banned_word");
  EXPECT_EQ(check_message(rules, who, "이거 사기 아닌가요", t0).error().code, "text_banned_word");
  EXPECT_TRUE(check_message(rules, who, "lovely", t0));
}

TEST(Chat, ABurstIsLimitedThenAllowedAgainAfterTheWindow) {
  ChatRules rules;
  Chatter who;
  for (int i = 0; i < burst_messages; ++i) EXPECT_TRUE(check_message(rules, who, "hi", t0));
  auto refused = check_message(rules, who, "hi", t0 + std::chrono::seconds(1));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::too_many);
  EXPECT_NE(refused.error().message.find("wait 4 seconds"), std::string::npos);
  EXPECT_TRUE(check_message(rules, who, "hi", t0 + burst_window));
}

TEST(Chat, SlowModeSpacesMessagesButNotModerators) {
  ChatRules rules;
  rules.slow_mode_seconds = 10;
  Chatter who;
  EXPECT_TRUE(check_message(rules, who, "one", t0));
  auto refused = check_message(rules, who, "two", t0 + std::chrono::seconds(3));
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("wait 7 seconds"), std::string::npos);
  EXPECT_TRUE(check_message(rules, who, "two", t0 + std::chrono::seconds(10)));
  rules.moderator = true;
  Chatter host;
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(check_message(rules, host, "notice", t0));
}

TEST(Chat, MutedAndBannedPeopleCannotWrite) {
  ChatRules rules;
  Chatter who;
  who.muted_until = t0 + std::chrono::seconds(60);
  EXPECT_EQ(check_message(rules, who, "hi", t0).error().kind, ErrorKind::too_many);
  EXPECT_TRUE(check_message(rules, who, "hi", t0 + std::chrono::seconds(60)));
  who.banned = true;
  EXPECT_EQ(check_message(rules, who, "hi", t0 + std::chrono::hours(1)).error().kind, ErrorKind::forbidden);
}

}  // namespace
}  // namespace brilliant::live
