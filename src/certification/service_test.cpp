#include "certification/service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <vips/vips8>

#include "certification/credential.hpp"
#include "db/testing.hpp"
#include "mail/outbox.hpp"
#include "media/blob_store.hpp"
#include "media/vips_buffer.hpp"
#include "trust/log.hpp"
#include "trust/verify.hpp"

namespace brilliant::certification {
using namespace std::chrono_literals;

std::string png() {
  auto image = vips::VImage::black(40, 30).new_from_image(std::vector<double>{200, 180, 40});
  return media::encode_image(image.cast(VIPS_FORMAT_UCHAR), ".png");
}

class CertificationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('moon', "
           "'달빛 공방', "
           "'Moon Atelier', 'active', 'x', 'x')";
      for (const char* who : {"maker", "auditor", "other"})
        s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('" << who
          << "@x.example', '" << who << "', 'h', 'x', 'x')";
      s << "INSERT INTO user_roles (user_id, role, workshop_id, created_at) VALUES (1, 'vendor_staff', 1, "
           "'x')";
      s << "INSERT INTO user_roles (user_id, role, created_at) VALUES (2, 'auditor', 'x')";
      for (const char* metal : {"silver", "gold"})
        s << "INSERT INTO products (workshop_id, slug, status, category, title_ko, title_en, metal, purity, "
             "colour, "
             "weight_mg, pricing, created_at, updated_at) VALUES (1, '"
          << metal << "-ring', 'published', 'ring', '반지', 'Ring', '" << metal << "', 925, 'white', 3000, "
          << "'formula', 'x', 'x')";
    });
    certs.ensure_scheme();
    certs.on_store_change([this] { ++store_changes; });
  }
  void TearDown() override { std::filesystem::remove_all(blob_dir); }

  web::Principal auditor() const {
    web::Principal p;
    p.user_id = 2;
    p.roles = static_cast<uint32_t>(web::Role::auditor);
    return p;
  }

  // A draft assessed, evidenced, submitted and scored at `scored` % on each scored criterion.
  long long ready_application(int scored) {
    auto d = certs.open_application(1).value();
    std::vector<Answer> answers;
    for (const auto& c : d.scheme.criteria) answers.push_back({c.code, 90, "note", -1, ""});
    EXPECT_TRUE(certs.save_self_assessment(1, answers, "은 반지", 3).ok());
    for (const auto& c : d.scheme.criteria)
      if (c.kind == CriterionKind::baseline) {
        EXPECT_TRUE(certs.add_evidence(1, c.code, "proof.png", image).ok());
      }
    EXPECT_TRUE(certs.submit(1).ok());
    for (const auto& c : d.scheme.criteria)
      EXPECT_TRUE(certs
                      .score(d.application.id, auditor(), c.code,
                             c.kind == CriterionKind::baseline ? 100 : scored, "")
                      .ok());
    return d.application.id;
  }

  std::pair<std::string, std::string> eco_of(const char* slug) {
    return db->read([&](soci::session& s) {
      std::string claims, number;
      const std::string key(slug);
      s << "SELECT eco_claims, eco_certificate FROM products WHERE slug = :s", soci::use(key),
          soci::into(claims), soci::into(number);
      return std::pair{claims, number};
    });
  }

  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  std::filesystem::path blob_dir = std::filesystem::temp_directory_path() / ("cert-blobs-" + random_token(6));
  media::FolderBlobStore blobs{blob_dir};
  FixedClock clock{TimePoint{} + 24h * 365 * 57};
  trust::KeyPair key = trust::new_key();
  Certification certs{*db, blobs, clock, Issuer{"https://b.example", "did:web:b.example", key}};
  trust::TransparencyLog log{*db, key, "b.example/log"};
  std::string image = png();
  int store_changes = 0;
};

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
}

TEST_F(CertificationTest, SuspensionAndWithdrawalTakeClaimsOutOfTheStoreAtOnce) {
  const auto number = certs.decide(ready_application(90), auditor(), Decision::issue, "").value();
  const auto silver = certs.product_brief(std::string("silver-ring"))->id;
  ASSERT_TRUE(certs.set_claims(silver, {{silver, "cyanide_free_plating", "bath MSDS 2026"}}).ok());
  EXPECT_EQ(certs.change_status(number, StatusAction::suspend, "", 2).error().field, "reason");
  auto c = certs.change_status(number, StatusAction::suspend, "plating wastewater over the limit", 2).value();
  EXPECT_EQ(c.status, CertificateStatus::suspended);
  EXPECT_FALSE(c.suspended_until.empty());
  EXPECT_EQ(eco_of("silver-ring").first, "");
  EXPECT_EQ(decode_status_list(std::string(boost::json::parse(certs.status_list("suspension").value())
                                               .at("credentialSubject")
                                               .at("encodedList")
                                               .as_string()))
                .value(),
            std::vector<long long>{c.status_index});
  ASSERT_TRUE(certs.change_status(number, StatusAction::reinstate, "new lab results within limits", 2).ok());
  EXPECT_EQ(eco_of("silver-ring").first, "cyanide_free_plating");
  ASSERT_TRUE(certs.change_status(number, StatusAction::withdraw, "false claims found", 2).ok());
  EXPECT_EQ(eco_of("silver-ring").first, "");
  EXPECT_EQ(certs.change_status(number, StatusAction::reinstate, "x", 2).error().kind, ErrorKind::conflict);
  const auto history = certs.events(c.id);
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(history[1].kind, "suspended");
  EXPECT_EQ(history[1].reason, "plating wastewater over the limit");
  // Every event is in the log; the proof names the latest.
  EXPECT_TRUE(
      trust::verify_credential(c.credential, certs.proof_bundle(c, log).value(), trust::public_multikey(key))
          .ok());
}

TEST_F(CertificationTest, HousekeepingRemindsThenExpires) {
  const auto number = certs.decide(ready_application(70), auditor(), Decision::issue, "").value();
  EXPECT_EQ(certs.certificate(number)->level, 2);
  const auto mails = [&] { return db->read([](soci::session& s) { return mail::recent(s, 50).size(); }); };
  clock.advance(std::chrono::duration_cast<std::chrono::seconds>(24h * (365 * 3 - 80)));
  EXPECT_EQ(certs.housekeeping(), 0);
  EXPECT_EQ(mails(), 1u);  // 90 days before
  certs.housekeeping();
  EXPECT_EQ(mails(), 1u);  // not twice
  clock.advance(std::chrono::duration_cast<std::chrono::seconds>(24h * 60));
  certs.housekeeping();
  EXPECT_EQ(mails(), 2u);  // 30 days before
  clock.advance(std::chrono::duration_cast<std::chrono::seconds>(24h * 30));
  EXPECT_EQ(certs.housekeeping(), 1);
  EXPECT_EQ(certs.certificate(number)->status, CertificateStatus::expired);
  EXPECT_EQ(certs.events(certs.certificate(number)->id).back().kind, "expired");
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
