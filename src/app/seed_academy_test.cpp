// The demo academy (seed_academy.cpp): three courses, trainees at different stages and a certificate
// that verifies; once.
#include "app/seed_academy.hpp"

#include <gtest/gtest.h>

#include <soci/soci.h>
#include <boost/json.hpp>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/testing.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace brilliant::app {

TEST(SeedAcademy, CoursesTraineesAtEachStageAndACertificateOnce) {
  SystemClock clock;
  TempApp temp(clock, "seed-academy");
  App& app = *temp;
  seed_demo(app, 12);  // seeds the academy too
  auto& academy = app.academy();
  const auto courses = academy.courses();
  ASSERT_EQ(courses.size(), 3u);
  const long long owner = demo_user_id(app, "maker@brilliant.example");
  const long long designer = demo_user_id(app, "designer@brilliant.example");
  const auto coupons = *academy.course("campaigns-and-coupons");
  // The owner attended and has the coupon to make; the designer finished and holds the certificate.
  const auto mine = academy.progress(coupons, owner);
  EXPECT_TRUE(mine.attended);
  EXPECT_FALSE(mine.complete());
  EXPECT_TRUE(academy.progress(coupons, designer).complete());
  const auto held = academy.certificates_of(designer);
  ASSERT_EQ(held.size(), 1u);
  const auto credential = boost::json::parse(held[0].credential).as_object();
  EXPECT_TRUE(trust::verify_jcs_2022(credential, app.certification().issuer().key.public_key).ok());
  // The live course's coming session is full, with one waiting.
  const auto live = academy.sessions(academy.course("first-live-show")->id);
  int waiting = 0;
  for (const auto& s : live) waiting += s.waiting;
  EXPECT_EQ(waiting, 1);
  // Every demo coupon starts at a moment (a bare day was shown as "– 계속", starting at nothing).
  const auto starts = app.database().read([](soci::session& sql) {
    std::vector<std::string> out;
    soci::rowset<std::string> rows = sql.prepare << "SELECT starts_at FROM coupons";
    for (const auto& s : rows) out.push_back(s);
    return out;
  });
  ASSERT_FALSE(starts.empty());
  for (const auto& s : starts) {
    TimePoint t;
    EXPECT_TRUE(parse_utc(s, t)) << s;
  }
  EXPECT_FALSE(seed_academy(app, "iksan-gold", "maker@brilliant.example", "operator@brilliant.example"));
  EXPECT_EQ(academy.courses().size(), 3u);
}

}  // namespace brilliant::app
