// The academy's routes called as their users would: the operator makes a course and a session, an owner
// enrols their staff member, the trainee sees their QR and progress, the instructor checks them in, and a
// finished trainee's certificate is a page, a PDF, a credential and a log proof. Pages render in both
// languages.
#include "academy/routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "academy/routes_testing.hpp"

namespace brilliant::academy {
namespace {
namespace json = boost::json;
using web::Method;
using web::Role;

TEST_F(AcademyRoutesTest, FromACourseToASignedCertificate) {
  auto r = call(Method::post, "/api/v1/operator/academy/courses", {}, op,
                R"({"slug":"coupons-101","title_ko":"쿠폰 기초","title_en":"Coupons 101","summary_ko":"",)"
                R"("summary_en":"","tasks":"coupon"})");
  ASSERT_EQ(r.status, 201) << r.body;
  r = call(Method::post, "/api/v1/operator/academy/sessions", {}, op,
           R"({"course_id":1,"starts_at":"2026-12-10T14:00","place":"익산 보석센터","capacity":2,)"
           R"("instructor_email":"u6@x.example"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto session = body_of(r).at("id").as_int64();
  r = call(Method::post, "/api/v1/operator/academy/sessions", {}, op,
           R"({"course_id":1,"starts_at":"soon"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("capacity"), std::string::npos);

  r = call(Method::post, "/api/v1/academy/enrolments", {}, owner,
           R"({"session_id":)" + std::to_string(session) + R"(,"user_id":2})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(body_of(r).at("state").as_string(), "enrolled");
  EXPECT_FALSE(body_of(r).contains("checkin_token"));  // the owner never holds the trainee's QR
  EXPECT_EQ(call(Method::post, "/api/v1/academy/enrolments", {}, owner, R"({"session_id":"x"})").status, 400);

  r = call(Method::get, "/api/v1/console/academy", {}, trainee);
  ASSERT_EQ(r.status, 200);
  auto mine = body_of(r).at("enrolments").as_array().at(0).as_object();
  const std::string token(mine.at("checkin_token").as_string());
  EXPECT_FALSE(mine.at("progress").at("complete").as_bool());
  EXPECT_EQ(call(Method::post, "/api/v1/console/academy/courses/{slug}/certificate",
                 {{"slug", "coupons-101"}}, trainee)
                .status,
            422);

  clock.set(at("2026-12-10T05:05:00Z"));
  EXPECT_EQ(call(Method::post, "/api/v1/academy/checkin/{token}", {{"token", token}}, owner).status, 403);
  r = call(Method::post, "/api/v1/academy/checkin/{token}", {{"token", token}},
           web::person(6, Role::shopper));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(body_of(r).at("attended").as_bool());
  db->write([&](soci::session& sql) {
    sql << "INSERT INTO coupons (code, name_ko, name_en, kind, starts_at, created_by, created_at, "
           "workshop_id) "
           "VALUES ('GOLD1', '연습', 'Practice', 'fixed', '2026-12-10', 2, '2026-12-10T06:00:00Z', 1)";
  });
  r = call(Method::post, "/api/v1/console/academy/courses/{slug}/certificate", {{"slug", "coupons-101"}},
           trainee);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string number(body_of(r).at("number").as_string());
  const auto credential = body_of(r).at("credential").as_object();
  EXPECT_TRUE(trust::verify_jcs_2022(credential, key.public_key).ok());

  r = call(Method::get, "/academy/certificates/{number}", {{"number", number + ".pdf"}}, std::nullopt, "",
           false);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
  r = call(Method::get, "/academy/certificates/{number}/proof.json", {{"number", number}}, std::nullopt);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(r).at("certificate").as_string(), number);
  r = call(Method::get, "/academy/certificates/{number}", {{"number", number}}, std::nullopt, "", false);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("사람2"), std::string::npos);
  EXPECT_EQ(
      call(Method::get, "/academy/certificates/{number}", {{"number", "AC-0000-0000"}}, std::nullopt).status,
      404);

  r = call(Method::get, "/api/v1/operator/academy", {}, op);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r).at("courses").as_array().at(0).at("certified").as_int64(), 1);
  EXPECT_EQ(body_of(r).at("workshops").as_array().at(0).at("name").as_string(), "gold 공방");
  r = web::call_route(router, Method::get, "/api/v1/operator/academy", {}, op, "", "", true, "en");
  EXPECT_EQ(body_of(r).at("workshops").as_array().at(0).at("name").as_string(), "gold workshop");
  r = call(Method::get, "/api/v1/academy/teach", {}, web::person(6, Role::shopper));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r).at("sessions").as_array().at(0).at("roster").as_array().size(), 1u);
}

TEST_F(AcademyRoutesTest, EveryPageRendersForItsReader) {
  ASSERT_TRUE(
      academy.create_course({"live-101", "첫 라이브", "First live show", "요약", "Summary", "live"}).ok());
  const auto s = academy.add_session(1, {"2026-12-10T14:00", "센터", "", "u6@x.example", 5});
  ASSERT_TRUE(s.ok());
  const auto e = academy.enrol(s->id, 2, owner);
  ASSERT_TRUE(e.ok());
  const std::vector<std::tuple<std::string, std::vector<std::pair<std::string, std::string>>,
                               std::optional<web::Principal>, std::string>>
      cases = {{"/academy", {}, std::nullopt, "첫 라이브"},
               {"/academy/courses/{slug}", {{"slug", "live-101"}}, owner, "사람2"},
               {"/academy/courses/{slug}", {{"slug", "live-101"}}, trainee, "academy-progress"},
               {"/console/academy", {}, trainee, "<svg"},
               {"/academy/checkin/{token}", {{"token", e->token}}, web::person(6, Role::shopper), "사람2"},
               {"/academy/teach", {}, web::person(6, Role::shopper), "사람2"},
               {"/operator/academy", {}, op, "live-101"}};
  for (const auto& [pattern, params, who, want] : cases) {
    const auto r = call(Method::get, pattern, params, who, "", false);
    EXPECT_EQ(r.status, 200) << pattern;
    EXPECT_NE(r.body.find(want), std::string::npos) << pattern << " lacks " << want;
  }
  EXPECT_EQ(call(Method::get, "/academy/courses/{slug}", {{"slug", "nope"}}, std::nullopt).status, 404);
}

}  // namespace
}  // namespace brilliant::academy
