#include "web/openapi.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::web {
namespace json = boost::json;

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
  const auto& list = paths.at("/api/v1/things").at("get").as_object();
  EXPECT_TRUE(list.at("security").as_array().empty());  // public: said so, not left out
  EXPECT_EQ(list.at("operationId").as_string(), "getThings");
  EXPECT_FALSE(list.at("responses").as_object().contains("401"));
  EXPECT_EQ(paths.at("/api/v1/things").at("get").at("summary").as_string(), "List the things");
  const auto& patch = paths.at("/api/v1/things/{id}/parts/{part}").at("patch").as_object();
  ASSERT_EQ(patch.at("parameters").as_array().size(), 2u);
  EXPECT_EQ(patch.at("parameters").at(1).at("name").as_string(), "part");
  EXPECT_EQ(patch.at("x-roles").at(0).as_string(), "vendor_staff");
  EXPECT_EQ(patch.at("operationId").as_string(), "patchThingsByIdPartsByPart");
  for (const char* status : {"400", "401", "403", "404", "409"})
    EXPECT_TRUE(patch.at("responses").as_object().contains(status)) << status;
  const auto& schema = patch.at("requestBody").at("content").at("application/json").at("schema");
  EXPECT_EQ(schema.at("required").at(0).as_string(), "size");
  const auto& get = paths.at("/api/v1/things/{id}/parts/{part}").at("get").as_object();
  EXPECT_FALSE(get.at("security").as_array().empty());
  EXPECT_FALSE(get.contains("x-roles"));
  EXPECT_FALSE(get.contains("requestBody"));
}

TEST(OpenApi, TheContractGivesAnswerSchemasAndRefusesUnknownOperations) {
  Router router;
  auto ok = [](Request&) { return Response::json("{}"); };
  router.post("/api/v1/things", ok).access = Access::logged_in();
  router.add(Method::delete_, "/api/v1/things/{id}", ok).access = Access::logged_in();
  json::object doc{{"paths", describe_routes(router.routes(), "/api/v1/")}};
  apply_contract(doc, json::parse(R"({
    "components": {"schemas": {"Thing": {"type": "object", "required": ["id"]}}},
    "operations": {
      "POST /api/v1/things": {"responses": {"201": {"$ref": "#/components/schemas/Thing"}},
                              "headers": {"Location": {"schema": {"type": "string"}}},
                              "parameters": [{"name": "Idempotency-Key", "in": "header", "required": true,
                                              "schema": {"type": "string"}}]},
      "DELETE /api/v1/things/{id}": {"responses": {"204": {}},
                                     "requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}}}}})")
                          .as_object());
  const auto& post = doc.at("paths").at("/api/v1/things").at("post").as_object();
  EXPECT_FALSE(post.at("responses").as_object().contains("200"));  // the generic answer gave way
  EXPECT_EQ(
      post.at("responses").at("201").at("content").at("application/json").at("schema").at("$ref").as_string(),
      "#/components/schemas/Thing");
  EXPECT_TRUE(post.at("responses").at("201").as_object().contains("headers"));
  EXPECT_EQ(post.at("parameters").at(0).at("name").as_string(), "Idempotency-Key");
  EXPECT_FALSE(doc.at("paths")
                   .at("/api/v1/things/{id}")
                   .at("delete")
                   .at("responses")
                   .at("204")
                   .as_object()
                   .contains("content"));
  EXPECT_TRUE(doc.at("components").at("schemas").as_object().contains("Thing"));
  EXPECT_TRUE(doc.at("paths")
                  .at("/api/v1/things/{id}")
                  .at("delete")
                  .at("requestBody")
                  .at("content")
                  .as_object()
                  .contains("text/csv"));
  EXPECT_THROW(apply_contract(doc, json::parse(R"({"operations": {"GET /api/v1/gone": {}}})").as_object()),
               std::runtime_error);
}

}  // namespace brilliant::web
