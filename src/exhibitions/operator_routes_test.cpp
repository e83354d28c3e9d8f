// The operator plans a fair (a bad field is refused by name and the form keeps what was typed), selects a
// workshop that applied, and sees the exchange rates the line sheets use; the page renders in both
// languages.
#include <gtest/gtest.h>

#include "exhibitions/routes_testing.hpp"

namespace brilliant::exhibitions {
namespace {
using web::Method;

TEST_F(ExhibitionRoutesTest, TheOperatorPlansSelectsAndSetsRates) {
  auto r = call(
      Method::post, "/api/v1/operator/exhibitions", {}, op,
      R"({"slug":"bkk-2026","name_ko":"방콕 쇼","name_en":"Bangkok Show","city":"Bangkok",)"
      R"("country":"th","starts_on":"2026-09-01","ends_on":"2026-09-05","currency":"thb","cost":9000000})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(body_of(r).at("currency").as_string(), "THB");
  r = call(
      Method::post, "/operator/exhibitions", {}, op,
      "slug=seoul-2026&name_ko=%EC%84%9C%EC%9A%B8&name_en=Seoul&city=Seoul&country=KR&starts_on=2026-10-01&"
      "ends_on=2026-09-01",
      false);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("value=\"seoul-2026\""), std::string::npos);
  ASSERT_TRUE(exhibitions.apply("bkk-2026", 2, "은 공방").ok());
  r = call(Method::put, "/api/v1/operator/exhibitions/{slug}/workshops/{workshop_id}",
           {{"slug", "bkk-2026"}, {"workshop_id", "2"}}, op, R"({"state":"selected"})");
  ASSERT_EQ(r.status, 200) << r.body;
  r = call(Method::post, "/operator/exhibitions/{slug}/workshops/{workshop_id}",
           {{"slug", "bkk-2026"}, {"workshop_id", "1"}}, op, "state=selected", false);
  EXPECT_EQ(r.status, 404);  // gold never applied
  r = call(Method::get, "/api/v1/operator/exhibitions", {}, op);
  const auto fair = body_of(r).at("exhibitions").as_array().at(0).as_object();
  EXPECT_EQ(fair.at("participants").as_array().at(0).at("state").as_string(), "selected");
  for (const char* locale : {"ko", "en"}) {
    r = call(Method::get, "/operator/exhibitions", {}, op, "", false, "", locale);
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("Bangkok"), std::string::npos);
    EXPECT_NE(r.body.find("39.2"), std::string::npos);  // pricing's THB rate, shown
  }
}

}  // namespace
}  // namespace brilliant::exhibitions
