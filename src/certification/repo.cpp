#include "certification/repo.hpp"

#include "db/database.hpp"

#include "certification/repo_rows.hpp"

namespace brilliant::certification::repo {
using db::row_int;
using db::row_text;

namespace {

constexpr char criterion_columns[] =
    "SELECT code, kind, weight, position, title_ko, title_en, guide_ko, guide_en, evidence_ko, evidence_en, "
    "claims FROM cert_criteria WHERE version = :v ORDER BY position, code";

constexpr char application_columns[] =
    "SELECT a.id, a.workshop_id, w.slug, w.name, w.name_en, a.version, a.status, a.product_lines, "
    "a.validity_years, COALESCE(a.auditor_id, 0), COALESCE(u.name, ''), a.decision_reason, a.created_at, "
    "a.submitted_at, a.decided_at FROM cert_applications a JOIN workshops w ON w.id = a.workshop_id "
    "LEFT JOIN users u ON u.id = a.auditor_id ";

constexpr char evidence_columns[] =
    "SELECT id, application_id, code, name, content_type, hash, bytes, pages, log_index, created_at "
    "FROM cert_evidence ";

constexpr char nonconformity_columns[] =
    "SELECT id, application_id, code, severity, description, due_on, corrective_action, corrected_at, "
    "closed_at, created_at FROM cert_nonconformities ";

Application application_from(const soci::row& r) {
  Application a;
  a.id = row_int(r, 0);
  a.workshop = {row_int(r, 1), row_text(r, 2), row_text(r, 3), row_text(r, 4)};
  a.version = static_cast<int>(row_int(r, 5));
  a.status = application_status(row_text(r, 6));
  a.product_lines = row_text(r, 7);
  a.validity_years = static_cast<int>(row_int(r, 8));
  a.auditor_id = row_int(r, 9);
  a.auditor_name = row_text(r, 10);
  a.decision_reason = row_text(r, 11);
  a.created_at = row_text(r, 12);
  a.submitted_at = row_text(r, 13);
  a.decided_at = row_text(r, 14);
  return a;
}

Evidence evidence_from(const soci::row& r) {
  return {row_int(r, 0),  row_int(r, 1),  row_text(r, 2), row_text(r, 3),
          row_text(r, 4), row_text(r, 5), row_int(r, 6),  static_cast<int>(row_int(r, 7)),
          row_int(r, 8),  row_text(r, 9)};
}

Nonconformity nonconformity_from(const soci::row& r) {
  return {row_int(r, 0),  row_int(r, 1),  row_text(r, 2), row_text(r, 3), row_text(r, 4),
          row_text(r, 5), row_text(r, 6), row_text(r, 7), row_text(r, 8), row_text(r, 9)};
}

Scheme scheme_from(soci::session& sql, int version, const std::string& status, const std::string& created,
                   const std::string& published) {
  Scheme s;
  s.version = version;
  s.published = status == "published";
  s.created_at = created;
  s.published_at = published;
  soci::rowset<soci::row> rows = (sql.prepare << criterion_columns, soci::use(version));
  for (const auto& r : rows) {
    Criterion c;
    c.code = row_text(r, 0);
    c.kind = row_text(r, 1) == "baseline" ? CriterionKind::baseline : CriterionKind::scored;
    c.weight = static_cast<int>(row_int(r, 2));
    c.position = static_cast<int>(row_int(r, 3));
    c.title_ko = row_text(r, 4);
    c.title_en = row_text(r, 5);
    c.guide_ko = row_text(r, 6);
    c.guide_en = row_text(r, 7);
    c.evidence_ko = row_text(r, 8);
    c.evidence_en = row_text(r, 9);
    c.claims = split_words(row_text(r, 10));
    s.criteria.push_back(std::move(c));
  }
  return s;
}

std::vector<Scheme> schemes_where(soci::session& sql, const std::string& where, int key) {
  std::vector<std::tuple<int, std::string, std::string, std::string>> heads;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT version, status, created_at, published_at FROM cert_schemes " + where,
       soci::use(key));
  for (const auto& r : rows)
    heads.emplace_back(static_cast<int>(row_int(r, 0)), row_text(r, 1), row_text(r, 2), row_text(r, 3));
  std::vector<Scheme> out;
  for (const auto& [v, status, created, published] : heads)
    out.push_back(scheme_from(sql, v, status, created, published));
  return out;
}

}  // namespace

std::vector<Scheme> schemes(soci::session& sql) {
  return schemes_where(sql, "WHERE version > :k ORDER BY version DESC", 0);
}

std::optional<Scheme> scheme(soci::session& sql, int version) {
  return first(schemes_where(sql, "WHERE version = :k", version));
}

std::optional<Scheme> latest_published(soci::session& sql) {
  return first(
      schemes_where(sql, "WHERE status = 'published' AND version > :k ORDER BY version DESC LIMIT 1", 0));
}

