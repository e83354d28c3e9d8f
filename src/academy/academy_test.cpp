// The academy with a real database: seats and the waiting list (a freed seat moves the first in line up
// and mails them), who may enrol whom, the door's check-in, day-before reminders, progress read from what
// the trainee did with the tools (the audit trail, shows, campaigns, coupons) and the signed certificate.
#include "academy/academy.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/json.hpp>

#include "academy/testing.hpp"
#include "db/testing.hpp"
#include "trust/log.hpp"

namespace brilliant::academy {
namespace {

TimePoint T(const std::string& text) {
  TimePoint t;
  EXPECT_TRUE(parse_utc(text, t)) << text;
  return t;
}

class AcademyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_people(*db);
    academy.set_mail([](const AcademyMail& m) {
      return mail::Mail{m.enrolment.email, m.kind, m.enrolment.name};
    });
    academy.set_issuer({"https://brilliant.example", "did:web:brilliant.example", key});
    auto made = academy.create_course({"copy-and-photos", "AI 상품 문구와 사진", "AI copy and photos", "", "",
                                       "coupon campaign live copy"});
    ASSERT_TRUE(made.ok()) << made.error().message;
    course = *made;
    auto s = academy.add_session(course.id, {"2026-12-10T14:00", "익산 보석센터", "", "u6@x.example", 1});
    ASSERT_TRUE(s.ok()) << s.error().message;
    session = *s;
  }
  static web::Principal owner(long long id, long long workshop) {
    return {.user_id = id,
            .roles = static_cast<uint32_t>(web::Role::vendor_staff),
            .workshop_id = workshop,
            .workshop_owner = true};
  }
  long long outbox() {
    return db->read([](soci::session& sql) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM outbox", soci::into(n);
      return n;
    });
  }

  db::TempDatabase db{BRILLIANT_SOURCE_DIR "/migrations"};
  FixedClock clock{T("2026-12-01T00:00:00Z")};
  trust::KeyPair key = trust::new_key();
  Academy academy{*db, clock};
  Course course;
  Session session;
};

TEST_F(AcademyTest, AFullSessionPutsTheNextOnTheWaitingListAndAFreedSeatMovesThemUp) {
  const auto first = academy.enrol(session.id, 2, owner(1, 1));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->state, "enrolled");
  EXPECT_EQ(first->session.course_slug, "copy-and-photos");
  const auto second = academy.enrol(session.id, 3, owner(1, 1));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->state, "waiting");
  EXPECT_EQ(academy.enrol(session.id, 3, owner(1, 1)).error().code, "already_enrolled");
  EXPECT_EQ(academy.sessions(course.id).front().waiting, 1);
  const auto before = outbox();
  ASSERT_TRUE(academy.cancel(first->id, owner(1, 1)).ok());
  const auto roster = academy.roster(session.id);
  ASSERT_EQ(roster.size(), 1u);
  EXPECT_EQ(roster.front().user_id, 3);
  EXPECT_EQ(roster.front().state, "enrolled");
  EXPECT_EQ(outbox(), before + 1);  // "a seat is yours"
  // Enrolling again after cancelling is allowed (a seat is gone, so they wait).
  EXPECT_EQ(academy.enrol(session.id, 2, owner(1, 1))->state, "waiting");
}

