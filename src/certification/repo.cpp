#include "certification/repo.hpp"

#include "db/database.hpp"

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

constexpr char certificate_columns[] =
    "SELECT c.id, c.number, c.workshop_id, w.slug, w.name, w.name_en, c.application_id, c.version, c.level, "
    "c.score, c.scope, c.claims, c.status, c.status_index, c.valid_from, c.valid_until, c.suspended_until, "
    "c.reminded_days, c.credential, c.credential_sha256, c.created_at FROM certificates c "
    "JOIN workshops w ON w.id = c.workshop_id ";

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

Certificate certificate_from(const soci::row& r) {
  Certificate c;
  c.id = row_int(r, 0);
  c.number = row_text(r, 1);
  c.workshop = {row_int(r, 2), row_text(r, 3), row_text(r, 4), row_text(r, 5)};
  c.application_id = row_int(r, 6);
  c.version = static_cast<int>(row_int(r, 7));
  c.level = static_cast<int>(row_int(r, 8));
  c.score = static_cast<int>(row_int(r, 9));
  c.scope = row_text(r, 10);
  c.claims = split_words(row_text(r, 11));
  c.status = certificate_status(row_text(r, 12)).value_or(CertificateStatus::withdrawn);
  c.status_index = row_int(r, 13);
  c.valid_from = row_text(r, 14);
  c.valid_until = row_text(r, 15);
  c.suspended_until = row_text(r, 16);
  c.reminded_days = static_cast<int>(row_int(r, 17));
  c.credential = row_text(r, 18);
  c.credential_sha256 = row_text(r, 19);
  c.created_at = row_text(r, 20);
  return c;
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

template <class T, class From, class Key>
std::vector<T> select(soci::session& sql, const std::string& query, From from, const Key& key) {
  std::vector<T> out;
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(key));
  for (const auto& r : rows) out.push_back(from(r));
  return out;
}

template <class T>
std::optional<T> first(std::vector<T> list) {
  if (list.empty()) return std::nullopt;
  return std::move(list.front());
}

// "'a', 'b'" for an IN list of fixed, known words (never user input).
std::string in_list(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "'" : ", '") + w + "'";
  return out;
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

long long next_status_index(soci::session& sql) {
  long long top = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(status_index) FROM certificates", soci::into(top, ind);
  return ind == soci::i_null ? 0 : top + 1;
}

long long insert_certificate(soci::session& sql, const Certificate& c) {
  long long id = 0;
  const auto claims = join_words(c.claims);
  const auto status = to_string(c.status);
  sql << "INSERT INTO certificates (number, workshop_id, application_id, version, level, score, scope, "
         "claims, status, status_index, valid_from, valid_until, credential, credential_sha256, created_at) "
         "VALUES (:n, :w, :a, :v, :l, :s, :scope, :claims, :status, :idx, :from, :until, :cred, :sha, :at) "
         "RETURNING id",
      soci::use(c.number), soci::use(c.workshop.id), soci::use(c.application_id), soci::use(c.version),
      soci::use(c.level), soci::use(c.score), soci::use(c.scope), soci::use(claims), soci::use(status),
      soci::use(c.status_index), soci::use(c.valid_from), soci::use(c.valid_until), soci::use(c.credential),
      soci::use(c.credential_sha256), soci::use(c.created_at), soci::into(id);
  return id;
}

std::optional<Certificate> certificate(soci::session& sql, const std::string& number) {
  return first(select<Certificate>(sql, std::string(certificate_columns) + "WHERE c.number = :n",
                                   certificate_from, number));
}

std::optional<Certificate> certificate_by_id(soci::session& sql, long long id) {
  return first(
      select<Certificate>(sql, std::string(certificate_columns) + "WHERE c.id = :id", certificate_from, id));
}

std::vector<Certificate> certificates_of(soci::session& sql, long long workshop_id) {
  return select<Certificate>(sql,
                             std::string(certificate_columns) + "WHERE c.workshop_id = :w ORDER BY c.id DESC",
                             certificate_from, workshop_id);
}

std::vector<Certificate> registry(soci::session& sql, const std::string& q, int limit) {
  const std::string like = "%" + q + "%";
  std::vector<Certificate> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << std::string(certificate_columns) +
                  "WHERE (w.name LIKE :q OR LOWER(w.name_en) LIKE LOWER(:q2) OR c.number LIKE UPPER(:q3) "
                  "OR c.scope LIKE :q4) ORDER BY CASE c.status WHEN 'active' THEN 0 WHEN 'suspended' "
                  "THEN 1 ELSE 2 END, c.level DESC, c.id DESC LIMIT " +
                  std::to_string(limit),
       soci::use(like), soci::use(like), soci::use(like), soci::use(like));
  for (const auto& r : rows) out.push_back(certificate_from(r));
  return out;
}

std::vector<Certificate> certificates_with_status(soci::session& sql,
                                                  const std::vector<std::string>& statuses) {
  return select<Certificate>(sql,
                             std::string(certificate_columns) + "WHERE c.status IN (" + in_list(statuses) +
                                 ") AND c.id > :k ORDER BY c.id",
                             certificate_from, 0LL);
}

