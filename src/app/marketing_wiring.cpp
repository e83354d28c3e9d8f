// Marketing's wiring (issue 13): recommendations fed by paid orders, shown on the product page (the
// storefront's related rows); coupons as checkout's discounts; their routes.
#include "app/app.hpp"
#include "marketing/copy_routes.hpp"
#include "marketing/coupon_routes.hpp"
#include "marketing/customer_routes.hpp"
#include "marketing/routes.hpp"
#include "marketing/run_sheet.hpp"

namespace brilliant::app {

void App::add_marketing_routes() {
  recommendations_ = std::make_unique<marketing::Recommendations>(*database_, catalog_, clock_);
  orders_.set_on_paid([this](const orders::Order& order) {
    std::vector<long long> products;
    for (const auto& line : order.lines) products.push_back(line.product_id);
    recommendations_->paid(order.id, order.user_id, products);
  });
  storefront_.set_related(
      [this](long long product) { return marketing::related_pieces(*recommendations_, product); });
  storefront_.set_for_you([this](const std::vector<long long>& seen, long long user) {
    return marketing::for_you_pieces(*recommendations_, seen, user);
  });
  coupons_ = std::make_unique<marketing::Coupons>(*database_, clock_);
  orders_.set_discounts(coupons_.get());
  marketing::add_routes(router_, {*recommendations_, page_views_, renderer_, coupons_.get(), &clock_});
  marketing::add_coupon_routes(router_, {*coupons_, renderer_, clock_});
  marketing::add_customer_routes(router_, {*database_, renderer_, clock_});
  marketing::add_copy_routes(router_, {vendors_deps_, config_.llm});
  marketing::add_run_sheet_routes(router_, {*live_, vendors_deps_});
}

}  // namespace brilliant::app
