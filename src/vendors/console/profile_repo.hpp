// The workshop profile's rows: its public texts in `workshops` and its photos in `workshop_photos`.
// Called inside the caller's transaction (db::Database::read/write).
#pragma once
#include <string>

#include "core/result.hpp"
#include "db/database.hpp"
#include "vendors/console/profile.hpp"

namespace brilliant::vendors::repo {

void save_profile(soci::session& sql, long long workshop_id, const Profile& profile, const std::string& now);
long long workshop_photo_count(soci::session& sql, long long workshop_id);
// Keeps the photo once per workshop and original (a second upload of the same file changes nothing).
void add_workshop_photo(soci::session& sql, long long workshop_id, const std::string& original_hash,
                        const std::string& renditions_json, const std::string& alt_ko,
                        const std::string& alt_en, const std::string& now);
// Not found unless the photo is the workshop's own.
Result<void> remove_workshop_photo(soci::session& sql, long long workshop_id, long long photo_id);

}  // namespace brilliant::vendors::repo
