#include "ops/inventory.hpp"

#include <algorithm>
#include <regex>

#include "db/database.hpp"

#include "media/blob_store.hpp"

namespace brilliant::ops {

namespace {

// Every column that holds a blob's address. A new table with blobs adds itself here; the unit test
// checks each column exists, and `brilliant check` then finds any blob missing from the store.
constexpr std::pair<const char*, const char*> blob_columns[] = {
    {"product_photos", "original_hash"},
    {"photo_renditions", "hash"},
    {"application_files", "hash"},
    {"application_files", "preview_hash"},
    {"public_blobs", "hash"},
    {"workshop_photos", "original_hash"},
    {"cert_evidence", "hash"},
    {"item_photos", "hash"},
    {"item_photos", "thumb_hash"},
    {"packing_photos", "hash"},
    {"packing_photos", "thumb_hash"},
    {"product_spin_frames", "hash"},
};

void add_hashes_in(const std::string& text, std::vector<std::string>& out) {
  static const std::regex hash("[0-9a-f]{64}");
  for (std::sregex_iterator it(text.begin(), text.end(), hash), end; it != end; ++it)
    out.push_back(it->str());
}

}  // namespace

std::vector<std::string> table_names(soci::session& s) {
  const char* sql =
      s.get_backend_name() == "sqlite3"
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
          : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename";
  std::vector<std::string> names;
  soci::rowset<std::string> rows = (s.prepare << sql);
  for (const auto& name : rows) names.push_back(name);
  return names;
}

std::vector<TableCount> count_rows(soci::session& s) {
  std::vector<TableCount> counts;
  for (const auto& table : table_names(s)) {
    long long rows = 0;
    // Names come from the catalog itself, never from input.
    s << "SELECT COUNT(*) FROM \"" + table + "\"", soci::into(rows);
    counts.push_back({table, rows});
  }
  return counts;
}

long long schema_version(soci::session& s) {
  long long version = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_ok ? version : 0;
}

std::vector<std::string> referenced_blobs(soci::session& s) {
  std::vector<std::string> hashes;
  for (const auto& [table, column] : blob_columns) {
    soci::rowset<std::string> rows = (s.prepare << std::string("SELECT DISTINCT ") + column + " FROM " +
                                                       table + " WHERE " + column + " <> ''");
    for (const auto& hash : rows)
      if (media::valid_hash(hash)) hashes.push_back(hash);
  }
  {  // a workshop photo's renditions are a JSON list; the brand's logo is a setting
    soci::rowset<std::string> rows = (s.prepare << "SELECT renditions FROM workshop_photos");
    for (const auto& json : rows) add_hashes_in(json, hashes);
    soci::rowset<std::string> logo = (s.prepare << "SELECT value FROM brand_settings WHERE key = 'logo'");
    for (const auto& hash : logo)
      if (media::valid_hash(hash)) hashes.push_back(hash);
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

}  // namespace brilliant::ops
