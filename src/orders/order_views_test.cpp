#include "orders/order_views.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "orders/returns_rules.hpp"

namespace brilliant::orders {
namespace {

// Messages as their keys, so the test sees which words a field asks for.
std::string key(const std::string& k) { return "[" + k + "]"; }

Order order() {
  Order o;
  o.number = "BR-261126-7KQ4MX2P";
  o.status = OrderStatus::awaiting_payment;
  o.payment_method = "bank_transfer";
  o.subtotal = 390000;
  o.shipping_fee = 3000;
  o.total = 393000;
  o.created_at = "2026-11-26T01:05:00Z";
  o.pay_by = "2026-11-29T01:05:00Z";
  o.fulfilments = {{.id = 1,
                    .workshop_id = 7,
                    .workshop_slug = "moon",
                    .workshop_ko = "달 공방",
                    .workshop_en = "Moon Atelier",
                    .status = ParcelStatus::awaiting_payment,
                    .subtotal = 390000,
                    .shipping_fee = 3000}};
  OrderLine ring{.id = 1,
                 .fulfilment_id = 1,
                 .workshop_id = 7,
                 .slug = "moon-ring",
                 .title_ko = "달 반지",
                 .title_en = "Moon Ring",
                 .variant_ko = "13호",
                 .variant_en = "KR 13",
                 .sku = "M-13",
                 .quantity = 2,
                 .unit_price = 180000,
                 .options_fee = 15000,
                 .line_total = 390000,
                 .pricing = "formula",
                 .quote_id = 9,
                 .quote_won_per_gram = 150000,
                 .quote_metal = "gold",
                 .quote_day = "2026-11-26"};
  ring.engraving = "J&M";
  o.lines = {ring};
  o.events = {{"placed", "", "김보석", "2026-11-26T01:05:00Z"}};
  return o;
}

TEST(OrderViews, AnOrderAwaitingPaymentInEnglish) {
  auto j = order_json(order(), "en", key, "KB 123");
  EXPECT_EQ(j.at("url").as_string(), "/en/orders/BR-261126-7KQ4MX2P");
  EXPECT_EQ(j.at("status_text").as_string(), "[orders.status.awaiting_payment]");
  EXPECT_EQ(j.at("state").as_string(), "in_review");
  EXPECT_EQ(j.at("bank_account").as_string(), "KB 123");
  EXPECT_EQ(j.at("total_text").as_string(), catalog::format_won(393000, "en"));
  EXPECT_EQ(j.at("placed_at").as_string(), "2026-11-26 10:05");  // Seoul
  EXPECT_EQ(j.at("pieces").as_int64(), 2);
  EXPECT_EQ(j.at("summary").as_string(), "Moon Ring");
  EXPECT_FALSE(j.contains("address"));  // none given (a workshop before payment)
  EXPECT_FALSE(j.contains("cancel_reason"));
  EXPECT_FALSE(j.at("events").at(0).as_object().contains("note"));
  const auto& parcel = j.at("parcels").at(0);
  EXPECT_EQ(parcel.at("workshop").as_string(), "Moon Atelier");
  const auto& line = parcel.at("lines").at(0);
  EXPECT_EQ(line.at("url").as_string(), "/en/products/moon-ring");
  EXPECT_TRUE(line.at("engraved").as_bool());
  EXPECT_TRUE(line.at("has_options").as_bool());
  EXPECT_TRUE(line.at("show_sku").as_bool());
  EXPECT_EQ(line.at("quote").at("won_per_gram").as_int64(), 150000);
  EXPECT_EQ(line.at("quote").at("text").as_string(), "[orders.quote_text]");
}

// A line's small print joins what it has with dots, and never starts or ends with one.
TEST(OrderViews, ALinesSmallPrintHasNoStrayDots) {
  auto o = order();
  auto details = [&] {
    return std::string(
        order_json(o, "en", key, "").at("parcels").at(0).at("lines").at(0).at("details").as_string());
  };
  EXPECT_EQ(details(), "KR 13 · M-13");
  o.lines[0].made_to_order = true;
  o.lines[0].lead_days = 21;
  EXPECT_EQ(details(), "KR 13 · M-13 · [catalog.made_to_order_days]");
  o.lines[0].variant_en = "";  // a line written without its option's name
  EXPECT_EQ(details(), "M-13 · [catalog.made_to_order_days]");
  o.lines[0].variant_en = "M-13";  // the option named by its SKU: said once
  o.lines[0].made_to_order = false;
  EXPECT_EQ(details(), "M-13");
}

// The console's list: the state and page asked for, refused by name when it cannot be shown, and its links.
TEST(OrderViews, TheConsolesListOfOrdersByState) {
  const auto count = [](std::string_view state) {
    return state == "all" ? 45LL : state == "to_ship" ? 31LL : 0LL;
  };
  EXPECT_EQ(list_asked(web::parse_form("show=lost"), count, 30).error().field, "show");
  EXPECT_EQ(list_asked(web::parse_form("page=0"), count, 30).error().field, "page");
  const auto asked = list_asked(web::parse_form("show=to_ship&page=2"), count, 30).value();
  EXPECT_EQ(asked.window.first, 30u);
  const auto m = list_json("/console/orders", asked, count, key);
  EXPECT_EQ(m.at("list_query").as_string(), "?show=to_ship&page=2");
  EXPECT_EQ(m.at("prev_url").as_string(), "/console/orders?show=to_ship");
  EXPECT_FALSE(m.contains("next_url"));
  EXPECT_EQ(m.at("tabs").at(0).at("count").as_int64(), 45);
  EXPECT_TRUE(m.at("tabs").at(1).at("current").as_bool());
  EXPECT_EQ(list_query("all", 1), "");
  EXPECT_EQ(list_query("all", 3), "?page=3");
}

TEST(OrderViews, APaidOrderInKoreanShowsTheAddressNotTheAccount) {
  auto o = order();
  o.status = OrderStatus::paid;
  o.fulfilments[0].shipping_fee = 0;
  o.address = {"김보석", "010-1234-5678", "54538", "익산시 보석로 1", "", "문 앞"};
  o.lines[0].pricing = "fixed";
  o.lines.push_back(o.lines[0]);
  auto j = order_json(o, "ko", key, "KB 123");
  EXPECT_EQ(j.at("url").as_string(), "/orders/BR-261126-7KQ4MX2P");
  EXPECT_EQ(j.at("state").as_string(), "published");
  EXPECT_FALSE(j.contains("bank_account"));
  EXPECT_EQ(j.at("address").at("note").as_string(), "문 앞");
  EXPECT_EQ(j.at("parcels").at(0).at("shipping_fee_text").as_string(), "[orders.free]");
  EXPECT_FALSE(j.at("parcels").at(0).at("lines").at(0).as_object().contains("quote"));
  EXPECT_EQ(j.at("summary").as_string(), "달 반지[orders.and_more]");
}

// An exchange's replacement is not a second purchase: the list says "달 반지", one piece, not "and 1
// more"; and a paid order says how far its parcels have come, the least advanced first.
TEST(OrderViews, AnExchangedOrderCountsWhatWasBoughtAndSaysHowFarItHasCome) {
  auto o = order();
  o.status = OrderStatus::paid;
  o.lines[0].quantity = 1;
  o.fulfilments[0].status = ParcelStatus::delivered;
  auto replacement = o.lines[0];
  replacement.id = 2;
  replacement.fulfilment_id = 2;
  replacement.replaces_line_id = 1;
  o.lines.push_back(replacement);
  o.fulfilments.push_back(o.fulfilments[0]);
  o.fulfilments[1].id = 2;
  o.fulfilments[1].status = ParcelStatus::to_ship;
  o.fulfilments[1].replaces_return_id = 5;
  auto j = order_json(o, "ko", key, "");
  EXPECT_EQ(j.at("summary").as_string(), "달 반지");
  EXPECT_EQ(j.at("pieces").as_int64(), 1);
  EXPECT_EQ(j.at("progress").as_string(), "to_ship");  // the replacement is being prepared
  EXPECT_EQ(j.at("progress_text").as_string(), "[orders.parcel.to_ship]");
  EXPECT_FALSE(j.at("can_cancel").as_bool());  // a parcel has left: a return, not a cancellation
  o.fulfilments[1].status = ParcelStatus::shipped;
  EXPECT_EQ(order_json(o, "ko", key, "").at("progress").as_string(), "shipped");
  o.fulfilments[1].status = ParcelStatus::confirmed;
  EXPECT_EQ(order_json(o, "ko", key, "").at("progress").as_string(), "delivered");
  o.fulfilments[0].status = ParcelStatus::cancelled;  // a parcel cancelled is not waited for
  EXPECT_EQ(order_json(o, "ko", key, "").at("progress").as_string(), "confirmed");
  o.status = OrderStatus::cancelled;
  EXPECT_FALSE(order_json(o, "ko", key, "").contains("progress"));
  EXPECT_FALSE(order_json(order(), "ko", key, "").contains("progress"));  // not paid yet
  EXPECT_TRUE(order_json(order(), "ko", key, "").at("can_cancel").as_bool());
  EXPECT_FALSE(any_parcel_left(order()));
}

// A return's steps reach the list as its order's events do: the latest return's step, an exchange's
// approval named as one, and nothing once it ends without a refund, unless an earlier one was refunded.
TEST(OrderViews, AnOrderSaysWhereItsReturnStands) {
  auto o = order();
  o.status = OrderStatus::paid;
  o.fulfilments[0].status = ParcelStatus::delivered;
  const auto step = [&] {
    const auto j = order_json(o, "ko", key, "");
    if (!j.contains("return_step")) return std::string("none");
    EXPECT_EQ(j.at("return_step_text").as_string(),
              "[orders.return_step." + std::string(j.at("return_step").as_string()) + "]");
    return std::string(j.at("return_step").as_string());
  };
  const auto event = [&](const char* kind) {
    o.events.push_back({kind, "", "", "2026-11-27T01:00:00Z"});
    return step();
  };
  EXPECT_EQ(step(), "none");
  EXPECT_EQ(event("delivered"), "none");
  EXPECT_EQ(event("exchange_requested"), "exchange_requested");
  EXPECT_EQ(event("return_approved"), "exchange_approved");
  EXPECT_EQ(order_json(o, "ko", key, "").at("return_state").as_string(), "in_review");
  EXPECT_EQ(event("return_shipped"), "return_shipped");
  EXPECT_EQ(event("exchanged"), "none");  // the replacement's parcel tells the rest
  EXPECT_EQ(event("return_requested"), "return_requested");
  EXPECT_EQ(event("return_approved"), "return_approved");
  EXPECT_EQ(event("return_received"), "return_received");
  EXPECT_EQ(event("return_refund_queued"), "return_refund_queued");
  EXPECT_EQ(event("return_refund_transferred"), "return_refunded");  // the bank's transfer made
  EXPECT_EQ(event("return_interest_paid"), "return_refunded");       // a late card refund's interest
  EXPECT_EQ(event("return_refunded"), "return_refunded");
  EXPECT_EQ(order_json(o, "ko", key, "").at("return_state").as_string(), "returned");
  EXPECT_EQ(event("return_requested"), "return_requested");  // another piece of the order
  EXPECT_EQ(event("return_rejected"), "return_refunded");    // the first one's refund still stands
  EXPECT_EQ(step(), "return_refunded");
  EXPECT_EQ(order_json(o, "ko", key, "").at("progress").as_string(), "delivered");  // parcels, as before
}

TEST(OrderViews, AReturnRequestsReasonIsShownInTheReadersWords) {
  auto o = order();
  o.events = {{"exchange_requested", "wrong_size · 50 cm · 작아요", "김보석", "2026-11-26T01:05:00Z"},
              {"return_requested", "defective", "김보석", "2026-11-26T01:06:00Z"},
              {"cancelled", "wrong_size", "운영자", "2026-11-26T01:07:00Z"}};
  const auto events = order_json(o, "en", key, "").at("events").as_array();
  EXPECT_EQ(events.at(0).at("note").as_string(), "[returns.reason.wrong_size] · 50 cm · 작아요");
  EXPECT_EQ(events.at(1).at("note").as_string(), "[returns.reason.defective]");
  EXPECT_EQ(events.at(2).at("note").as_string(), "wrong_size");  // not a return's: as written
  // Who pays the return shipping, as the approval wrote it, in the reader's words.
  o.events = {{"return_approved", std::string(approval_note("seller")), "달 공방", "2026-11-26T01:08:00Z"},
              {"return_approved", std::string(approval_note("shopper")), "달 공방", "2026-11-26T01:09:00Z"}};
  const auto approved = order_json(o, "en", key, "").at("events").as_array();
  EXPECT_EQ(approved.at(0).at("note").as_string(), "[returns.payer.seller]");
  EXPECT_EQ(approved.at(1).at("note").as_string(), "[returns.payer.shopper]");
}

// A parcel's carrier is named in the reader's words ("CJ대한통운", not "cj"); other notes stay as written.
TEST(OrderViews, AParcelsCarrierIsNamedNotCoded) {
  auto o = order();
  o.events = {{"shipped", "달 공방 · cj 612345670001", "달 공방", "2026-11-26T01:05:00Z"},
              {"return_shipped", "hanjin 698765430002", "김보석", "2026-11-27T01:05:00Z"},
              {"delivered", "달 공방", "운영자", "2026-11-28T01:05:00Z"},
              {"shipped", "달 공방 · pigeon 7", "달 공방", "2026-11-29T01:05:00Z"}};
  const auto events = order_json(o, "ko", key, "").at("events").as_array();
  EXPECT_EQ(events.at(0).at("note").as_string(), "달 공방 · [orders.carrier.cj] 612345670001");
  EXPECT_EQ(events.at(1).at("note").as_string(), "[orders.carrier.hanjin] 698765430002");
  EXPECT_EQ(events.at(2).at("note").as_string(), "달 공방");
  EXPECT_EQ(events.at(3).at("note").as_string(), "달 공방 · pigeon 7");  // not a carrier we know
  // In English the workshop is named in English too; a note of another workshop's name stays as written.
  o.events.push_back({"delivered", "해 공방", "운영자", "2026-11-30T01:05:00Z"});
  const auto en = order_json(o, "en", key, "").at("events").as_array();
  EXPECT_EQ(en.at(0).at("note").as_string(), "Moon Atelier · [orders.carrier.cj] 612345670001");
  EXPECT_EQ(en.at(2).at("note").as_string(), "Moon Atelier");
  EXPECT_EQ(en.at(4).at("note").as_string(), "해 공방");
}

// A refund's amount as the reader writes money; the operator's reason after it as written.
TEST(OrderViews, ARefundsAmountIsWrittenForTheReader) {
  auto o = order();
  o.events = {{"refunded", "150000원", "운영자", "2026-11-26T01:05:00Z"},
              {"refunded", "1200원 · 단순 변심", "운영자", "2026-11-26T01:06:00Z"},
              {"refunded", "원 · 12", "운영자", "2026-11-26T01:07:00Z"},
              {"refunded", "150000원이 아닌", "운영자", "2026-11-26T01:08:00Z"},
              {"return_refunded", "98000원", "달 공방", "2026-11-27T01:08:00Z"},
              {"return_refund_queued", "98000원", "달 공방", "2026-11-27T01:09:00Z"}};
  const auto en = order_json(o, "en", key, "").at("events").as_array();
  EXPECT_EQ(en.at(0).at("note").as_string(), catalog::format_won(150000, "en"));
  EXPECT_NE(en.at(0).at("note").as_string(), "150000원");
  EXPECT_EQ(en.at(1).at("note").as_string(), catalog::format_won(1200, "en") + " · 단순 변심");
  EXPECT_EQ(en.at(2).at("note").as_string(), "원 · 12");  // no amount: as written
  EXPECT_EQ(en.at(3).at("note").as_string(), "150000원이 아닌");
  EXPECT_EQ(en.at(4).at("note").as_string(), catalog::format_won(98000, "en"));  // a return's refund
  EXPECT_EQ(en.at(5).at("note").as_string(), catalog::format_won(98000, "en"));
  const auto ko = order_json(o, "ko", key, "").at("events").as_array();
  EXPECT_EQ(ko.at(0).at("note").as_string(), catalog::format_won(150000, "ko"));
  // When a received return's refund is due, in the reader's words too.
  o.events = {{"return_received", "환불 기한 2026-12-09", "운영자", "2026-11-28T01:08:00Z"},
              {"return_received", "검수 완료", "운영자", "2026-11-28T01:09:00Z"}};
  const auto received = order_json(o, "en", key, "").at("events").as_array();
  EXPECT_EQ(received.at(0).at("note").as_string(), "[returns.refund_due] 2026-12-09");
  EXPECT_EQ(received.at(1).at("note").as_string(), "검수 완료");  // typed by a person: as written
}

TEST(OrderViews, SeoulTimesAndChips) {
  EXPECT_EQ(format_seoul("2026-11-30T15:00:00Z"), "2026-12-01 00:00");
  EXPECT_EQ(format_seoul(""), "");
  EXPECT_EQ(format_seoul("not a time"), "");
  EXPECT_EQ(chip_state("to_ship"), "published");
  EXPECT_EQ(chip_state("cancelled"), "rejected");
  EXPECT_EQ(chip_state("awaiting_payment"), "in_review");
}

TEST(OrderViews, AnAddressIsReadAlikeFromAFormAndFromJson) {
  const web::Form form({{"recipient", "김보석"},
                        {"phone", "010-1234-5678"},
                        {"postcode", "54538"},
                        {"address", "익산시 보석로 1"},
                        {"address_detail", "2층"},
                        {"note", "문 앞"}});
  const auto typed = address_from(form);
  EXPECT_EQ(typed.recipient, "김보석");
  EXPECT_EQ(typed.address_detail, "2층");
  const auto body =
      boost::json::parse(R"({"recipient":"김보석","phone":"010-1234-5678","postcode":"54538",)"
                         R"("address":"익산시 보석로 1","address_detail":"2층","note":"문 앞"})")
          .as_object();
  const auto read = address_from(body);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->postcode, typed.postcode);
  EXPECT_EQ(read->note, typed.note);
  const auto bad = boost::json::parse(R"({"recipient":"Kim","postcode":54538})").as_object();
  EXPECT_EQ(address_from(bad).error().field, "postcode");
}

TEST(OrderViews, ARefusedShipmentIsKeptInItsOwnOrdersForm) {
  auto model = boost::json::parse(R"({"orders":[{"number":"BR-1"},{"number":"BR-2"}]})").as_object();
  keep_refused_shipment(model, "BR-2", "post", "12ab", "운송장 번호는 숫자입니다");
  const auto& orders = model.at("orders").as_array();
  EXPECT_FALSE(orders[0].as_object().contains("typed_tracking"));  // other orders' forms stay empty
  EXPECT_EQ(orders[1].at("typed_tracking").as_string(), "12ab");
  EXPECT_TRUE(orders[1].at("carrier_post").as_bool());
  EXPECT_EQ(orders[1].at("ship_error").as_string(), "운송장 번호는 숫자입니다");
  keep_refused_shipment(model, "BR-9", "cj", "1", "x");  // an order not on the page: nothing changes
  EXPECT_FALSE(orders[0].as_object().contains("ship_error"));
}

}  // namespace
}  // namespace brilliant::orders
