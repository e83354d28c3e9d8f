// For tests of the academy's routes: the people of testing.hpp, an academy with the hub's key and log,
// its routes on a router, and a call as someone (JSON, or the page).
#pragma once
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "academy/routes.hpp"
#include "academy/testing.hpp"
#include "core/testing.hpp"
#include "db/testing.hpp"
#include "trust/log.hpp"
#include "web/testing.hpp"

namespace brilliant::academy {
namespace json = boost::json;
using web::Method;
using web::Role;

class AcademyRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_people(*db);
    academy.set_issuer({"https://brilliant.example", "did:web:brilliant.example", key});
    add_routes(router, deps);
    add_teach_routes(router, deps);
    op.roles |= static_cast<uint32_t>(Role::operator_);
    owner.workshop_owner = true;
  }
  web::Response call(Method m, const std::string& pattern,
                     std::vector<std::pair<std::string, std::string>> params,
                     std::optional<web::Principal> who, std::string body = "", bool json = true) {
    return web::call_route(router, m, pattern, std::move(params), std::move(who), std::move(body), "", json);
  }
  static json::object body_of(const web::Response& r) { return json::parse(r.body).as_object(); }

  db::TempDatabase db{BRILLIANT_SOURCE_DIR "/migrations"};
  FixedClock clock{at("2026-12-01T00:00:00Z")};
  trust::KeyPair key = trust::new_key();
  trust::TransparencyLog log{*db, key, "brilliant.example/log"};
  Academy academy{*db, clock};
  web::TestPages pages;
  Deps deps{academy, pages.renderer, log, "did:web:brilliant.example", trust::public_multikey(key), clock};
  web::Router router;
  web::Principal op = web::person(6, Role::operator_);
  web::Principal owner = web::person(1, Role::vendor_staff, 1);
  web::Principal trainee = web::person(2, Role::vendor_staff, 1);
};

}  // namespace brilliant::academy
