#include "live/events.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/testing.hpp"

namespace brilliant::live {
namespace {

namespace json = boost::json;

TEST(Events, EachStartsWithItsTypeAndOnlyNodeEventsAreInternal) {
  repo::ChatLine line{3, 9, "김지민", "<b>hi</b>", "2026-12-01T11:00:00Z", false};
  const auto chat = chat_event(line);
  EXPECT_TRUE(chat.starts_with(R"({"type":"chat")"));
  EXPECT_EQ(json::parse(chat).at("text"), "<b>hi</b>");  // data: the page sets it as text
  EXPECT_FALSE(internal_event(chat));
  EXPECT_TRUE(internal_event(presence_event("node", 3, 1)));
  EXPECT_TRUE(internal_event(moderation_event(9, "", true)));
  EXPECT_FALSE(internal_event(tick_event(3, 1)));
  EXPECT_EQ(json::parse(state_event(State::live)).at("state"), "live");
  EXPECT_EQ(json::parse(deleted_event(3)).at("id").as_int64(), 3);
  EXPECT_EQ(json::parse(error_event("x", "why")).at("message"), "why");
  EXPECT_EQ(json::parse(sales_event(3, 297000)).at("revenue").as_int64(), 297000);
}

TEST(Events, ADealCarriesItsPhaseAndCountdownByTheServersClock) {
  Deal d;
  d.id = 4;
  d.quantity = 5;
  d.sold = 2;
  const TimePoint t0 = at("2026-12-01T00:00:00Z");
  d.starts_at = format_utc(t0);
  d.ends_at = format_utc(t0 + std::chrono::seconds(90));
  auto o = json::parse(deal_event(d, t0 + std::chrono::seconds(30))).at("deal").as_object();
  EXPECT_EQ(o.at("phase"), "open");
  EXPECT_EQ(o.at("seconds_left").as_int64(), 60);
  EXPECT_EQ(o.at("left").as_int64(), 3);
  catalog::Card card;
  card.id = 1;
  card.slug = "moon";
  card.image_id = 12;
  EXPECT_EQ(json::parse(showing_event(card)).at("piece").at("image_url"), "/media/images/12");
}

}  // namespace
}  // namespace brilliant::live
