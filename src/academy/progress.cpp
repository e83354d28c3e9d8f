// Progress from what trainees did with the real tools, certificates and totals (academy.hpp).
#include <boost/json.hpp>

#include "academy/academy.hpp"
#include "certification/credential.hpp"
#include "core/secret.hpp"
#include "db/database.hpp"
#include "trust/log.hpp"
#include "trust/proof_json.hpp"

namespace brilliant::academy {
namespace json = boost::json;
namespace {

// The pieces a trainee sent to a tool since `since`, oldest first, with when: the page's POST and the
// API's `api_method` (copy: PUT /api/v1/console/products/{slug}/copy; photos: POST, the uploads).
std::vector<std::pair<std::string, std::string>> pieces_sent(soci::session& sql, long long user,
                                                             const std::string& since,
                                                             const std::string& tool,
                                                             const std::string& api_method) {
  const std::string page = "/console/products/{slug}/" + tool, api = "/api/v1" + page;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT target, at FROM audit_log WHERE actor_id = :u AND at >= :s AND status < 400 AND "
              "((method = 'POST' AND route = :p) OR (method = :m AND route = :a)) ORDER BY id",
       soci::use(user), soci::use(since), soci::use(page), soci::use(api_method), soci::use(api));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows)
    if (auto slug = product_slug_of(db::row_text(r, 0)); !slug.empty())
      out.emplace_back(slug, db::row_text(r, 1));
  return out;
}

// The first piece sent to a tool that `passes`, as the task's evidence.
template <class Passes>
TaskStatus first_piece(soci::session& sql, Task task, long long user, const std::string& since,
                       const std::string& tool, const std::string& api_method, Passes passes) {
  for (const auto& [slug, at] : pieces_sent(sql, user, since, tool, api_method))
    if (passes(slug)) return {task, true, slug, at};
  return {task};
}

// The first row of `query` (user, since) as evidence: column 0 what, column 1 when.
TaskStatus first_of(soci::session& sql, Task task, const std::string& query, long long user,
                    const std::string& since) {
  TaskStatus status{task};
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(user), soci::use(since));
  for (const auto& r : rows) {
    status = {task, true, db::row_text(r, 0), db::row_text(r, 1)};
    break;
  }
  return status;
}

TaskStatus rehearsal(soci::session& sql, long long user, const std::string& since) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT s.title_ko, s.started_at, s.ended_at, "
                      "(SELECT COUNT(*) FROM live_chapters c WHERE c.show_id = s.id) FROM live_shows s "
                      "WHERE s.created_by = :u AND s.rehearsal = 1 AND s.started_at >= :s AND s.ended_at IS "
                      "NOT NULL ORDER BY s.id",
       soci::use(user), soci::use(since));
  for (const auto& r : rows)
    if (rehearsal_counts(db::row_text(r, 1), db::row_text(r, 2), static_cast<int>(db::row_int(r, 3))))
      return {Task::live, true, db::row_text(r, 0), db::row_text(r, 2)};
  return {Task::live};
}

constexpr const char* certificate_select =
    "SELECT t.id, t.course_id, t.user_id, t.number, t.name, t.workshop, t.issued_at, t.credential, c.slug, "
    "c.title_ko, c.title_en, t.log_index FROM course_certificates t JOIN courses c ON c.id = t.course_id ";

std::vector<Certificate> select_certificates(soci::session& sql, const std::string& where,
                                             const std::string& a, const std::string& b) {
  soci::rowset<soci::row> rows = (sql.prepare << certificate_select + where, soci::use(a), soci::use(b));
  std::vector<Certificate> out;
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_int(r, 1), db::row_int(r, 2), db::row_int(r, 11),
                   db::row_text(r, 3), db::row_text(r, 4), db::row_text(r, 5), db::row_text(r, 6),
                   db::row_text(r, 7), db::row_text(r, 8), db::row_text(r, 9), db::row_text(r, 10)});
  return out;
}

}  // namespace

