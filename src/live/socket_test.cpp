#include "live/socket.hpp"

#include <gtest/gtest.h>

#include "live/testing.hpp"

namespace brilliant::live {
namespace {

using SocketTest = LiveFixture;

TEST_F(SocketTest, AViewerIsGreetedWithTheShowAsItIsNow) {
  auto made = live.create(maker, 1, input({moon()})).value();
  ASSERT_TRUE(live.stream_started(made.stream_key));
  ASSERT_TRUE(live.pin(made.show.slug, maker, moon()));
  auto session = viewer_session(live, *live.find(made.show.slug), shopper);
  auto peer = std::make_shared<FakePeer>();
  session->opened(peer);
  auto hello = peer->last("hello");
  EXPECT_EQ(hello.at("state"), "live");
  EXPECT_EQ(hello.at("viewers").as_int64(), 1);
  EXPECT_EQ(hello.at("showing").at("slug"), "moon-ring");
  EXPECT_EQ(hello.at("me").at("moderator"), false);
  session->closed();
  EXPECT_EQ(live.rooms().of(made.show.id)->viewers(), 0u);
}

TEST_F(SocketTest, MessagesAreCheckedAndRefusalsGoToTheSenderOnly) {
  auto made = live.create(maker, 1, input({moon()})).value();
  ASSERT_TRUE(live.stream_started(made.stream_key));
  auto anonymous = viewer_session(live, made.show, std::nullopt);
  auto a = std::make_shared<FakePeer>();
  anonymous->opened(a);
  anonymous->received("not json");
  EXPECT_EQ(a->last("error").at("code"), "message_invalid");
  anonymous->received(R"({"type":"chat","text":"hi"})");
  EXPECT_EQ(a->last("error").at("code"), "login_required");
  for (int i = 0; i < 20; ++i) anonymous->received(R"({"type":"heart"})");
  EXPECT_EQ(live.rooms().of(made.show.id)->take_hearts(), 5);  // a few a second from one viewer
  auto fan = viewer_session(live, made.show, shopper);
  auto f = std::make_shared<FakePeer>();
  fan->opened(f);
  fan->received(R"({"type":"chat","text":"안녕하세요"})");
  EXPECT_EQ(a->last("chat").at("text"), "안녕하세요");  // everyone in the room
  fan->received(R"({"type":"ban","user_id":3})");
  EXPECT_EQ(f->last("error").at("code"), "forbidden");
  fan->received(R"({"type":"dance"})");
  EXPECT_EQ(f->last("error").at("code"), "type_unknown");
}

}  // namespace
}  // namespace brilliant::live
