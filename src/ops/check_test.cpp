#include "ops/check.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "ops/testing.hpp"

namespace brilliant::ops {
namespace {

namespace fs = std::filesystem;

TEST(CheckInstallation, AWholeInstallationHasNoProblems) {
  Installation live;
  live.add_public_blob("a photo");
  live.set_logo("a logo");
  const auto report = check_installation(*live.database, live.places.blob_root);
  EXPECT_TRUE(report.ok()) << report.problems.front();
  EXPECT_EQ(report.blobs, 2);
  EXPECT_GT(report.tables, 40);
  EXPECT_GE(report.rows, 3);
}

TEST(CheckInstallation, NamesAMissingAndAChangedBlob) {
  Installation live;
  const auto lost = live.add_public_blob("lost");
  const auto changed = live.set_logo("changed");
  fs::remove(live.places.blob_root / lost.substr(0, 2) / lost.substr(2));
  std::ofstream(live.places.blob_root / changed.substr(0, 2) / changed.substr(2), std::ios::app) << "!";
  const auto report = check_installation(*live.database, live.places.blob_root);
  ASSERT_EQ(report.problems.size(), 2u);
  const auto all = report.problems[0] + report.problems[1];
  EXPECT_NE(all.find("blob " + lost + " is referenced but missing"), std::string::npos);
  EXPECT_NE(all.find("blob " + changed + " does not match its hash"), std::string::npos);
}

TEST(CheckInstallation, FindsARowWhoseForeignKeyPointsNowhere) {
  Installation live;
  // As an old database with foreign keys off could have been written (the pragma is outside a transaction).
  live.database->read([](soci::session& s) {
    s << "PRAGMA foreign_keys = OFF";
    s << "INSERT INTO workshop_photos (workshop_id, original_hash, renditions, created_at) VALUES (999, '', "
         "'[]', "
         "'2026-11-29T00:00:00Z')";
    s << "PRAGMA foreign_keys = ON";
  });
  const auto report = check_installation(*live.database, live.places.blob_root);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.problems[0].find("workshop_photos"), std::string::npos);
  EXPECT_NE(report.problems[0].find("workshops"), std::string::npos);
}

}  // namespace
}  // namespace brilliant::ops
