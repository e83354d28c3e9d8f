// Coupons in the database, and checkout's discounts (orders::Discounts): the hub's and the workshops'
// coupons, made, listed with what they did, paused; the best one for a cart; claimed in the order's
// transaction with one conditional UPDATE of the coupon's row (so a budget is never overspent, and the
// row lock orders two tabs of one shopper), released when the order is cancelled.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/recent.hpp"
#include "db/fwd.hpp"
#include "marketing/coupon_rules.hpp"
#include "orders/discounts.hpp"

namespace brilliant::marketing {

// What a coupon did: orders placed with it (not cancelled), of those paid, their revenue, the discount.
struct CouponResults {
  long long orders = 0, paid_orders = 0, revenue = 0, discount = 0;
};
struct CouponRow {
  Coupon coupon;
  CouponResults results;
  std::string workshop_ko, workshop_en;  // a workshop's own coupon
  std::string segment;                   // the segment it is limited to
};

class Coupons : public orders::Discounts {
 public:
  Coupons(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // workshop_id: a workshop's own coupon (only its pieces, borne by it); 0: the hub's.
  Result<Coupon> create(const CouponInput& input, long long workshop_id, long long actor_id);
  // Every coupon (workshop_id 0: the hub's and all workshops'), newest first, with its results.
  std::vector<CouponRow> list(long long workshop_id = 0);
  std::optional<CouponRow> find(long long id);
  // The saved segments a hub coupon may be limited to (id, name).
  std::vector<std::pair<long long, std::string>> segments();
  // Pauses or resumes; a workshop (workshop_id != 0) only its own coupons (else not found).
  Result<CouponRow> set_paused(long long id, bool paused, long long workshop_id);

  orders::CouponAnswer best(const std::vector<orders::CartLine>& lines, const orders::OrderPlan& plan,
                            const orders::Shopper& shopper, const std::string& code) override;
  Result<void> claim(soci::session& sql, const orders::PlanDiscount& discount, long long order_id,
                     const orders::Shopper& shopper, long long amount) override;
  void release(soci::session& sql, long long order_id) override;

 private:
  // The automatic coupons (no code, not paused; any dates), which every checkout preview looks through:
  // kept for at most a second. A change made here forgets them at once; one made on another node is seen
  // within the second (a claim is checked again under the coupon's row lock, so a budget used up there
  // still holds).
  std::vector<Coupon> automatic();
  void forget_automatic() { automatic_.forget_all(); }

  db::Database& db_;
  const Clock& clock_;
  Recent<std::vector<Coupon>> automatic_{std::chrono::seconds(1), 1};  // under the one key ""
};

}  // namespace brilliant::marketing
