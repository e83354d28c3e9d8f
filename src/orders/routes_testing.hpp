// For tests of the orders module's route files: the test orders (orders/testing.hpp) behind the module's
// Deps, with the project's templates, and a route table holding one route file's routes.
#pragma once
#include <gtest/gtest.h>

#include "catalog/routes.hpp"
#include "orders/ledger.hpp"
#include "orders/routes.hpp"
#include "orders/settlements.hpp"
#include "orders/testing.hpp"
#include "pricing/quotes.hpp"
#include "web/testing.hpp"

namespace brilliant::orders {

class OrderRoutesFixture : public OrdersFixture {
 protected:
  web::Response call(web::Method m, const std::string& pattern, const std::string& number,
                     std::optional<web::Principal> who, std::string body = "", bool json = true) {
    return web::call_route(router, m, pattern, {{"number", number}}, std::move(who), std::move(body), "",
                           json);
  }
  // Every route of the table whose pattern starts with `prefix` has this access rule.
  void expect_access(const std::string& prefix, uint32_t roles) {
    for (const auto& r : router.routes()) {
      if (r.pattern.starts_with(prefix)) {
        EXPECT_EQ(r.access.any_of, roles) << r.pattern;
      }
    }
  }

  web::TestPages pages;
  pricing::Quotes quotes{*db, clock, [] {}};
  catalog::Storefront storefront{catalog, quotes, pages.renderer, pages.i18n, "https://shop.example"};
  Settlements settlements{*db};
  Ledger ledger{*db, clock};
  Deps deps{carts, orders, settlements, catalog, storefront, pages.renderer, clock, "KB 1-2-3"};
  web::Router router;
  web::Principal shopper = web::person(1, web::Role::shopper);
  web::Principal op = web::person(2, web::Role::operator_);
  web::Principal maker = web::person(3, web::Role::vendor_staff, 1);
};

}  // namespace brilliant::orders
