#include "live/show.hpp"

#include <gtest/gtest.h>

namespace brilliant::live {
namespace {

ShowInput valid() {
  ShowInput in;
  in.title_ko = "  금반지의 밤 ";
  in.title_en = "Gold ring night";
  in.scheduled_at = "2026-12-01T20:00";
  in.lineup = {3, 1, 2};
  return in;
}

TEST(Show, CheckTrimsAndTurnsSeoulTimeIntoUtc) {
  auto out = check_show(valid());
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(out->title_ko, "금반지의 밤");
  EXPECT_EQ(out->scheduled_at, "2026-12-01T11:00:00Z");
  EXPECT_EQ(out->lineup, (std::vector<long long>{3, 1, 2}));
  auto utc = valid();
  utc.scheduled_at = "2026-12-01T11:00:00Z";
  EXPECT_EQ(check_show(utc)->scheduled_at, "2026-12-01T11:00:00Z");
}

TEST(Show, CheckNamesTheFieldItRefuses) {
  auto in = valid();
  in.title_en = " ";
  EXPECT_EQ(check_show(in).error().field, "title_en");
  in = valid();
  in.title_ko = "a\nb";
  EXPECT_EQ(check_show(in).error().field, "title_ko");
  in = valid();
  in.scheduled_at = "tomorrow";
  EXPECT_EQ(check_show(in).error().field, "scheduled_at");
  in = valid();
  in.lineup = {1, 2, 1};
  EXPECT_EQ(check_show(in).error().code, "lineup_repeated");
  in = valid();
  in.lineup.assign(max_lineup + 1, 0);
  for (size_t i = 0; i < in.lineup.size(); ++i) in.lineup[i] = static_cast<long long>(i + 1);
  EXPECT_EQ(check_show(in).error().code, "lineup_too_long");
  in = valid();
  in.slow_mode_seconds = 301;
  EXPECT_EQ(check_show(in).error().field, "slow_mode_seconds");
}

TEST(Show, SlugsAreLowerCaseWordsAndASuffix) {
  EXPECT_EQ(make_slug("Gold Ring Night!", "k7q2"), "gold-ring-night-k7q2");
  EXPECT_EQ(make_slug("금반지", "k7q2"), "show-k7q2");
  EXPECT_TRUE(valid_slug("gold-ring-night-k7q2"));
  EXPECT_FALSE(valid_slug("Gold"));
  EXPECT_FALSE(valid_slug("../x"));
  EXPECT_FALSE(valid_slug(""));
}

TEST(Show, OnlyScheduledOrLiveShowsGoLive) {
  Show s;
  EXPECT_TRUE(may_go_live(s));
  s.state = State::live;
  EXPECT_TRUE(may_go_live(s));
  s.state = State::ended;
  EXPECT_EQ(may_go_live(s).error().code, "show_ended");
  s.state = State::cancelled;
  EXPECT_EQ(may_go_live(s).error().code, "show_cancelled");
  EXPECT_EQ(parse_state("live"), State::live);
  EXPECT_FALSE(parse_state("gone"));
  EXPECT_EQ(state_name(State::ended), "ended");
}

}  // namespace
}  // namespace brilliant::live
