#include "app/seed_certification.hpp"

#include <gtest/gtest.h>

#include "app/seed_catalog.hpp"
#include "db/testing.hpp"
#include "media/blob_store.hpp"

namespace brilliant::app {

TEST(SeedCertification, ThreeLevelsOneSuspendedOneWaitingAndClaimsOnce) {
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{} + std::chrono::hours(24 * 365 * 57)};
  catalog::Catalog catalog(*db, clock, [](const std::string&, const std::string& key) { return key; });
  pricing::Quotes quotes(*db, clock, [&] { catalog.refresh(); });
  ASSERT_EQ(seed_catalog(*db, catalog, quotes, clock, 120), 120);
  db->write([](soci::session& s) {
    s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES "
         "('auditor@b.example', "
         "'Auditor', 'h', 'x', 'x')";
  });
  const auto blobs_dir = std::filesystem::temp_directory_path() / ("seed-cert-" + random_token(6));
  media::FolderBlobStore blobs(blobs_dir);
  certification::Certification certs(*db, blobs, clock,
                                     {"http://x.example", "did:web:x.example", trust::new_key()});
  certs.ensure_scheme();
  EXPECT_EQ(seed_certification(*db, certs, "auditor@b.example"), 4);
  EXPECT_EQ(seed_certification(*db, certs, "auditor@b.example"), 0);  // not twice
  std::map<int, int> levels;
  int suspended = 0;
  for (const auto& c : certs.registry("")) {
    if (c.status == certification::CertificateStatus::active) ++levels[c.level];
    suspended += c.status == certification::CertificateStatus::suspended;
  }
  EXPECT_EQ(levels, (std::map<int, int>{{1, 1}, {2, 1}, {3, 1}}));
  EXPECT_EQ(suspended, 1);
  EXPECT_EQ(certs.queue().size(), 1u);
  // Claims show only for pieces of active certificates.
  const long long shown = db->read([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM products WHERE eco_claims <> ''", soci::into(n);
    return n;
  });
  EXPECT_GT(shown, 10);
  std::filesystem::remove_all(blobs_dir);
}

}  // namespace brilliant::app