void lock_schemes(soci::session& sql) {
  if (sql.get_backend_name() == "postgresql") sql << "LOCK TABLE cert_schemes IN SHARE ROW EXCLUSIVE MODE";
}

void insert_scheme(soci::session& sql, const Scheme& s, const std::string& now) {
  const std::string status = s.published ? "published" : "draft";
  const std::string published = s.published ? now : "";
  sql << "INSERT INTO cert_schemes (version, status, created_at, published_at) VALUES (:v, :s, :c, :p)",
      soci::use(s.version), soci::use(status), soci::use(now), soci::use(published);
  for (const auto& c : s.criteria) save_criterion(sql, s.version, c);
}

void save_criterion(soci::session& sql, int version, const Criterion& c) {
  const std::string kind = c.kind == CriterionKind::baseline ? "baseline" : "scored";
  const std::string claims = join_words(c.claims);
  sql << "DELETE FROM cert_criteria WHERE version = :v AND code = :c", soci::use(version), soci::use(c.code);
  sql << "INSERT INTO cert_criteria (version, code, kind, weight, position, title_ko, title_en, guide_ko, "
         "guide_en, evidence_ko, evidence_en, claims) VALUES (:v, :c, :k, :w, :p, :tk, :te, :gk, :ge, :ek, "
         ":ee, :cl)",
      soci::use(version), soci::use(c.code), soci::use(kind), soci::use(c.weight), soci::use(c.position),
      soci::use(c.title_ko), soci::use(c.title_en), soci::use(c.guide_ko), soci::use(c.guide_en),
      soci::use(c.evidence_ko), soci::use(c.evidence_en), soci::use(claims);
}

void publish_scheme(soci::session& sql, int version, const std::string& now) {
  sql << "UPDATE cert_schemes SET status = 'published', published_at = :n WHERE version = :v", soci::use(now),
      soci::use(version);
}

std::optional<Application> application(soci::session& sql, long long id) {
  return first(
      select<Application>(sql, std::string(application_columns) + "WHERE a.id = :id", application_from, id));
}

std::optional<Application> latest_application(soci::session& sql, long long workshop_id) {
  return first(select<Application>(
      sql, std::string(application_columns) + "WHERE a.workshop_id = :w ORDER BY a.id DESC LIMIT 1",
      application_from, workshop_id));
}

std::vector<Application> applications_with_status(soci::session& sql,
                                                  const std::vector<std::string>& statuses) {
  return select<Application>(sql,
                             std::string(application_columns) + "WHERE a.status IN (" + in_list(statuses) +
                                 ") AND a.id > :k ORDER BY a.submitted_at, a.id",
                             application_from, 0LL);
}

long long insert_application(soci::session& sql, long long workshop_id, int version, const std::string& now) {
  long long id = 0;
  sql << "INSERT INTO cert_applications (workshop_id, version, status, created_at) VALUES (:w, :v, 'draft', "
         ":n) RETURNING id",
      soci::use(workshop_id), soci::use(version), soci::use(now), soci::into(id);
  return id;
}

void update_application_form(soci::session& sql, long long id, const std::string& product_lines,
                             int validity_years) {
  sql << "UPDATE cert_applications SET product_lines = :p, validity_years = :y WHERE id = :id",
      soci::use(product_lines), soci::use(validity_years), soci::use(id);
}

void set_application_status(soci::session& sql, long long id, ApplicationStatus status,
                            const std::string& at) {
  const auto name = to_string(status);
  if (status == ApplicationStatus::submitted)
    sql << "UPDATE cert_applications SET status = :s, submitted_at = :at WHERE id = :id", soci::use(name),
        soci::use(at), soci::use(id);
  else
    sql << "UPDATE cert_applications SET status = :s WHERE id = :id", soci::use(name), soci::use(id);
}

void set_auditor(soci::session& sql, long long id, long long auditor_id) {
  sql << "UPDATE cert_applications SET auditor_id = :a, status = 'in_audit' WHERE id = :id",
      soci::use(auditor_id), soci::use(id);
}

void set_decision(soci::session& sql, long long id, ApplicationStatus status, const std::string& reason,
                  const std::string& at) {
  const auto name = to_string(status);
  sql << "UPDATE cert_applications SET status = :s, decision_reason = :r, decided_at = :at WHERE id = :id",
      soci::use(name), soci::use(reason), soci::use(at), soci::use(id);
}

std::vector<Answer> answers(soci::session& sql, long long application_id) {
  return select<Answer>(
      sql,
      "SELECT code, self_score, self_note, audit_score, audit_note FROM cert_answers WHERE application_id = "
      ":a ORDER BY code",
      [](const soci::row& r) {
        return Answer{row_text(r, 0), static_cast<int>(row_int(r, 1)), row_text(r, 2),
                      static_cast<int>(row_int(r, 3)), row_text(r, 4)};
      },
      application_id);
}

