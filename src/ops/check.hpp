// `brilliant check` (issue 15): is the installation whole? The database's own integrity (SQLite's
// integrity_check and foreign_key_check; PostgreSQL enforces its constraints as it writes) and every blob
// a row refers to present in the store with the bytes its name promises.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "db/fwd.hpp"

namespace brilliant::ops {

struct CheckReport {
  std::vector<std::string> problems;  // empty: all is well
  long long tables = 0, rows = 0, blobs = 0;
  bool ok() const { return problems.empty(); }
};

CheckReport check_installation(db::Database& database, const std::filesystem::path& blob_root);

}  // namespace brilliant::ops
