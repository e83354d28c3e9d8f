#include "b2b/b2b.hpp"

#include "b2b/testing.hpp"
#include "exhibitions/exhibitions.hpp"

namespace brilliant::b2b {
namespace {

using Service = B2bFixture;

TEST_F(Service, ApprovingAnApplicationGrantsTheBuyerRoleAndRefusingTakesItAway) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM user_roles WHERE user_id = 1 AND role = 'buyer'"), 1);
  EXPECT_EQ(b2b.application(buyer)->status, "approved");
  EXPECT_EQ(b2b.apply(buyer, {"Siam Gems", "TH", "", ""}).error().code, "already_buyer");
  ASSERT_TRUE(b2b.decide(buyer, "refused", op).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM user_roles WHERE user_id = 1 AND role = 'buyer'"), 0);
  EXPECT_TRUE(b2b.apply(buyer, {"Siam Gems Co.", "th", "", "again"}).ok());
  EXPECT_EQ(b2b.application(buyer)->status, "pending");
  EXPECT_EQ(b2b.application(buyer)->info.country, "TH");
  EXPECT_EQ(b2b.decide(buyer, "maybe", op).error().field, "decision");
  EXPECT_FALSE(b2b.decide(77, "approved", op).ok());
}

TEST_F(Service, AQuoteGoesFromDraftToSentToAcceptedToOrderedAtTheQuotedPrice) {
  auto q = b2b.request(buyer, {"moon-ring", 0, 2, "", ""});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->status, "draft");
  EXPECT_EQ(q->workshop_id, 1);
  EXPECT_TRUE(looks_like_quote_number(q->number));
  auto draft = b2b.answer(1, q->number, {95000, 2, 0, 14, ""}, false, maker);
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(draft->status, "draft");  // saved, not sent
  auto sent = b2b.answer(1, q->number, {90000, 2, 0, 14, "from stock"}, true, maker);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->status, "sent");
  EXPECT_EQ(sent->unit_price, 90000);
  ASSERT_TRUE(b2b.accept(buyer, q->number).ok());
  const int before = stock("moon-ring");
  auto order = b2b.order(buyer, q->number, ordering("b2b-key-0001"));
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(order->subtotal, 180000);
  EXPECT_EQ(order->lines.at(0).quantity, 2);
  EXPECT_EQ(stock("moon-ring"), before - 2);
  const auto now = b2b.visible(q->number, buyer, 0, false);
  EXPECT_EQ(now->status, "ordered");
  EXPECT_EQ(now->order_number, order->number);
  EXPECT_EQ(b2b.order_of(*now)->number, order->number);
  // The same form again gets the same order; a new key finds the quote ordered already.
  EXPECT_EQ(b2b.order(buyer, q->number, ordering("b2b-key-0001"))->number, order->number);
  EXPECT_EQ(b2b.order(buyer, q->number, ordering("b2b-key-0002")).error().field, "status");
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM quote_events WHERE quote_id = " + std::to_string(q->id)), 5);
}

TEST_F(Service, TheOrderKeepsToTheMinimumAndARequestToAWithdrawnPieceIsRefused) {
  const auto q = sent_quote(2, 2);
  ASSERT_TRUE(b2b.accept(buyer, q.number).ok());
  EXPECT_EQ(b2b.order(buyer, q.number, ordering("b2b-key-0003", 1)).error().field, "quantity");
  db->write(
      [](soci::session& s) { s << "UPDATE products SET status = 'archived' WHERE slug = 'moon-ring'"; });
  EXPECT_EQ(b2b.request(buyer, {"moon-ring", 0, 2, "", ""}).error().code, "not_found");
  EXPECT_FALSE(b2b.order(buyer, q.number, ordering("b2b-key-0004")).ok());  // withdrawn since
  EXPECT_EQ(b2b.visible(q.number, buyer, 0, false)->status, "accepted");    // nothing half done
  EXPECT_EQ(b2b.request(buyer, {"sun-chain", 0, 0, "", ""}).error().field, "quantity");
  EXPECT_EQ(b2b.request(buyer, {"sun-chain", 12345, 1, "", ""}).error().field, "variant_id");
  EXPECT_EQ(b2b.request(buyer, {"sun-chain", 0, 1, "", "no-such-fair"}).error().field, "exhibition");
}

TEST_F(Service, AQuoteWithALeadTimeIsMadeForTheOrderAndLeavesTheShopsStockAlone) {
  auto q = b2b.request(buyer, {"moon-ring", 0, 20, "", ""});  // 2 in stock
  ASSERT_TRUE(b2b.answer(1, q->number, {80000, 10, 21, 14, "made for you"}, true, maker).ok());
  ASSERT_TRUE(b2b.accept(buyer, q->number).ok());
  auto order = b2b.order(buyer, q->number, ordering("b2b-key-0020"));
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(order->subtotal, 1600000);
  EXPECT_EQ(stock("moon-ring"), 2);
  // From stock (no lead time), the stock must be there.
  auto from_stock = b2b.request(buyer, {"moon-ring", 0, 3, "", ""});
  ASSERT_TRUE(b2b.answer(1, from_stock->number, {80000, 1, 0, 14, ""}, true, maker).ok());
  ASSERT_TRUE(b2b.accept(buyer, from_stock->number).ok());
  EXPECT_FALSE(b2b.order(buyer, from_stock->number, ordering("b2b-key-0021")).ok());
  EXPECT_EQ(b2b.visible(from_stock->number, buyer, 0, false)->status, "accepted");
}

