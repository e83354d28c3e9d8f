// `brilliant migrate-to postgresql://...` (issue 16): moves a hub from SQLite to PostgreSQL. The target is
// migrated to the same schema, then every table the two share is copied in one transaction (parents
// before the tables that refer to them, identity counters moved past the copied ids), and each table's
// row count and checksum are compared on both sides. A target that already holds people or orders is
// refused before anything is written. The source may keep serving: it is read in one transaction (one
// consistent snapshot), but changes made after that are not copied, so stop the node for the move itself.
#pragma once
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/fwd.hpp"

namespace brilliant::ops {

struct TableCopy {
  std::string table;
  long long source_rows = 0, target_rows = 0;
  std::string source_checksum, target_checksum;
  bool matches() const { return source_rows == target_rows && source_checksum == target_checksum; }
};

struct CopyReport {
  std::vector<TableCopy> tables;
  std::vector<std::string> skipped;  // the source's own (SQLite's search index) or passing state
  bool ok() const;
};

// A table's rows and an order-independent checksum of its contents (every value as text, NULL apart):
// the SHA-256 of its rows' sorted SHA-256s, as hex. The same data gives the same checksum on either
// backend.
std::pair<long long, std::string> table_checksum(soci::session& s, const std::string& table,
                                                 const std::vector<std::string>& columns);

// Tables ordered so that each comes after those its foreign keys name (SQLite's schema). A reference that
// goes round (fulfilments -> order_returns -> fulfilments) or to the table itself cannot be satisfied by
// order: its columns are `deferred`, copied as NULL first and filled in once every table is there.
struct CopyOrder {
  std::vector<std::string> tables;
  std::map<std::string, std::set<std::string>> deferred;  // table -> its columns filled in last
};
CopyOrder copy_order(soci::session& sqlite, const std::vector<std::string>& tables);

Result<CopyReport> copy_database(db::Database& from, db::Database& to,
                                 const std::filesystem::path& migrations);

}  // namespace brilliant::ops
