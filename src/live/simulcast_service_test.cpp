#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>

#include "db/database.hpp"
#include "live/service.hpp"
#include "live/testing.hpp"

namespace brilliant::live {
namespace {

// Live with simulcast set up; each relay is a small program that says what ffmpeg says once it sends
// frames, and the command each target was given is kept to be looked at.
class SimulcastTest : public LiveFixture {
 protected:
  void SetUp() override {
    LiveFixture::SetUp();
    SimulcastSettings s;
    s.rtmp_url = "rtmp://127.0.0.1:1935/live";
    s.key = derive_key(std::array<unsigned char, 32>{1, 2, 3}, "livepush");
    s.command = [this](const std::string& source, const std::string& url, const std::string& key) {
      std::lock_guard lock(mutex);
      given.push_back(source + " -> " + url + "/" + key);
      return std::vector<std::string>{"sh", "-c", "printf 'frame=5\\nprogress=continue\\n'; exec sleep 30"};
    };
    live.set_simulcast(std::move(s));
    made = live.create(maker, 1, input({moon()})).value();
  }

  // Waits (at most ten seconds) until the target's state is `state`.
  bool reaches(long long target, const std::string& state) {
    for (int i = 0; i < 500; ++i) {
      for (const auto& t : live.targets(made.show.id))
        if (t.id == target && t.state == state) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  std::mutex mutex;
  std::vector<std::string> given;
  Live::Created made;
};

TEST_F(SimulcastTest, ATargetIsKeptWithItsKeySealedAndShownOnlyByItsHint) {
  auto added =
      live.add_target(made.show.slug, maker, {"", "rtmp://a.rtmp.youtube.com/live2/", "yt-key-abcd"});
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->label, "YouTube");
  EXPECT_EQ(added->key_hint, "…abcd");
  EXPECT_EQ(added->state, "idle");  // the show is not live: nothing relays yet
  const auto sealed = db->read([&](soci::session& sql) {
    std::string s;
    sql << "SELECT key_sealed FROM live_push_targets WHERE id = :i", soci::use(added->id), soci::into(s);
    return s;
  });
  EXPECT_EQ(sealed.find("yt-key-abcd"), std::string::npos);
  EXPECT_EQ(live.add_target(made.show.slug, maker, {"", "http://x", "k"}).error().field, "url");
  EXPECT_EQ(live.add_target(made.show.slug, shopper, {"", "rtmp://x/live", "k"}).error().kind,
            ErrorKind::forbidden);
  auto other = live.create(op, 2, input({catalog.product("sun-chain")->id})).value();
  EXPECT_EQ(live.add_target(other.show.slug, maker, {"", "rtmp://x/live", "k"}).error().kind,
            ErrorKind::forbidden);                                                // another workshop's show
  EXPECT_TRUE(live.add_target(other.show.slug, op, {"", "rtmp://x/live", "k"}));  // the operator may
  for (int i = 1; i < max_push_targets; ++i)
    ASSERT_TRUE(live.add_target(made.show.slug, maker, {"", "rtmp://x" + std::to_string(i) + "/live", "k"}));
  EXPECT_EQ(live.add_target(made.show.slug, maker, {"", "rtmp://y/live", "k"}).error().code, "targets_full");
  ASSERT_TRUE(live.remove_target(made.show.slug, maker, added->id));
  EXPECT_EQ(live.remove_target(made.show.slug, maker, added->id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(live.targets(made.show.id).size(), static_cast<size_t>(max_push_targets - 1));
}

TEST_F(SimulcastTest, TheStreamComingInStartsARelayPerTargetAndItsEndStopsThem) {
  auto yt = live.add_target(made.show.slug, maker, {"", "rtmp://a.rtmp.youtube.com/live2", "yt-key"}).value();
  auto naver =
      live.add_target(made.show.slug, maker, {"", "rtmps://live.shopping.naver.com/app", "nv-key"}).value();
  ASSERT_TRUE(live.stream_started(made.stream_key));
  ASSERT_TRUE(reaches(yt.id, "live"));
  ASSERT_TRUE(reaches(naver.id, "live"));
  {
    std::lock_guard lock(mutex);
    const std::string source = "rtmp://127.0.0.1:1935/hls/" + made.show.slug;
    EXPECT_NE(std::find(given.begin(), given.end(), source + " -> rtmp://a.rtmp.youtube.com/live2/yt-key"),
              given.end());  // the key unsealed for the relay, and only there
    EXPECT_NE(
        std::find(given.begin(), given.end(), source + " -> rtmps://live.shopping.naver.com/app/nv-key"),
        given.end());
  }
  // One added while live relays at once; one removed stops.
  auto kakao = live.add_target(made.show.slug, maker, {"", "rtmp://rtmp.kakao.com/live", "kk-key"}).value();
  ASSERT_TRUE(reaches(kakao.id, "live"));
  ASSERT_TRUE(live.remove_target(made.show.slug, maker, naver.id));
  ASSERT_TRUE(live.stream_ended(made.show.slug));
  EXPECT_TRUE(reaches(yt.id, "stopped"));
  EXPECT_TRUE(reaches(kakao.id, "stopped"));
  EXPECT_EQ(live.add_target(made.show.slug, maker, {"", "rtmp://x/live", "k"}).error().code, "show_over");
}

TEST_F(SimulcastTest, ARehearsalIsNeverRelayedAndAKeySealedElsewhereSaysSo) {
  auto yt = live.add_target(made.show.slug, maker, {"", "rtmp://a.rtmp.youtube.com/live2", "yt-key"}).value();
  db->write([&](soci::session& sql) {
    const std::string foreign = seal("yt-key", derive_key(std::array<unsigned char, 32>{9}, "livepush"));
    sql << "UPDATE live_push_targets SET key_sealed = :k WHERE id = :i", soci::use(foreign), soci::use(yt.id);
  });
  ASSERT_TRUE(live.stream_started(made.stream_key));
  ASSERT_TRUE(reaches(yt.id, "failed"));
  EXPECT_NE(live.targets(made.show.id).front().detail.find("enter it again"), std::string::npos);

  auto practice_input = input({moon()});
  practice_input.rehearsal = true;
  auto practice = live.create(maker, 1, practice_input).value();
  auto target =
      live.add_target(practice.show.slug, maker, {"", "rtmp://a.rtmp.youtube.com/live2", "k2"}).value();
  ASSERT_TRUE(live.stream_started(practice.stream_key));
  EXPECT_EQ(live.targets(practice.show.id).front().state, "idle");
  std::lock_guard lock(mutex);
  EXPECT_TRUE(given.empty());
  (void)target;
}

}  // namespace
}  // namespace brilliant::live
