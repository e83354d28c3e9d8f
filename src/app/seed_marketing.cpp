#include "app/seed_marketing.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"

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

}  // namespace brilliant::app
