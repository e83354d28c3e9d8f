// For B2B's route tests: the service fixture with every B2B route on a router, and calls as someone.
#pragma once
#include <boost/json.hpp>

#include "b2b/routes.hpp"
#include "b2b/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::b2b {

class B2bRoutesTest : public B2bFixture {
 protected:
  void SetUp() override {
    B2bFixture::SetUp();
    add_buyer_routes(router, deps);
    add_workshop_routes(router, deps);
  }
  web::Response call(web::Method m, const std::string& pattern, const std::string& number,
                     std::optional<web::Principal> who, std::string body = "", bool json = true,
                     std::string locale = "ko") {
    std::vector<std::pair<std::string, std::string>> params;
    if (!number.empty())
      params.emplace_back(pattern.find("{id}") != std::string::npos ? "id" : "number", number);
    return web::call_route(router, m, pattern, std::move(params), std::move(who), std::move(body), "", json,
                           std::move(locale));
  }
  // POST /api/v1/buyer/quotes/{number}/order as the buyer, with an Idempotency-Key.
  web::Response order_with_key(const std::string& number, const std::string& body, const std::string& key) {
    const auto* route = web::find_route(router, web::Method::post, "/api/v1/buyer/quotes/{number}/order");
    web::Request req;
    req.method = web::Method::post;
    req.params = {{"number", number}};
    req.user = buyer_p;
    req.body = body;
    req.locale = "ko";
    req.headers.push_back({"Accept", "application/json"});
    req.headers.push_back({"Idempotency-Key", key});
    return route->handler(req);
  }
  static boost::json::object body_of(const web::Response& r) {
    return boost::json::parse(r.body).as_object();
  }

  web::TestPages pages;
  Deps deps{b2b, pages.renderer, "KB국민은행 123-45-6789 (주)브릴리언트", nullptr};
  web::Router router;
  web::Principal buyer_p = web::person(1, web::Role::buyer);
  web::Principal stranger = web::person(5, web::Role::buyer);
  web::Principal op_p = web::person(2, web::Role::operator_);
  web::Principal maker_p = web::person(3, web::Role::vendor_staff, 1);
  web::Principal other_maker = web::person(4, web::Role::vendor_staff, 2);
};

}  // namespace brilliant::b2b
