// The Iksan eco-friendly jewelry certification (issue 11): its values and rules, pure (no SQL, no HTTP).
// A scheme version lists baseline criteria (all must be met) and scored criteria with weights adding up
// to 100; a workshop's score is the weighted sum of the auditor's scores (each 0..100 % of a criterion
// met) and gives its level: 50 one star, 65 two, 80 three. A scored criterion met at 80 % or more allows
// the product claims it backs. A certificate moves active -> suspended (a major non-conformity, up to six
// months to fix) -> reinstated (active) or withdrawn; active or suspended -> expired at its end date.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace brilliant::certification {

enum class CriterionKind { baseline, scored };

struct Criterion {
  std::string code;
  CriterionKind kind = CriterionKind::scored;
  int weight = 0;  // scored: points of 100; baseline: 0
  int position = 0;
  std::string title_ko, title_en, guide_ko, guide_en, evidence_ko, evidence_en;
  std::vector<std::string> claims;  // the product claims it backs
};

struct Scheme {
  int version = 0;
  bool published = false;
  std::string created_at, published_at;
  std::vector<Criterion> criteria;  // by position
};

// The first version the platform ships (three baseline criteria and six scored ones).
Scheme first_scheme();

// Checks a draft before it is published: at least one baseline and one scored criterion, codes
// unique and well formed, weights of scored criteria 1..100 adding up to 100, titles in both languages.
Result<void> check_scheme(const Scheme& scheme);

// Every product claim the platform knows, in display order.
const std::vector<std::string>& known_claims();
bool known_claim(const std::string& claim);
// A claim that only fits one metal ("recycled_silver" -> "silver"); empty for claims that fit any piece.
std::string claim_metal(const std::string& claim);

struct Answer {
  std::string code;
  int self_score = 0;
  std::string self_note;
  int audit_score = -1;  // -1: not scored yet
  std::string audit_note;
};

struct Assessment {
  bool baseline_met = false;         // every baseline criterion scored 100
  bool complete = false;             // every criterion scored
  int score = 0;                     // 0..100, the weighted audit scores of the scored criteria
  int level = 0;                     // 0: not certifiable; 1..3 stars
  std::vector<std::string> claims;   // the claims the scored criteria met at >= 80 % allow
  std::vector<std::string> missing;  // criteria not yet scored
};

Assessment assess(const Scheme& scheme, const std::vector<Answer>& answers);
int level_for_score(int score);

enum class CertificateStatus { active, suspended, withdrawn, expired };
std::string to_string(CertificateStatus status);
std::optional<CertificateStatus> certificate_status(const std::string& text);

enum class StatusAction { suspend, reinstate, withdraw, expire };
std::optional<StatusAction> status_action(const std::string& text);
std::string to_string(StatusAction action);
// The status an action leads to from `from`; a conflict when it cannot (a withdrawn certificate stays so,
// only a suspended one is reinstated, ...); the reason is required for every action but expire.
Result<CertificateStatus> apply_action(CertificateStatus from, StatusAction action,
                                       const std::string& reason);

// A certificate number: "ECO-" and two groups of four characters of Crockford's base32 (no I, L, O, U),
// 40 random bits.
std::string new_certificate_number();
bool valid_certificate_number(const std::string& text);

// "2026-11-29T..." plus years, as a UTC ISO date-time (the same month and day; 29 Feb becomes 28 Feb).
std::string add_years(const std::string& utc, int years);
// Whole days from `now` to `until` (both UTC ISO date-times), negative when past.
long long days_between(const std::string& now, const std::string& until);

}  // namespace brilliant::certification
