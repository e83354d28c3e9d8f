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
