#include "certification/repo_testing.hpp"

namespace brilliant::certification {

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

}  // namespace brilliant::certification
