#include "web/openapi.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::web {

TEST(OpenApi, EveryApiRouteWithItsParametersAndWhoMayCallIt) {
  Router router;
  auto ok = [](Request&) { return Response::json("{}"); };
  router.get("/api/v1/things", ok);
  router.add(Method::patch, "/api/v1/things/{id}/parts/{part}", ok).access = require(Role::vendor_staff);
  router.get("/api/v1/things/{id}/parts/{part}", ok).access = Access::logged_in();
  router.get("/pages/not-api", ok);
  router.describe(Method::get, "/api/v1/things", "List the things");
  router.describe(Method::patch, "/api/v1/things/{id}/parts/{part}", "Change a part",
                  R"({"type":"object","required":["size"],"properties":{"size":{"type":"integer"}}})");
  EXPECT_THROW(router.describe(Method::get, "/api/v1/things", "bad", "{not json"), std::logic_error);
  EXPECT_THROW(router.describe(Method::post, "/api/v1/things", "nope"), std::logic_error);
  auto paths = describe_routes(router.routes(), "/api/v1/");
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_FALSE(paths.contains("/pages/not-api"));
  EXPECT_FALSE(paths.at("/api/v1/things").at("get").as_object().contains("security"));
  EXPECT_EQ(paths.at("/api/v1/things").at("get").at("summary").as_string(), "List the things");
  const auto& patch = paths.at("/api/v1/things/{id}/parts/{part}").at("patch").as_object();
  ASSERT_EQ(patch.at("parameters").as_array().size(), 2u);
  EXPECT_EQ(patch.at("parameters").at(1).at("name").as_string(), "part");
  EXPECT_EQ(patch.at("x-roles").at(0).as_string(), "vendor_staff");
  const auto& schema = patch.at("requestBody").at("content").at("application/json").at("schema");
  EXPECT_EQ(schema.at("required").at(0).as_string(), "size");
  const auto& get = paths.at("/api/v1/things/{id}/parts/{part}").at("get").as_object();
  EXPECT_TRUE(get.contains("security"));
  EXPECT_FALSE(get.contains("x-roles"));
  EXPECT_FALSE(get.contains("requestBody"));
}

}  // namespace brilliant::web
