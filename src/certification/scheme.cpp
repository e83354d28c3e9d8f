#include "certification/scheme.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include "core/checks.hpp"
#include "core/clock.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"

namespace brilliant::certification {
namespace {

Criterion baseline(const char* code, int position, const char* title_ko, const char* title_en,
                   const char* guide_ko, const char* guide_en, const char* evidence_ko,
                   const char* evidence_en) {
  return {code,        CriterionKind::baseline,
          0,           position,
          title_ko,    title_en,
          guide_ko,    guide_en,
          evidence_ko, evidence_en,
          {}};
}

Criterion scored(const char* code, int weight, int position, const char* title_ko, const char* title_en,
                 const char* guide_ko, const char* guide_en, const char* evidence_ko, const char* evidence_en,
                 std::vector<std::string> claims) {
  return {code,     CriterionKind::scored, weight,      position,         title_ko, title_en, guide_ko,
          guide_en, evidence_ko,           evidence_en, std::move(claims)};
}

bool code_ok(const std::string& code) {
  return !code.empty() && code.size() <= 40 &&
         std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

}  // namespace

Scheme first_scheme() {
  Scheme s;
  s.version = 1;
  s.criteria = {
      baseline("legal_compliance", 1, "법규 준수", "Legal compliance",
               "사업자등록, 귀금속 취급 신고, 폐수·유해물질 관련 법규를 지키고 있습니다.",
               "Business registration, precious-metal dealer filing and the environmental laws on wastewater "
               "and hazardous substances are complied with.",
               "사업자등록증, 배출시설 신고서 또는 면제 확인",
               "Business registration, discharge-facility filing or exemption"),
      baseline("disclosure", 2, "랩그로운·처리석 고지", "Lab-grown and treatment disclosure",
               "랩그로운 스톤과 가열·충전 등 처리 여부를 모든 판매 채널에서 고지합니다.",
               "Lab-grown stones and treatments (heating, filling, ...) are disclosed in every channel.",
               "상품 설명 예시, 감정서 사본", "Sample listings, grading reports"),
      baseline("makers_mark", 3, "등록된 제작자 각인", "Registered maker's mark",
               "등록된 제작자 각인과 품위 각인을 작품에 찍습니다.",
               "A registered maker's mark and a fineness mark are stamped on pieces.",
               "각인 등록증, 각인 사진", "Mark registration, photos of the stamp"),
      scored("recycled_metal", 25, 4, "재생 귀금속 비율", "Recycled precious-metal share",
             "사용한 금·은 중 재생 원료의 비율. 100%면 만점입니다.",
             "The share of recycled gold and silver in the metal used; 100% scores in full.",
             "지금(地金) 구입 기록과 정련소의 재생 원료 증명",
             "Metal purchase records and the refiner's recycled-content certificate",
             {"recycled_silver", "recycled_gold"}),
      scored("cyanide_free_plating", 15, 5, "무시안 도금", "Cyanide-free plating",
             "시안화물을 쓰지 않는 도금액만 사용합니다.", "Only cyanide-free plating baths are used.",
             "도금액 MSDS, 구매 기록", "Plating-bath safety data sheets, purchase records",
             {"cyanide_free_plating"}),
      scored("wastewater", 20, 6, "도금 폐수 처리", "Plating-wastewater treatment",
             "도금 폐수를 처리하고 공인 시험기관의 수질 검사 결과가 기준 이내입니다.",
             "Plating wastewater is treated and an accredited lab's results are within the limits.",
             "위탁 처리 계약서, 공인 시험성적서", "Treatment contract, accredited lab results", {}),
      scored("energy", 15, 7, "에너지 사용", "Energy use",
             "작업장 전력 사용량을 기록하고 재생에너지 비율 또는 절감 실적이 있습니다.",
             "Electricity use is recorded, with a renewable share or a reduction achieved.",
             "12개월 전기요금 고지서, 재생에너지 계약", "12 months of electricity bills, renewable contracts",
             {}),
      scored("packaging", 10, 8, "플라스틱 없는 포장", "Plastic-free packaging",
             "포장재에 플라스틱을 쓰지 않습니다.", "Packaging contains no plastic.", "포장재 사양서, 사진",
             "Packaging specifications, photos", {"plastic_free_packaging"}),
      scored("stone_sourcing", 15, 9, "추적 가능한 원석", "Traceable stone sourcing",
             "원석의 산지와 공급망을 문서로 추적할 수 있습니다.",
             "The origin and supply chain of stones are documented.",
             "공급자 확인서, 원산지 증명, 킴벌리 프로세스 증명",
             "Supplier declarations, origin certificates, Kimberley Process", {"traceable_stones"}),
  };
  return s;
}

Result<void> check_scheme(const Scheme& scheme) {
  std::set<std::string> codes;
  int weights = 0, baselines = 0, scoreds = 0;
  for (const auto& c : scheme.criteria) {
    if (!code_ok(c.code)) return Error::invalid("code", "code_invalid", "a criterion code is a-z and _");
    if (!codes.insert(c.code).second)
      return Error::invalid("code", "code_taken", "criterion codes must be unique: " + c.code);
    if (c.title_ko.empty() || c.title_en.empty())
      return Error::invalid("title_ko", "title_missing", "every criterion needs a Korean and English title");
    for (const auto& claim : c.claims)
      if (!known_claim(claim)) return Error::invalid("claims", "claim_unknown", "unknown claim: " + claim);
    if (c.kind == CriterionKind::baseline) {
      ++baselines;
      continue;
    }
    ++scoreds;
    if (c.weight < 1 || c.weight > 100)
      return Error::invalid("weight", "weight_invalid", "a scored criterion's weight is 1 to 100");
    weights += c.weight;
  }
  if (baselines == 0 || scoreds == 0)
    return Error::rule_broken("criteria", "criteria_missing",
                              "a scheme needs at least one baseline and one scored criterion");
  if (weights != 100)
    return Error::rule_broken(
        "weight", "weights_not_100",
        "the scored criteria's weights add up to " + std::to_string(weights) + ", not 100");
  return {};
}

const std::vector<std::string>& known_claims() {
  static const std::vector<std::string> claims = {"recycled_silver", "recycled_gold", "cyanide_free_plating",
                                                  "plastic_free_packaging", "traceable_stones"};
  return claims;
}

bool known_claim(const std::string& claim) {
  const auto& all = known_claims();
  return std::find(all.begin(), all.end(), claim) != all.end();
}

std::string claim_metal(const std::string& claim) {
  if (claim == "recycled_silver") return "silver";
  if (claim == "recycled_gold") return "gold";
  return "";
}

int level_for_score(int score) { return score >= 80 ? 3 : score >= 65 ? 2 : score >= 50 ? 1 : 0; }

Assessment assess(const Scheme& scheme, const std::vector<Answer>& answers) {
  Assessment a;
  a.baseline_met = true;
  a.complete = true;
  int points = 0;  // weight x score, out of 100 x 100
  for (const auto& c : scheme.criteria) {
    auto it = std::find_if(answers.begin(), answers.end(), [&](const Answer& x) { return x.code == c.code; });
    const int score = it == answers.end() ? -1 : it->audit_score;
    if (score < 0) {
      a.complete = false;
      a.missing.push_back(c.code);
    }
    if (c.kind == CriterionKind::baseline) {
      if (score != 100) a.baseline_met = false;
      continue;
    }
    points += c.weight * std::max(score, 0);
    if (score >= 80)
      for (const auto& claim : c.claims) a.claims.push_back(claim);
  }
  a.score = points / 100;
  a.level = a.baseline_met && a.complete ? level_for_score(a.score) : 0;
  if (a.level == 0) a.claims.clear();
  return a;
}

std::string to_string(CertificateStatus status) {
  switch (status) {
    case CertificateStatus::active:
      return "active";
    case CertificateStatus::suspended:
      return "suspended";
    case CertificateStatus::withdrawn:
      return "withdrawn";
    case CertificateStatus::expired:
      return "expired";
  }
  return "active";
}

std::optional<CertificateStatus> certificate_status(const std::string& text) {
  for (auto s : {CertificateStatus::active, CertificateStatus::suspended, CertificateStatus::withdrawn,
                 CertificateStatus::expired})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

std::string to_string(StatusAction action) {
  switch (action) {
    case StatusAction::suspend:
      return "suspend";
    case StatusAction::reinstate:
      return "reinstate";
    case StatusAction::withdraw:
      return "withdraw";
    case StatusAction::expire:
      return "expire";
  }
  return "suspend";
}

std::optional<StatusAction> status_action(const std::string& text) {
  for (auto a :
       {StatusAction::suspend, StatusAction::reinstate, StatusAction::withdraw, StatusAction::expire})
    if (to_string(a) == text) return a;
  return std::nullopt;
}

Result<CertificateStatus> apply_action(CertificateStatus from, StatusAction action,
                                       const std::string& reason) {
  const bool blank = std::all_of(reason.begin(), reason.end(), [](char c) { return c == ' ' || c == '\n'; });
  if (action != StatusAction::expire && blank)
    return Error::invalid("reason", "reason_required", "a status change needs a reason");
  TRY(check_length("reason", reason, 2000, "reason_too_long"));
  const bool live = from == CertificateStatus::active || from == CertificateStatus::suspended;
  switch (action) {
    case StatusAction::suspend:
      if (from == CertificateStatus::active) return CertificateStatus::suspended;
      break;
    case StatusAction::reinstate:
      if (from == CertificateStatus::suspended) return CertificateStatus::active;
      break;
    case StatusAction::withdraw:
      if (live) return CertificateStatus::withdrawn;
      break;
    case StatusAction::expire:
      if (live) return CertificateStatus::expired;
      break;
  }
  return Error::conflict("action", "status_change_invalid",
                         "a " + to_string(from) + " certificate cannot " + to_string(action));
}

std::string new_certificate_number() { return printable_code("ECO"); }

bool valid_certificate_number(const std::string& text) { return is_printable_code(text, "ECO"); }

std::string add_years(const std::string& utc, int years) {
  if (utc.size() < 10) return utc;
  const int year = std::stoi(utc.substr(0, 4)) + years;
  std::string out = utc;
  out.replace(0, 4, std::to_string(year));
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (out.substr(5, 5) == "02-29" && !leap) out.replace(8, 2, "28");
  return out;
}

long long days_between(const std::string& now, const std::string& until) {
  TimePoint a, b;
  if (!parse_utc(now, a) || !parse_utc(until, b)) return 0;
  return std::chrono::duration_cast<std::chrono::hours>(b - a).count() / 24;
}

}  // namespace brilliant::certification
