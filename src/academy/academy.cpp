#include "academy/academy.hpp"

#include "core/secret.hpp"
#include "core/text.hpp"
#include "db/database.hpp"

namespace brilliant::academy {
namespace {

constexpr const char* course_columns =
    "c.id, c.slug, c.title_ko, c.title_en, c.summary_ko, c.summary_en, c.tasks";

Course course_of(const soci::row& r) {
  Course c{db::row_int(r, 0),
           db::row_text(r, 1),
           db::row_text(r, 2),
           db::row_text(r, 3),
           db::row_text(r, 4),
           db::row_text(r, 5),
           {}};
  if (auto tasks = parse_tasks(db::row_text(r, 6))) c.tasks = *tasks;
  return c;
}

// A session with its seats, as counted now.
const std::string session_select =
    "SELECT s.id, s.course_id, COALESCE(s.instructor_id, 0), s.starts_at, s.place, s.video_url, "
    "COALESCE(u.name, ''), s.capacity, "
    "(SELECT COUNT(*) FROM enrolments e WHERE e.session_id = s.id AND e.state = 'enrolled'), "
    "(SELECT COUNT(*) FROM enrolments e WHERE e.session_id = s.id AND e.state = 'waiting'), "
    "(SELECT COUNT(*) FROM enrolments e WHERE e.session_id = s.id AND e.attended_at IS NOT NULL), "
    "c.slug, c.title_ko, c.title_en "
    "FROM course_sessions s JOIN courses c ON c.id = s.course_id LEFT JOIN users u ON u.id = "
    "s.instructor_id ";

Session session_of(const soci::row& r, size_t at = 0) {
  Session s;
  s.id = db::row_int(r, at);
  s.course_id = db::row_int(r, at + 1);
  s.instructor_id = db::row_int(r, at + 2);
  s.starts_at = db::row_text(r, at + 3);
  s.place = db::row_text(r, at + 4);
  s.video_url = db::row_text(r, at + 5);
  s.instructor = db::row_text(r, at + 6);
  s.capacity = static_cast<int>(db::row_int(r, at + 7));
  s.enrolled = static_cast<int>(db::row_int(r, at + 8));
  s.waiting = static_cast<int>(db::row_int(r, at + 9));
  s.attended = static_cast<int>(db::row_int(r, at + 10));
  s.course_slug = db::row_text(r, at + 11);
  s.course_title_ko = db::row_text(r, at + 12);
  s.course_title_en = db::row_text(r, at + 13);
  return s;
}

std::vector<Session> select_sessions(soci::session& sql, const std::string& where, long long id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << session_select + where + " ORDER BY s.starts_at DESC, s.id", soci::use(id));
  std::vector<Session> out;
  for (const auto& r : rows) out.push_back(session_of(r));
  return out;
}

// An enrolment with its trainee (their workshop from their vendor_staff role) and session.
const std::string enrolment_select =
    "SELECT e.id, e.session_id, e.user_id, COALESCE(r.workshop_id, 0), e.state, e.checkin_token, "
    "COALESCE(e.attended_at, ''), e.created_at, u.name, u.email, u.locale, COALESCE(w.name, ''), "
    "x.id, x.course_id, COALESCE(x.instructor_id, 0), x.starts_at, x.place, x.video_url, '', x.capacity, "
    "0, 0, 0, c.slug, c.title_ko, c.title_en "
    "FROM enrolments e JOIN users u ON u.id = e.user_id "
    "LEFT JOIN user_roles r ON r.user_id = u.id AND r.role = 'vendor_staff' "
    "LEFT JOIN workshops w ON w.id = r.workshop_id "
    "JOIN course_sessions x ON x.id = e.session_id JOIN courses c ON c.id = x.course_id ";

Enrolment enrolment_of(const soci::row& r) {
  Enrolment e;
  e.id = db::row_int(r, 0);
  e.session_id = db::row_int(r, 1);
  e.user_id = db::row_int(r, 2);
  e.workshop_id = db::row_int(r, 3);
  e.state = db::row_text(r, 4);
  e.token = db::row_text(r, 5);
  e.attended_at = db::row_text(r, 6);
  e.created_at = db::row_text(r, 7);
  e.name = db::row_text(r, 8);
  e.email = db::row_text(r, 9);
  e.locale = db::row_text(r, 10);
  e.workshop = db::row_text(r, 11);
  e.session = session_of(r, 12);
  return e;
}

std::vector<Enrolment> select_enrolments(soci::session& sql, const std::string& where,
                                         const std::string& key) {
  soci::rowset<soci::row> rows = (sql.prepare << enrolment_select + where, soci::use(key));
  std::vector<Enrolment> out;
  for (const auto& r : rows) out.push_back(enrolment_of(r));
  return out;
}

std::optional<Enrolment> one_enrolment(soci::session& sql, const std::string& where, const std::string& key) {
  auto found = select_enrolments(sql, where, key);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

Result<std::string> one_line(const std::string& field, const std::string& raw, size_t max, bool required) {
  std::string text(trim(raw));
  if (required && text.empty()) return Error::invalid(field, field + "_required", field + " is required");
  if (text.size() > max || !safe_text_input(text) || text.find('\n') != std::string::npos)
    return Error::invalid(field, field + "_invalid",
                          field + " must be one line of at most " + std::to_string(max) + " bytes");
  return text;
}

bool valid_course_slug(std::string_view slug) {
  if (slug.empty() || slug.size() > 60 || slug.front() == '-' || slug.back() == '-') return false;
  for (char ch : slug)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) return false;
  return true;
}

Result<std::string> link_field(const std::string& field, const std::string& raw, bool required) {
  auto text = TRY(one_line(field, raw, 500, required));
  if (!text.empty() && !text.starts_with("https://") && !text.starts_with("http://") &&
      !text.starts_with("/"))
    return Error::invalid(field, field + "_invalid",
                          field + " must be a web address (https://...) or a path");
  return text;
}

}  // namespace

