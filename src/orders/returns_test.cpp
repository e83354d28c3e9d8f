// Returns on the test orders: asked within the law's windows, approved, sent back, inspected, refunded
// (a card through the wired refund, a transfer into the batch) and reversed in a confirmed parcel's ledger.
#include "orders/returns.hpp"

#include <gtest/gtest.h>

#include "orders/delivery_rules.hpp"
#include "orders/ledger.hpp"
#include "orders/returns_rules.hpp"
#include "orders/testing.hpp"

namespace brilliant::orders {
namespace {

class ReturnsTest : public OrdersFixture {
 protected:
  Order delivered(const std::string& key, const std::string& tracking) {
    auto order = one_ring_order(key);
    EXPECT_TRUE(orders.mark_paid(order.number, 2).ok());
    EXPECT_TRUE(orders.ship(order.number, 1, 3, "cj", tracking).ok());
    auto d = orders.deliver(order.number, 1, 3);
    EXPECT_TRUE(d.ok());
    return *d;
  }
  ReturnRequest ask(const Order& o, const std::string& reason = "change_of_mind") {
    ReturnRequest r;
    r.line_ids = {o.lines.at(0).id};
    r.reason = reason;
    r.refund_account = "국민은행 123401-04-567890 김보석";
    return r;
  }
  // A change of mind asked for, approved and sent back (its waybill `tracking`): on its way to be received.
  OrderReturn sent_back(const Order& order, const std::string& tracking) {
    auto x = returns.request(order, ask(order), 1);
    EXPECT_TRUE(x.ok()) << x.error().message;
    EXPECT_TRUE(returns.approve(x->id, 1, "", 3).ok());
    EXPECT_TRUE(returns.ship_back(x->id, "cj", tracking, 1).ok());
    return *x;
  }
  // How many of these returns' lines of the refund file the operator marked transferred (-1: refused).
  int mark(const std::vector<long long>& ids) {
    auto marked = returns.mark_transferred(ids, 2);
    return marked.ok() ? *marked : -1;
  }
  Returns returns{*db, orders, clock};
  Ledger ledger{*db, clock};
};

TEST_F(ReturnsTest, AChangeOfMindIsRefundedLessTheReturnShippingByTransfer) {
  auto order = delivered("k-ret", "100000000001");
  auto no_account = ask(order);
  no_account.refund_account = "";
  EXPECT_EQ(returns.request(order, no_account, 1).error().field, "refund_account");
  auto endless = ask(order);  // the account is kept as typed: one line of at most 100 characters
  endless.refund_account += std::string(80, '0');
  EXPECT_EQ(returns.request(order, endless, 1).error().field, "refund_account");
  endless = ask(order);
  endless.refund_account += "\n다른 줄";
  EXPECT_EQ(returns.request(order, endless, 1).error().field, "refund_account");
  auto long_details = ask(order);  // 1,000 characters of details fit (3,000 bytes of Korean)
  long_details.details.clear();
  for (int i = 0; i < 1001; ++i) long_details.details += "흠";
  EXPECT_EQ(returns.request(order, long_details, 1).error().field, "details");
  long_details.details.resize(long_details.details.size() - 3);  // 1,000 characters
  auto x = returns.request(order, long_details, 1);
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ(x->status, "requested");
  EXPECT_EQ(x->shipping_payer, "shopper");
  EXPECT_EQ(x->refund_amount, 120000 - return_shipping_fee);
  EXPECT_EQ(returns.request(order, ask(order), 1).error().code, "return_open");    // one at a time
  EXPECT_EQ(returns.approve(x->id, 2, "", 3).error().kind, ErrorKind::not_found);  // not workshop 2's
  ASSERT_TRUE(returns.approve(x->id, 1, "CJ 반품 접수해 주세요", 3).ok());
  EXPECT_EQ(returns.ship_back(x->id, "cj", "12", 1).error().field, "tracking");
  ASSERT_TRUE(returns.ship_back(x->id, "cj", "200000000002", 1).ok());
  EXPECT_EQ(returns.receive(x->id, 1, false, "", 3).error().field, "note");
  auto received = returns.receive(x->id, 1, true, "", 3);
  ASSERT_TRUE(received.ok());
  EXPECT_EQ(received->status, "received");
  EXPECT_FALSE(received->refund_due.empty());
  auto refunded = returns.refund(x->id, 2);
  ASSERT_TRUE(refunded.ok()) << refunded.error().message;
  EXPECT_EQ(refunded->refund_method, "transfer");
  EXPECT_NE(returns.transfer_batch_csv().find("004,국민은행 123401-04-567890 김보석,116500"),
            std::string::npos);
  EXPECT_EQ(returns.refund(x->id, 2).error().code, "return_state");  // once
  const auto events = orders.find(order.number)->events;
  EXPECT_EQ(events.back().kind, "return_refund_queued");
  // Not confirmed, never credited: nothing to reverse.
  EXPECT_TRUE(ledger.entries(1, format_seoul(clock.now()).substr(0, 7)).empty());
}

// Article 18(2): a transfer refund queued after its due day is paid with its delay interest, and its memo
// says so; the workshop's ledger is not charged the interest.
TEST_F(ReturnsTest, ATransferRefundMadeLateCarriesItsDelayInterest) {
  auto order = delivered("k-ret-late", "100000000011");
  const auto x = sent_back(order, "200000000012");
  auto received = returns.receive(x.id, 1, true, "", 3);
  ASSERT_TRUE(received.ok());
  clock.advance(std::chrono::hours(24 * 12));
  const long long late = days_late(received->refund_due, format_utc(clock.now()));
  ASSERT_GT(late, 0);
  auto refunded = returns.refund(x.id, 2);
  ASSERT_TRUE(refunded.ok()) << refunded.error().message;
  const long long interest = 116500 * 15 * late / 36500;
  ASSERT_GT(interest, 0);
  const auto batch = returns.transfer_batch_csv();
  EXPECT_NE(batch.find("004,국민은행 123401-04-567890 김보석," + std::to_string(116500 + interest) +
                       ",브릴리언트 반품 환불 " + order.number + " (지연배상금 " + std::to_string(interest) +
                       "원 포함)"),
            std::string::npos)
      << batch;
}

// A card cancellation cannot carry more than was paid: a card refund made late sends its delay interest to
// the account the shopper gives, on a line of its own in the refund file; a virtual account's goes to the
// account its refund went to, with nothing to ask.
TEST_F(ReturnsTest, ALateCardRefundsInterestGoesToTheAccountTheShopperGives) {
  returns.set_card_refund([](const std::string&, long long, const std::string&, long long,
                             const std::string&) -> Result<void> { return {}; });
  const auto late_refund = [&](const std::string& key, const std::string& tracking,
                               const std::string& method) {
    auto order = delivered(key, tracking);
    db->write([&](soci::session& sql) {
      sql << "UPDATE orders SET payment_method = :m WHERE id = :i", soci::use(method), soci::use(order.id);
    });
    order = *orders.find(order.number);
    auto req = ask(order, "defective");
    if (method == "card") req.refund_account = "";
    auto x = returns.request(order, req, 1);
    EXPECT_TRUE(x.ok()) << x.error().message;
    EXPECT_TRUE(returns.approve(x->id, 1, "", 3).ok());
    EXPECT_TRUE(returns.receive(x->id, 1, true, "", 3).ok());
    if (method == "card") clock.advance(std::chrono::hours(24 * 12));
    EXPECT_EQ(returns.give_interest_account(x->id, "국민은행 123401-04-567890 김보석", 1).error().code,
              "return_state");  // not refunded yet: the interest is not known
    if (method != "card") clock.advance(std::chrono::hours(24 * 12));
    auto refunded = returns.refund(x->id, 2);
    EXPECT_TRUE(refunded.ok()) << refunded.error().message;
    return std::pair{order, *refunded};
  };
  const auto [order, x] = late_refund("k-card-late", "100000000031", "card");
  const long long interest = delay_interest(120000, days_late(x.refund_due, x.refunded_at));
  ASSERT_GT(interest, 0);
  const std::string memo = "브릴리언트 반품 지연배상금 " + order.number;
  EXPECT_EQ(returns.transfer_batch_csv().find(memo), std::string::npos);  // no account yet: no line
  EXPECT_EQ(returns.give_interest_account(x.id, "  ", 1).error().field, "refund_account");
  EXPECT_EQ(returns.give_interest_account(x.id, "국민은행 1234\n김보석", 1).error().field, "refund_account");
  auto given = returns.give_interest_account(x.id, " 신한은행 110-123-456789 김보석 ", 1);
  ASSERT_TRUE(given.ok()) << given.error().message;
  EXPECT_EQ(given->refund_account, "신한은행 110-123-456789 김보석");
  EXPECT_EQ(orders.find(order.number)->events.back().kind, "return_interest_account");
  const auto batch = returns.transfer_batch_csv();
  EXPECT_NE(batch.find("088,신한은행 110-123-456789 김보석," + std::to_string(interest) + "," + memo),
            std::string::npos)
      << batch;
  ASSERT_EQ(mark({x.id}), 1);  // the interest paid: out of the file
  EXPECT_EQ(returns.transfer_batch_csv().find(memo), std::string::npos);
  EXPECT_EQ(orders.find(order.number)->events.back().kind, "return_interest_paid");
  EXPECT_EQ(returns.give_interest_account(x.id, "우리은행 1002-123-456789 김보석", 1).error().code,
            "interest_paid");  // paid: its account no longer changes
  // A virtual account's interest goes where its refund went.
  const auto [va, y] = late_refund("k-va-late", "100000000032", "virtual_account");
  const long long va_interest = delay_interest(120000, days_late(y.refund_due, y.refunded_at));
  ASSERT_GT(va_interest, 0);
  EXPECT_NE(returns.transfer_batch_csv().find("004,국민은행 123401-04-567890 김보석," +
                                              std::to_string(va_interest) + ",브릴리언트 반품 지연배상금 " +
                                              va.number),
            std::string::npos);
  EXPECT_EQ(returns.give_interest_account(y.id, "신한은행 110-123-456789 김보석", 1).error().code,
            "interest_not_owed");
  // A card refund made on time owes no interest.
  auto on_time = delivered("k-card-on-time", "100000000033");
  db->write([&](soci::session& sql) {
    sql << "UPDATE orders SET payment_method = 'card' WHERE id = :i", soci::use(on_time.id);
  });
  on_time = *orders.find(on_time.number);
  auto req = ask(on_time, "defective");
  req.refund_account = "";
  auto z = returns.request(on_time, req, 1);
  ASSERT_TRUE(z.ok());
  ASSERT_TRUE(returns.approve(z->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.receive(z->id, 1, true, "", 3).ok());
  ASSERT_TRUE(returns.refund(z->id, 2).ok());
  EXPECT_EQ(returns.give_interest_account(z->id, "신한은행 110-123-456789 김보석", 1).error().code,
            "interest_not_owed");
}

// The refund file pays each line once: marked transferred (the bank made it), a refund leaves the file with
// its order event; marking it again changes nothing.
TEST_F(ReturnsTest, ARefundLeavesTheFileOnceMarkedTransferred) {
  auto order = delivered("k-ret-file", "100000000041");
  const auto x = sent_back(order, "200000000042");
  ASSERT_TRUE(returns.receive(x.id, 1, true, "", 3).ok());
  ASSERT_TRUE(returns.refund(x.id, 2).ok());
  const std::string memo = "브릴리언트 반품 환불 " + order.number;
  ASSERT_EQ(returns.transfers_to_make().size(), 1u);
  EXPECT_EQ(returns.transfers_to_make()[0].amount, 116500);
  EXPECT_NE(returns.transfer_batch_csv().find(memo), std::string::npos);
  EXPECT_EQ(returns.mark_transferred({}, 2).error().field, "ids");
  EXPECT_EQ(mark({x.id + 1000}), 0);  // not in the file
  ASSERT_EQ(mark({x.id}), 1);
  EXPECT_TRUE(returns.transfers_to_make().empty());
  EXPECT_EQ(returns.transfer_batch_csv().find(memo), std::string::npos);
  EXPECT_FALSE(returns.find(x.id)->transferred_at.empty());
  const auto events = orders.find(order.number)->events;
  EXPECT_EQ(events.back().kind, "return_refund_transferred");
  EXPECT_EQ(events.back().note, "116500원");
  EXPECT_EQ(mark({x.id}), 0);  // once
  EXPECT_EQ(orders.find(order.number)->events.size(), events.size());
}

// The refund's 3 business days run from the piece's return to the hub (the studio's returns station), not
// from an inspection that took longer; an arrival after the inspection (none recorded earlier) changes
// nothing.
TEST_F(ReturnsTest, TheRefundIsDueThreeBusinessDaysAfterThePieceCameBack) {
  auto order = delivered("k-ret-arrived", "100000000021");
  const auto x = sent_back(order, "200000000022");
  const auto arrived = format_utc(clock.now());
  std::string asked_for;  // the return the hook was asked about
  returns.set_arrival([&](const Order& o, const OrderReturn& r) {
    asked_for = o.number + " " + std::to_string(r.id);
    return arrived;
  });
  clock.advance(std::chrono::hours(24 * 6));  // inspected six days after it came back
  auto received = returns.receive(x.id, 1, true, "", 3);
  ASSERT_TRUE(received.ok());
  EXPECT_EQ(asked_for, order.number + " " + std::to_string(x.id));
  EXPECT_EQ(received->refund_due, add_business_days(arrived, 3));
  EXPECT_LT(received->refund_due, add_business_days(format_utc(clock.now()), 3));
  // A later "arrival" than the inspection: the inspection's day counts.
  const auto y = sent_back(delivered("k-ret-arrived-2", "100000000023"), "200000000024");
  returns.set_arrival([&](const Order&, const OrderReturn&) { return std::string("2099-01-01T00:00:00Z"); });
  auto second = returns.receive(y.id, 1, true, "", 3);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->refund_due, add_business_days(format_utc(clock.now()), 3));
}

TEST_F(ReturnsTest, TheWindowClosesAfterSevenDaysButADefectHasThreeMonths) {
  auto order = delivered("k-late-ret", "100000000003");
  clock.advance(std::chrono::hours(24 * 9));
  auto late = returns.request(order, ask(order), 1);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "return_window_closed");
  auto defect = returns.request(order, ask(order, "defective"), 1);
  ASSERT_TRUE(defect.ok()) << defect.error().message;
  EXPECT_EQ(defect->shipping_payer, "seller");
  EXPECT_EQ(defect->refund_amount, 120000);
}

TEST_F(ReturnsTest, ARefundOfAConfirmedParcelIsReversedInTheLedgerAndACardGoesBackThroughThePayment) {
  auto order = delivered("k-card-ret", "100000000004");
  db->write([&](soci::session& sql) {
    sql << "UPDATE orders SET payment_method = 'card' WHERE id = :i", soci::use(order.id);
  });
  ASSERT_TRUE(orders.confirm_purchase(order.number, 1).ok());
  std::vector<std::pair<std::string, long long>> refunds;
  returns.set_card_refund([&](const std::string& number, long long amount, const std::string&, long long,
                              const std::string&) -> Result<void> {
    refunds.emplace_back(number, amount);
    return {};
  });
  auto card_order = *orders.find(order.number);
  auto req = ask(card_order, "defective");
  req.refund_account = "";  // a card is refunded to the card
  auto x = returns.request(card_order, req, 1);
  ASSERT_TRUE(x.ok()) << x.error().message;
  ASSERT_TRUE(returns.approve(x->id, 0, "", 2).ok());  // the operator
  ASSERT_TRUE(returns.receive(x->id, 0, true, "scratch confirmed", 2).ok());
  auto refunded = returns.refund(x->id, 2);
  ASSERT_TRUE(refunded.ok()) << refunded.error().message;
  ASSERT_EQ(refunds.size(), 1u);
  EXPECT_EQ(refunds[0], (std::pair<std::string, long long>{order.number, 120000}));
  long long balance = 0;
  for (const auto& e : ledger.entries(1, format_seoul(clock.now()).substr(0, 7))) balance += e.amount;
  EXPECT_EQ(balance, 0);  // sale and commission both reversed
}

// A Toss virtual account's payment goes back through Toss, to the account the shopper typed.
TEST_F(ReturnsTest, AVirtualAccountIsRefundedThroughTheProviderToTheShoppersAccount) {
  auto order = delivered("k-va-ret", "100000000008");
  db->write([&](soci::session& sql) {
    sql << "UPDATE orders SET payment_method = 'virtual_account' WHERE id = :i", soci::use(order.id);
  });
  std::string sent_to;
  returns.set_card_refund([&](const std::string&, long long, const std::string&, long long,
                              const std::string& account) -> Result<void> {
    sent_to = account;
    return {};
  });
  const auto va = *orders.find(order.number);
  auto x = returns.request(va, ask(va, "defective"), 1);
  ASSERT_TRUE(x.ok()) << x.error().message;
  ASSERT_TRUE(returns.approve(x->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.receive(x->id, 1, true, "", 3).ok());
  auto refunded = returns.refund(x->id, 2);
  ASSERT_TRUE(refunded.ok()) << refunded.error().message;
  EXPECT_EQ(refunded->refund_method, "virtual_account");
  EXPECT_EQ(sent_to, "국민은행 123401-04-567890 김보석");
  EXPECT_EQ(returns.transfer_batch_csv().find("k-va-ret"), std::string::npos);  // not in the bank's batch
  EXPECT_EQ(returns.transfer_batch_csv().find(order.number), std::string::npos);
}

TEST_F(ReturnsTest, AnExchangeNeedsTheSizeAndEndsExchanged) {
  auto order = delivered("k-exchange", "100000000005");
  auto req = ask(order, "wrong_size");
  req.kind = "exchange";
  EXPECT_EQ(returns.request(order, req, 1).error().field, "exchange_variant_id");
  req.exchange_variant_id = order.lines.at(0).variant_id;  // the same size again: a faulty piece replaced
  auto x = returns.request(order, req, 1);
  ASSERT_TRUE(x.ok()) << x.error().message;
  EXPECT_EQ(x->refund_amount, 0);
  ASSERT_TRUE(returns.approve(x->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.ship_back(x->id, "post", "6000111122223", 1).ok());
  auto done = returns.receive(x->id, 1, true, "", 3);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->status, "exchanged");
  EXPECT_EQ(returns.of_workshop(1).size(), 1u);
  EXPECT_EQ(returns.of_workshop(2).size(), 0u);
}

TEST_F(ReturnsTest, AnOpenReturnHoldsBackTheAutomaticConfirmation) {
  auto order = delivered("k-hold", "100000000006");
  ASSERT_TRUE(returns.request(order, ask(order), 1).ok());
  clock.advance(std::chrono::hours(24 * (auto_confirm_days + 1)));
  EXPECT_EQ(orders.auto_confirm(), 0);
}

}  // namespace
}  // namespace brilliant::orders

