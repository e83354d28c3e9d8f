// Checkout's rules (pure: no SQL, no HTTP). An order is paid by bank transfer (무통장입금) to the hub's
// account within payment_days; it is split into one parcel (fulfilment) per workshop, each with its own
// shipping fee from the brand's rules (free over a subtotal, a surcharge for Jeju and other islands).
// Delivery is domestic: a five-digit Korean postcode.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "orders/cart.hpp"
#include "vendors/brand/brand.hpp"

namespace brilliant::orders {

inline constexpr int payment_days = 3;  // an unpaid order may be cancelled after this

struct Address {
  std::string recipient, phone, postcode, address, address_detail, note;
};

// Trims every field and checks it: recipient and address required, a Korean phone number (digits,
// hyphens or spaces; kept as 010-1234-5678), a five-digit postcode, length limits, valid UTF-8 without
// control characters. Errors name the field.
Result<Address> check_address(const Address& input);

// How a bank transfer will come (무통장입금): the name the transfer will carry (입금자명; "" when it is the
// orderer's own) and a cash receipt asked for (현금영수증): "" none; "income" (소득공제, to a phone number or
// a cash-receipt card's 13 to 19 digits); "expense" (지출증빙, to a business registration number, checked
// by its check digit). The operator issues it once the order is paid.
struct TransferDetails {
  std::string depositor, cash_receipt, cash_receipt_id;
};
// Trims and checks; stores phones as 010-1234-5678 and business numbers as 123-45-67890. Errors name
// "depositor", "cash_receipt" or "cash_receipt_id".
Result<TransferDetails> check_transfer(const TransferDetails& input);
// True for a Korean business registration number (사업자등록번호: ten digits, the last a check digit).
bool business_number_valid(std::string_view digits);

// A Korean phone number as stored ("01012345678", "010 1234 5678" -> "010-1234-5678"; Seoul's 02
// numbers "02-123-4567"), or nothing for anything else.
std::optional<std::string> korean_phone(std::string_view text);

// Jeju and the island areas Korean carriers charge extra for (by postcode range).
bool remote_postcode(const std::string& postcode);

struct PlannedLine {
  long long workshop_id = 0;
  PricedLine line;
};
struct PlannedParcel {
  long long workshop_id = 0;
  long long subtotal = 0;      // won: the parcel's lines with their options
  long long shipping_fee = 0;  // won
  std::vector<size_t> lines;   // indexes into the planned lines
  long long discount = 0;      // won taken off the parcel: its lines' and its shipping's
  long long shipping_discount = 0;
};
// A coupon's discount on a plan (worked out by orders::Discounts): what comes off each line and each
// parcel's shipping fee, and who bears it.
struct PlanDiscount {
  long long coupon_id = 0;
  std::string code, name_ko, name_en;  // code: "" for an automatic coupon
  bool workshop_bears = false;         // else the hub
  std::vector<long long> lines;        // won off each planned line (same indexes)
  std::vector<long long> shipping;     // won off each parcel's shipping fee (same indexes)
};
struct OrderPlan {
  std::vector<PlannedParcel> parcels;  // in the order each workshop first appears
  long long subtotal = 0, shipping_fee = 0, discount = 0, total = 0;  // total: after the discount
  std::optional<PlanDiscount> coupon;
};
OrderPlan plan_order(const std::vector<PlannedLine>& lines, const vendors::ShippingRules& rules,
                     bool remote_area);
// Takes a discount off the plan: each parcel's share, the plan's discount and total. A discount sized for
// another plan (other lines or parcels) is refused.
Result<void> apply_discount(OrderPlan& plan, PlanDiscount discount);

// The UTM fields of the visit that led to an order (a campaign's link, any link with utm_*), kept with
// the order for attribution; empty when none.
struct Attribution {
  std::string source, medium, campaign, content;
};
// From the first-party "utm" cookie ("source|medium|campaign|content"); a part that is not a short token
// (letters, digits, '.', '_', '-'; at most 60) is left empty.
Attribution attribution_from(std::string_view cookie);

// The parcel carriers a workshop may name when it ships (cj, post, hanjin, lotte, logen).
inline constexpr std::string_view carriers[] = {"cj", "post", "hanjin", "lotte", "logen"};
// A waybill number as stored (digits only, 8 to 14 of them; hyphens and spaces dropped), or nothing.
std::optional<std::string> waybill_number(std::string_view text);

// Public order numbers: "BR-261126-7KQ4MX2P" (the Seoul day, then eight unambiguous random characters).
inline constexpr std::string_view order_alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
std::string order_number(std::string_view seoul_day, std::string_view random_part);
// True for text shaped like an order number (checked before any lookup).
bool looks_like_order_number(std::string_view text);

}  // namespace brilliant::orders