std::vector<Course> Academy::courses() {
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + course_columns + " FROM courses c ORDER BY c.id");
    std::vector<Course> out;
    for (const auto& r : rows) out.push_back(course_of(r));
    return out;
  });
}

std::optional<Course> Academy::course(const std::string& slug) {
  return db_.read([&](soci::session& sql) -> std::optional<Course> {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + course_columns + " FROM courses c WHERE c.slug = :s",
         soci::use(slug));
    for (const auto& r : rows) return course_of(r);
    return std::nullopt;
  });
}

Result<Course> Academy::create_course(const CourseInput& in) {
  const std::string slug(trim(in.slug));
  if (!valid_course_slug(slug))
    return Error::invalid("slug", "slug_invalid",
                          "slug must be lower-case letters, digits and dashes (1-60)");
  // Each TRY on a line of its own: a return from inside a braced list would skip destructors.
  auto title_ko = TRY(one_line("title_ko", in.title_ko, 160, true));
  auto title_en = TRY(one_line("title_en", in.title_en, 160, true));
  auto task_list = TRY(parse_tasks(in.tasks));
  Course c{0,
           slug,
           std::move(title_ko),
           std::move(title_en),
           std::string(trim(in.summary_ko)),
           std::string(trim(in.summary_en)),
           std::move(task_list)};
  for (const auto* s : {&c.summary_ko, &c.summary_en})
    if (utf8_length(*s) > 2000 || !safe_text_input(*s))
      return Error::invalid(s == &c.summary_ko ? "summary_ko" : "summary_en", "summary_invalid",
                            "a summary holds at most 2,000 characters of text");
  const auto now = format_utc(clock_.now());
  const auto tasks = tasks_text(c.tasks);
  return db_.write([&](soci::session& sql) -> Result<Course> {
    long long taken = 0;
    sql << "SELECT COUNT(*) FROM courses WHERE slug = :s", soci::use(c.slug), soci::into(taken);
    if (taken) return Error::conflict("slug", "slug_taken", "a course with this slug exists");
    sql << "INSERT INTO courses (slug, title_ko, title_en, summary_ko, summary_en, tasks, created_at) "
           "VALUES (:s, :tk, :te, :sk, :se, :t, :n) RETURNING id",
        soci::use(c.slug), soci::use(c.title_ko), soci::use(c.title_en), soci::use(c.summary_ko),
        soci::use(c.summary_en), soci::use(tasks), soci::use(now), soci::into(c.id);
    return c;
  });
}

std::vector<Session> Academy::sessions(long long course_id) {
  return db_.read(
      [&](soci::session& sql) { return select_sessions(sql, "WHERE s.course_id = :c", course_id); });
}

Result<Session> Academy::add_session(long long course_id, const SessionInput& in) {
  const auto starts = TRY(seoul_input_to_utc("starts_at", in.starts_at));
  const auto place = TRY(one_line("place", in.place, 200, false));
  const auto video = TRY(link_field("video_url", in.video_url, false));
  if (place.empty() && video.empty())
    return Error::invalid("place", "place_required", "place or video_url is required");
  if (in.capacity < 1 || in.capacity > 1000)
    return Error::invalid("capacity", "capacity_invalid", "capacity must be 1 to 1,000 seats");
  const std::string email(trim(in.instructor_email));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Session> {
    long long instructor = 0;
    soci::indicator ind = soci::i_ok;
    if (!email.empty()) {
      sql << "SELECT id FROM users WHERE email = :e AND status = 'active'", soci::use(email),
          soci::into(instructor, ind);
      if (!sql.got_data() || instructor == 0)
        return Error::invalid("instructor_email", "instructor_unknown", "instructor_email names no account");
    }
    soci::indicator instructor_ind = instructor ? soci::i_ok : soci::i_null;
    long long id = 0;
    sql << "INSERT INTO course_sessions (course_id, starts_at, place, video_url, capacity, instructor_id, "
           "created_at) VALUES (:c, :s, :p, :v, :cap, :i, :n) RETURNING id",
        soci::use(course_id), soci::use(starts), soci::use(place), soci::use(video), soci::use(in.capacity),
        soci::use(instructor, instructor_ind), soci::use(now), soci::into(id);
    auto made = select_sessions(sql, "WHERE s.id = :i", id);
    return made.front();
  });
}

