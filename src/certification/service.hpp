// The certification's work (issue 11): the operator's scheme versions, the workshop's application and
// evidence, the auditor's review and decision, certificates and their public status changes, product
// claims and what the store shows of them. Every certificate event and evidence hash is appended to the
// transparency log in the same transaction as the change it records. Thread safe.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "certification/certification.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "trust/signing.hpp"
#include "web/principal.hpp"

namespace brilliant::media {
class BlobStore;
}
namespace brilliant::trust {
class TransparencyLog;
}

namespace brilliant::certification {

struct Issuer {
  std::string base_url;  // for credential ids and links
  std::string did;       // did:web:...
  trust::KeyPair key;
};

enum class Decision { issue, refuse };

class Certification {
 public:
  Certification(db::Database& db, media::BlobStore& blobs, const Clock& clock, Issuer issuer);

  // Called after a change that alters what the store shows (claims, a certificate's status).
  void on_store_change(std::function<void()> fn) { store_changed_ = std::move(fn); }
  void set_base_url(const std::string& base_url) { issuer_.base_url = base_url; }
  const Issuer& issuer() const { return issuer_; }

  // --- the scheme ---
  // Adds version 1 (first_scheme(), published) when there is no version yet; returns true when added.
  bool ensure_scheme();
  std::optional<Scheme> published();
  std::optional<Scheme> scheme(int version);
  std::vector<Scheme> schemes();
  // A new draft copying the latest version; a conflict when a draft exists.
  Result<int> new_draft();
  // Edits a criterion of a draft (published versions never change); a new code adds one.
  Result<void> save_criterion(int version, const Criterion& criterion);
  Result<void> publish(int version);

  // --- the workshop ---
  // The workshop's open application (draft, submitted or in audit), a new draft when there is none.
  Result<Dossier> open_application(long long workshop_id);
  std::optional<Dossier> latest(long long workshop_id);
  std::optional<Dossier> dossier(long long application_id);
  // The self-assessment: answers (self_score 0..100, note) for criteria of the version; scope and term.
  Result<void> save_self_assessment(long long workshop_id, const std::vector<Answer>& answers,
                                    const std::string& product_lines, int validity_years);
  // An evidence file for a criterion (PDF or image, decode-checked), content-addressed, its SHA-256
  // logged.
  Result<Evidence> add_evidence(long long workshop_id, const std::string& code, const std::string& name,
                                std::string_view bytes);
  Result<void> submit(long long workshop_id);
  Result<void> correct(long long workshop_id, long long nonconformity_id, const std::string& action);
  std::optional<Evidence> evidence_file(long long id);
  std::vector<Evidence> evidence_of(long long application_id);
  // The evidence's bytes for someone allowed to see them: the workshop's staff, auditors and operators.
  Result<std::string> evidence_bytes(const web::Principal& who, const Evidence& e);

  // --- the auditor ---
  std::vector<Application> queue();  // submitted and in audit
  Result<void> score(long long application_id, const web::Principal& auditor, const std::string& code,
                     int score, const std::string& note);
  Result<void> add_audit(long long application_id, const web::Principal& auditor, const std::string& kind,
                         const std::string& held_on, const std::string& note);
  Result<void> add_nonconformity(long long application_id, const web::Principal& auditor,
                                 const std::string& code, const std::string& severity,
                                 const std::string& description, const std::string& due_on);
  Result<void> close_nonconformity(long long nonconformity_id, const web::Principal& auditor);
  // Issue: every criterion scored, the baseline met, a level reached, no open major non-conformity.
  // Returns the certificate number (empty when refused).
  Result<std::string> decide(long long application_id, const web::Principal& auditor, Decision decision,
                             const std::string& reason);

  // --- certificates ---
  std::optional<Certificate> certificate(const std::string& number);
  std::vector<CertificateEvent> events(long long certificate_id);
  std::vector<Certificate> registry(const std::string& q);
  std::vector<Certificate> certificates_of(long long workshop_id);
  // Suspend, reinstate or withdraw with a reason, by an auditor or operator: public, logged.
  Result<Certificate> change_status(const std::string& number, StatusAction action, const std::string& reason,
                                    long long actor_id);
  // Expires certificates past their end, withdraws those suspended past their six months, sends renewal
  // reminders 90, 30 and 7 days before the end. Returns how many certificates changed.
  int housekeeping();
  // The signed Bitstring Status List credential for "revocation" or "suspension" (JSON text).
  Result<std::string> status_list(const std::string& purpose);
  // The proof.json of a certificate: its latest event's entry, audit path and a signed checkpoint.
  Result<std::string> proof_bundle(const Certificate& c, trust::TransparencyLog& log);

  // --- product claims ---
  // The claims a piece of the workshop may carry: its active certificate's, fitting the metal.
  std::vector<std::string> allowed_claims(long long workshop_id, const std::string& metal);
  std::vector<ProductClaim> claims_of(long long product_id);
  std::optional<ProductBrief> product_brief(const std::string& slug);
  std::optional<ProductBrief> product_brief(long long id);
  // Sets a piece's claims (each with the evidence that backs it, e.g. a metal lot record); a claim its
  // workshop's active certificate does not allow is refused with its name.
  Result<void> set_claims(long long product_id, const std::vector<ProductClaim>& claims);
  // The same for many pieces at once: one transaction, each workshop's store flags synced once, one store
  // refresh (the demo's 100,000-piece catalog took a catalog reload per piece).
  Result<void> set_claims(const std::vector<std::pair<long long, std::vector<ProductClaim>>>& pieces);

 private:
  // Rewrites what the store shows for the workshop's pieces (inside the caller's transaction).
  void sync_store(soci::session& sql, long long workshop_id);
  Result<Dossier> load_dossier(soci::session& sql, long long application_id);
  Result<Application> auditable(soci::session& sql, long long application_id, const web::Principal& auditor);
  void record_event(soci::session& sql, const Certificate& c, const std::string& kind,
                    const std::string& reason, long long actor_id, const std::string& now);

  db::Database& db_;
  media::BlobStore& blobs_;
  const Clock& clock_;
  Issuer issuer_;
  std::function<void()> store_changed_;
};

}  // namespace brilliant::certification
