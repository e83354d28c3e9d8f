#include "orders/checkout.hpp"

#include <gtest/gtest.h>

namespace brilliant::orders {
namespace {

Address good() {
  return {.recipient = " 김보석 ",
          .phone = "010 1234 5678",
          .postcode = "54538",
          .address = "전북특별자치도 익산시 왕궁면 보석로 1",
          .address_detail = "2층",
          .note = "부재 시 경비실"};
}

TEST(Checkout, AddressIsTrimmedAndThePhoneFormatted) {
  auto a = check_address(good());
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->recipient, "김보석");
  EXPECT_EQ(a->phone, "010-1234-5678");
  auto seoul = good();
  seoul.phone = "02-123-4567";
  EXPECT_EQ(check_address(seoul)->phone, "02-123-4567");
  seoul.phone = "0631234567";
  EXPECT_EQ(check_address(seoul)->phone, "063-123-4567");
}

TEST(Checkout, AddressErrorsNameTheField) {
  auto field_of = [](Address a) { return check_address(a).error().field; };
  auto a = good();
  a.recipient = "  ";
  EXPECT_EQ(field_of(a), "recipient");
  a = good();
  a.phone = "+1 555 0100";
  EXPECT_EQ(field_of(a), "phone");
  a.phone = "1234";
  EXPECT_EQ(field_of(a), "phone");
  a = good();
  a.postcode = "5453";
  EXPECT_EQ(field_of(a), "postcode");
  a.postcode = "5453x";
  EXPECT_EQ(field_of(a), "postcode");
  a = good();
  a.address = "";
  EXPECT_EQ(field_of(a), "address");
  a = good();
  a.note = std::string(201, 'x');
  EXPECT_EQ(field_of(a), "note");
  a = good();
  a.address_detail = "\x01";
  EXPECT_EQ(field_of(a), "address_detail");
  a = good();
  a.recipient = "\xff\xfe";
  EXPECT_EQ(field_of(a), "recipient");
}

TEST(Checkout, KoreanPhoneNumbers) {
  EXPECT_EQ(korean_phone("01012345678"), "010-1234-5678");
  EXPECT_EQ(korean_phone("010 123 4567"), "010-123-4567");
  EXPECT_EQ(korean_phone("0212345678"), "02-1234-5678");
  EXPECT_FALSE(korean_phone("+82 10 1234 5678").has_value());
  EXPECT_FALSE(korean_phone("12345").has_value());
}

TEST(Checkout, RemotePostcodes) {
  EXPECT_TRUE(remote_postcode("63000"));  // Jeju
  EXPECT_TRUE(remote_postcode("63644"));
  EXPECT_TRUE(remote_postcode("40220"));   // Ulleung-do
  EXPECT_FALSE(remote_postcode("54538"));  // Iksan
  EXPECT_FALSE(remote_postcode("63645"));
  EXPECT_FALSE(remote_postcode("6300"));
}

PlannedLine line(long long workshop, long long unit, int quantity, long long options = 0) {
  PlannedLine l;
  l.workshop_id = workshop;
  l.line.unit_price = unit;
  l.line.quantity = quantity;
  l.line.options_fee = options;
  return l;
}

TEST(Checkout, SplitsByWorkshopWithAShippingFeeEach) {
  const vendors::ShippingRules rules{.fee = 3000, .free_over = 50000, .remote_surcharge = 4000};
  // Workshop 1: 20,000 + 2 x (15,000 + 3,000) = 56,000 (ships free); workshop 2: 30,000 (pays 3,000).
  auto plan = plan_order({line(1, 20000, 1), line(2, 30000, 1), line(1, 15000, 2, 3000)}, rules, false);
  ASSERT_EQ(plan.parcels.size(), 2u);
  EXPECT_EQ(plan.parcels[0].workshop_id, 1);
  EXPECT_EQ(plan.parcels[0].subtotal, 56000);
  EXPECT_EQ(plan.parcels[0].shipping_fee, 0);
  EXPECT_EQ(plan.parcels[0].lines, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(plan.parcels[1].subtotal, 30000);
  EXPECT_EQ(plan.parcels[1].shipping_fee, 3000);
  EXPECT_EQ(plan.subtotal, 86000);
  EXPECT_EQ(plan.shipping_fee, 3000);
  EXPECT_EQ(plan.total, 89000);
  // Jeju: every parcel pays the surcharge, free or not.
  auto jeju = plan_order({line(1, 60000, 1), line(2, 10000, 1)}, rules, true);
  EXPECT_EQ(jeju.shipping_fee, 4000 + 3000 + 4000);
}

TEST(Checkout, OrderNumbers) {
  const auto n = order_number("2026-11-26", "7KQ4MX2P");
  EXPECT_EQ(n, "BR-261126-7KQ4MX2P");
  EXPECT_TRUE(looks_like_order_number(n));
  EXPECT_FALSE(looks_like_order_number("BR-261126-7KQ4MX2"));   // short
  EXPECT_FALSE(looks_like_order_number("BR-261126-7KQ4MX2O"));  // O is not in the alphabet
  EXPECT_FALSE(looks_like_order_number("BR-26112X-7KQ4MX2P"));
  EXPECT_FALSE(looks_like_order_number("../etc/passwd"));
}

}  // namespace
}  // namespace brilliant::orders

namespace brilliant::orders {
namespace {

TEST(TransferDetails, TheDepositorAndACashReceiptAreCheckedAndKeptTidy) {
  const auto none = check_transfer({"  한빛상사 ", "none", "ignored"});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->depositor, "한빛상사");
  EXPECT_EQ(none->cash_receipt, "");
  EXPECT_EQ(none->cash_receipt_id, "");
  const auto phone = check_transfer({"", "income", "010 1234 5678"});
  ASSERT_TRUE(phone.ok());
  EXPECT_EQ(phone->cash_receipt_id, "010-1234-5678");
  const auto card = check_transfer({"", "income", "1234-5678-9012-3456"});
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(card->cash_receipt_id, "1234567890123456");
  const auto business = check_transfer({"", "expense", "2208162517"});
  ASSERT_TRUE(business.ok());
  EXPECT_EQ(business->cash_receipt_id, "220-81-62517");
  EXPECT_EQ(check_transfer({"", "expense", "220-81-62518"}).error().field, "cash_receipt_id");  // check digit
  EXPECT_EQ(check_transfer({"", "income", "02-123-4567"}).error().field, "cash_receipt_id");    // no mobile
  EXPECT_EQ(check_transfer({"", "gift", ""}).error().field, "cash_receipt");
  EXPECT_EQ(check_transfer({"이름이 스무 글자를 넘는 아주 아주 긴 입금자명입니다", "", ""}).error().field,
            "depositor");
  EXPECT_TRUE(business_number_valid("1234567891"));
  EXPECT_FALSE(business_number_valid("123456789"));
}

}  // namespace
}  // namespace brilliant::orders
