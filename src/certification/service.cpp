#include "certification/service.hpp"

#include "core/checks.hpp"

#include "db/database.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "catalog/repo.hpp"
#include "certification/credential.hpp"
#include "certification/repo.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"
#include "mail/outbox.hpp"
#include "media/blob_store.hpp"
#include "media/documents.hpp"
#include "trust/log.hpp"

namespace brilliant::certification {
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

constexpr size_t max_files_per_criterion = 10;

// "YYYY-MM-DD" with a plausible month and day.
bool valid_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  const int month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const Criterion* criterion_of(const Scheme& s, const std::string& code) {
  for (const auto& c : s.criteria)
    if (c.code == code) return &c;
  return nullptr;
}

bool open_status(ApplicationStatus s) {
  return s == ApplicationStatus::draft || s == ApplicationStatus::submitted ||
         s == ApplicationStatus::in_audit;
}

}  // namespace

Certification::Certification(db::Database& db, media::BlobStore& blobs, const Clock& clock, Issuer issuer)
    : db_(db), blobs_(blobs), clock_(clock), issuer_(std::move(issuer)) {}

// --- the scheme ------------------------------------------------------------------------------------

bool Certification::ensure_scheme() {
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) {
    repo::lock_schemes(sql);
    if (!repo::schemes(sql).empty()) return false;
    auto s = first_scheme();
    s.published = true;
    repo::insert_scheme(sql, s, now);
    return true;
  });
}

std::optional<Scheme> Certification::published() {
  return db_.read([](soci::session& sql) { return repo::latest_published(sql); });
}
std::optional<Scheme> Certification::scheme(int version) {
  return db_.read([&](soci::session& sql) { return repo::scheme(sql, version); });
}
std::vector<Scheme> Certification::schemes() {
  return db_.read([](soci::session& sql) { return repo::schemes(sql); });
}

Result<int> Certification::new_draft() {
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<int> {
    auto all = repo::schemes(sql);
    if (all.empty()) return Error::not_found("scheme");
    if (!all.front().published)
      return Error::conflict("version", "draft_exists",
                             "version " + std::to_string(all.front().version) + " is already a draft");
    auto draft = all.front();
    draft.version += 1;
    draft.published = false;
    repo::insert_scheme(sql, draft, now);
    return draft.version;
  });
}

Result<void> Certification::save_criterion(int version, const Criterion& c) {
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto s = repo::scheme(sql, version);
    if (!s) return Error::not_found("scheme");
    if (s->published)
      return Error::conflict("version", "scheme_published",
                             "a published version never changes; start a draft");
    for (const auto* field :
         {&c.title_ko, &c.title_en, &c.guide_ko, &c.guide_en, &c.evidence_ko, &c.evidence_en})
      TRY(check_text(field == &c.title_ko   ? "title_ko"
                     : field == &c.title_en ? "title_en"
                                            : "guide",
                     *field, field == &c.title_ko || field == &c.title_en));
    auto edited = *s;
    auto it = std::find_if(edited.criteria.begin(), edited.criteria.end(),
                           [&](const Criterion& x) { return x.code == c.code; });
    if (it == edited.criteria.end())
      edited.criteria.push_back(c);
    else
      *it = c;
    // The whole version must stay well formed apart from weights, which are checked when publishing.
    auto check = check_scheme(edited);
    if (!check && check.error().code != "weights_not_100") return check.error();
    repo::save_criterion(sql, version, c);
    return {};
  });
}

Result<void> Certification::publish(int version) {
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto s = repo::scheme(sql, version);
    if (!s) return Error::not_found("scheme");
    if (s->published) return Error::conflict("version", "scheme_published", "already published");
    TRY(check_scheme(*s));
    repo::publish_scheme(sql, version, now);
    return {};
  });
}

// --- the workshop ----------------------------------------------------------------------------------

Result<Dossier> Certification::load_dossier(soci::session& sql, long long application_id) {
  auto a = repo::application(sql, application_id);
  if (!a) return Error::not_found("application");
  Dossier d;
  d.application = *a;
  d.scheme = repo::scheme(sql, a->version).value_or(Scheme{});
  d.answers = repo::answers(sql, a->id);
  d.evidence = repo::evidence(sql, a->id);
  d.audits = repo::audits(sql, a->id);
  d.nonconformities = repo::nonconformities(sql, a->id);
  d.assessment = assess(d.scheme, d.answers);
  return d;
}