#include <unistd.h>

#include "db/database.hpp"
#include "mail/outbox.hpp"
#include "media/blob_store.hpp"
#include "media/samples.hpp"

namespace brilliant::orders {
namespace {

class ReturnExtrasTest : public ReturnsTest {
 protected:
  std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                 ("return-photos-" + std::to_string(::getpid()) + "-" +
                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
  media::FolderBlobStore blobs{folder};
  void TearDown() override { std::filesystem::remove_all(folder); }
};

TEST_F(ReturnExtrasTest, PhotosGoWithTheRequestUntilThePieceComesBack) {
  auto order = delivered("k-ret-photo", "100000000031");
  auto x = returns.request(order, ask(order, "defective"), 1);
  ASSERT_TRUE(x.ok()) << x.error().message;
  const auto photo = media::sample_piece_photo(400, 300, 200);
  EXPECT_EQ(returns.add_photo(x->id, photo, 1).error().field, "photo");  // no blob store: refused
  returns.set_blobs(&blobs);
  EXPECT_EQ(returns.add_photo(x->id, "not an image", 1).error().field, "photo");
  auto id = returns.add_photo(x->id, photo, 1);
  ASSERT_TRUE(id.ok()) << id.error().message;
  const auto again = returns.find(x->id);
  ASSERT_EQ(again->photo_ids, std::vector<long long>{*id});
  const auto preview = returns.photo_preview(x->id, *id);
  ASSERT_TRUE(preview.has_value());
  EXPECT_EQ(preview->substr(1, 3), "PNG");
  EXPECT_FALSE(returns.photo_preview(x->id + 1, *id).has_value());  // another return's id
  ASSERT_TRUE(returns.approve(x->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.ship_back(x->id, "cj", "200000000032", 1).ok());
  EXPECT_EQ(returns.add_photo(x->id, photo, 1).error().code, "return_state");
}

TEST_F(ReturnExtrasTest, AnAcceptedReturnPutsThePieceBackInStockButADeclinedOneDoesNot) {
  auto order = delivered("k-ret-stock", "100000000051");
  EXPECT_EQ(stock("moon-ring"), 1);
  auto x = returns.request(order, ask(order), 1);
  ASSERT_TRUE(x.ok());
  ASSERT_TRUE(returns.approve(x->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.ship_back(x->id, "cj", "200000000052", 1).ok());
  ASSERT_TRUE(returns.receive(x->id, 1, true, "", 3).ok());
  EXPECT_EQ(stock("moon-ring"), 2);
  auto other = delivered("k-ret-stock-2", "100000000053");
  auto y = returns.request(other, ask(other), 1);
  ASSERT_TRUE(y.ok());
  ASSERT_TRUE(returns.approve(y->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.receive(y->id, 1, false, "the stone is missing", 3).ok());
  EXPECT_EQ(stock("moon-ring"), 1);  // declined: the piece goes back to the shopper
}

TEST_F(ReturnExtrasTest, EveryStepIsMailedToTheShopperInTheSameTransaction) {
  std::vector<std::string> mailed;
  returns.set_mail([&](const Order& o, const OrderReturn& r, const std::string& event, const std::string&) {
    mailed.push_back(event + ":" + r.status);
    return mail::Mail{o.customer_email, event, r.status, "", ""};
  });
  auto order = delivered("k-ret-mail", "100000000041");
  auto x = returns.request(order, ask(order), 1);
  ASSERT_TRUE(x.ok());
  ASSERT_TRUE(returns.approve(x->id, 1, "", 3).ok());
  ASSERT_TRUE(returns.ship_back(x->id, "cj", "200000000042", 1).ok());
  ASSERT_TRUE(returns.receive(x->id, 1, true, "", 3).ok());
  ASSERT_TRUE(returns.refund(x->id, 2).ok());
  EXPECT_EQ(mailed, (std::vector<std::string>{"return_requested:requested", "return_approved:approved",
                                              "return_shipped:shipped_back", "return_received:received",
                                              "return_refund_queued:refunded"}));
  long long queued = 0;
  db->read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM outbox WHERE to_address = 'a@x.kr'", soci::into(queued);
  });
  EXPECT_EQ(queued, 5);
}

}  // namespace
}  // namespace brilliant::orders
