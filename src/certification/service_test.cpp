#include "certification/service_testing.hpp"

namespace brilliant::certification {

TEST_F(CertificationTest, AWorkshopAppliesWithEvidenceAndCannotSubmitHalfDone) {
  auto d = certs.open_application(1).value();
  EXPECT_EQ(d.application.status, ApplicationStatus::draft);
  EXPECT_EQ(certs.open_application(1).value().application.id, d.application.id);  // the same draft
  EXPECT_EQ(certs.submit(1).error().field, "product_lines");
  EXPECT_EQ(certs.save_self_assessment(1, {{"recycled_metal", 101, "", -1, ""}}, "x", 3).error().field,
            "self_score_recycled_metal");
  EXPECT_EQ(certs.save_self_assessment(1, {{"moon_dust", 1, "", -1, ""}}, "x", 3).error().code,
            "criterion_unknown");
  EXPECT_EQ(certs.save_self_assessment(1, {}, "x", 2).error().field, "validity_years");
  ASSERT_TRUE(certs.save_self_assessment(1, {{"recycled_metal", 80, "lot 7", -1, ""}}, "은 반지", 1).ok());
  EXPECT_EQ(certs.submit(1).error().code, "self_assessment_missing");
  // Evidence is decode-checked, stored by its hash and logged.
  EXPECT_EQ(certs.add_evidence(1, "wastewater", "x.pdf", "%PDF-not really").error().field, "file");
  auto e = certs.add_evidence(1, "wastewater", "../lab results.png", image).value();
  EXPECT_EQ(e.name, "lab results.png");
  EXPECT_TRUE(blobs.has(e.hash));
  EXPECT_EQ(log.size(), 1u);
  EXPECT_NE(log.entry(0).find(e.hash), std::string::npos);
  std::vector<Answer> all;
  for (const auto& c : d.scheme.criteria) all.push_back({c.code, 50, "", -1, ""});
  ASSERT_TRUE(certs.save_self_assessment(1, all, "은 반지", 3).ok());
  EXPECT_EQ(certs.submit(1).error().code, "evidence_missing");
}

TEST_F(CertificationTest, EvidenceIsPrivateToTheWorkshopAuditorsAndOperators) {
  ASSERT_TRUE(certs.open_application(1).ok());
  auto e = certs.add_evidence(1, "energy", "bill.png", image).value();
  web::Principal maker{1, "", "", static_cast<uint32_t>(web::Role::vendor_staff), 1};
  web::Principal stranger{3, "", "", static_cast<uint32_t>(web::Role::vendor_staff), 9};
  EXPECT_EQ(certs.evidence_bytes(maker, e).value(), image);
  EXPECT_EQ(certs.evidence_bytes(auditor(), e).value(), image);
  EXPECT_EQ(certs.evidence_bytes(stranger, e).error().kind, ErrorKind::not_found);
}

TEST_F(CertificationTest, AnAuditorIssuesASignedLoggedCertificateAndTheStoreShowsClaims) {
  const auto id = ready_application(85);
  // Staff of the workshop never audit it.
  web::Principal insider = auditor();
  insider.user_id = 1;
  EXPECT_EQ(certs.score(id, insider, "energy", 50, "").error().kind, ErrorKind::forbidden);
  ASSERT_TRUE(certs.add_audit(id, auditor(), "on_site", "2026-11-20", "visited the plating room").ok());
  EXPECT_EQ(certs.add_audit(id, auditor(), "on_site", "20 Nov", "x").error().field, "held_on");
  ASSERT_TRUE(
      certs.add_nonconformity(id, auditor(), "wastewater", "major", "no lab result for Q3", "2026-12-31")
          .ok());
  EXPECT_EQ(certs.decide(id, auditor(), Decision::issue, "").error().code, "major_nonconformity_open");
  auto d = certs.dossier(id).value();
  ASSERT_TRUE(certs.correct(1, d.nonconformities[0].id, "sent the Q3 result").ok());
  ASSERT_TRUE(certs.close_nonconformity(d.nonconformities[0].id, auditor()).ok());
  const auto number = certs.decide(id, auditor(), Decision::issue, "").value();
  EXPECT_TRUE(valid_certificate_number(number));
  EXPECT_EQ(store_changes, 1);
  auto c = certs.certificate(number).value();
  EXPECT_EQ(c.level, 3);
  EXPECT_EQ(c.status, CertificateStatus::active);
  EXPECT_EQ(certs.dossier(id)->application.status, ApplicationStatus::certified);
  // The credential verifies offline with its proof bundle from the log.
  const auto bundle = certs.proof_bundle(c, log).value();
  EXPECT_TRUE(trust::verify_credential(c.credential, bundle, trust::public_multikey(key)).ok());
  // Claims: only those the certificate allows, fitting the metal, each with its evidence.
  const auto silver = certs.product_brief(std::string("silver-ring"))->id;
  EXPECT_EQ(certs.allowed_claims(1, "silver"),
            (std::vector<std::string>{"recycled_silver", "cyanide_free_plating", "plastic_free_packaging",
                                      "traceable_stones"}));
  EXPECT_EQ(certs.set_claims(silver, {{silver, "recycled_gold", "lot 7"}}).error().code, "claim_not_backed");
  EXPECT_EQ(certs.set_claims(silver, {{silver, "recycled_silver", ""}}).error().field,
            "evidence_recycled_silver");
  ASSERT_TRUE(certs.set_claims(silver, {{silver, "recycled_silver", "lot 2026-11 (refiner cert)"}}).ok());
  EXPECT_EQ(eco_of("silver-ring"), (std::pair<std::string, std::string>{"recycled_silver", number}));
  EXPECT_EQ(eco_of("gold-ring").first, "");
  // Many pieces at once: all or none, and the store refreshed once.
  const auto gold = certs.product_brief(std::string("gold-ring"))->id;
  const int changes = store_changes;
  EXPECT_EQ(certs
                .set_claims({{silver, {{silver, "plastic_free_packaging", "supplier letter"}}},
                             {gold, {{gold, "recycled_silver", "lot 9"}}}})
                .error()
                .code,
            "claim_not_backed");  // silver's claim on the gold ring
  EXPECT_EQ(eco_of("silver-ring").first, "recycled_silver") << "nothing of the refused batch stayed";
  ASSERT_TRUE(certs
                  .set_claims({{silver, {{silver, "plastic_free_packaging", "supplier letter"}}},
                               {gold, {{gold, "plastic_free_packaging", "supplier letter"}}}})
                  .ok());
  EXPECT_EQ(eco_of("silver-ring").first, "plastic_free_packaging");
  EXPECT_EQ(eco_of("gold-ring").first, "plastic_free_packaging");
  EXPECT_EQ(store_changes, changes + 1);
}

TEST_F(CertificationTest, ALowScoreIsRefusedAndARefusalNeedsAReason) {
  const auto id = ready_application(40);
  EXPECT_EQ(certs.decide(id, auditor(), Decision::issue, "").error().code, "score_too_low");
  EXPECT_EQ(certs.decide(id, auditor(), Decision::refuse, " ").error().field, "reason");
  EXPECT_EQ(certs.decide(id, auditor(), Decision::refuse, "score 40 is below 50").value(), "");
  EXPECT_EQ(certs.dossier(id)->application.status, ApplicationStatus::refused);
  // A new application starts afresh.
  EXPECT_NE(certs.open_application(1).value().application.id, id);
}

TEST_F(CertificationTest, PublishedVersionsNeverChangeDraftsDo) {
  EXPECT_EQ(certs.save_criterion(1, first_scheme().criteria[0]).error().code, "scheme_published");
  const int draft = certs.new_draft().value();
  EXPECT_EQ(draft, 2);
  EXPECT_EQ(certs.new_draft().error().code, "draft_exists");
  auto c = first_scheme().criteria[3];
  c.weight = 30;  // 105 in all: saved, but not publishable
  ASSERT_TRUE(certs.save_criterion(draft, c).ok());
  EXPECT_EQ(certs.publish(draft).error().code, "weights_not_100");
  auto energy = first_scheme().criteria[6];
  energy.weight = 10;
  ASSERT_TRUE(certs.save_criterion(draft, energy).ok());
  ASSERT_TRUE(certs.publish(draft).ok());
  EXPECT_EQ(certs.published()->version, 2);
  EXPECT_EQ(certs.scheme(1)->criteria[3].weight, 25);  // version 1 unchanged
}

}  // namespace brilliant::certification
