// The certification's SQL (migration 017): the one owner of the cert_* tables, certificates,
// certificate_events and product_claims. Each function runs in the caller's session (and transaction).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "certification/certification.hpp"
#include "db/fwd.hpp"

namespace brilliant::certification::repo {

// --- schemes ---
std::vector<Scheme> schemes(soci::session& sql);  // newest first, with criteria
std::optional<Scheme> scheme(soci::session& sql, int version);
std::optional<Scheme> latest_published(soci::session& sql);
// Makes the caller's transaction the only one deciding whether the first scheme is needed (several nodes
// starting at once on PostgreSQL; SQLite's one writer already is).
void lock_schemes(soci::session& sql);
void insert_scheme(soci::session& sql, const Scheme& scheme, const std::string& now);
void save_criterion(soci::session& sql, int version, const Criterion& c);
void publish_scheme(soci::session& sql, int version, const std::string& now);

// --- applications ---
std::optional<Application> application(soci::session& sql, long long id);
// The workshop's newest application (any status).
std::optional<Application> latest_application(soci::session& sql, long long workshop_id);
std::vector<Application> applications_with_status(soci::session& sql,
                                                  const std::vector<std::string>& statuses);
long long insert_application(soci::session& sql, long long workshop_id, int version, const std::string& now);
void update_application_form(soci::session& sql, long long id, const std::string& product_lines,
                             int validity_years);
void set_application_status(soci::session& sql, long long id, ApplicationStatus status,
                            const std::string& at);
void set_auditor(soci::session& sql, long long id, long long auditor_id);
void set_decision(soci::session& sql, long long id, ApplicationStatus status, const std::string& reason,
                  const std::string& at);
std::vector<Answer> answers(soci::session& sql, long long application_id);
void save_self_answer(soci::session& sql, long long application_id, const Answer& a);
void save_audit_answer(soci::session& sql, long long application_id, const Answer& a);

std::vector<Evidence> evidence(soci::session& sql, long long application_id);
std::optional<Evidence> evidence_file(soci::session& sql, long long id);
long long insert_evidence(soci::session& sql, const Evidence& e);

std::vector<AuditRecord> audits(soci::session& sql, long long application_id);
void insert_audit(soci::session& sql, long long application_id, long long auditor_id, const AuditRecord& a);

std::vector<Nonconformity> nonconformities(soci::session& sql, long long application_id);
std::optional<Nonconformity> nonconformity(soci::session& sql, long long id);
long long insert_nonconformity(soci::session& sql, const Nonconformity& n);
void set_corrective_action(soci::session& sql, long long id, const std::string& action,
                           const std::string& at);
void close_nonconformity(soci::session& sql, long long id, const std::string& at);

// True when the user works for the workshop (vendor staff of it): such a person may not audit it.
bool is_staff_of(soci::session& sql, long long user_id, long long workshop_id);

// --- certificates ---
long long next_status_index(soci::session& sql);
long long insert_certificate(soci::session& sql, const Certificate& c);
std::optional<Certificate> certificate(soci::session& sql, const std::string& number);
std::optional<Certificate> certificate_by_id(soci::session& sql, long long id);
// The workshop's certificates, newest first.
std::vector<Certificate> certificates_of(soci::session& sql, long long workshop_id);
// Every certificate whose workshop or number matches `q` (empty: all), active first, then by level.
std::vector<Certificate> registry(soci::session& sql, const std::string& q, int limit);
std::vector<Certificate> certificates_with_status(soci::session& sql,
                                                  const std::vector<std::string>& statuses);
void set_certificate_status(soci::session& sql, long long id, CertificateStatus status,
                            const std::string& suspended_until);
void set_reminded(soci::session& sql, long long id, int days);
void insert_event(soci::session& sql, long long certificate_id, const std::string& kind,
                  const std::string& reason, long long actor_id, long long log_index, const std::string& at);
std::vector<CertificateEvent> events(soci::session& sql, long long certificate_id);
// The status_index of every certificate with the status.
std::vector<long long> status_indexes(soci::session& sql, const std::string& status);

// --- product claims ---
std::vector<ProductClaim> claims_of(soci::session& sql, long long product_id);
void set_claims(soci::session& sql, long long product_id, const std::vector<ProductClaim>& claims,
                const std::string& now);
// Every claimed product of the workshop, with its claims.
std::vector<ProductClaim> workshop_claims(soci::session& sql, long long workshop_id);
// The workshop's product ids and metals.
std::vector<std::pair<long long, std::string>> workshop_products(soci::session& sql, long long workshop_id);
std::optional<Workshop> workshop(soci::session& sql, long long id);
std::optional<ProductBrief> product_brief(soci::session& sql, const std::string& slug);
std::optional<ProductBrief> product_brief(soci::session& sql, long long id);
std::vector<std::string> workshop_emails(soci::session& sql, long long workshop_id);

}  // namespace brilliant::certification::repo
