#include "ops/check.hpp"

#include <soci/soci.h>

#include "db/database.hpp"
#include "ops/backup.hpp"
#include "ops/inventory.hpp"

namespace brilliant::ops {

namespace fs = std::filesystem;

namespace {

void check_sqlite(soci::session& s, CheckReport& report) {
  soci::rowset<std::string> integrity = (s.prepare << "PRAGMA integrity_check");
  for (const auto& line : integrity)
    if (line != "ok") report.problems.push_back("integrity_check: " + line);
  soci::rowset<soci::row> orphans = (s.prepare << "PRAGMA foreign_key_check");
  for (const auto& row : orphans)
    report.problems.push_back("foreign key: a row of " + db::row_text(row, 0) + " (rowid " +
                              std::to_string(db::row_int(row, 1)) + ") refers to a missing " +
                              db::row_text(row, 2));
}

}  // namespace

CheckReport check_installation(db::Database& database, const fs::path& blob_root) {
  CheckReport report;
  std::vector<std::string> blobs;
  database.read([&](soci::session& s) {
    if (database.backend() == db::Backend::sqlite) check_sqlite(s, report);
    for (const auto& t : count_rows(s)) {
      ++report.tables;
      report.rows += t.rows;
    }
    blobs = referenced_blobs(s);
  });
  for (const auto& hash : blobs) {
    ++report.blobs;
    const auto path = blob_root / hash.substr(0, 2) / hash.substr(2);
    if (!fs::is_regular_file(path))
      report.problems.push_back("blob " + hash + " is referenced but missing");
    else if (file_sha256(path) != hash)
      report.problems.push_back("blob " + hash + " does not match its hash");
  }
  return report;
}

}  // namespace brilliant::ops
