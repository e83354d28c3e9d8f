// Chat, moderation, counts and hearts (chat_service.cpp).
#include <gtest/gtest.h>

#include "db/database.hpp"
#include "live/service.hpp"
#include "live/testing.hpp"

namespace brilliant::live {
namespace {

using ChatServiceTest = LiveFixture;

TEST_F(ChatServiceTest, ChatIsStoredSentToTheRoomAndModerated) {
  auto made = live.create(maker, 1, input({moon()})).value();
  ASSERT_TRUE(live.stream_started(made.stream_key));
  auto peer = std::make_shared<FakePeer>();
  live.rooms().of(made.show.id)->join(peer, shopper.user_id);
  auto said = live.say(*live.find(made.show.slug), shopper, "예뻐요");
  ASSERT_TRUE(said);
  EXPECT_EQ(peer->last("chat").at("text"), "예뻐요");
  EXPECT_EQ(live.chat(made.show.id).size(), 1u);
  ASSERT_TRUE(live.mute(made.show.slug, maker, shopper.user_id, 60));
  EXPECT_EQ(live.say(*live.find(made.show.slug), shopper, "또").error().kind, ErrorKind::too_many);
  ASSERT_TRUE(live.delete_message(made.show.slug, maker, said->id));
  EXPECT_EQ(peer->last("deleted").at("id").as_int64(), said->id);
  EXPECT_TRUE(live.chat(made.show.id).empty());
  EXPECT_EQ(live.ban(made.show.slug, shopper, 3).error().kind, ErrorKind::forbidden);
  ASSERT_TRUE(live.ban(made.show.slug, maker, shopper.user_id));
  EXPECT_FALSE(peer->open());  // kicked
  EXPECT_TRUE(live.banned(made.show.id, shopper.user_id));
}

// A moderator the host names (by email) deletes, mutes and bans in that show's chat only, but does not run
// the show; taken back, they moderate nothing more.
TEST_F(ChatServiceTest, AModeratorTheHostNamesModeratesTheChatButDoesNotRunTheShow) {
  db->write([](soci::session& sql) {
    sql << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('b@x.kr', '박', "
           "'h', 'x', 'x')";
  });
  const auto viewer = who(4, web::Role::shopper);
  auto made = live.create(maker, 1, input({moon()})).value();
  auto other = live.create(maker, 1, input({moon()})).value();
  ASSERT_TRUE(live.stream_started(made.stream_key));
  EXPECT_EQ(live.add_moderator(made.show.slug, maker, "nobody@x.kr").error().field, "email");
  EXPECT_EQ(live.add_moderator(made.show.slug, shopper, "a@x.kr").error().kind, ErrorKind::forbidden);
  auto named = live.add_moderator(made.show.slug, maker, " A@x.kr ");
  ASSERT_TRUE(named) << named.error().message;
  ASSERT_EQ(named->size(), 1u);
  EXPECT_EQ(named->at(0).email, "a@x.kr");
  EXPECT_EQ(live.add_moderator(made.show.slug, maker, "a@x.kr")->size(), 1u);  // once
  const auto show = *live.find(made.show.slug);
  EXPECT_TRUE(Live::may_moderate(show, shopper));
  EXPECT_FALSE(Live::may_manage(show, shopper));
  EXPECT_FALSE(Live::may_moderate(show, viewer));

  auto said = live.say(show, viewer, "스팸");
  ASSERT_TRUE(said);
  EXPECT_FALSE(live.say(show, shopper, "안녕하세요").value().host);  // a moderator is not the host
  ASSERT_TRUE(live.delete_message(made.show.slug, shopper, said->id));
  ASSERT_TRUE(live.mute(made.show.slug, shopper, viewer.user_id, 60));
  EXPECT_EQ(live.say(*live.find(made.show.slug), viewer, "또").error().kind, ErrorKind::too_many);
  EXPECT_EQ(live.ban(other.show.slug, shopper, viewer.user_id).error().kind,
            ErrorKind::forbidden);                                                          // not theirs
  EXPECT_EQ(live.pin(made.show.slug, shopper, moon()).error().kind, ErrorKind::forbidden);  // not running it
  // The show's own people are not theirs to silence: the workshop's staff and operators.
  db->write([](soci::session& sql) {
    sql << "INSERT INTO user_roles (user_id, role, workshop_id, created_at) VALUES (3, 'vendor_staff', 1, "
           "'x')";
    sql << "INSERT INTO user_roles (user_id, role, workshop_id, created_at) VALUES (2, 'operator', NULL, "
           "'x')";
  });
  EXPECT_EQ(live.mute(made.show.slug, shopper, maker.user_id, 60).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(live.ban(made.show.slug, shopper, op.user_id).error().kind, ErrorKind::forbidden);
  EXPECT_TRUE(live.mute(made.show.slug, maker, viewer.user_id, 0));  // the host may; lifts the mute
  ASSERT_TRUE(live.remove_moderator(made.show.slug, maker, shopper.user_id));
  EXPECT_EQ(live.ban(made.show.slug, shopper, viewer.user_id).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(live.remove_moderator(made.show.slug, maker, shopper.user_id).error().kind, ErrorKind::not_found);
}

TEST_F(ChatServiceTest, TheTickSendsCountsAndHeartsAndRecordsWatchTime) {
  auto made = live.create(maker, 1, input({moon()})).value();
  ASSERT_TRUE(live.stream_started(made.stream_key));
  auto a = std::make_shared<FakePeer>(), b = std::make_shared<FakePeer>();
  live.rooms().of(made.show.id)->join(a, 0);
  live.rooms().of(made.show.id)->join(b, 0);
  live.heart(made.show.id);
  live.heart(made.show.id);
  live.tick();
  auto tick = a->last("tick");
  EXPECT_EQ(tick.at("viewers").as_int64(), 2);
  EXPECT_EQ(tick.at("hearts").as_int64(), 2);
  EXPECT_EQ(live.viewers(made.show.id), 2);
  auto show = *live.find(made.show.slug);
  EXPECT_EQ(show.peak_viewers, 2);
  EXPECT_EQ(show.watch_seconds, 2);
  // Once everyone has left, the tick says so to the other nodes and forgets the room.
  live.rooms().find(made.show.id)->leave(a.get());
  live.rooms().find(made.show.id)->leave(b.get());
  live.tick();
  EXPECT_EQ(live.rooms().find(made.show.id), nullptr);
  EXPECT_EQ(live.viewers(made.show.id), 0);
}

}  // namespace
}  // namespace brilliant::live
