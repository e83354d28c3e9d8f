// API operations no other scenario calls successfully, called here so that their answers are checked
// against the document too (scripts/test.sh validates every recorded JSON answer; see
// tests/api/validate.mjs). Each call also checks the essentials of its answer.
#include <boost/json.hpp>

#include "app/seed_catalog.hpp"
#include "http/harness.hpp"

namespace brilliant::test {
namespace json = boost::json;

class ApiHttp : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    app::seed_catalog(app->database(), app->catalog(), app->quotes(), *clock, 12);
    app->catalog().refresh();
  }
  static std::vector<std::string> json_headers(HttpClient& c) {
    return {"Content-Type: application/json", "X-CSRF-Token: " + c.cookie("csrf")};
  }
};

TEST_F(ApiHttp, TheLessTravelledOperationsAnswerAsDocumented) {
  auto facets = client()->get("/api/v1/facets?category=ring");
  ASSERT_EQ(facets.status, 200) << facets.body;
  EXPECT_TRUE(json::parse(facets.body).as_object().contains("facets"));

  const auto slug = app->catalog().snapshot()->cards.front().slug;
  EXPECT_EQ(client()->request("POST", "/api/v1/products/" + slug + "/view", "", {}).status, 204);

  auto maker = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto profile = maker->get("/api/v1/console/profile");
  ASSERT_EQ(profile.status, 200) << profile.body;
  EXPECT_FALSE(json::parse(profile.body).as_object().contains("noindex"));  // an answer, not a page

  auto op = logged_in(web::Role::operator_);
  auto workshops = json::parse(op->get("/api/v1/operator/workshops").body);
  ASSERT_FALSE(workshops.at("workshops").as_array().empty());
  const std::string first(workshops.at("workshops").at(0).at("slug").as_string());
  auto one = op->get("/api/v1/operator/workshops/" + first);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(json::parse(one.body).at("workshop").at("slug").as_string(), first);
  auto logo = op->request("DELETE", "/api/v1/operator/brand/logo", "", json_headers(*op));
  ASSERT_EQ(logo.status, 200) << logo.body;
  EXPECT_TRUE(json::parse(logo.body).at("logo_url").is_null());

  const auto email = unique_email("api-token");
  signed_up(email);
  const std::string bearer = bearer_for(email);
  auto tokens = json::parse(client()->get("/api/v1/tokens", {bearer}).body);
  ASSERT_FALSE(tokens.at("tokens").as_array().empty());
  const auto id = tokens.at("tokens").at(0).at("id").as_int64();
  EXPECT_EQ(client()->request("DELETE", "/api/v1/tokens/" + std::to_string(id), "", {bearer}).status, 204);
  // The revoked token stays listed, with when it was revoked.
  const auto after = json::parse(client()->get("/api/v1/tokens", {bearer_for(email)}).body);
  bool revoked_listed = false;
  for (const auto& t : after.at("tokens").as_array())
    if (t.at("id").as_int64() == id)
      revoked_listed = t.at("revoked_at").is_string() && !t.at("live").as_bool();
  EXPECT_TRUE(revoked_listed);

  auto applicant = signed_up(unique_email("api-file"));
  auto attached = applicant->request(
      "POST", "/api/v1/applications/files?kind=document&name=registration.jpg", test_jpeg(320, 240),
      {"Content-Type: image/jpeg", "X-CSRF-Token: " + applicant->cookie("csrf")});
  ASSERT_EQ(attached.status, 201) << attached.body;
  const auto file = json::parse(attached.body).at("id").as_int64();
  auto removed = applicant->request("DELETE", "/api/v1/applications/files/" + std::to_string(file), "",
                                    json_headers(*applicant));
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_TRUE(json::parse(removed.body).at("removed").as_bool());
}

}  // namespace brilliant::test
