#include "live/service.hpp"

#include <gtest/gtest.h>

#include "live/testing.hpp"

namespace brilliant::live {
namespace {

using ServiceTest = LiveFixture;

TEST_F(ServiceTest, HostsScheduleShowsOfTheirOwnPiecesOnly) {
  auto made = live.create(maker, 1, input({moon()}));
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->show.workshop_id, 1);
  EXPECT_EQ(made->show.lineup, std::vector<long long>{moon()});
  EXPECT_TRUE(is_random_token(made->stream_key, 24));
  EXPECT_EQ(live.create(maker, 1, input({catalog.product("sun-chain")->id})).error().code,
            "lineup_not_yours");
  EXPECT_EQ(live.create(maker, 2, input({})).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(live.create(shopper, 0, input({})).error().kind, ErrorKind::forbidden);
  auto hub = live.create(op, 0, input({moon(), catalog.product("sun-chain")->id}));  // the hub shows anyone's
  ASSERT_TRUE(hub);
  EXPECT_FALSE(Live::may_manage(hub->show, maker));
  EXPECT_TRUE(Live::may_manage(made->show, maker));
  EXPECT_EQ(live.list(1).size(), 1u);
  EXPECT_EQ(live.list().size(), 2u);
}

TEST_F(ServiceTest, TheKeyStartsTheShowTheSlugOrKeyEndsItAndARotatedKeyReplacesTheOld) {
  auto made = live.create(maker, 1, input({moon()})).value();
  auto key = live.rotate_key(made.show.slug, maker).value();
  EXPECT_EQ(live.stream_started(made.stream_key).error().kind, ErrorKind::forbidden);
  auto started = live.stream_started(key);
  ASSERT_TRUE(started);
  EXPECT_EQ(started->state, State::live);
  EXPECT_FALSE(started->started_at.empty());
  auto ended = live.stream_ended(made.show.slug);
  ASSERT_TRUE(ended);
  EXPECT_EQ(ended->state, State::ended);
  EXPECT_EQ(live.stream_started(key).error().code, "show_ended");
  EXPECT_EQ(live.stream_ended("nope").error().kind, ErrorKind::forbidden);
}

TEST_F(ServiceTest, ADealIsBoughtThroughCheckoutAndItsFailuresLeaveNothingBehind) {
  auto made = live.create(maker, 1, input({moon()})).value();
  const auto variant_id = catalog.product("moon-ring")->variants.at(0).id;
  EXPECT_EQ(live.add_deal(made.show.slug, maker, {variant_id, 130000, 1, 1, 60}).error().code,
            "price_not_lower");
  auto deal = live.add_deal(made.show.slug, maker, {variant_id, 99000, 1, 1, 60});
  ASSERT_TRUE(deal);
  EXPECT_EQ(live.start_deal(made.show.slug, maker, deal->id).error().code, "show_not_live");
  ASSERT_TRUE(live.stream_started(made.stream_key));
  ASSERT_TRUE(live.start_deal(made.show.slug, maker, deal->id));
  Purchase p{1, {"김보석", "01012345678", "54538", "익산시 보석로 1", "", ""}, "live-key-1", "ko"};
  auto panel = std::make_shared<FakePeer>();
  live.rooms().of(made.show.id)->join(panel, maker.user_id);
  auto order = live.buy(made.show.slug, deal->id, shopper, p);
  ASSERT_TRUE(order) << order.error().message;
  EXPECT_EQ(panel->last("sales").at("orders").as_int64(), 1);  // the host sees it as it happens
  EXPECT_EQ(panel->last("deal").at("deal").at("left").as_int64(), 0);
  EXPECT_EQ(order->subtotal, 99000);
  EXPECT_EQ(stock("moon-ring"), 1);
  EXPECT_EQ(live.buy(made.show.slug, deal->id, shopper, p)->number, order->number);  // the same tap again
  auto other = who(2, web::Role::shopper);
  p.key = "live-key-2";
  EXPECT_EQ(live.buy(made.show.slug, deal->id, other, p).error().code, "deal_sold_out");
  EXPECT_EQ(stock("moon-ring"), 1);  // the refused order took nothing
  EXPECT_EQ(live.analytics(*live.find(made.show.slug)).orders, 1);
}

TEST_F(ServiceTest, RemindersAreQueuedOnceForShowsStartingWithinTenMinutes) {
  auto made = live.create(maker, 1, input({moon()})).value();
  int composed = 0;
  live.set_reminder_mail([&](const Show& s, const std::string& email, const std::string&) {
    ++composed;
    return mail::Mail{email, s.title_ko, "soon"};
  });
  EXPECT_TRUE(live.remind(made.show.slug, shopper.user_id).value());
  EXPECT_FALSE(live.remind(made.show.slug, shopper.user_id).value());
  EXPECT_TRUE(live.reminded(made.show.id, shopper.user_id));
  TimePoint start;
  parse_utc(made.show.scheduled_at, start);
  clock.advance(std::chrono::duration_cast<std::chrono::seconds>(start - clock.now()) -
                std::chrono::minutes(11));
  EXPECT_EQ(live.send_reminders(), 0);
  clock.advance(std::chrono::minutes(2));
  EXPECT_EQ(live.send_reminders(), 1);
  EXPECT_EQ(live.send_reminders(), 0);
  EXPECT_EQ(composed, 1);
}

}  // namespace
}  // namespace brilliant::live