Result<Dossier> Certification::open_application(long long workshop_id) {
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Dossier> {
    auto latest = repo::latest_application(sql, workshop_id);
    if (latest && open_status(latest->status)) return load_dossier(sql, latest->id);
    auto scheme = repo::latest_published(sql);
    if (!scheme) return Error::not_found("scheme");
    return load_dossier(sql, repo::insert_application(sql, workshop_id, scheme->version, now));
  });
}

std::optional<Dossier> Certification::latest(long long workshop_id) {
  return db_.read([&](soci::session& sql) -> std::optional<Dossier> {
    auto a = repo::latest_application(sql, workshop_id);
    if (!a) return std::nullopt;
    auto d = load_dossier(sql, a->id);
    return d ? std::optional(*d) : std::nullopt;
  });
}

std::optional<Dossier> Certification::dossier(long long application_id) {
  return db_.read([&](soci::session& sql) -> std::optional<Dossier> {
    auto d = load_dossier(sql, application_id);
    return d ? std::optional(*d) : std::nullopt;
  });
}

Result<void> Certification::save_self_assessment(long long workshop_id, const std::vector<Answer>& answers,
                                                 const std::string& product_lines, int validity_years) {
  TRY(check_text("product_lines", product_lines, false));
  if (validity_years != 1 && validity_years != 3)
    return Error::invalid("validity_years", "validity_invalid", "a certificate is valid for 1 or 3 years");
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto a = repo::latest_application(sql, workshop_id);
    if (!a || a->status != ApplicationStatus::draft)
      return Error::conflict("application", "application_not_draft",
                             "only a draft application can be edited");
    const auto scheme = repo::scheme(sql, a->version).value_or(Scheme{});
    for (const auto& answer : answers) {
      if (!criterion_of(scheme, answer.code))
        return Error::invalid("code", "criterion_unknown",
                              "no criterion " + answer.code + " in this version");
      if (answer.self_score < 0 || answer.self_score > 100)
        return Error::invalid("self_score_" + answer.code, "score_invalid", "a score is 0 to 100");
      TRY(check_text("self_note_" + answer.code, answer.self_note, false));
    }
    repo::update_application_form(sql, a->id, product_lines, validity_years);
    for (const auto& answer : answers) repo::save_self_answer(sql, a->id, answer);
    return {};
  });
}

Result<Evidence> Certification::add_evidence(long long workshop_id, const std::string& code,
                                             const std::string& name, std::string_view bytes) {
  auto checked = TRY(media::check_file(bytes, media::Accepts::images_and_pdf, "file"));
  // The blob first (content-addressed, idempotent): a crash after it leaves an unreferenced blob, never
  // a row or a log entry without its bytes.
  const auto hash = blobs_.put(bytes);
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Evidence> {
    auto a = repo::latest_application(sql, workshop_id);
    if (!a || !open_status(a->status))
      return Error::conflict("application", "application_closed", "start an application first");
    const auto scheme = repo::scheme(sql, a->version).value_or(Scheme{});
    if (!criterion_of(scheme, code))
      return Error::invalid("code", "criterion_unknown", "no criterion " + code + " in this version");
    const auto existing = repo::evidence(sql, a->id);
    if (std::count_if(existing.begin(), existing.end(), [&](const Evidence& e) { return e.code == code; }) >=
        static_cast<long>(max_files_per_criterion))
      return Error::rule_broken("file", "too_many_files", "at most 10 files per criterion");
    Evidence e{0,
               a->id,
               code,
               clean_file_name(name, "evidence"),
               checked.content_type,
               hash,
               static_cast<long long>(bytes.size()),
               checked.pages,
               0,
               now};
    e.log_index = static_cast<long long>(
        trust::TransparencyLog::append(sql, evidence_entry(hash, code, a->id, now), now));
    e.id = repo::insert_evidence(sql, e);
    return e;
  });
}

Result<void> Certification::submit(long long workshop_id) {
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto a = repo::latest_application(sql, workshop_id);
    if (!a || a->status != ApplicationStatus::draft)
      return Error::conflict("application", "application_not_draft",
                             "only a draft application can be submitted");
    if (trim(a->product_lines).empty())
      return Error::invalid("product_lines", "product_lines_required", "name the product lines to certify");
    const auto scheme = repo::scheme(sql, a->version).value_or(Scheme{});
    const auto answers = repo::answers(sql, a->id);
    const auto files = repo::evidence(sql, a->id);
    for (const auto& c : scheme.criteria) {
      const bool answered =
          std::any_of(answers.begin(), answers.end(), [&](const Answer& x) { return x.code == c.code; });
      if (!answered)
        return Error::invalid("self_score_" + c.code, "self_assessment_missing",
                              "assess every criterion first: " + c.title_en);
      const bool has_file =
          std::any_of(files.begin(), files.end(), [&](const Evidence& e) { return e.code == c.code; });
      if (c.kind == CriterionKind::baseline && !has_file)
        return Error::rule_broken("file_" + c.code, "evidence_missing",
                                  "a baseline criterion needs evidence: " + c.title_en);
    }
    repo::set_application_status(sql, a->id, ApplicationStatus::submitted, now);
    return {};
  });
}

