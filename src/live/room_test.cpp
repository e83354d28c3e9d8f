#include "live/room.hpp"

#include <gtest/gtest.h>

#include "live/testing.hpp"

namespace brilliant::live {
namespace {

TEST(Room, BroadcastReachesEveryOpenPeerAndForgetsClosedOnes) {
  Room room;
  auto a = std::make_shared<FakePeer>(), b = std::make_shared<FakePeer>();
  room.join(a, 1);
  room.join(b, 2);
  EXPECT_EQ(room.broadcast(std::make_shared<const std::string>(R"({"type":"x"})")), 2u);
  b->close();
  EXPECT_EQ(room.broadcast(std::make_shared<const std::string>(R"({"type":"y"})")), 1u);
  EXPECT_EQ(room.viewers(), 1u);
  EXPECT_EQ(a->sent().size(), 2u);
  room.leave(a.get());
  EXPECT_EQ(room.viewers(), 0u);
}

TEST(Room, KickClosesEveryConnectionOfThatPerson) {
  Room room;
  auto tab1 = std::make_shared<FakePeer>(), tab2 = std::make_shared<FakePeer>(),
       other = std::make_shared<FakePeer>();
  room.join(tab1, 7);
  room.join(tab2, 7);
  room.join(other, 8);
  room.kick(7);
  EXPECT_FALSE(tab1->open());
  EXPECT_FALSE(tab2->open());
  EXPECT_TRUE(other->open());
}

TEST(Room, HeartsAreCountedUntilTaken) {
  Room room;
  room.heart();
  room.heart();
  EXPECT_EQ(room.take_hearts(), 2);
  EXPECT_EQ(room.take_hearts(), 0);
  EXPECT_EQ(room.with_chatter(5, [](Chatter& c) { return c.banned; }), false);
}

TEST(Room, AnEventInAQuietRoomGoesAtOnceAndABusyRoomsEventsGoAsOneArray) {
  using namespace std::chrono_literals;
  Room room;
  auto peer = std::make_shared<FakePeer>();
  room.join(peer, 1);
  const auto t = std::chrono::steady_clock::time_point{} + 1h;
  EXPECT_TRUE(room.deliver(R"({"type":"a"})", t, 50ms));  // nothing sent for a while: at once
  EXPECT_FALSE(room.deliver(R"({"type":"b"})", t + 10ms, 50ms));
  EXPECT_FALSE(room.deliver(R"({"type":"c"})", t + 20ms, 50ms));
  EXPECT_EQ(peer->sent().size(), 1u);
  room.flush(t + 50ms);
  ASSERT_EQ(peer->sent().size(), 2u);
  EXPECT_EQ(peer->sent()[1], R"([{"type":"b"},{"type":"c"}])");
  // A batch just went: the next event waits too, and alone it is sent as itself.
  EXPECT_FALSE(room.deliver(R"({"type":"d"})", t + 60ms, 50ms));
  room.flush(t + 100ms);
  room.flush(t + 150ms);  // nothing waits: nothing sent
  ASSERT_EQ(peer->sent().size(), 3u);
  EXPECT_EQ(peer->sent()[2], R"({"type":"d"})");
  EXPECT_TRUE(room.deliver(R"({"type":"e"})", t + 200ms, 50ms));
}

TEST(Rooms, TheBatchSenderSendsWhatWaitsOnceTheWindowEnds) {
  Rooms rooms(std::chrono::milliseconds(20));
  auto peer = std::make_shared<FakePeer>();
  rooms.of(1)->join(peer, 5);
  rooms.deliver(1, R"({"type":"a"})");
  rooms.deliver(1, R"({"type":"b"})");
  rooms.deliver(1, R"({"type":"c"})");
  rooms.deliver(2, R"({"type":"nobody"})");  // no room: nothing
  ASSERT_TRUE(peer->wait_for(2));
  EXPECT_EQ(peer->sent()[0], R"({"type":"a"})");
  EXPECT_EQ(peer->sent()[1], R"([{"type":"b"},{"type":"c"}])");
}

TEST(Rooms, WithoutAWindowEveryEventGoesAtOnce) {
  Rooms rooms;
  auto peer = std::make_shared<FakePeer>();
  rooms.of(1)->join(peer, 5);
  rooms.deliver(1, R"({"type":"a"})");
  rooms.deliver(1, R"({"type":"b"})");
  EXPECT_EQ(peer->sent().size(), 2u);
}

TEST(Rooms, MadeOnFirstUseAndFoundAfter) {
  Rooms rooms;
  EXPECT_EQ(rooms.find(1), nullptr);
  auto room = rooms.of(1);
  EXPECT_EQ(rooms.find(1), room);
  EXPECT_EQ(rooms.of(1), room);
  EXPECT_EQ(rooms.all().size(), 1u);
}

TEST(Rooms, ARoomNobodyIsInNorHoldsIsDropped) {
  Rooms rooms;
  auto peer = std::make_shared<FakePeer>();
  rooms.of(1)->join(peer, 5);
  auto held = rooms.of(2);  // a connection being opened holds its room before joining
  rooms.of(3);
  EXPECT_EQ(rooms.drop_unused(), 1u);  // only 3
  EXPECT_NE(rooms.find(1), nullptr);
  EXPECT_NE(rooms.find(2), nullptr);
  EXPECT_EQ(rooms.find(3), nullptr);
  rooms.find(1)->leave(peer.get());
  held.reset();
  EXPECT_EQ(rooms.drop_unused(), 2u);
  EXPECT_TRUE(rooms.all().empty());
}

}  // namespace
}  // namespace brilliant::live