void set_certificate_status(soci::session& sql, long long id, CertificateStatus status,
                            const std::string& suspended_until) {
  const auto name = to_string(status);
  sql << "UPDATE certificates SET status = :s, suspended_until = :u WHERE id = :id", soci::use(name),
      soci::use(suspended_until), soci::use(id);
}

void set_reminded(soci::session& sql, long long id, int days) {
  sql << "UPDATE certificates SET reminded_days = :d WHERE id = :id", soci::use(days), soci::use(id);
}

void insert_event(soci::session& sql, long long certificate_id, const std::string& kind,
                  const std::string& reason, long long actor_id, long long log_index, const std::string& at) {
  soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO certificate_events (certificate_id, kind, reason, actor_id, log_index, created_at) "
         "VALUES (:c, :k, :r, :a, :l, :at)",
      soci::use(certificate_id), soci::use(kind), soci::use(reason), soci::use(actor_id, actor_ind),
      soci::use(log_index), soci::use(at);
}

std::vector<CertificateEvent> events(soci::session& sql, long long certificate_id) {
  return select<CertificateEvent>(
      sql,
      "SELECT kind, reason, log_index, created_at FROM certificate_events WHERE certificate_id = :c ORDER BY "
      "id",
      [](const soci::row& r) {
        return CertificateEvent{row_text(r, 0), row_text(r, 1), row_int(r, 2), row_text(r, 3)};
      },
      certificate_id);
}

std::vector<long long> status_indexes(soci::session& sql, const std::string& status) {
  return select<long long>(
      sql, "SELECT status_index FROM certificates WHERE status = :s ORDER BY status_index",
      [](const soci::row& r) { return row_int(r, 0); }, status);
}

std::vector<ProductClaim> claims_of(soci::session& sql, long long product_id) {
  return select<ProductClaim>(
      sql, "SELECT product_id, claim, evidence FROM product_claims WHERE product_id = :p ORDER BY claim",
      [](const soci::row& r) {
        return ProductClaim{row_int(r, 0), row_text(r, 1), row_text(r, 2)};
      },
      product_id);
}

void set_claims(soci::session& sql, long long product_id, const std::vector<ProductClaim>& claims,
                const std::string& now) {
  sql << "DELETE FROM product_claims WHERE product_id = :p", soci::use(product_id);
  for (const auto& c : claims)
    sql << "INSERT INTO product_claims (product_id, claim, evidence, created_at) VALUES (:p, :c, :e, :n)",
        soci::use(product_id), soci::use(c.claim), soci::use(c.evidence), soci::use(now);
}

std::vector<ProductClaim> workshop_claims(soci::session& sql, long long workshop_id) {
  return select<ProductClaim>(
      sql,
      "SELECT pc.product_id, pc.claim, pc.evidence FROM product_claims pc JOIN products p ON p.id = "
      "pc.product_id WHERE p.workshop_id = :w ORDER BY pc.product_id, pc.claim",
      [](const soci::row& r) {
        return ProductClaim{row_int(r, 0), row_text(r, 1), row_text(r, 2)};
      },
      workshop_id);
}

std::vector<std::pair<long long, std::string>> workshop_products(soci::session& sql, long long workshop_id) {
  return select<std::pair<long long, std::string>>(
      sql, "SELECT id, metal FROM products WHERE workshop_id = :w ORDER BY id",
      [](const soci::row& r) {
        return std::pair{row_int(r, 0), row_text(r, 1)};
      },
      workshop_id);
}

std::optional<Workshop> workshop(soci::session& sql, long long id) {
  return first(select<Workshop>(
      sql, "SELECT id, slug, name, name_en FROM workshops WHERE id = :id",
      [](const soci::row& r) {
        return Workshop{row_int(r, 0), row_text(r, 1), row_text(r, 2), row_text(r, 3)};
      },
      id));
}

namespace {
ProductBrief brief_from(const soci::row& r) {
  return {row_int(r, 0),  row_int(r, 1),  row_text(r, 2), row_text(r, 3),
          row_text(r, 4), row_text(r, 5), row_text(r, 6), split_words(row_text(r, 7))};
}
constexpr char brief_columns[] =
    "SELECT id, workshop_id, slug, title_ko, title_en, metal, status, eco_claims FROM products ";
}  // namespace

std::optional<ProductBrief> product_brief(soci::session& sql, const std::string& slug) {
  return first(select<ProductBrief>(sql, std::string(brief_columns) + "WHERE slug = :s", brief_from, slug));
}

std::optional<ProductBrief> product_brief(soci::session& sql, long long id) {
  return first(select<ProductBrief>(sql, std::string(brief_columns) + "WHERE id = :id", brief_from, id));
}

std::vector<std::string> workshop_emails(soci::session& sql, long long workshop_id) {
  return select<std::string>(
      sql,
      "SELECT u.email FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'vendor_staff' AND "
      "r.workshop_id = :w AND u.status = 'active' ORDER BY u.id",
      [](const soci::row& r) { return row_text(r, 0); }, workshop_id);
}

}  // namespace brilliant::certification::repo
