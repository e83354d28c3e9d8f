// The live demo (seed_live.cpp) through the whole app: an upcoming show of the demo maker's workshop with
// its line-up and two deals, an ended show with chapters and chat, once; and the replay clip ffmpeg makes.
#include "app/seed_live.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"
#include "core/secret.hpp"

namespace brilliant::app {

TEST(SeedLive, AnUpcomingShowWithDealsAndAReplayOnce) {
  SystemClock clock;
  TempApp temp(clock, "seed-live");
  App& app = *temp;
  seed_demo(app, 40);
  auto shows = app.live().list();
  ASSERT_EQ(shows.size(), 2u);
  const auto upcoming =
      app.live().find(shows[0].state == live::State::scheduled ? shows[0].slug : shows[1].slug);
  const auto replay = app.live().find(shows[0].state == live::State::ended ? shows[0].slug : shows[1].slug);
  ASSERT_TRUE(upcoming && replay);
  EXPECT_EQ(upcoming->state, live::State::scheduled);
  EXPECT_FALSE(upcoming->lineup.empty());
  EXPECT_EQ(upcoming->deals.size(), 2u);
  EXPECT_EQ(app.catalog().workshop_by_id(upcoming->workshop_id).slug, "iksan-gold");  // maker@ runs it
  EXPECT_EQ(replay->state, live::State::ended);
  EXPECT_EQ(replay->chapters.size(), 2u);
  EXPECT_EQ(app.live().chat(replay->id).size(), 3u);
  EXPECT_EQ(seed_live(app, "operator@brilliant.example", "shopper@brilliant.example"), 0);  // not twice
}

TEST(SeedLive, TheDemoClipIsAnHlsPlaylistWithItsSegments) {
  const auto dir = std::filesystem::temp_directory_path() / ("brilliant-clip-" + random_token(6));
  ASSERT_TRUE(make_demo_clip(dir.string(), 4)) << "ffmpeg is needed (apt-get install ffmpeg)";
  std::ifstream in(dir / "index.m3u8");
  std::string playlist((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(playlist.find("#EXT-X-ENDLIST"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "0.ts"));
  std::filesystem::remove_all(dir);
}

}  // namespace brilliant::app
