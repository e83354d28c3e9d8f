// The studio's whole route table on the test studio (studio/testing.hpp), for the route files' tests:
// find a route, call its handler as a given person. Who may see an order is stubbed: order "B-1" is the
// shopper's (user 7), has a parcel of workshop 1, and exists; nothing else does.
#pragma once
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "studio/routes.hpp"
#include "studio/testing.hpp"
#include "web/router.hpp"
#include "web/testing.hpp"

namespace brilliant::studio {

class StudioRoutesTest : public StudioFixture {
 protected:
  void SetUp() override {
    StudioFixture::SetUp();
    add_routes(router, deps);
  }
  const web::Route* route(web::Method method, const std::string& pattern) {
    return web::find_route(router, method, pattern);
  }
  static web::Principal person(long long id, web::Role role, long long workshop_id = 0) {
    return web::person(id, role, workshop_id);
  }
  web::Response call(web::Method method, const std::string& pattern,
                     std::vector<std::pair<std::string, std::string>> params,
                     std::optional<web::Principal> who, std::string body = "", std::string query = "") {
    return web::call_route(router, method, pattern, std::move(params), std::move(who), std::move(body),
                           std::move(query));
  }
  static boost::json::object json_of(const web::Response& r) {
    return boost::json::parse(r.body).as_object();
  }
  static uint32_t bit(web::Role role) { return static_cast<uint32_t>(role); }

  web::TestPages pages;
  OrderAccess access{
      [](const web::Request& req, const std::string& number) -> std::optional<std::string> {
        if (number == "B-1" && req.user && req.user->user_id == 7) return std::string();
        return std::nullopt;
      },
      [](long long workshop, const std::string& number) { return workshop == 1 && number == "B-1"; },
      [](const std::string& number) { return number == "B-1"; }};
  Deps deps{studio, pages.renderer, log, trust::public_multikey(trust::new_key()), access};
  web::Router router;
};

}  // namespace brilliant::studio
