// The booth over HTTP: only the operator and the selected workshops' staff open it; the app's syncs answer
// created, unchanged (a retry), or conflict (both kept) and the conflict is resolved by choosing; a visitor
// leaves their details through the contact form, which keeps what was typed when refused.
#include <gtest/gtest.h>

#include "exhibitions/routes_testing.hpp"

namespace brilliant::exhibitions {
namespace {
using web::Method;

const std::string lead =
    R"({"client_id":"phone-1-0001","name":"Tanaka Yui","company":"Ginza","email":"yui@ginza.example",)"
    R"("country":"JP","interests":[1],"rating":4,"notes":"50 rings","consent":true})";

TEST_F(ExhibitionRoutesTest, TheBoothSyncsLeadsWithoutDuplicates) {
  fair_with_gold();
  EXPECT_EQ(call(Method::get, "/exhibitions/{slug}/booth", {{"slug", "hk-2026"}}, shopper, "", false).status,
            403);
  EXPECT_EQ(call(Method::get, "/exhibitions/{slug}/booth", {{"slug", "hk-2026"}}, silver, "", false).status,
            403);
  for (const char* locale : {"ko", "en"}) {
    auto page =
        call(Method::get, "/exhibitions/{slug}/booth", {{"slug", "hk-2026"}}, gold, "", false, "", locale);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("interest-1"), std::string::npos);
  }
  const std::vector<std::pair<std::string, std::string>> at{{"slug", "hk-2026"}};
  auto r = call(Method::post, "/api/v1/exhibitions/{slug}/leads", at, gold, lead);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = body_of(r).at("id").as_int64();
  r = call(Method::post, "/api/v1/exhibitions/{slug}/leads", at, gold, lead);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r).at("outcome").as_string(), "unchanged");
  std::string edited = lead;
  edited.replace(edited.find("\"rating\":4"), 10, "\"rating\":1,\"base_version\":0");
  r = call(Method::post, "/api/v1/exhibitions/{slug}/leads", at, op, edited);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(body_of(r).at("conflict").at("rating").as_int64(), 1);
  EXPECT_EQ(body_of(r).at("rating").as_int64(), 4);
  EXPECT_EQ(call(Method::post, "/api/v1/exhibitions/{slug}/leads", at, gold, R"({"client_id":"x"})").status,
            400);
  EXPECT_EQ(call(Method::post, "/api/v1/exhibitions/{slug}/leads", at, silver, lead).status, 403);
  r = call(Method::get, "/api/v1/exhibitions/{slug}/leads", at, gold);
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(body_of(r).at("leads").as_array().at(0).at("has_conflict").as_bool());
  r = call(Method::post, "/exhibitions/{slug}/leads/{id}/resolve",
           {{"slug", "hk-2026"}, {"id", std::to_string(id)}}, gold, "choice=kept", false);
  EXPECT_EQ(r.status, 303);
  r = call(Method::post, "/api/v1/exhibitions/{slug}/leads/{id}/resolve",
           {{"slug", "hk-2026"}, {"id", std::to_string(id)}}, gold, R"({"choice":"kept"})");
  EXPECT_EQ(r.status, 409);  // nothing left to choose
  EXPECT_EQ(leads.of(1).at(0).fields.rating, 4);
}

TEST_F(ExhibitionRoutesTest, AVisitorLeavesTheirDetails) {
  fair_with_gold();
  const std::vector<std::pair<std::string, std::string>> at{{"slug", "hk-2026"}};
  for (const char* locale : {"ko", "en"}) {
    auto page = call(Method::get, "/exhibitions/{slug}/contact", at, std::nullopt, "", false, "", locale);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("name=\"client_id\""), std::string::npos);
  }
  auto r = call(Method::post, "/exhibitions/{slug}/contact", at, std::nullopt,
                "client_id=visitor-0001&name=Lee&email=lee%40x.example&interest_1=1", false);
  EXPECT_EQ(r.status, 400);  // no consent
  EXPECT_NE(r.body.find("value=\"Lee\""), std::string::npos);
  r = call(Method::post, "/exhibitions/{slug}/contact", at, std::nullopt,
           "client_id=visitor-0001&name=Lee&email=lee%40x.example&interest_1=1&consent=1", false);
  EXPECT_EQ(r.status, 200);
  r = call(Method::post, "/exhibitions/{slug}/contact", at, std::nullopt,
           "client_id=visitor-0001&name=Lee&email=lee%40x.example&interest_1=1&consent=1", false);
  EXPECT_EQ(r.status, 200);  // a double submit thanks again and adds nothing
  const auto all = leads.of(1);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].source, "visitor");
  EXPECT_EQ(all[0].fields.interests, std::vector<long long>{1});
}

TEST_F(ExhibitionRoutesTest, TheVisitorsFormTakesTwentyAtOnceFromOneAddressThenAsksToWait) {
  fair_with_gold();
  const std::vector<std::pair<std::string, std::string>> at{{"slug", "hk-2026"}};
  for (int i = 0; i < 20; ++i) {
    const auto r = call(
        Method::post, "/exhibitions/{slug}/contact", at, std::nullopt,
        "client_id=visitor-" + std::to_string(1000 + i) + "&name=V&email=v%40x.example&consent=1", false);
    ASSERT_EQ(r.status, 200) << i;
  }
  auto refused = call(Method::post, "/exhibitions/{slug}/contact", at, std::nullopt,
                      "client_id=visitor-2000&name=V&email=v%40x.example&consent=1", false);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.header("Retry-After"), "30");
  EXPECT_EQ(leads.of(1).size(), 20u);
  clock.advance(std::chrono::seconds(30));
  EXPECT_EQ(call(Method::post, "/exhibitions/{slug}/contact", at, std::nullopt,
                 "client_id=visitor-2000&name=V&email=v%40x.example&consent=1", false)
                .status,
            200);
}

}  // namespace
}  // namespace brilliant::exhibitions