Progress Academy::progress(const Course& course, long long user_id) {
  return db_.read([&](soci::session& sql) {
    Progress p;
    std::string since;
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT e.state, COALESCE(e.attended_at, ''), e.created_at FROM enrolments e "
                "JOIN course_sessions x ON x.id = e.session_id WHERE e.user_id = :u AND x.course_id = :c "
                "AND e.state <> 'cancelled' ORDER BY e.id",
         soci::use(user_id), soci::use(course.id));
    for (const auto& r : rows) {
      p.enrolled = p.enrolled || db::row_text(r, 0) == "enrolled";
      p.attended = p.attended || !db::row_text(r, 1).empty();
      if (since.empty()) since = db::row_text(r, 2);
    }
    for (const Task task : course.tasks) {
      TaskStatus status{task};
      if (since.empty()) {
        p.tasks.push_back(status);
        continue;
      }
      switch (task) {
        case Task::copy:  // published through the assistant, and on sale now
          status = first_piece(sql, task, user_id, since, "copy", "PUT", [&](const std::string& slug) {
            std::string state;
            soci::indicator ind = soci::i_ok;
            sql << "SELECT status FROM products WHERE slug = :s", soci::use(slug), soci::into(state, ind);
            return sql.got_data() && state == "published";
          });
          break;
        case Task::photos:  // uploaded, and every photo of that piece passes the coach now
          status = first_piece(sql, task, user_id, since, "photos", "POST",
                               [&](const std::string& slug) { return photos_pass_ && photos_pass_(slug); });
          break;
        case Task::live:
          status = rehearsal(sql, user_id, since);
          break;
        case Task::campaign:
          status = first_of(
              sql, task,
              "SELECT name, at FROM (SELECT id, name, CASE WHEN status = 'sent' AND COALESCE(sent_at, '') > "
              "COALESCE(tested_at, '') THEN sent_at ELSE tested_at END AS at FROM campaigns WHERE "
              "created_by = :u) x WHERE at >= :s ORDER BY id",
              user_id, since);
          break;
        case Task::coupon:
          status = first_of(sql, task,
                            "SELECT COALESCE(code, name_ko), created_at FROM coupons WHERE created_by = :u "
                            "AND created_at >= :s ORDER BY id",
                            user_id, since);
          break;
      }
      p.tasks.push_back(status);
    }
    return p;
  });
}

Result<Certificate> Academy::claim(const Course& course, long long user_id) {
  if (auto held = certificate_of(course.id, user_id)) return *held;
  const auto p = progress(course, user_id);
  if (!p.complete())
    return Error::rule_broken("course", "course_not_complete",
                              p.attended ? "finish every practice task first" : "attend a session first");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Certificate> {
    auto held =
        select_certificates(sql, "WHERE t.course_id = CAST(:c AS BIGINT) AND t.user_id = CAST(:u AS BIGINT)",
                            std::to_string(course.id), std::to_string(user_id));
    if (!held.empty()) return held.front();
    Certificate c;
    c.course_id = course.id;
    c.user_id = user_id;
    c.number = printable_code("AC");
    c.issued_at = now;
    c.course_slug = course.slug;
    c.title_ko = course.title_ko;
    c.title_en = course.title_en;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT u.name, COALESCE(w.name, '') FROM users u LEFT JOIN user_roles r ON r.user_id = u.id "
           "AND r.role = 'vendor_staff' LEFT JOIN workshops w ON w.id = r.workshop_id WHERE u.id = :u",
        soci::use(user_id), soci::into(c.name, ind), soci::into(c.workshop);
    auto credential = TRY(completion_credential(issuer_, c));
    c.credential = json::serialize(credential);
    c.log_index = static_cast<long long>(trust::TransparencyLog::append(
        sql,
        certification::certificate_entry("course_completed", certification::credential_hash(credential),
                                         c.number, now),
        now));
    sql << "INSERT INTO course_certificates (number, course_id, user_id, name, workshop, issued_at, "
           "credential, "
           "log_index) VALUES (:n, :c, :u, :name, :w, :at, :cred, :li) RETURNING id",
        soci::use(c.number), soci::use(c.course_id), soci::use(c.user_id), soci::use(c.name),
        soci::use(c.workshop), soci::use(c.issued_at), soci::use(c.credential), soci::use(c.log_index),
        soci::into(c.id);
    return c;
  });
}

std::optional<Certificate> Academy::certificate(const std::string& number) {
  if (!is_printable_code(number, "AC")) return std::nullopt;
  return db_.read([&](soci::session& sql) -> std::optional<Certificate> {
    auto found = select_certificates(sql, "WHERE t.number = :n AND :x = ''", number, "");
    if (found.empty()) return std::nullopt;
    return found.front();
  });
}

