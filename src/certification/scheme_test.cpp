#include "certification/scheme.hpp"

#include <gtest/gtest.h>

#include <set>

namespace brilliant::certification {

TEST(Scheme, TheFirstVersionIsWellFormedAndCoversTheIssuesCriteria) {
  const auto s = first_scheme();
  ASSERT_TRUE(check_scheme(s).ok());
  std::set<std::string> codes;
  for (const auto& c : s.criteria) codes.insert(c.code);
  for (const char* code : {"legal_compliance", "disclosure", "makers_mark", "recycled_metal",
                           "cyanide_free_plating", "wastewater", "energy", "packaging", "stone_sourcing"})
    EXPECT_TRUE(codes.count(code)) << code;
}

TEST(Scheme, ChecksRefuseBadDrafts) {
  auto s = first_scheme();
  s.criteria[3].weight += 5;
  EXPECT_EQ(check_scheme(s).error().code, "weights_not_100");
  s = first_scheme();
  s.criteria[4].code = s.criteria[3].code;
  EXPECT_EQ(check_scheme(s).error().code, "code_taken");
  s = first_scheme();
  s.criteria[0].title_en.clear();
  EXPECT_EQ(check_scheme(s).error().field, "title_ko");
  s = first_scheme();
  s.criteria[3].claims.push_back("moon_dust");
  EXPECT_EQ(check_scheme(s).error().code, "claim_unknown");
  s = first_scheme();
  s.criteria.erase(s.criteria.begin(), s.criteria.begin() + 3);  // no baseline left
  EXPECT_EQ(check_scheme(s).error().code, "criteria_missing");
}

std::vector<Answer> all_scored(int baseline, int scored) {
  std::vector<Answer> out;
  for (const auto& c : first_scheme().criteria)
    out.push_back({c.code, 0, "", c.kind == CriterionKind::baseline ? baseline : scored, ""});
  return out;
}

TEST(Scheme, AssessmentWeighsScoresIntoLevelsAndClaims) {
  const auto s = first_scheme();
  auto a = assess(s, all_scored(100, 85));
  EXPECT_TRUE(a.complete && a.baseline_met);
  EXPECT_EQ(a.score, 85);
  EXPECT_EQ(a.level, 3);
  EXPECT_EQ(a.claims.size(), 5u);  // every claim of the criteria met at 80 % or more
  a = assess(s, all_scored(100, 70));
  EXPECT_EQ(a.level, 2);
  EXPECT_TRUE(a.claims.empty());
  a = assess(s, all_scored(100, 55));
  EXPECT_EQ(a.level, 1);
  EXPECT_EQ(assess(s, all_scored(100, 49)).level, 0);
  // A baseline criterion not fully met certifies nothing, whatever the score.
  a = assess(s, all_scored(90, 100));
  EXPECT_FALSE(a.baseline_met);
  EXPECT_EQ(a.level, 0);
  EXPECT_TRUE(a.claims.empty());
  // Weighted: only recycled metal (25) at 100 and the rest at 60 gives 25 + 0.6 * 75 = 70.
  auto answers = all_scored(100, 60);
  for (auto& x : answers)
    if (x.code == "recycled_metal") x.audit_score = 100;
  a = assess(s, answers);
  EXPECT_EQ(a.score, 70);
  EXPECT_EQ(a.claims, (std::vector<std::string>{"recycled_silver", "recycled_gold"}));
  answers.pop_back();
  a = assess(s, answers);
  EXPECT_FALSE(a.complete);
  EXPECT_EQ(a.missing, std::vector<std::string>{"stone_sourcing"});
  EXPECT_EQ(a.level, 0);
}

TEST(Scheme, StatusChangesFollowTheLifecycleAndNeedReasons) {
  using S = CertificateStatus;
  using A = StatusAction;
  EXPECT_EQ(apply_action(S::active, A::suspend, "wastewater over the limit").value(), S::suspended);
  EXPECT_EQ(apply_action(S::suspended, A::reinstate, "new lab results").value(), S::active);
  EXPECT_EQ(apply_action(S::suspended, A::withdraw, "not corrected").value(), S::withdrawn);
  EXPECT_EQ(apply_action(S::active, A::expire, "").value(), S::expired);
  EXPECT_EQ(apply_action(S::active, A::suspend, "  ").error().field, "reason");
  EXPECT_EQ(apply_action(S::active, A::reinstate, "x").error().code, "status_change_invalid");
  EXPECT_EQ(apply_action(S::withdrawn, A::reinstate, "x").error().kind, ErrorKind::conflict);
  EXPECT_EQ(apply_action(S::expired, A::suspend, "x").error().kind, ErrorKind::conflict);
  EXPECT_EQ(status_action("withdraw"), A::withdraw);
  EXPECT_FALSE(status_action("delete"));
  EXPECT_EQ(certificate_status("suspended"), S::suspended);
}

TEST(Scheme, CertificateNumbersArePrintableAndUnguessable) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const auto n = new_certificate_number();
    EXPECT_TRUE(valid_certificate_number(n)) << n;
    EXPECT_EQ(n.find_first_of("OILU", 4), std::string::npos);
    seen.insert(n);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_FALSE(valid_certificate_number("ECO-ABCD-EFGO"));
  EXPECT_FALSE(valid_certificate_number("ECO-ABCD-EFGH/"));
  EXPECT_FALSE(valid_certificate_number("../../etc"));
}

TEST(Scheme, DatesAddYearsAndCountDays) {
  EXPECT_EQ(add_years("2026-11-29T09:00:00Z", 3), "2029-11-29T09:00:00Z");
  EXPECT_EQ(add_years("2028-02-29T00:00:00Z", 1), "2029-02-28T00:00:00Z");
  EXPECT_EQ(days_between("2026-11-29T00:00:00Z", "2026-12-29T00:00:00Z"), 30);
  EXPECT_EQ(days_between("2026-12-29T00:00:00Z", "2026-11-29T00:00:00Z"), -30);
}

}  // namespace brilliant::certification
