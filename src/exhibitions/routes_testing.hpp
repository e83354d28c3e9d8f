// For the exhibitions' route tests: the fixture of testing.hpp with every route on a router, a Hong Kong
// fair where gold is selected and brings its sun ring (wholesale 90,000 won, 5 at least) with a Chinese
// translation, HKD and THB rates as pricing keeps them, and calls as someone.
#pragma once
#include <boost/json.hpp>

#include "exhibitions/routes.hpp"
#include "exhibitions/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::exhibitions {

class ExhibitionRoutesTest : public ExhibitionsTest {
 protected:
  void SetUp() override {
    ExhibitionsTest::SetUp();
    add_routes(router, deps);
    add_operator_routes(router, deps);
  }
  void fair_with_gold() {
    ASSERT_TRUE(exhibitions.create(hong_kong()).ok());
    ASSERT_TRUE(exhibitions.apply("hk-2026", 1, "").ok());
    ASSERT_TRUE(exhibitions.decide("hk-2026", 1, "selected").ok());
    ASSERT_TRUE(exhibitions.set_piece("hk-2026", 1, 1, true, 90000, 5).ok());
    ASSERT_TRUE(exhibitions.translate(1, 1, "zh", "太阳戒指", "太阳的故事").ok());
  }
  web::Response call(web::Method m, const std::string& pattern,
                     std::vector<std::pair<std::string, std::string>> params,
                     std::optional<web::Principal> who, std::string body = "", bool json = true,
                     std::string query = "", std::string locale = "ko") {
    return web::call_route(router, m, pattern, std::move(params), std::move(who), std::move(body),
                           std::move(query), json, std::move(locale));
  }
  static boost::json::object body_of(const web::Response& r) {
    return boost::json::parse(r.body).as_object();
  }

  web::TestPages pages;
  Leads leads{*db, clock};
  web::RateLimiter visitor_forms{clock, visitor_forms_burst, visitor_forms_period};
  Deps deps{exhibitions,
            catalog,
            pages.renderer,
            clock,
            [] {
              return std::map<std::string, long long>{{"HKD", 176500}, {"THB", 39200}};
            },
            &leads,
            &visitor_forms};
  web::Router router;
  web::Principal op = web::person(9, web::Role::operator_);
  web::Principal gold = web::person(1, web::Role::vendor_staff, 1);
  web::Principal silver = web::person(2, web::Role::vendor_staff, 2);
  web::Principal buyer = web::person(3, web::Role::buyer);
  web::Principal shopper = web::person(4, web::Role::shopper);
};

}  // namespace brilliant::exhibitions