std::optional<Certificate> Academy::certificate_of(long long course_id, long long user_id) {
  return db_.read([&](soci::session& sql) -> std::optional<Certificate> {
    auto found =
        select_certificates(sql, "WHERE t.course_id = CAST(:c AS BIGINT) AND t.user_id = CAST(:u AS BIGINT)",
                            std::to_string(course_id), std::to_string(user_id));
    if (found.empty()) return std::nullopt;
    return found.front();
  });
}

std::vector<Certificate> Academy::certificates_of(long long user_id) {
  return db_.read([&](soci::session& sql) {
    return select_certificates(sql, "WHERE t.user_id = CAST(:u AS BIGINT) AND :x = '' ORDER BY t.id DESC",
                               std::to_string(user_id), "");
  });
}

Result<std::string> Academy::proof_bundle(const Certificate& c, trust::TransparencyLog& log) {
  const auto bundle = trust::certificate_proof(log, static_cast<uint64_t>(c.log_index), c.number,
                                               "course_completed", format_utc(clock_.now()));
  if (!bundle) return Error::not_found("log entry");
  return json::serialize(*bundle);
}

std::vector<CourseTotals> Academy::course_totals() {
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.slug, c.title_ko, c.title_en, "
                        "(SELECT COUNT(*) FROM course_sessions s WHERE s.course_id = c.id), "
                        "(SELECT COUNT(*) FROM enrolments e JOIN course_sessions s ON s.id = e.session_id "
                        "WHERE s.course_id = c.id AND e.state = 'enrolled'), "
                        "(SELECT COUNT(*) FROM enrolments e JOIN course_sessions s ON s.id = e.session_id "
                        "WHERE s.course_id = c.id AND e.state = 'waiting'), "
                        "(SELECT COUNT(*) FROM enrolments e JOIN course_sessions s ON s.id = e.session_id "
                        "WHERE s.course_id = c.id AND e.attended_at IS NOT NULL), "
                        "(SELECT COUNT(*) FROM course_certificates t WHERE t.course_id = c.id) FROM courses "
                        "c ORDER BY c.id");
    std::vector<CourseTotals> out;
    for (const auto& r : rows)
      out.push_back({db::row_text(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_int(r, 3),
                     db::row_int(r, 4), db::row_int(r, 5), db::row_int(r, 6), db::row_int(r, 7)});
    return out;
  });
}

std::vector<WorkshopTotals> Academy::workshop_totals() {
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare
         << "SELECT w.name, w.name_en, COUNT(DISTINCT e.user_id), "
            "COUNT(DISTINCT CASE WHEN e.attended_at IS NOT NULL THEN e.user_id END), "
            "(SELECT COUNT(*) FROM course_certificates t JOIN user_roles q ON q.user_id = t.user_id "
            "AND q.role = 'vendor_staff' WHERE q.workshop_id = w.id) "
            "FROM enrolments e JOIN user_roles r ON r.user_id = e.user_id AND r.role = 'vendor_staff' "
            "JOIN workshops w ON w.id = r.workshop_id WHERE e.state <> 'cancelled' "
            "GROUP BY w.id, w.name, w.name_en ORDER BY w.name");
    std::vector<WorkshopTotals> out;
    for (const auto& r : rows)
      out.push_back(
          {db::row_text(r, 0), db::row_text(r, 1), db::row_int(r, 2), db::row_int(r, 3), db::row_int(r, 4)});
    return out;
  });
}

Result<json::object> completion_credential(const Issuer& issuer, const Certificate& c) {
  json::object credential{
      {"@context", json::array{"https://www.w3.org/ns/credentials/v2"}},
      {"id", issuer.base_url + "/academy/certificates/" + c.number},
      {"type", json::array{"VerifiableCredential", "CourseCompletionCredential"}},
      {"issuer", json::object{{"id", issuer.did}, {"name", "Brilliant Academy"}}},
      {"validFrom", c.issued_at},
      {"credentialSubject",
       json::object{{"type", "CourseCompletion"},
                    {"name", c.name},
                    {"workshop", c.workshop},
                    {"course", json::object{{"id", issuer.base_url + "/academy/courses/" + c.course_slug},
                                            {"name", json::object{{"ko", c.title_ko}, {"en", c.title_en}}}}},
                    {"certificateNumber", c.number}}}};
  return trust::sign_jcs_2022(std::move(credential), trust::issuer_proof_options(issuer.did, c.issued_at),
                              issuer.key);
}

}  // namespace brilliant::academy