TEST_F(Service, QuotesAreSeenAndChangedOnlyByTheirBuyerAndTheirWorkshop) {
  const auto q = sent_quote();
  EXPECT_TRUE(b2b.visible(q.number, buyer, 0, false));
  EXPECT_TRUE(b2b.visible(q.number, 0, 1, false));
  EXPECT_TRUE(b2b.visible(q.number, 0, 0, true));
  EXPECT_FALSE(b2b.visible(q.number, 5, 0, false));  // another buyer
  EXPECT_FALSE(b2b.visible(q.number, 0, 2, false));  // another workshop
  EXPECT_EQ(b2b.answer(2, q.number, {1, 1, 0, 14, ""}, true, 9).error().code, "not_found");
  EXPECT_EQ(b2b.accept(5, q.number).error().code, "not_found");
  EXPECT_EQ(b2b.of_workshop(2).size(), 0u);
  EXPECT_EQ(b2b.of_workshop(1).size(), 1u);
  EXPECT_EQ(b2b.of_buyer(5).size(), 0u);
}

TEST_F(Service, ASentQuoteExpiresAndEitherSideMayDeclineBeforeTheOrder) {
  const auto q = sent_quote();
  clock.advance(std::chrono::hours(24 * 15));
  EXPECT_EQ(b2b.visible(q.number, buyer, 0, false)->status, "expired");
  EXPECT_EQ(b2b.accept(buyer, q.number).error().code, "quote_expired");
  // An expired quote is closed: the buyer asks again.
  EXPECT_FALSE(b2b.answer(1, q.number, {90000, 1, 0, 14, ""}, true, maker).ok());
  const auto again = sent_quote();
  auto withdrawn = b2b.decline(buyer, 0, again.number, "found another supplier", buyer);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(withdrawn->status, "declined");
  EXPECT_FALSE(b2b.accept(buyer, again.number).ok());
  auto third = b2b.request(buyer, {"moon-ring", 0, 1, "", ""});
  EXPECT_TRUE(b2b.decline(0, 1, third->number, "sold out for the season", maker).ok());
  EXPECT_EQ(b2b.decline(0, 1, third->number, "", maker).error().code, "quote_declined");
}

TEST_F(Service, WorkshopsThatHaveNotAnsweredAreRemindedAfterTwoDaysThenDaily) {
  auto q = b2b.request(buyer, {"moon-ring", 0, 3, "", ""});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(b2b.send_reminders(), 0);
  clock.advance(std::chrono::hours(49));
  EXPECT_EQ(b2b.send_reminders(), 1);  // the maker of workshop 1
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE to_address = 'maker@x.kr' AND subject LIKE '%" +
                  q->number + "'"),
            1);
  EXPECT_EQ(b2b.send_reminders(), 0);
  clock.advance(std::chrono::hours(24));
  EXPECT_EQ(b2b.send_reminders(), 1);
  ASSERT_TRUE(b2b.answer(1, q->number, {90000, 1, 0, 14, ""}, true, maker).ok());
  clock.advance(std::chrono::hours(24));
  EXPECT_EQ(b2b.send_reminders(), 0);
}

}  // namespace
}  // namespace brilliant::b2b

namespace brilliant::b2b {
namespace {

TEST_F(Service, AFairsResultsCountItsQuotesAndItsB2bOrdersByTheBuyersCountry) {
  exhibitions::Exhibitions fairs{*db, clock};
  ASSERT_TRUE(fairs
                  .create({"bkk-2027", "방콕", "Bangkok", "Bangkok", "TH", "", "", "2027-02-01", "2027-02-04",
                           "THB", 5000000})
                  .ok());
  auto q = b2b.request(buyer, {"moon-ring", 0, 2, "", "bkk-2027"});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->exhibition_slug, "bkk-2027");
  ASSERT_TRUE(b2b.answer(1, q->number, {90000, 1, 0, 14, ""}, true, maker).ok());
  ASSERT_TRUE(b2b.request(buyer, {"sun-chain", 0, 3, "", "bkk-2027"}).ok());  // asked, not answered
  ASSERT_TRUE(b2b.accept(buyer, q->number).ok());
  const auto order = b2b.order(buyer, q->number, ordering("b2b-key-0030"));
  ASSERT_TRUE(order.ok());
  auto before = fairs.results(*fairs.find("bkk-2027"));
  EXPECT_EQ(before.quotes, 2);
  EXPECT_EQ(before.orders, 0);  // not paid yet
  ASSERT_TRUE(orders.mark_paid(order->number, op).ok());
  const auto r = fairs.results(*fairs.find("bkk-2027"));
  EXPECT_EQ(r.orders, 1);
  EXPECT_EQ(r.amount, 180000);
  ASSERT_EQ(r.countries.size(), 1u);
  EXPECT_EQ(r.countries[0].country, "TH");
  EXPECT_EQ(r.countries[0].quotes, 2);
  EXPECT_EQ(r.countries[0].orders, 1);
  EXPECT_EQ(r.countries[0].amount, 180000);
}

}  // namespace
}  // namespace brilliant::b2b
