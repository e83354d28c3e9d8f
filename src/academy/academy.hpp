// The academy in the database (issue 13): courses, their sessions and materials, enrolments of workshop
// staff by their owner (a seat while there is one, else the waiting list, whose first moves up when a
// seat frees), QR check-in at the door by the session's instructor or the operator, the day-before
// reminder mails, each trainee's progress worked out from what they did with the real tools (the audit
// trail, shows, campaigns, coupons; academy/rules.hpp), and completion certificates signed like the eco
// certificates and appended to the transparency log. Thread safe (the database is).
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "academy/rules.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "mail/outbox.hpp"
#include "trust/signing.hpp"
#include "web/principal.hpp"

namespace brilliant::trust {
class TransparencyLog;
}

namespace brilliant::academy {

struct Course {
  long long id = 0;
  std::string slug, title_ko, title_en, summary_ko, summary_en;
  std::vector<Task> tasks;
  const std::string& title(const std::string& locale) const { return locale == "en" ? title_en : title_ko; }
  const std::string& summary(const std::string& locale) const {
    return locale == "en" ? summary_en : summary_ko;
  }
};

struct CourseInput {
  std::string slug, title_ko, title_en, summary_ko, summary_en, tasks;
};

struct Session {
  long long id = 0, course_id = 0, instructor_id = 0;
  std::string starts_at, place, video_url, instructor;  // instructor: the name
  int capacity = 0, enrolled = 0, waiting = 0, attended = 0;
  std::string course_slug, course_title_ko, course_title_en;
};

struct SessionInput {
  std::string starts_at;  // "2026-12-10T14:00" Seoul, or UTC text
  std::string place, video_url, instructor_email;
  int capacity = 0;
};

struct Material {
  long long id = 0;
  std::string title, url, kind;  // kind: pdf | video | link
};

struct Enrolment {
  long long id = 0, session_id = 0, user_id = 0, workshop_id = 0;
  std::string state, token, attended_at, created_at;
  std::string name, email, locale, workshop;  // the trainee
  Session session;
};

struct Certificate {
  long long id = 0, course_id = 0, user_id = 0, log_index = 0;
  std::string number, name, workshop, issued_at, credential;
  std::string course_slug, title_ko, title_en;
};

struct CourseTotals {
  std::string slug, title_ko, title_en;
  long long sessions = 0, enrolled = 0, waiting = 0, attended = 0, certified = 0;
};
struct WorkshopTotals {
  std::string name, name_en;
  long long trainees = 0, attended = 0, certified = 0;
};

// What the academy's mails need: which (reminder | seat: moved up from the waiting list), to whom, the
// session and its course.
struct AcademyMail {
  std::string kind;
  Enrolment enrolment;
};

struct Issuer {
  std::string base_url, did;
  trust::KeyPair key;
};

class Academy {
 public:
  Academy(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // Whether a piece's photos all pass the photo coach now (slug), for the photos task.
  void set_photo_check(std::function<bool(const std::string&)> fn) { photos_pass_ = std::move(fn); }
  void set_mail(std::function<mail::Mail(const AcademyMail&)> fn) { mail_ = std::move(fn); }
  void set_issuer(Issuer issuer) { issuer_ = std::move(issuer); }

  // --- courses, sessions, materials (the operator) ---
  std::vector<Course> courses();
  std::optional<Course> course(const std::string& slug);
  Result<Course> create_course(const CourseInput& input);
  std::vector<Session> sessions(long long course_id);
  Result<Session> add_session(long long course_id, const SessionInput& input);
  std::vector<Material> materials(long long course_id);
  Result<Material> add_material(long long course_id, const std::string& title, const std::string& url,
                                const std::string& kind);

  // --- enrolment ---
  // The operator, or a workshop's owner for its own staff (themselves included), enrols a trainee in a
  // session that has not started: a seat while one is free, else the waiting list. One live enrolment per
  // trainee and course (a conflict otherwise).
  Result<Enrolment> enrol(long long session_id, long long trainee_id, const web::Principal& by);
  // The trainee, their owner or the operator cancels; a freed seat goes to the first who waits (mailed).
  Result<Enrolment> cancel(long long enrolment_id, const web::Principal& by);
  // At the door: the session's instructor or the operator checks a trainee in by their QR's token.
  Result<Enrolment> check_in(const std::string& token, const web::Principal& by);
  std::optional<Enrolment> enrolment_by_token(const std::string& token);
  std::vector<Enrolment> enrolments_of(long long user_id);   // live ones, newest session first
  std::vector<Enrolment> roster(long long session_id);       // a session's trainees, seat holders first
  std::vector<Session> teaching(const web::Principal& who);  // the instructor's sessions (all: operator)
  // The staff of a workshop (id, name) an owner may enrol.
  std::vector<std::pair<long long, std::string>> staff_of(long long workshop_id);
  // Queues the reminders of sessions starting within a day (once per session); returns how many.
  int send_reminders();

  // --- progress and certificates ---
  Progress progress(const Course& course, long long user_id);
  // Issues the trainee's certificate when the course is complete (the same one when asked again).
  Result<Certificate> claim(const Course& course, long long user_id);
  std::optional<Certificate> certificate(const std::string& number);
  std::optional<Certificate> certificate_of(long long course_id, long long user_id);
  std::vector<Certificate> certificates_of(long long user_id);
  // The certificate's log entry with its inclusion proof and a signed checkpoint (as the eco certificates'
  // proof.json), for verifying offline.
  Result<std::string> proof_bundle(const Certificate& c, trust::TransparencyLog& log);

  std::vector<CourseTotals> course_totals();
  std::vector<WorkshopTotals> workshop_totals();

 private:
  db::Database& db_;
  const Clock& clock_;
  std::function<bool(const std::string&)> photos_pass_;
  std::function<mail::Mail(const AcademyMail&)> mail_;
  Issuer issuer_;
};

// The signed credential of a certificate: a W3C Verifiable Credential 2.0 (type
// CourseCompletionCredential) signed with eddsa-jcs-2022 by the hub's key.
Result<boost::json::object> completion_credential(const Issuer& issuer, const Certificate& c);

}  // namespace brilliant::academy
