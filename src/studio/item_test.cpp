#include "studio/item.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::studio {

TEST(Item, StationsRecordTheirOwnKindsOfEvent) {
  EXPECT_TRUE(kind_allowed(Station::intake, "received"));
  EXPECT_TRUE(kind_allowed(Station::qa, "qa_failed"));
  EXPECT_FALSE(kind_allowed(Station::qa, "received"));
  EXPECT_FALSE(kind_allowed(Station::packing, "restocked"));
  EXPECT_TRUE(kind_allowed(Station::fair, "sold_at_fair"));
  EXPECT_FALSE(kind_allowed(Station::fair, "shipped"));
  EXPECT_EQ(station_of("returns"), Station::returns);
  EXPECT_FALSE(station_of("office"));
  for (auto s : all_stations) EXPECT_EQ(station_of(to_string(s)), s);
}

TEST(Item, SerialsArePrintable) {
  const auto s = new_serial();
  EXPECT_TRUE(valid_serial(s)) << s;
  EXPECT_TRUE(s.starts_with("IT-"));
  EXPECT_FALSE(valid_serial("ECO-ABCD-EFGH"));
  EXPECT_FALSE(valid_serial("IT-ABCD-EFG"));
}

TEST(Item, WeightsAreReadExactlyAndFarOffOnesFlagged) {
  EXPECT_EQ(read_weight_cg("3.25").value(), 325);
  EXPECT_EQ(read_weight_cg("3.2").value(), 320);
  EXPECT_EQ(read_weight_cg("12").value(), 1200);
  EXPECT_EQ(read_weight_cg("0.01").value(), 1);
  EXPECT_EQ(read_weight_cg("3.255").error().field, "weight");
  EXPECT_EQ(read_weight_cg("-1").error().code, "weight_invalid");
  EXPECT_EQ(read_weight_cg("0").error().code, "weight_out_of_range");
  EXPECT_EQ(read_weight_cg("").error().code, "weight_invalid");
  EXPECT_FALSE(weight_far_off(325, 3200));  // 3.25 g against 3.2 g: 1.6 %
  EXPECT_TRUE(weight_far_off(400, 3200));   // 25 % heavier
  EXPECT_TRUE(weight_far_off(280, 3200));   // 12.5 % lighter
  EXPECT_FALSE(weight_far_off(280, 0));     // nothing stated
  EXPECT_EQ(grams(325), "3.25 g");
  EXPECT_EQ(grams(1205), "12.05 g");
}

TEST(Item, LogEntriesAreCanonicalAndNameTheSerial) {
  Item item;
  item.serial = "IT-0123-4567";
  const auto e =
      boost::json::parse(event_entry(item, "received", Station::intake, 7, "2026-11-29T00:00:00Z"));
  EXPECT_EQ(e.at("event").as_string(), "item.received");
  EXPECT_EQ(e.at("serial").as_string(), "IT-0123-4567");
  const auto p = photo_entry("IT-0123-4567", 3, "front", std::string(64, 'a'), "00ff", "T");
  EXPECT_EQ(p, photo_entry("IT-0123-4567", 3, "front", std::string(64, 'a'), "00ff", "T"));
  EXPECT_EQ(boost::json::parse(p).at("view").as_string(), "front");
}

}  // namespace brilliant::studio

namespace brilliant::studio {

TEST(Item, StockMovesWhenAPieceGoesOnOrOffTheShelfNotWhenItIsPacked) {
  EXPECT_EQ(stock_delta("", "received"), 1);
  EXPECT_EQ(stock_delta("received", "photographed"), 0);
  EXPECT_EQ(stock_delta("photographed", "qa_failed"), -1);
  EXPECT_EQ(stock_delta("qa_failed", "qa_passed"), 1);
  EXPECT_EQ(stock_delta("qa_passed", "packed"), 0);  // the order took it at checkout
  EXPECT_EQ(stock_delta("packed", "shipped"), 0);
  EXPECT_EQ(stock_delta("inspected", "restocked"), 1);
  EXPECT_EQ(stock_delta("listed", "returned_to_workshop"), -1);
  EXPECT_EQ(stock_delta("inspected", "returned_to_workshop"), 0);
  EXPECT_EQ(stock_delta("qa_passed", "sent_to_fair"), -1);  // a piece at a fair is not on the shop's shelf
  EXPECT_EQ(stock_delta("sent_to_fair", "back_from_fair"), 1);
  EXPECT_EQ(stock_delta("sent_to_fair", "sold_at_fair"), 0);
}

}  // namespace brilliant::studio
