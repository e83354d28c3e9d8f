#include "app/seed_marketing.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "db/database.hpp"

namespace brilliant::app {

int seed_marketing(App& app, int shoppers) {
  auto& recs = app.recommendations();
  if (!recs.empty()) return 0;
  const auto items = marketing::item_facts(*app.catalog().snapshot());
  if (items.empty()) return 0;
  const auto history = marketing::synthesize(items, {shoppers, 365, 6, 2026});
  recs.add_history(history);
  spdlog::info("recommendations: a synthetic year of {} visits and {} orders by {} shoppers",
               history.visits.size(), history.orders.size(), shoppers);
  return static_cast<int>(history.orders.size());
}

int seed_coupons(App& app, const std::string& operator_email) {
  auto& coupons = app.coupons();
  if (!coupons.list().empty()) return 0;
  const long long by = demo_user_id(app, operator_email);
  const long long gold = app.database().read([](soci::session& sql) {
    long long id = 0;
    sql << "SELECT id FROM workshops WHERE slug = 'iksan-gold'", soci::into(id);
    return id;
  });
  const std::string today = format_seoul(app.clock().now()).substr(0, 10);
  const std::pair<marketing::CouponInput, long long> demo[] = {
      {{.code = "WELCOME10",
        .name_ko = "첫 주문 10% 할인",
        .name_en = "10% off your first order",
        .kind = "percent",
        .starts_at = today,
        .value = 10,
        .max_discount = 30000,
        .min_subtotal = 50000,
        .budget = 3000000,
        .first_order = true},
       0},
      {{.code = "FREESHIP",
        .name_ko = "무료 배송",
        .name_en = "Free shipping",
        .kind = "free_shipping",
        .starts_at = today,
        .per_customer = 3},
       0},
      {{.code = "GOLD5000",
        .name_ko = "금세공방 5,000원 할인",
        .name_en = "5,000 won off at the gold atelier",
        .kind = "fixed",
        .starts_at = today,
        .value = 5000,
        .min_subtotal = 100000},
       gold},
  };
  int made = 0;
  for (const auto& [input, workshop] : demo) {
    if (auto c = coupons.create(input, workshop, by); c)
      ++made;
    else
      spdlog::error("demo coupon {}: {}", input.code, c.error().message);
  }
  return made;
}

}  // namespace brilliant::app
