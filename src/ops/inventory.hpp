// What a database holds, for backups and checks (issue 15): its tables with their row counts, the
// last migration applied, and every blob (photo, rendition, document, logo) a row refers to. Read in
// whatever transaction the caller's session is in, so a backup's counts match its snapshot.
#pragma once
#include <string>
#include <vector>

#include "db/fwd.hpp"

namespace brilliant::ops {

struct TableCount {
  std::string table;
  long long rows = 0;
};

// The database's own tables, by name (SQLite's virtual tables left out; their shadow tables are listed).
std::vector<std::string> table_names(soci::session& s);
std::vector<TableCount> count_rows(soci::session& s);
long long schema_version(soci::session& s);
// Sorted, without repeats; only well-formed hashes (64 lower-case hex digits).
std::vector<std::string> referenced_blobs(soci::session& s);

}  // namespace brilliant::ops
