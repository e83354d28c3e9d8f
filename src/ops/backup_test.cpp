#include "ops/backup.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/clock.hpp"
#include "ops/testing.hpp"

namespace brilliant::ops {
namespace {

namespace fs = std::filesystem;

struct BackupTest : ::testing::Test {
  Installation live;
  FixedClock clock{parse_time("2026-11-29T18:00:00Z")};
  fs::path root = live.dir / "backups";

  static TimePoint parse_time(const std::string& text) {
    TimePoint t;
    EXPECT_TRUE(parse_utc(text, t));
    return t;
  }
  long long rows_in(const Places& places, const std::string& table) {
    auto database = db::Database::open(places.database_url, 1);
    long long rows = 0;
    database->read([&](soci::session& s) { s << "SELECT COUNT(*) FROM " + table, soci::into(rows); });
    return rows;
  }
};

TEST_F(BackupTest, ManifestSaysWhatWasTakenAndReadsBack) {
  const auto photo = live.add_public_blob("photo bytes");
  const auto logo = live.set_logo("logo bytes");
  const auto report = take_backup(*live.database, live.places, root, clock);
  EXPECT_EQ(report.folder, root / "20261129T180000Z");
  EXPECT_EQ(report.blobs_copied, 2);
  const auto& m = report.manifest;
  EXPECT_EQ(m.backend, "sqlite");
  EXPECT_EQ(m.created_at, "2026-11-29T18:00:00Z");
  EXPECT_GE(m.schema, 25);
  EXPECT_EQ(m.rows("public_blobs"), 1);
  EXPECT_EQ(m.rows("no_such_table"), -1);
  EXPECT_EQ(m.blobs, (std::vector<std::string>{std::min(photo, logo), std::max(photo, logo)}));
  ASSERT_EQ(m.files.size(), 2u);
  EXPECT_EQ(m.files[1].name, "issuer.key");
  EXPECT_EQ(m.files[1].sha256, file_sha256(live.places.issuer_key));

  const auto again = parse_manifest(manifest_json(m));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->blobs, m.blobs);
  EXPECT_EQ(again->rows("public_blobs"), 1);
  EXPECT_EQ(again->files[0].sha256, m.files[0].sha256);
  EXPECT_EQ(again->files[0].bytes, static_cast<long long>(fs::file_size(report.folder / "database.sqlite")));
  EXPECT_TRUE(verify_backup(report.folder).empty());
}

TEST_F(BackupTest, AManifestThatIsNotOursOrWalksOutOfTheFolderIsRefused) {
  EXPECT_FALSE(parse_manifest("{}"));
  EXPECT_FALSE(parse_manifest("not json"));
  Manifest m;
  m.backend = "sqlite";
  m.files.push_back({"../../etc/passwd", std::string(64, 'a'), 1});
  EXPECT_FALSE(parse_manifest(manifest_json(m)));
  m.files.clear();
  m.blobs.push_back("../x");
  EXPECT_FALSE(parse_manifest(manifest_json(m)));
}

TEST_F(BackupTest, RestoresIntoAnEmptyPlaceWithEveryRowAndBlob) {
  const auto photo = live.add_public_blob("photo bytes");
  take_backup(*live.database, live.places, root, clock);
  // Written after the snapshot: not in it.
  live.add_public_blob("later bytes");
  const auto to = live.elsewhere("restored");
  const auto restored = restore_backup(root, to);
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_EQ(rows_in(to, "public_blobs"), 1);
  EXPECT_EQ(file_sha256(to.blob_root / photo.substr(0, 2) / photo.substr(2)), photo);
  EXPECT_EQ(file_sha256(to.issuer_key), file_sha256(live.places.issuer_key));
  // A second restore into the same place is refused: it is no longer empty.
  const auto twice = restore_backup(root, to);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().field, "db");
}