Result<void> Certification::correct(long long workshop_id, long long nonconformity_id,
                                    const std::string& action) {
  TRY(check_text("corrective_action", action, true));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto n = repo::nonconformity(sql, nonconformity_id);
    auto a = n ? repo::application(sql, n->application_id) : std::nullopt;
    if (!n || !a || a->workshop.id != workshop_id) return Error::not_found("nonconformity");
    if (!n->open()) return Error::conflict("corrective_action", "nonconformity_closed", "already closed");
    repo::set_corrective_action(sql, n->id, action, now);
    return {};
  });
}

std::vector<Evidence> Certification::evidence_of(long long application_id) {
  return db_.read([&](soci::session& sql) { return repo::evidence(sql, application_id); });
}

std::optional<Evidence> Certification::evidence_file(long long id) {
  return db_.read([&](soci::session& sql) { return repo::evidence_file(sql, id); });
}

Result<std::string> Certification::evidence_bytes(const web::Principal& who, const Evidence& e) {
  auto a = db_.read([&](soci::session& sql) { return repo::application(sql, e.application_id); });
  const bool allowed = a && (who.has(web::Role::auditor) || who.has(web::Role::operator_) ||
                             who.may_act_for_workshop(a->workshop.id));
  if (!allowed) return Error::not_found("file");  // the same answer as a missing file
  auto bytes = blobs_.get(e.hash);
  if (!bytes) return Error::not_found("file");
  return *bytes;
}

// --- the auditor -----------------------------------------------------------------------------------

std::vector<Application> Certification::queue() {
  return db_.read([](soci::session& sql) {
    return repo::applications_with_status(sql, {"submitted", "in_audit"});
  });
}

Result<Application> Certification::auditable(soci::session& sql, long long application_id,
                                             const web::Principal& auditor) {
  auto a = repo::application(sql, application_id);
  if (!a) return Error::not_found("application");
  if (repo::is_staff_of(sql, auditor.user_id, a->workshop.id))
    return Error::forbidden("an auditor never audits a workshop they work for");
  if (a->status != ApplicationStatus::submitted && a->status != ApplicationStatus::in_audit)
    return Error::conflict("application", "application_not_in_audit",
                           "the application is not open for audit");
  if (a->status == ApplicationStatus::submitted) {
    repo::set_auditor(sql, a->id, auditor.user_id);
    a->status = ApplicationStatus::in_audit;
  }
  return *a;
}

Result<void> Certification::score(long long application_id, const web::Principal& auditor,
                                  const std::string& code, int score, const std::string& note) {
  if (score < 0 || score > 100)
    return Error::invalid("score_" + code, "score_invalid", "a score is 0 to 100");
  TRY(check_text("note_" + code, note, false));
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto a = TRY(auditable(sql, application_id, auditor));
    const auto scheme = repo::scheme(sql, a.version).value_or(Scheme{});
    if (!criterion_of(scheme, code))
      return Error::invalid("code", "criterion_unknown", "no criterion " + code + " in this version");
    repo::save_audit_answer(sql, a.id, Answer{code, 0, "", score, note});
    return {};
  });
}

Result<void> Certification::add_audit(long long application_id, const web::Principal& auditor,
                                      const std::string& kind, const std::string& held_on,
                                      const std::string& note) {
  if (kind != "desk" && kind != "on_site")
    return Error::invalid("kind", "audit_kind_invalid", "an audit is desk or on_site");
  if (!valid_date(held_on)) return Error::invalid("held_on", "date_invalid", "held_on is a date, YYYY-MM-DD");
  TRY(check_text("note", note, true));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto a = TRY(auditable(sql, application_id, auditor));
    repo::insert_audit(sql, a.id, auditor.user_id, AuditRecord{0, kind, held_on, "", note, now});
    return {};
  });
}