std::vector<Material> Academy::materials(long long course_id) {
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, title, url, kind FROM course_materials WHERE course_id = :c ORDER BY id",
         soci::use(course_id));
    std::vector<Material> out;
    for (const auto& r : rows)
      out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3)});
    return out;
  });
}

Result<Material> Academy::add_material(long long course_id, const std::string& title, const std::string& url,
                                       const std::string& kind) {
  auto name = TRY(one_line("title", title, 160, true));
  auto link = TRY(link_field("url", url, true));
  Material m{0, std::move(name), std::move(link), std::string(trim(kind))};
  if (m.kind != "pdf" && m.kind != "video" && m.kind != "link")
    return Error::invalid("kind", "kind_invalid", "kind must be pdf, video or link");
  db_.write([&](soci::session& sql) {
    sql << "INSERT INTO course_materials (course_id, title, url, kind) VALUES (:c, :t, :u, :k) RETURNING id",
        soci::use(course_id), soci::use(m.title), soci::use(m.url), soci::use(m.kind), soci::into(m.id);
  });
  return m;
}

Result<Enrolment> Academy::enrol(long long session_id, long long trainee_id, const web::Principal& by) {
  const auto now = format_utc(clock_.now());
  const auto token = random_token(16);
  return db_.write([&](soci::session& sql) -> Result<Enrolment> {
    auto found = select_sessions(sql, "WHERE s.id = :i", session_id);
    if (found.empty()) return Error::not_found("session");
    const auto& s = found.front();
    if (s.starts_at <= now)
      return Error::rule_broken("session_id", "session_started", "this session has already started");
    long long workshop = 0;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT COALESCE(r.workshop_id, 0) FROM user_roles r JOIN users u ON u.id = r.user_id "
           "WHERE r.user_id = :u AND r.role = 'vendor_staff' AND u.status = 'active'",
        soci::use(trainee_id), soci::into(workshop, ind);
    if (!sql.got_data() || workshop == 0)
      return Error::invalid("user_id", "not_workshop_staff", "user_id is not a workshop's staff member");
    const bool allowed = by.has(web::Role::operator_) ||
                         (by.workshop_owner && by.has(web::Role::vendor_staff) && by.workshop_id == workshop);
    if (!allowed) return Error::forbidden("only their workshop's owner may enrol this person");
    long long live = 0;
    sql << "SELECT COUNT(*) FROM enrolments e JOIN course_sessions x ON x.id = e.session_id "
           "WHERE e.user_id = :u AND x.course_id = :c AND e.state <> 'cancelled'",
        soci::use(trainee_id), soci::use(s.course_id), soci::into(live);
    if (live)
      return Error::conflict("user_id", "already_enrolled", "this person is already enrolled in the course");
    const std::string state(seat_for(s.capacity, s.enrolled));
    sql << "DELETE FROM enrolments WHERE session_id = :s AND user_id = :u AND state = 'cancelled'",
        soci::use(session_id), soci::use(trainee_id);
    sql << "INSERT INTO enrolments (session_id, user_id, enrolled_by, state, checkin_token, created_at) "
           "VALUES (:s, :u, :b, :st, :t, :n)",
        soci::use(session_id), soci::use(trainee_id), soci::use(by.user_id), soci::use(state),
        soci::use(token), soci::use(now);
    return *one_enrolment(sql, "WHERE e.checkin_token = :t", token);
  });
}