TEST_F(AcademyTest, OnlyTheOwnerOfTheTraineesWorkshopOrTheOperatorEnrols) {
  EXPECT_EQ(academy.enrol(session.id, 2, owner(4, 2)).error().kind, ErrorKind::forbidden);
  web::Principal staff{
      .user_id = 3, .roles = static_cast<uint32_t>(web::Role::vendor_staff), .workshop_id = 1};
  EXPECT_EQ(academy.enrol(session.id, 2, staff).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(academy.enrol(session.id, 5, owner(1, 1)).error().field, "user_id");  // a shopper is no trainee
  EXPECT_EQ(academy.enrol(999, 2, owner(1, 1)).error().kind, ErrorKind::not_found);
  web::Principal op{.user_id = 6, .roles = static_cast<uint32_t>(web::Role::operator_)};
  EXPECT_TRUE(academy.enrol(session.id, 4, op).ok());
  clock.set(T("2026-12-10T06:00:00Z"));  // the session started at 05:00 UTC
  EXPECT_EQ(academy.enrol(session.id, 2, op).error().code, "session_started");
}

TEST_F(AcademyTest, TheInstructorChecksInASeatedTraineeOnceAndNobodyElseMay) {
  const auto seated = academy.enrol(session.id, 2, owner(1, 1)).value();
  const auto waiting = academy.enrol(session.id, 3, owner(1, 1)).value();
  web::Principal instructor{.user_id = 6};
  EXPECT_EQ(academy.check_in(seated.token, owner(1, 1)).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(academy.check_in(waiting.token, instructor).error().code, "not_seated");
  EXPECT_EQ(academy.check_in("not-a-token", instructor).error().kind, ErrorKind::not_found);
  const auto done = academy.check_in(seated.token, instructor);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->attended_at, "2026-12-01T00:00:00Z");
  clock.advance(std::chrono::minutes(5));
  EXPECT_EQ(academy.check_in(seated.token, instructor)->attended_at, "2026-12-01T00:00:00Z");
  EXPECT_EQ(academy.teaching(instructor).size(), 1u);
  EXPECT_TRUE(academy.teaching(owner(1, 1)).empty());
}

TEST_F(AcademyTest, RemindersGoOutOnceInTheDayBeforeASession) {
  ASSERT_TRUE(academy.enrol(session.id, 2, owner(1, 1)).ok());
  ASSERT_TRUE(academy.enrol(session.id, 3, owner(1, 1)).ok());  // waiting: no reminder
  EXPECT_EQ(academy.send_reminders(), 0);                       // nine days ahead
  clock.set(T("2026-12-09T08:00:00Z"));
  const auto before = outbox();
  EXPECT_EQ(academy.send_reminders(), 1);
  EXPECT_EQ(academy.send_reminders(), 0);
  EXPECT_EQ(outbox(), before + 1);
}

TEST_F(AcademyTest, ProgressComesFromWhatTheTraineeDidAndTheCertificateIsSignedAndLogged) {
  const auto e = academy.enrol(session.id, 2, owner(1, 1)).value();
  EXPECT_EQ(academy.claim(course, 2).error().code, "course_not_complete");
  // Before the enrolment: does not count.
  db->write([&](soci::session& sql) {
    sql << "INSERT INTO coupons (code, name_ko, name_en, kind, starts_at, created_by, created_at) "
           "VALUES ('OLD', '옛', 'Old', 'fixed', '2026-01-01', 2, '2026-11-20T00:00:00Z')";
  });
  auto p = academy.progress(course, 2);
  EXPECT_TRUE(p.enrolled);
  EXPECT_FALSE(p.attended);
  EXPECT_EQ(p.done(), 0);
  EXPECT_EQ(p.percent(), 0);
  clock.set(T("2026-12-10T05:10:00Z"));
  ASSERT_TRUE(academy.check_in(e.token, web::Principal{.user_id = 6}).ok());
  db->write([&](soci::session& sql) {
    sql << "INSERT INTO coupons (code, name_ko, name_en, kind, starts_at, created_by, created_at) "
           "VALUES ('PRACTICE', '연습', 'Practice', 'fixed', '2026-12-10', 2, '2026-12-10T06:00:00Z')";
    sql << "INSERT INTO campaigns (name, subject_a, body_a, status, sent_at, created_by, created_at) "
           "VALUES ('Test send', '(광고) 시험', '본문', 'sent', '2026-12-10T06:10:00Z', 2, "
           "'2026-12-10T06:00:00Z')";
    sql << "INSERT INTO audit_log (at, actor_id, actor, roles, workshop_id, kind, method, route, target, "
           "detail, "
           "status) VALUES ('2026-12-10T06:20:00Z', 2, 'u2@x.example', 'vendor_staff', 1, 'change', 'PUT', "
           "'/api/v1/console/products/{slug}/copy', '/api/v1/console/products/sun-ring/copy', '', 200)";
    // A rehearsal of 4 minutes does not count, nor does a public show; a rehearsal of 6 minutes with a
    // pinned piece does.
    for (auto [slug, end, rehearsal] : {std::tuple{"short", "2026-12-10T07:04:00Z", 1},
                                        {"public", "2026-12-10T07:36:00Z", 0},
                                        {"long", "2026-12-10T08:06:00Z", 1}}) {
      const std::string start = std::string(end).substr(0, 14) + "00:00Z", s(slug), ended(end);
      sql << "INSERT INTO live_shows (slug, title_ko, title_en, scheduled_at, state, stream_key_hash, "
             "started_at, ended_at, created_by, created_at, rehearsal) VALUES (:s, :t, :t2, :a, 'ended', "
             "'x', "
             ":b, :e, 2, :c, :r)",
          soci::use(s), soci::use(s), soci::use(s), soci::use(start), soci::use(start), soci::use(ended),
          soci::use(start), soci::use(rehearsal);
      sql << "INSERT INTO live_chapters (show_id, product_id, at) SELECT id, 1, started_at FROM live_shows "
             "WHERE slug = :s",
          soci::use(s);
    }
  });
  p = academy.progress(course, 2);
  ASSERT_EQ(p.tasks.size(), 4u);
  for (const auto& t : p.tasks) EXPECT_TRUE(t.done) << task_code(t.task);
  EXPECT_EQ(p.tasks[0].evidence, "PRACTICE");
  EXPECT_EQ(p.tasks[1].evidence, "Test send");
  EXPECT_EQ(p.tasks[2].evidence, "long");
  EXPECT_EQ(p.tasks[3].evidence, "sun-ring");
  EXPECT_TRUE(p.complete());
  EXPECT_EQ(p.percent(), 100);
  EXPECT_FALSE(academy.progress(course, 3).enrolled);  // someone else did nothing

  const auto cert = academy.claim(course, 2);
  ASSERT_TRUE(cert.ok()) << cert.error().message;
  EXPECT_TRUE(is_printable_code(cert->number, "AC"));
  EXPECT_EQ(cert->name, "사람2");
  EXPECT_EQ(cert->workshop, "gold 공방");
  EXPECT_EQ(academy.claim(course, 2)->number, cert->number);  // the same one again
  const auto credential = boost::json::parse(cert->credential).as_object();
  EXPECT_TRUE(trust::verify_jcs_2022(credential, key.public_key).ok());
  EXPECT_EQ(credential.at("credentialSubject").at("certificateNumber").as_string(), cert->number);
  EXPECT_EQ(academy.certificate(cert->number)->log_index, cert->log_index);
  EXPECT_FALSE(academy.certificate("AC-0000-0000").has_value());
  EXPECT_EQ(academy.certificates_of(2).size(), 1u);
  ASSERT_EQ(academy.course_totals().size(), 1u);
  EXPECT_EQ(academy.course_totals().front().certified, 1);
  ASSERT_EQ(academy.workshop_totals().size(), 1u);
  EXPECT_EQ(academy.workshop_totals().front().attended, 1);
}

TEST_F(AcademyTest, CoursesSessionsAndMaterialsRefuseBadFieldsByName) {
  EXPECT_EQ(academy.create_course({"Bad Slug", "가", "A", "", "", ""}).error().field, "slug");
  EXPECT_EQ(academy.create_course({"x", "", "A", "", "", ""}).error().field, "title_ko");
  EXPECT_EQ(academy.create_course({"x", "가", "A", "", "", "dance"}).error().field, "tasks");
  EXPECT_EQ(academy.create_course({"copy-and-photos", "가", "A", "", "", ""}).error().code, "slug_taken");
  EXPECT_EQ(academy.add_session(course.id, {"next week", "센터", "", "", 5}).error().field, "starts_at");
  EXPECT_EQ(academy.add_session(course.id, {"2026-12-20T10:00", "", "", "", 5}).error().field, "place");
  EXPECT_EQ(academy.add_session(course.id, {"2026-12-20T10:00", "센터", "", "", 0}).error().field,
            "capacity");
  EXPECT_EQ(
      academy.add_session(course.id, {"2026-12-20T10:00", "센터", "", "nobody@x.example", 5}).error().field,
      "instructor_email");
  EXPECT_EQ(academy.add_material(course.id, "자료", "javascript:alert(1)", "pdf").error().field, "url");
  EXPECT_EQ(academy.add_material(course.id, "자료", "/static/a.pdf", "zip").error().field, "kind");
  ASSERT_TRUE(academy.add_material(course.id, "교재", "/static/academy/copy.pdf", "pdf").ok());
  EXPECT_EQ(academy.materials(course.id).size(), 1u);
}

}  // namespace
}  // namespace brilliant::academy
