// The certification's certificates (service.hpp): lookups, public status changes, housekeeping (expiry,
// unfixed suspensions, renewal reminders), the signed status lists and proof bundles; and the product
// claims with what the store shows of them. The scheme, applications and audits are in service.cpp.
#include "certification/service.hpp"

#include "db/database.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "catalog/repo.hpp"
#include "certification/credential.hpp"
#include "certification/repo.hpp"
#include "core/checks.hpp"
#include "core/secret.hpp"
#include "mail/outbox.hpp"
#include "trust/log.hpp"
#include "trust/proof_json.hpp"

namespace brilliant::certification {
namespace json = boost::json;
using namespace std::chrono_literals;

// --- certificates ----------------------------------------------------------------------------------

std::optional<Certificate> Certification::certificate(const std::string& number) {
  if (!valid_certificate_number(number)) return std::nullopt;
  return db_.read([&](soci::session& sql) { return repo::certificate(sql, number); });
}

std::vector<CertificateEvent> Certification::events(long long certificate_id) {
  return db_.read([&](soci::session& sql) { return repo::events(sql, certificate_id); });
}

std::vector<Certificate> Certification::registry(const std::string& q) {
  return db_.read([&](soci::session& sql) { return repo::registry(sql, q, 200); });
}

std::vector<Certificate> Certification::certificates_of(long long workshop_id) {
  return db_.read([&](soci::session& sql) { return repo::certificates_of(sql, workshop_id); });
}

Result<Certificate> Certification::change_status(const std::string& number, StatusAction action,
                                                 const std::string& reason, long long actor_id) {
  const auto now_tp = clock_.now();
  const auto now = format_utc(now_tp);
  auto changed = db_.write([&](soci::session& sql) -> Result<Certificate> {
    auto c = repo::certificate(sql, number);
    if (!c) return Error::not_found("certificate");
    const auto next = TRY(apply_action(c->status, action, reason));
    const auto until = next == CertificateStatus::suspended ? format_utc(now_tp + 24h * 183) : std::string();
    repo::set_certificate_status(sql, c->id, next, until);
    c->status = next;
    c->suspended_until = until;
    const auto kind = action == StatusAction::suspend     ? "suspended"
                      : action == StatusAction::reinstate ? "reinstated"
                      : action == StatusAction::withdraw  ? "withdrawn"
                                                          : "expired";
    record_event(sql, *c, kind, reason, actor_id, now);
    sync_store(sql, c->workshop.id);
    return *c;
  });
  if (changed && store_changed_) store_changed_();
  return changed;
}

int Certification::housekeeping() {
  const auto now = format_utc(clock_.now());
  int changed = 0;
  for (const auto& c : db_.read([](soci::session& sql) {
         return repo::certificates_with_status(sql, {"active", "suspended"});
       })) {
    if (c.valid_until <= now) {
      changed += change_status(c.number, StatusAction::expire, "the validity period ended", 0).ok();
      continue;
    }
    if (c.status == CertificateStatus::suspended && !c.suspended_until.empty() && c.suspended_until <= now) {
      changed += change_status(c.number, StatusAction::withdraw,
                               "the non-conformity was not corrected within six months", 0)
                     .ok();
      continue;
    }
    const auto days = days_between(now, c.valid_until);
    int due = 0;
    for (int threshold : {90, 30, 7})
      if (days <= threshold && (c.reminded_days == 0 || c.reminded_days > threshold)) due = threshold;
    if (due == 0 || c.status != CertificateStatus::active) continue;
    db_.write([&](soci::session& sql) {
      for (const auto& to : repo::workshop_emails(sql, c.workshop.id))
        mail::enqueue(
            sql,
            {to,
             "[Brilliant] 친환경 인증서 " + c.number + " 만료 " + std::to_string(due) +
                 "일 전 / expires in " + std::to_string(due) + " days",
             c.workshop.name_ko + " 님, 친환경 인증서 " + c.number + "의 유효기간이 " +
                 c.valid_until.substr(0, 10) +
                 "에 끝납니다. 콘솔의 친환경 인증에서 갱신을 신청해 주세요.\n\n" +
                 "Your eco-friendly certificate " + c.number + " expires on " + c.valid_until.substr(0, 10) +
                 ". Apply for renewal under Console > Eco certification.\n" + issuer_.base_url +
                 "/console/certification\n"},
            clock_);
      repo::set_reminded(sql, c.id, due);
    });
  }
  return changed;
}

Result<std::string> Certification::status_list(const std::string& purpose) {
  if (purpose != "revocation" && purpose != "suspension") return Error::not_found("status list");
  const auto set = db_.read([&](soci::session& sql) {
    return repo::status_indexes(sql, purpose == "revocation" ? "withdrawn" : "suspended");
  });
  auto credential = TRY(status_list_credential(issuer_.base_url, issuer_.did, purpose, set,
                                               format_utc(clock_.now()), issuer_.key));
  return json::serialize(credential);
}

Result<std::string> Certification::proof_bundle(const Certificate& c, trust::TransparencyLog& log) {
  const auto history = events(c.id);
  if (history.empty()) return Error::not_found("certificate event");
  const auto bundle = trust::certificate_proof(log, static_cast<uint64_t>(history.back().log_index), c.number,
                                               history.back().kind, format_utc(clock_.now()));
  if (!bundle) return Error::not_found("log entry");
  return json::serialize(*bundle);
}

// --- product claims --------------------------------------------------------------------------------

std::vector<std::string> Certification::allowed_claims(long long workshop_id, const std::string& metal) {
  std::vector<std::string> out;
  for (const auto& c : certificates_of(workshop_id)) {
    if (c.status != CertificateStatus::active) continue;
    for (const auto& claim : c.claims)
      if (claim_metal(claim).empty() || claim_metal(claim) == metal) out.push_back(claim);
    break;
  }
  return out;
}

std::optional<ProductBrief> Certification::product_brief(const std::string& slug) {
  if (slug.empty()) return std::nullopt;
  return db_.read([&](soci::session& sql) { return repo::product_brief(sql, slug); });
}

std::optional<ProductBrief> Certification::product_brief(long long id) {
  return db_.read([&](soci::session& sql) { return repo::product_brief(sql, id); });
}

std::vector<ProductClaim> Certification::claims_of(long long product_id) {
  return db_.read([&](soci::session& sql) { return repo::claims_of(sql, product_id); });
}

Result<void> Certification::set_claims(long long product_id, const std::vector<ProductClaim>& claims) {
  return set_claims({{product_id, claims}});
}

Result<void> Certification::set_claims(
    const std::vector<std::pair<long long, std::vector<ProductClaim>>>& pieces) {
  for (const auto& [product_id, claims] : pieces)
    for (const auto& c : claims) {
      if (!known_claim(c.claim))
        return Error::invalid("claims", "claim_unknown", "unknown claim: " + c.claim);
      TRY(check_text("evidence_" + c.claim, c.evidence, true));
    }
  const auto now = format_utc(clock_.now());
  auto done = db_.write([&](soci::session& sql) -> Result<void> {
    std::map<long long, std::vector<std::string>> allowed;  // by workshop: its active certificate's claims
    for (const auto& [product_id, claims] : pieces) {
      auto piece = repo::product_brief(sql, product_id);
      if (!piece) return Error::not_found("product");
      auto backed = allowed.find(piece->workshop_id);
      if (backed == allowed.end()) {
        backed = allowed.emplace(piece->workshop_id, std::vector<std::string>{}).first;
        for (const auto& cert : repo::certificates_of(sql, piece->workshop_id))
          if (cert.status == CertificateStatus::active) {
            backed->second = cert.claims;
            break;
          }
      }
      for (const auto& c : claims) {
        const bool fits = claim_metal(c.claim).empty() || claim_metal(c.claim) == piece->metal;
        if (std::find(backed->second.begin(), backed->second.end(), c.claim) == backed->second.end() || !fits)
          return Error::rule_broken("claims", "claim_not_backed",
                                    "the workshop's active certificate does not back the claim " + c.claim +
                                        (fits ? "" : " for this metal"));
      }
      repo::set_claims(sql, product_id, claims, now);
    }
    for (const auto& [workshop, claims] : allowed) sync_store(sql, workshop);
    return {};
  });
  if (done && store_changed_) store_changed_();
  return done;
}

void Certification::sync_store(soci::session& sql, long long workshop_id) {
  std::optional<Certificate> active;
  for (auto& c : repo::certificates_of(sql, workshop_id))
    if (c.status == CertificateStatus::active) {
      active = std::move(c);
      break;
    }
  std::map<long long, std::vector<std::string>> claimed;
  for (const auto& pc : repo::workshop_claims(sql, workshop_id))
    if (active && std::find(active->claims.begin(), active->claims.end(), pc.claim) != active->claims.end())
      claimed[pc.product_id].push_back(pc.claim);
  for (const auto& [id, metal] : repo::workshop_products(sql, workshop_id)) {
    auto it = claimed.find(id);
    if (it == claimed.end())
      catalog::repo::set_eco(sql, id, "", "");
    else
      catalog::repo::set_eco(sql, id, join_words(it->second), active->number);
  }
}

}  // namespace brilliant::certification
