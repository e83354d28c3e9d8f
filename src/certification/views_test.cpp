#include "certification/views.hpp"

#include <gtest/gtest.h>

namespace brilliant::certification {

const Text t = [](const std::string& key) { return "<" + key + ">"; };

TEST(Views, CertificatesShowPublicFactsAndLinks) {
  Certificate c;
  c.number = "ECO-ABCD-EFGH";
  c.workshop = {1, "moon", "달빛 공방", "Moon Atelier"};
  c.level = 2;
  c.status = CertificateStatus::suspended;
  c.claims = {"recycled_silver"};
  c.valid_until = "2029-11-28T20:00:00Z";
  c.credential = "{secret inputs}";
  const auto o = certificate_json(c, true, t);
  EXPECT_EQ(o.at("workshop").at("name").as_string(), "Moon Atelier");
  EXPECT_EQ(o.at("stars").as_string(), "★★☆");
  EXPECT_TRUE(o.at("is_suspended").as_bool());
  EXPECT_EQ(o.at("status_text").as_string(), "<certification.status.suspended>");
  EXPECT_EQ(o.at("valid_until").as_string(), "2029-11-29");  // the date in Korea
  EXPECT_EQ(o.at("qr_svg").as_string(), "/certificates/ECO-ABCD-EFGH/qr.svg");
  EXPECT_FALSE(o.contains("credential"));
  EXPECT_EQ(certificate_json(c, false, t).at("workshop").at("name").as_string(), "달빛 공방");
}

TEST(Views, ADossierMergesAnswersAndFilesIntoItsCriteria) {
  Dossier d;
  d.scheme = first_scheme();
  d.answers = {{"energy", 70, "solar panels", 60, "bills checked"}};
  d.evidence = {{5, 1, "energy", "bill.pdf", "application/pdf", std::string(64, 'a'), 2048, 2, 3, "x"}};
  d.nonconformities = {{9, 1, "wastewater", "major", "no results", "2026-12-31", "", "", "", "x"}};
  const auto o = dossier_json(d, false, t);
  const auto& criteria = o.at("criteria").as_array();
  ASSERT_EQ(criteria.size(), d.scheme.criteria.size());
  const auto& energy = criteria.at(6).as_object();
  EXPECT_EQ(energy.at("code").as_string(), "energy");
  EXPECT_EQ(energy.at("self_score").as_int64(), 70);
  EXPECT_EQ(energy.at("audit_score").as_int64(), 60);
  EXPECT_EQ(energy.at("files").as_array().at(0).at("url").as_string(), "/certification/evidence/5");
  EXPECT_TRUE(criteria.at(0).at("audit_score").is_null());
  EXPECT_TRUE(o.at("open_major").as_bool());
  EXPECT_TRUE(o.at("is_draft").as_bool());
}

TEST(Views, PublicEvidenceNeverNamesFiles) {
  const auto list =
      public_evidence_json({{5, 1, "energy", "secret bill.pdf", "application/pdf", "ab", 10, 1, 3, "x"}}, t);
  EXPECT_EQ(list.at(0).at("sha256").as_string(), "ab");
  EXPECT_FALSE(list.at(0).as_object().contains("name"));
  EXPECT_FALSE(list.at(0).as_object().contains("url"));
  EXPECT_EQ(stars(0), "☆☆☆");
}

}  // namespace brilliant::certification
