#include "certification/repo_testing.hpp"

namespace brilliant::certification {

TEST_F(CertificationRepoTest, TheSchemeReadsBackWithItsCriteriaInOrder) {
  auto s = db->read([](soci::session& sql) { return repo::latest_published(sql); });
  ASSERT_TRUE(s);
  EXPECT_EQ(s->criteria.size(), first_scheme().criteria.size());
  EXPECT_EQ(s->criteria.front().code, "legal_compliance");
  EXPECT_EQ(s->criteria[3].claims, (std::vector<std::string>{"recycled_silver", "recycled_gold"}));
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
