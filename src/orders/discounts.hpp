// What checkout asks of coupons, which live in marketing/ (it implements this): the best discount for a
// cart, claimed in the order's own transaction, released when the order is cancelled. Orders know
// nothing else of coupons.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/fwd.hpp"
#include "orders/carts.hpp"
#include "orders/checkout.hpp"

namespace brilliant::orders {

// Who orders: an account, or a guest by the email they give ("" before they have typed it).
struct Shopper {
  long long user_id = 0;
  std::string email;
  // "user:42" or "email:someone@example.com"; "" for a guest without an email yet.
  std::string key() const {
    return user_id ? "user:" + std::to_string(user_id) : email.empty() ? "" : "email:" + email;
  }
};

struct CouponAnswer {
  std::optional<PlanDiscount> discount;  // the typed code's, else the best automatic coupon's
  std::optional<Error> refused;          // why the typed code does not apply (field coupon_code)
};

class Discounts {
 public:
  virtual ~Discounts() = default;
  // lines[i] is plan line i (its product says category and workshop).
  virtual CouponAnswer best(const std::vector<CartLine>& lines, const OrderPlan& plan, const Shopper& shopper,
                            const std::string& code) = 0;
  // In the order's transaction: takes the discount from the coupon's budget and counts the shopper's use,
  // or fails (budget used up, the shopper's uses used up, paused meanwhile) and the order rolls back.
  virtual Result<void> claim(soci::session& sql, const PlanDiscount& discount, long long order_id,
                             const Shopper& shopper, long long amount) = 0;
  // In the cancellation's transaction: the order's claim goes back to the budget and the shopper.
  virtual void release(soci::session& sql, long long order_id) = 0;
};

}  // namespace brilliant::orders