TEST_F(BackupTest, ADamagedBackupIsRefusedAndNothingIsWritten) {
  const auto photo = live.add_public_blob("photo bytes");
  const auto report = take_backup(*live.database, live.places, root, clock);
  std::ofstream(root / "blobs" / photo.substr(0, 2) / photo.substr(2), std::ios::app) << "x";
  const auto problems = verify_backup(report.folder);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find(photo), std::string::npos);
  const auto to = live.elsewhere("restored");
  const auto restored = restore_backup(report.folder, to);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().code, "backup_damaged");
  EXPECT_FALSE(fs::exists(to.database_url.substr(7)));
  EXPECT_FALSE(fs::exists(to.blob_root));
}

TEST_F(BackupTest, AChangedDatabaseFileIsRefused) {
  const auto report = take_backup(*live.database, live.places, root, clock);
  std::ofstream(report.folder / "database.sqlite", std::ios::app) << "tampered";
  const auto problems = verify_backup(report.folder);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "database.sqlite does not match its checksum");
}

TEST_F(BackupTest, ANonEmptyBlobFolderIsRefused) {
  take_backup(*live.database, live.places, root, clock);
  auto to = live.elsewhere("restored");
  media::FolderBlobStore(to.blob_root).put("something already here");
  const auto restored = restore_backup(root, to);
  ASSERT_FALSE(restored);
  EXPECT_EQ(restored.error().field, "blobs");
}

TEST_F(BackupTest, LaterSnapshotsCopyOnlyNewBlobsAndPruningKeepsWhatTheyNeed) {
  const auto first = live.add_public_blob("first");
  take_backup(*live.database, live.places, root, clock);
  clock.advance(std::chrono::hours(24));
  const auto second = live.add_public_blob("second");
  const auto report = take_backup(*live.database, live.places, root, clock);
  EXPECT_EQ(report.blobs_copied, 1);
  EXPECT_EQ(report.manifest.blobs.size(), 2u);
  // The first blob's row goes; the third snapshot no longer lists it.
  live.database->write(
      [&](soci::session& s) { s << "DELETE FROM public_blobs WHERE hash = :h", soci::use(first); });
  clock.advance(std::chrono::hours(24));
  take_backup(*live.database, live.places, root, clock);
  EXPECT_EQ(prune_backups(root, 1), 2);
  EXPECT_EQ(snapshot_folder(root), root / "20261201T180000Z");
  EXPECT_FALSE(fs::exists(root / "blobs" / first.substr(0, 2) / first.substr(2)));
  EXPECT_TRUE(fs::exists(root / "blobs" / second.substr(0, 2) / second.substr(2)));
  EXPECT_TRUE(verify_backup(snapshot_folder(root)).empty());
}

TEST_F(BackupTest, TwoBackupsInOneSecondGetTwoFolders) {
  const auto a = take_backup(*live.database, live.places, root, clock);
  const auto b = take_backup(*live.database, live.places, root, clock);
  EXPECT_NE(a.folder, b.folder);
  EXPECT_EQ(snapshot_folder(root), b.folder);
}

TEST_F(BackupTest, ABlobTheStoreHasLostIsNamedAndTheRestIsStillSaved) {
  const auto lost = live.add_public_blob("lost bytes");
  const auto kept = live.add_public_blob("kept bytes");
  fs::remove(live.places.blob_root / lost.substr(0, 2) / lost.substr(2));
  const auto report = take_backup(*live.database, live.places, root, clock);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find(lost), std::string::npos);
  EXPECT_EQ(report.manifest.blobs, std::vector<std::string>{kept});
  EXPECT_EQ(report.manifest.rows("public_blobs"), 2);
  EXPECT_TRUE(verify_backup(report.folder).empty());
}

TEST_F(BackupTest, AHalfWrittenSnapshotFromACrashIsNeverTakenForABackupAndIsPruned) {
  const auto whole = take_backup(*live.database, live.places, root, clock);
  fs::create_directories(root / ".partial-abc");
  fs::copy_file(whole.folder / "manifest.json", root / ".partial-abc" / "manifest.json");
  EXPECT_EQ(snapshot_folder(root), whole.folder);
  EXPECT_EQ(prune_backups(root, 5), 0);
  EXPECT_FALSE(fs::exists(root / ".partial-abc"));
  EXPECT_TRUE(verify_backup(whole.folder).empty());
}

}  // namespace
}  // namespace brilliant::ops
