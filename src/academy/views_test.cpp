#include "academy/views.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace brilliant::academy {
namespace {

const catalog::Messages words = [](const std::string& key) { return "[" + key + "]"; };

TEST(AcademyViews, SessionsShowSeatsLeftInSeoulTime) {
  Session s{.id = 4,
            .course_id = 1,
            .starts_at = "2026-12-10T05:00:00Z",
            .place = "센터",
            .capacity = 3,
            .enrolled = 3,
            .waiting = 2,
            .course_title_ko = "가",
            .course_title_en = "A"};
  auto j = session_json(s, "en", "2026-12-01T00:00:00Z");
  EXPECT_EQ(j.at("starts").as_string(), "2026-12-10 14:00");
  EXPECT_EQ(j.at("seats_left").as_int64(), 0);
  EXPECT_TRUE(j.at("full").as_bool());
  EXPECT_TRUE(j.at("upcoming").as_bool());
  EXPECT_EQ(j.at("course_title").as_string(), "A");
  s.enrolled = 1;
  EXPECT_EQ(session_json(s, "ko", "2026-12-11T00:00:00Z").at("seats_left").as_int64(), 2);
  EXPECT_FALSE(session_json(s, "ko", "2026-12-11T00:00:00Z").at("upcoming").as_bool());
}

TEST(AcademyViews, ProgressNamesEachTaskAndItsEvidence) {
  Progress p{true, true, {{Task::coupon, true, "PRACTICE", "2026-12-10T06:00:00Z"}, {Task::live}}};
  auto j = progress_json(p, words);
  EXPECT_EQ(j.at("percent").as_int64(), 66);
  EXPECT_FALSE(j.at("complete").as_bool());
  const auto& first = j.at("tasks").as_array().at(0).as_object();
  EXPECT_EQ(first.at("name").as_string(), "[academy.task.coupon]");
  EXPECT_EQ(first.at("evidence").as_string(), "PRACTICE");
  EXPECT_EQ(first.at("at").as_string(), "2026-12-10 15:00");
  EXPECT_FALSE(j.at("tasks").as_array().at(1).at("done").as_bool());
}

TEST(AcademyViews, TheCheckInTokenOnlyForItsHolder) {
  Enrolment e{.id = 1, .state = "waiting", .token = "secret"};
  EXPECT_FALSE(enrolment_json(e, "ko", "", false).contains("checkin_token"));
  EXPECT_EQ(enrolment_json(e, "ko", "", true).at("checkin_token").as_string(), "secret");
  EXPECT_TRUE(enrolment_json(e, "ko", "", true).at("waiting").as_bool());
  Certificate c{
      .number = "AC-7K2M-Q9PX", .issued_at = "2026-12-10T16:00:00Z", .title_ko = "가", .title_en = "A"};
  auto cj = certificate_json(c, "en");
  EXPECT_EQ(cj.at("issued").as_string(), "2026-12-11");  // Seoul's date
  EXPECT_EQ(cj.at("pdf_url").as_string(), "/academy/certificates/AC-7K2M-Q9PX.pdf");
  EXPECT_EQ(cj.at("course_title").as_string(), "A");
}

}  // namespace
}  // namespace brilliant::academy
