#include "certification/repo.hpp"

#include <gtest/gtest.h>

#include "db/testing.hpp"

namespace brilliant::certification {

class CertificationRepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('moon', "
           "'달빛 공방', "
           "'Moon Atelier', 'active', 'x', 'x')";
      s << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('sun', '햇살 "
           "공방', "
           "'Sun Atelier', 'active', 'x', 'x')";
      auto scheme = first_scheme();
      scheme.published = true;
      repo::insert_scheme(s, scheme, "2026-11-29T00:00:00Z");
    });
  }
  long long certify(long long workshop, const std::string& number, CertificateStatus status, int level) {
    return db->write([&](soci::session& s) {
      const auto app = repo::insert_application(s, workshop, 1, "t");
      Certificate c;
      c.number = number;
      c.workshop.id = workshop;
      c.application_id = app;
      c.version = 1;
      c.level = level;
      c.scope = "은 반지";
      c.claims = {"recycled_silver"};
      c.status = status;
      c.status_index = repo::next_status_index(s);
      c.valid_from = "2026-11-29T00:00:00Z";
      c.valid_until = "2029-11-29T00:00:00Z";
      c.credential = "{}";
      c.credential_sha256 = std::string(64, 'a');
      c.created_at = "t";
      return repo::insert_certificate(s, c);
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
};

TEST_F(CertificationRepoTest, TheSchemeReadsBackWithItsCriteriaInOrder) {
  auto s = db->read([](soci::session& sql) { return repo::latest_published(sql); });
  ASSERT_TRUE(s);
  EXPECT_EQ(s->criteria.size(), first_scheme().criteria.size());
  EXPECT_EQ(s->criteria.front().code, "legal_compliance");
  EXPECT_EQ(s->criteria[3].claims, (std::vector<std::string>{"recycled_silver", "recycled_gold"}));
}

TEST_F(CertificationRepoTest, TheRegistryFindsByNameNumberOrScopeActiveFirst) {
  certify(1, "ECO-AAAA-AAAA", CertificateStatus::withdrawn, 3);
  certify(2, "ECO-BBBB-BBBB", CertificateStatus::active, 1);
  const auto all = db->read([](soci::session& s) { return repo::registry(s, "", 10); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].number, "ECO-BBBB-BBBB");  // active before withdrawn
  EXPECT_EQ(db->read([](soci::session& s) { return repo::registry(s, "moon", 10); }).size(), 1u);
  EXPECT_EQ(db->read([](soci::session& s) { return repo::registry(s, "eco-bbbb", 10); }).size(), 1u);
  EXPECT_EQ(db->read([](soci::session& s) { return repo::registry(s, "햇살", 10); }).size(), 1u);
  EXPECT_EQ(db->read([](soci::session& s) { return repo::registry(s, "nothing", 10); }).size(), 0u);
  // Status indexes are distinct and the lists name them by status.
  const auto withdrawn = db->read([](soci::session& s) { return repo::status_indexes(s, "withdrawn"); });
  const auto active = db->read([](soci::session& s) { return repo::status_indexes(s, "active"); });
  ASSERT_EQ(withdrawn.size(), 1u);
  ASSERT_EQ(active.size(), 1u);
  EXPECT_NE(withdrawn[0], active[0]);
}

TEST_F(CertificationRepoTest, AnswersAreUpsertedSelfAndAuditApart) {
  db->write([](soci::session& s) {
    const auto app = repo::insert_application(s, 1, 1, "t");
    repo::save_self_answer(s, app, {"energy", 70, "solar", -1, ""});
    repo::save_audit_answer(s, app, {"energy", 0, "", 60, "bills"});
    repo::save_self_answer(s, app, {"energy", 75, "solar+", -1, ""});
  });
  const auto answers = db->read([](soci::session& s) { return repo::answers(s, 1); });
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].self_score, 75);
  EXPECT_EQ(answers[0].self_note, "solar+");
  EXPECT_EQ(answers[0].audit_score, 60);
  EXPECT_EQ(answers[0].audit_note, "bills");
}

}  // namespace brilliant::certification