Result<void> Certification::add_nonconformity(long long application_id, const web::Principal& auditor,
                                              const std::string& code, const std::string& severity,
                                              const std::string& description, const std::string& due_on) {
  if (severity != "major" && severity != "minor")
    return Error::invalid("severity", "severity_invalid", "a non-conformity is major or minor");
  if (!valid_date(due_on)) return Error::invalid("due_on", "date_invalid", "due_on is a date, YYYY-MM-DD");
  TRY(check_text("description", description, true));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto a = TRY(auditable(sql, application_id, auditor));
    const auto scheme = repo::scheme(sql, a.version).value_or(Scheme{});
    if (!criterion_of(scheme, code))
      return Error::invalid("code", "criterion_unknown", "no criterion " + code + " in this version");
    repo::insert_nonconformity(sql,
                               Nonconformity{0, a.id, code, severity, description, due_on, "", "", "", now});
    return {};
  });
}

Result<void> Certification::close_nonconformity(long long nonconformity_id, const web::Principal& auditor) {
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto n = repo::nonconformity(sql, nonconformity_id);
    if (!n) return Error::not_found("nonconformity");
    TRY(auditable(sql, n->application_id, auditor));
    if (!n->open()) return Error::conflict("nonconformity", "nonconformity_closed", "already closed");
    repo::close_nonconformity(sql, n->id, now);
    return {};
  });
}

void Certification::record_event(soci::session& sql, const Certificate& c, const std::string& kind,
                                 const std::string& reason, long long actor_id, const std::string& now) {
  const auto index =
      trust::TransparencyLog::append(sql, certificate_entry(kind, c.credential_sha256, c.number, now), now);
  repo::insert_event(sql, c.id, kind, reason, actor_id, static_cast<long long>(index), now);
}

Result<std::string> Certification::decide(long long application_id, const web::Principal& auditor,
                                          Decision decision, const std::string& reason) {
  TRY(check_text("reason", reason, decision == Decision::refuse));
  const auto now = format_utc(clock_.now());
  auto decided = db_.write([&](soci::session& sql) -> Result<std::string> {
    auto a = TRY(auditable(sql, application_id, auditor));
    if (decision == Decision::refuse) {
      repo::set_decision(sql, a.id, ApplicationStatus::refused, reason, now);
      return std::string();
    }
    auto d = TRY(load_dossier(sql, a.id));
    const auto& as = d.assessment;
    if (!as.complete)
      return Error::rule_broken("decision", "criteria_unscored",
                                "score every criterion first; missing: " + join_words(as.missing));
    if (!as.baseline_met)
      return Error::rule_broken("decision", "baseline_not_met", "every baseline criterion must score 100");
    if (as.level == 0)
      return Error::rule_broken("decision", "score_too_low",
                                "a score of " + std::to_string(as.score) + " is below 50, the first level");
    for (const auto& n : d.nonconformities)
      if (n.open() && n.severity == "major")
        return Error::rule_broken("decision", "major_nonconformity_open",
                                  "close every major non-conformity first");
    Certificate c;
    do c.number = new_certificate_number();
    while (repo::certificate(sql, c.number));
    c.workshop = a.workshop;
    c.application_id = a.id;
    c.version = a.version;
    c.level = as.level;
    c.score = as.score;
    c.scope = a.product_lines;
    c.claims = as.claims;
    c.status_index = repo::next_status_index(sql);
    c.valid_from = now;
    c.valid_until = add_years(now, a.validity_years);
    c.created_at = now;
    auto credential = TRY(issue_credential(
        {issuer_.base_url, issuer_.did, c.number, a.workshop.name_ko, a.workshop.name_en, a.workshop.slug,
         c.level, c.score, c.version, c.scope, c.claims, c.status_index, c.valid_from, c.valid_until},
        issuer_.key));
    c.credential = json::serialize(credential);
    c.credential_sha256 = credential_hash(credential);
    // A renewal replaces the workshop's earlier certificate.
    for (auto& old : repo::certificates_of(sql, a.workshop.id))
      if (old.status == CertificateStatus::active || old.status == CertificateStatus::suspended) {
        repo::set_certificate_status(sql, old.id, CertificateStatus::expired, "");
        record_event(sql, old, "expired", "renewed as " + c.number, auditor.user_id, now);
      }
    c.id = repo::insert_certificate(sql, c);
    record_event(sql, c, "issued", reason, auditor.user_id, now);
    repo::set_decision(sql, a.id, ApplicationStatus::certified, reason, now);
    sync_store(sql, a.workshop.id);
    return c.number;
  });
  if (decided && !decided->empty() && store_changed_) store_changed_();
  return decided;
}

}  // namespace brilliant::certification
