#include "live/simulcast.hpp"

#include <gtest/gtest.h>

namespace brilliant::live {
namespace {

TEST(Simulcast, ATargetNeedsAnRtmpUrlAndAKeyAndIsNamedAfterItsPlatform) {
  auto yt = check_push_target({"", " rtmp://a.rtmp.youtube.com/live2/ ", " abcd-efgh-ijkl "});
  ASSERT_TRUE(yt);
  EXPECT_EQ(yt->url, "rtmp://a.rtmp.youtube.com/live2");  // the trailing slash goes: the key follows it
  EXPECT_EQ(yt->key, "abcd-efgh-ijkl");
  EXPECT_EQ(yt->label, "YouTube");
  EXPECT_EQ(check_push_target({"", "rtmps://livestream.shopping.naver.com:443/app", "k"})->label,
            "Naver Shopping Live");
  EXPECT_EQ(check_push_target({"", "rtmp://rtmp.kakao.com/live", "k"})->label, "Kakao");
  EXPECT_EQ(check_push_target({"", "rtmp://127.0.0.1:1936/live", "k"})->label, "127.0.0.1");
  EXPECT_EQ(check_push_target({"  우리 채널 ", "rtmp://x.example/live", "k"})->label, "우리 채널");
  EXPECT_EQ(check_push_target({"", "http://a.rtmp.youtube.com/live2", "k"}).error().field, "url");
  EXPECT_EQ(check_push_target({"", "rtmp://", "k"}).error().field, "url");
  EXPECT_EQ(check_push_target({"", "rtmp://host/app with space", "k"}).error().field, "url");
  EXPECT_EQ(check_push_target({"", "rtmp://host/app", ""}).error().field, "key");
  EXPECT_EQ(check_push_target({"", "rtmp://host/app", "two words"}).error().field, "key");
  EXPECT_EQ(check_push_target({"", "rtmp://host/app", std::string(201, 'k')}).error().field, "key");
  EXPECT_EQ(check_push_target({std::string(41, 'x'), "rtmp://host/app", "k"}).error().field, "label");
}

TEST(Simulcast, TheKeyIsShownOnlyByItsLastCharacters) {
  EXPECT_EQ(key_hint("abcd-efgh-ijkl"), "…ijkl");
  EXPECT_EQ(key_hint("ab"), "…ab");
}

TEST(Simulcast, TheRelayCopiesTheShowsStreamFromNginxToTheTarget) {
  EXPECT_EQ(relay_source("rtmp://127.0.0.1:1935/live", "friday"), "rtmp://127.0.0.1:1935/hls/friday");
  EXPECT_EQ(relay_source("rtmp://media.example/live/", "friday"), "rtmp://media.example/hls/friday");
  const auto argv = relay_command("ffmpeg", "rtmp://127.0.0.1:1935/hls/friday",
                                  "rtmp://a.rtmp.youtube.com/live2", "secret-key");
  ASSERT_FALSE(argv.empty());
  EXPECT_EQ(argv.front(), "ffmpeg");
  EXPECT_EQ(argv.back(), "rtmp://a.rtmp.youtube.com/live2/secret-key");
  const auto at = [&](const std::string& flag) { return std::find(argv.begin(), argv.end(), flag); };
  ASSERT_NE(at("-c"), argv.end());
  EXPECT_EQ(*(at("-c") + 1), "copy");  // no re-encoding: the host's stream as it came
  EXPECT_EQ(*(at("-i") + 1), "rtmp://127.0.0.1:1935/hls/friday");
  EXPECT_EQ(*(at("-progress") + 1), "pipe:1");
}

}  // namespace
}  // namespace brilliant::live
