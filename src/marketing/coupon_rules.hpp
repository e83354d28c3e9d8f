// Coupon rules (pure: no SQL, no HTTP). A coupon takes a percentage or a fixed amount off the pieces it
// covers (its categories, its workshop's pieces), or their parcels' shipping fees; under conditions
// (a minimum of covered pieces, a first order only, uses per shopper, a budget, a validity window); and
// it is borne by the hub or by each workshop for its own parcel. The discount is split over the covered
// lines in proportion to their totals (largest remainders), so every won is on exactly one line; it never
// takes more than 90 % of the pieces it covers (an order always costs something to pay).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "orders/checkout.hpp"

namespace brilliant::marketing {

enum class CouponKind { percent, fixed, free_shipping };
std::string_view name_of(CouponKind kind);

struct Coupon {
  long long id = 0;
  std::string code;  // upper case; "" for an automatic coupon
  std::string name_ko, name_en;
  CouponKind kind = CouponKind::percent;
  long long value = 0;                  // percent: 1..90; fixed: won; free shipping: unused
  long long max_discount = 0;           // percent: cap in won (0: none)
  long long min_subtotal = 0;           // won of covered pieces
  std::vector<std::string> categories;  // empty: all
  long long workshop_id = 0;            // a workshop's own coupon: only its pieces, borne by it
  bool workshop_bears = false;          // else the hub
  bool first_order = false;
  long long segment_id = 0;         // only this saved segment's members (0: anyone)
  long long budget = 0, spent = 0;  // won; budget 0: no limit
  int per_customer = 1;             // 0: no limit
  std::string starts_at, ends_at;   // UTC "2026-12-01T00:00:00Z"; ends_at "" = open-ended
  bool paused = false;
  // Counted from its uses (not stored on the coupon row): orders that used it (not cancelled).
  long long orders = 0;
};

// What the coupon is checked against: the cart's lines and parcels as checkout planned them.
struct BasketLine {
  long long workshop_id = 0;
  std::string category;
  long long total = 0;  // won, options included
};
struct Basket {
  std::vector<BasketLine> lines;
  std::vector<orders::PlannedParcel> parcels;  // lines index into `lines`
};

// What is known of the shopper: their uses of this coupon, and their earlier orders (not cancelled).
// A guest who has not given an email yet is `anonymous` (limits are then checked when they order).
struct ShopperRecord {
  int uses = 0;
  int earlier_orders = 0;
  bool anonymous = false;
  bool in_segment = true;  // a member of the coupon's segment (a guest never is)
};

// The discount this coupon gives on the basket at `now` (UTC text), or why not: errors name the field
// coupon_code with codes coupon_paused, coupon_not_started, coupon_expired, coupon_segment,
// coupon_first_order, coupon_used, coupon_budget_used, coupon_no_pieces, coupon_minimum.
Result<orders::PlanDiscount> discount_for(const Coupon& coupon, const Basket& basket,
                                          const ShopperRecord& shopper, const std::string& now);
// The total a discount takes off (lines and shipping).
long long amount_of(const orders::PlanDiscount& discount);

// A code as stored and compared: trimmed, upper case; letters, digits, '-' and '_' only, 3 to 32.
Result<std::string> coupon_code(std::string_view text);

// A coupon as the operator or a workshop types it, checked (errors name the field).
struct CouponInput {
  std::string code, name_ko, name_en, kind, categories, starts_at, ends_at;
  long long value = 0, max_discount = 0, min_subtotal = 0, budget = 0, segment_id = 0;
  int per_customer = 1;
  bool automatic = false, first_order = false, workshop_bears = false;
};
Result<Coupon> check_coupon(const CouponInput& input);

// "10% off (up to 30,000 won) · from 50,000 won · first order" in a language.
std::string describe(const Coupon& coupon, const std::string& locale);

}  // namespace brilliant::marketing
