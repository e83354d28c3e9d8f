// The academy's wiring (academy_wiring.cpp): the day-before reminder and the "a seat is yours" mail in the
// trainee's language, naming the course, the time and where to see the QR code.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "app/app.hpp"
#include "app/testing.hpp"
#include "db/database.hpp"
#include "mail/outbox.hpp"

namespace brilliant::app {

TEST(AcademyWiring, RemindersAndSeatMailsSpeakTheTraineesLanguage) {
  TimePoint start;
  parse_utc("2026-12-09T06:00:00Z", start);
  FixedClock clock(start);
  TempApp temp(clock, "academy-wiring");
  App& app = *temp;
  app.database().write([](soci::session& sql) {
    sql << "INSERT INTO workshops (slug, name, status, created_at, updated_at) VALUES ('w', '공방', "
           "'active', "
           "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')";
  });
  auto en = app.accounts().add_user({"kim@example.com", "Kim", "a-long-password", "en"},
                                    web::Role::vendor_staff, "w");
  auto ko = app.accounts().add_user({"lee@example.com", "이", "a-long-password", "ko"},
                                    web::Role::vendor_staff, "w");
  ASSERT_TRUE(en && ko);
  auto& academy = app.academy();
  const auto course = academy.create_course({"c", "첫 라이브", "First live", "", "", "live"}).value();
  const auto session = academy.add_session(course.id, {"2026-12-10T14:00", "센터", "", "", 1}).value();
  web::Principal op{1, "op@x", "Op", static_cast<uint32_t>(web::Role::operator_)};
  const auto seated = academy.enrol(session.id, en->id, op).value();
  ASSERT_EQ(academy.enrol(session.id, ko->id, op)->state, "waiting");
  EXPECT_EQ(academy.send_reminders(), 1);
  auto mails = app.database().read([](soci::session& sql) { return mail::recent(sql, 5); });
  ASSERT_FALSE(mails.empty());
  EXPECT_EQ(mails[0].mail.to, "kim@example.com");
  EXPECT_NE(mails[0].mail.subject.find("First live"), std::string::npos);
  EXPECT_NE(mails[0].mail.body.find("2026-12-10 14:00"), std::string::npos);
  EXPECT_NE(mails[0].mail.body.find("/en/console/academy"), std::string::npos);
  ASSERT_TRUE(academy.cancel(seated.id, op).ok());
  mails = app.database().read([](soci::session& sql) { return mail::recent(sql, 5); });
  EXPECT_EQ(mails[0].mail.to, "lee@example.com");
  EXPECT_NE(mails[0].mail.subject.find("자리가 났습니다"), std::string::npos);
  EXPECT_NE(mails[0].mail.body.find("첫 라이브"), std::string::npos);
}

}  // namespace brilliant::app
