// Running it for real (issue 15) over HTTP: the operator's page, its API and /metrics carry the last
// scheduled backup, on both databases (PostgreSQL's through pg_dump of the shared test database).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>

#include "core/secret.hpp"
#include "http/harness.hpp"
#include "ops/backup.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

struct BackupHttp : ServerTest {
  fs::path dir = fs::temp_directory_path() / ("brilliant-backups-" + random_token(6));
  void configure(app::Config& config) override { config.backup.dir = dir; }
  static std::string page_of(HttpClient& op) { return op.get("/en/operator").body; }
  void TearDown() override {
    ServerTest::TearDown();
    fs::remove_all(dir);
  }
};

TEST_F(BackupHttp, TheOperatorSeesTheLastBackupAndMetricsCarryIt) {
  app->backups().tick();  // the schedule's thread may have taken it already; either way one exists now
  auto op = logged_in(web::Role::operator_);
  const auto todo = json::parse(op->get("/api/v1/operator/todo").body);
  const auto& backup = todo.at("backup").as_object();
  EXPECT_EQ(backup.at("configured"), true);
  // On SQLite every test has a fresh database and blob folder, so the backup is whole. The PostgreSQL
  // database is shared by every test, each with a blob folder of its own: after others ran this one lacks
  // their blobs, and the backup says so (and is still taken), which is what the operator must see then.
  const bool whole = backup.at("last_ok").as_bool();
  const char* backend = std::getenv("BRILLIANT_TEST_BACKEND");
  if (!backend || std::string(backend) != "pg") {
    EXPECT_TRUE(whole) << json::serialize(backup);
  }
  if (!whole) {
    EXPECT_NE(json::value_to<std::string>(backup.at("error")).find("missing from the store"),
              std::string::npos);
    EXPECT_NE(page_of(*op).find("missing from the store"), std::string::npos);
  }
  EXPECT_EQ(json::value_to<std::string>(backup.at("last_success_at")), format_utc(clock->now()));
  const fs::path folder = json::value_to<std::string>(backup.at("folder"));
  EXPECT_EQ(folder.parent_path(), dir);
  EXPECT_TRUE(ops::verify_backup(folder).empty());
  const auto page = op->get("/en/operator");
  EXPECT_NE(page.body.find("id=\"backup-last\""), std::string::npos);
  EXPECT_NE(page.body.find(folder.filename().string()), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"backup-error\"") != std::string::npos, !whole);
  const auto metrics = client()->get("/metrics").body;
  EXPECT_NE(metrics.find("brilliant_backup_configured 1\n"), std::string::npos);
  EXPECT_NE(metrics.find(std::string("brilliant_backup_last_ok ") + (whole ? "1" : "0") + "\n"),
            std::string::npos);
  EXPECT_EQ(metrics.find("brilliant_backup_last_success_seconds 0\n"), std::string::npos);
}

using NoBackupHttp = ServerTest;

TEST_F(NoBackupHttp, TheOperatorIsToldScheduledBackupsAreOff) {
  auto op = logged_in(web::Role::operator_);
  const auto todo = json::parse(op->get("/api/v1/operator/todo").body);
  EXPECT_EQ(todo.at("backup").at("configured"), false);
  EXPECT_NE(op->get("/operator").body.find("id=\"backup-off\""), std::string::npos);
  EXPECT_NE(client()->get("/metrics").body.find("brilliant_backup_configured 0\n"), std::string::npos);
}

}  // namespace
}  // namespace brilliant::test