namespace {
// One answer's row, created on first use: `score` and `note` name the self or audit columns.
void save_answer(soci::session& sql, long long application_id, const std::string& code, int value,
                 const std::string& text, const char* score, const char* note) {
  sql << std::string("INSERT INTO cert_answers (application_id, code, ") + score + ", " + note +
             ") VALUES (:a, :c, :s, :n) ON CONFLICT (application_id, code) DO UPDATE SET " + score +
             " = excluded." + score + ", " + note + " = excluded." + note,
      soci::use(application_id), soci::use(code), soci::use(value), soci::use(text);
}
}  // namespace

void save_self_answer(soci::session& sql, long long application_id, const Answer& a) {
  save_answer(sql, application_id, a.code, a.self_score, a.self_note, "self_score", "self_note");
}

void save_audit_answer(soci::session& sql, long long application_id, const Answer& a) {
  save_answer(sql, application_id, a.code, a.audit_score, a.audit_note, "audit_score", "audit_note");
}

std::vector<Evidence> evidence(soci::session& sql, long long application_id) {
  return select<Evidence>(sql, std::string(evidence_columns) + "WHERE application_id = :a ORDER BY code, id",
                          evidence_from, application_id);
}

std::optional<Evidence> evidence_file(soci::session& sql, long long id) {
  return first(select<Evidence>(sql, std::string(evidence_columns) + "WHERE id = :id", evidence_from, id));
}

long long insert_evidence(soci::session& sql, const Evidence& e) {
  long long id = 0;
  sql << "INSERT INTO cert_evidence (application_id, code, name, content_type, bytes, hash, pages, "
         "log_index, "
         "created_at) VALUES (:a, :c, :n, :t, :b, :h, :p, :l, :at) RETURNING id",
      soci::use(e.application_id), soci::use(e.code), soci::use(e.name), soci::use(e.content_type),
      soci::use(e.bytes), soci::use(e.hash), soci::use(e.pages), soci::use(e.log_index),
      soci::use(e.created_at), soci::into(id);
  return id;
}

std::vector<AuditRecord> audits(soci::session& sql, long long application_id) {
  return select<AuditRecord>(
      sql,
      "SELECT a.id, a.kind, a.held_on, u.name, a.note, a.created_at FROM cert_audits a JOIN users u ON u.id "
      "= a.auditor_id WHERE a.application_id = :a ORDER BY a.held_on, a.id",
      [](const soci::row& r) {
        return AuditRecord{row_int(r, 0),  row_text(r, 1), row_text(r, 2),
                           row_text(r, 3), row_text(r, 4), row_text(r, 5)};
      },
      application_id);
}

void insert_audit(soci::session& sql, long long application_id, long long auditor_id, const AuditRecord& a) {
  sql << "INSERT INTO cert_audits (application_id, kind, held_on, auditor_id, note, created_at) VALUES (:a, "
         ":k, :h, :u, :n, :c)",
      soci::use(application_id), soci::use(a.kind), soci::use(a.held_on), soci::use(auditor_id),
      soci::use(a.note), soci::use(a.created_at);
}

std::vector<Nonconformity> nonconformities(soci::session& sql, long long application_id) {
  return select<Nonconformity>(sql,
                               std::string(nonconformity_columns) + "WHERE application_id = :a ORDER BY id",
                               nonconformity_from, application_id);
}

std::optional<Nonconformity> nonconformity(soci::session& sql, long long id) {
  return first(select<Nonconformity>(sql, std::string(nonconformity_columns) + "WHERE id = :id",
                                     nonconformity_from, id));
}

long long insert_nonconformity(soci::session& sql, const Nonconformity& n) {
  long long id = 0;
  sql << "INSERT INTO cert_nonconformities (application_id, code, severity, description, due_on, created_at) "
         "VALUES (:a, :c, :s, :d, :due, :at) RETURNING id",
      soci::use(n.application_id), soci::use(n.code), soci::use(n.severity), soci::use(n.description),
      soci::use(n.due_on), soci::use(n.created_at), soci::into(id);
  return id;
}

void set_corrective_action(soci::session& sql, long long id, const std::string& action,
                           const std::string& at) {
  sql << "UPDATE cert_nonconformities SET corrective_action = :a, corrected_at = :at WHERE id = :id",
      soci::use(action), soci::use(at), soci::use(id);
}

void close_nonconformity(soci::session& sql, long long id, const std::string& at) {
  sql << "UPDATE cert_nonconformities SET closed_at = :at WHERE id = :id", soci::use(at), soci::use(id);
}

bool is_staff_of(soci::session& sql, long long user_id, long long workshop_id) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM user_roles WHERE user_id = :u AND role = 'vendor_staff' AND workshop_id = :w",
      soci::use(user_id), soci::use(workshop_id), soci::into(n);
  return n > 0;
}

}  // namespace brilliant::certification::repo
