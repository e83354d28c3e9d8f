// The certification's records as the service and pages see them (issue 11): applications with their
// answers, evidence, audits and non-conformities; certificates with their events; product claims.
// Plain values, no SQL.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "certification/scheme.hpp"

namespace brilliant::certification {

enum class ApplicationStatus { draft, submitted, in_audit, certified, refused };
std::string to_string(ApplicationStatus status);
ApplicationStatus application_status(const std::string& text);  // draft for anything unknown

struct Workshop {
  long long id = 0;
  std::string slug, name_ko, name_en;
};

struct Application {
  long long id = 0;
  Workshop workshop;
  int version = 0;
  ApplicationStatus status = ApplicationStatus::draft;
  std::string product_lines;
  int validity_years = 3;
  long long auditor_id = 0;
  std::string auditor_name;
  std::string decision_reason;
  std::string created_at, submitted_at, decided_at;
};

struct Evidence {
  long long id = 0;
  long long application_id = 0;
  std::string code, name, content_type, hash;
  long long bytes = 0;
  int pages = 0;
  long long log_index = 0;
  std::string created_at;
};

struct AuditRecord {
  long long id = 0;
  std::string kind;  // desk | on_site
  std::string held_on, auditor_name, note, created_at;
};

struct Nonconformity {
  long long id = 0;
  long long application_id = 0;
  std::string code, severity, description, due_on, corrective_action, corrected_at, closed_at, created_at;
  bool open() const { return closed_at.empty(); }
};

struct Certificate {
  long long id = 0;
  std::string number;
  Workshop workshop;
  long long application_id = 0;
  int version = 0, level = 0, score = 0;
  std::string scope;
  std::vector<std::string> claims;
  CertificateStatus status = CertificateStatus::active;
  long long status_index = 0;
  std::string valid_from, valid_until, suspended_until;
  int reminded_days = 0;
  std::string credential, credential_sha256, created_at;
};

struct CertificateEvent {
  std::string kind, reason;
  long long log_index = 0;
  std::string created_at;
};

struct ProductClaim {
  long long product_id = 0;
  std::string claim, evidence;
};

// A piece as its claims need it: whose it is, its metal and the claims the store shows for it now.
struct ProductBrief {
  long long id = 0, workshop_id = 0;
  std::string slug, title_ko, title_en, metal, status;
  std::vector<std::string> claims;  // shown in the store (backed by an active certificate)
};

// Everything about one application, for the workshop's and the auditor's pages.
struct Dossier {
  Application application;
  Scheme scheme;
  std::vector<Answer> answers;
  std::vector<Evidence> evidence;
  std::vector<AuditRecord> audits;
  std::vector<Nonconformity> nonconformities;
  Assessment assessment;
};

// "recycled_silver recycled_gold" <-> a list.
std::vector<std::string> split_words(const std::string& text);
std::string join_words(const std::vector<std::string>& words);

}  // namespace brilliant::certification
