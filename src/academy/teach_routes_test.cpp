// The instructors' and the operator's routes (teach_routes.cpp) as pages: a refused course or session
// keeps what the operator typed and names the field; someone who teaches nothing is told so; the door's
// page refuses whoever is neither the instructor nor the operator.
#include "academy/routes_testing.hpp"

namespace brilliant::academy {
namespace {

TEST_F(AcademyRoutesTest, RefusedFormsKeepWhatWasTypedAndNameTheField) {
  auto r = call(Method::post, "/operator/academy/courses", {}, op,
                "slug=Bad+Slug&title_ko=%EC%82%AC%EC%A7%84+%EC%8B%A4%EC%8A%B5&title_en=Photos&tasks=photos",
                false);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("사진 실습"), std::string::npos);  // kept as typed
  EXPECT_NE(r.body.find("field-error"), std::string::npos);
  ASSERT_TRUE(academy.create_course({"photos", "사진", "Photos", "", "", "photos"}).ok());
  r = call(Method::post, "/operator/academy/sessions", {}, op,
           "course_id=1&starts_at=2026-12-10T14%3A00&place=%EC%84%BC%ED%84%B0&capacity=0", false);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("capacity"), std::string::npos);
  r = call(Method::post, "/operator/academy/sessions", {}, op,
           "course_id=1&starts_at=2026-12-10T14%3A00&place=%EC%84%BC%ED%84%B0&capacity=8", false);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(academy.sessions(1).size(), 1u);
}

TEST_F(AcademyRoutesTest, TheDoorAndTheRostersAnswerOnlyTheirPeople) {
  ASSERT_TRUE(academy.create_course({"live", "라이브", "Live", "", "", "live"}).ok());
  const auto s = academy.add_session(1, {"2026-12-10T14:00", "센터", "", "u6@x.example", 2}).value();
  const auto e = academy.enrol(s.id, 2, owner).value();
  auto r = call(Method::post, "/academy/checkin/{token}", {{"token", e.token}}, owner, "", false);
  EXPECT_EQ(r.status, 403);  // the page again, with why
  EXPECT_TRUE(academy.roster(s.id).front().attended_at.empty());
  r = call(Method::post, "/academy/checkin/{token}", {{"token", e.token}}, web::person(6, Role::shopper), "",
           false);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("checked-in"), std::string::npos);
  r = call(Method::get, "/academy/teach", {}, web::person(3, Role::vendor_staff, 1), "", false);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("사람2"), std::string::npos);  // teaches nothing: sees no one
  EXPECT_EQ(call(Method::get, "/academy/checkin/{token}", {{"token", "nope"}}, op).status, 404);
}

}  // namespace
}  // namespace brilliant::academy