Result<Enrolment> Academy::cancel(long long enrolment_id, const web::Principal& by) {
  const auto id = std::to_string(enrolment_id);
  std::optional<Enrolment> moved_up;
  auto done = db_.write([&](soci::session& sql) -> Result<Enrolment> {
    moved_up.reset();
    auto e = one_enrolment(sql, "WHERE e.id = CAST(:i AS BIGINT)", id);
    if (!e || e->state == "cancelled") return Error::not_found("enrolment");
    const bool allowed = by.user_id == e->user_id || by.has(web::Role::operator_) ||
                         (by.workshop_owner && by.workshop_id == e->workshop_id && e->workshop_id != 0);
    if (!allowed) return Error::forbidden("not your enrolment");
    if (!e->attended_at.empty())
      return Error::rule_broken("id", "already_attended", "an attended session cannot be cancelled");
    sql << "UPDATE enrolments SET state = 'cancelled' WHERE id = :i", soci::use(e->id);
    if (e->state == "enrolled") {
      auto next = select_enrolments(
          sql, "WHERE e.session_id = CAST(:s AS BIGINT) AND e.state = 'waiting' ORDER BY e.id",
          std::to_string(e->session_id));
      if (!next.empty()) {
        sql << "UPDATE enrolments SET state = 'enrolled' WHERE id = :i", soci::use(next.front().id);
        next.front().state = "enrolled";
        moved_up = next.front();
        if (mail_) mail::enqueue(sql, mail_({"seat", *moved_up}), clock_);
      }
    }
    e->state = "cancelled";
    return *e;
  });
  return done;
}

std::optional<Enrolment> Academy::enrolment_by_token(const std::string& token) {
  if (!is_random_token(token, 16)) return std::nullopt;
  return db_.read(
      [&](soci::session& sql) { return one_enrolment(sql, "WHERE e.checkin_token = :t", token); });
}

Result<Enrolment> Academy::check_in(const std::string& token, const web::Principal& by) {
  if (!is_random_token(token, 16)) return Error::not_found("check-in code");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Enrolment> {
    auto e = one_enrolment(sql, "WHERE e.checkin_token = :t", token);
    if (!e) return Error::not_found("check-in code");
    if (!by.has(web::Role::operator_) && by.user_id != e->session.instructor_id)
      return Error::forbidden("only the session's instructor or the operator checks in");
    if (e->state != "enrolled")
      return Error::rule_broken("token", "not_seated",
                                e->state == "waiting" ? "this person is on the waiting list, without a seat"
                                                      : "this enrolment was cancelled");
    if (e->attended_at.empty()) {
      sql << "UPDATE enrolments SET attended_at = :n WHERE id = :i", soci::use(now), soci::use(e->id);
      e->attended_at = now;
    }
    return *e;
  });
}

std::vector<Enrolment> Academy::enrolments_of(long long user_id) {
  return db_.read([&](soci::session& sql) {
    return select_enrolments(sql,
                             "WHERE e.user_id = CAST(:u AS BIGINT) AND e.state <> 'cancelled' "
                             "ORDER BY x.starts_at DESC",
                             std::to_string(user_id));
  });
}

std::vector<Enrolment> Academy::roster(long long session_id) {
  return db_.read([&](soci::session& sql) {
    return select_enrolments(sql,
                             "WHERE e.session_id = CAST(:s AS BIGINT) AND e.state <> 'cancelled' "
                             "ORDER BY e.state, u.name, e.id",
                             std::to_string(session_id));
  });
}

std::vector<Session> Academy::teaching(const web::Principal& who) {
  return db_.read([&](soci::session& sql) {
    if (who.has(web::Role::operator_)) return select_sessions(sql, "WHERE s.id > :i", 0);
    return select_sessions(sql, "WHERE s.instructor_id = :i", who.user_id);
  });
}

std::vector<std::pair<long long, std::string>> Academy::staff_of(long long workshop_id) {
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT u.id, u.name FROM users u JOIN user_roles r ON r.user_id = u.id "
                        "WHERE r.role = 'vendor_staff' AND r.workshop_id = :w AND u.status = 'active' "
                        "ORDER BY u.name, u.id",
         soci::use(workshop_id));
    std::vector<std::pair<long long, std::string>> out;
    for (const auto& r : rows) out.emplace_back(db::row_int(r, 0), db::row_text(r, 1));
    return out;
  });
}

int Academy::send_reminders() {
  if (!mail_) return 0;
  const auto now_t = clock_.now();
  const auto now = format_utc(now_t), horizon = format_utc(now_t + std::chrono::hours(24));
  return db_.write([&](soci::session& sql) {
    std::vector<long long> due;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT id, starts_at FROM course_sessions WHERE reminded_at IS NULL "
                          "AND starts_at > :n AND starts_at <= :h",
           soci::use(now), soci::use(horizon));
      for (const auto& r : rows)
        if (reminder_due(db::row_text(r, 1), now_t)) due.push_back(db::row_int(r, 0));
    }
    int queued = 0;
    for (const long long id : due) {
      for (const auto& e : select_enrolments(
               sql, "WHERE e.session_id = CAST(:s AS BIGINT) AND e.state = 'enrolled'", std::to_string(id))) {
        mail::enqueue(sql, mail_({"reminder", e}), clock_);
        ++queued;
      }
      sql << "UPDATE course_sessions SET reminded_at = :n WHERE id = :i", soci::use(now), soci::use(id);
    }
    return queued;
  });
}

}  // namespace brilliant::academy
