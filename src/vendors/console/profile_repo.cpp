#include "vendors/console/profile_repo.hpp"

namespace brilliant::vendors::repo {

void save_profile(soci::session& sql, long long workshop_id, const Profile& p, const std::string& now) {
  sql << "UPDATE workshops SET name_en = :ne, story_ko = :sk, story_en = :se, location = :l, location_en = "
         ":le, specialities = :s, specialities_en = :se2, founded = :f, updated_at = :now WHERE id = :id",
      soci::use(p.name_en), soci::use(p.story_ko), soci::use(p.story_en), soci::use(p.location),
      soci::use(p.location_en), soci::use(p.specialities), soci::use(p.specialities_en), soci::use(p.founded),
      soci::use(now), soci::use(workshop_id);
}

long long workshop_photo_count(soci::session& sql, long long workshop_id) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM workshop_photos WHERE workshop_id = :w", soci::use(workshop_id),
      soci::into(count);
  return count;
}

void add_workshop_photo(soci::session& sql, long long workshop_id, const std::string& original_hash,
                        const std::string& renditions_json, const std::string& alt_ko,
                        const std::string& alt_en, const std::string& now) {
  sql << "INSERT INTO workshop_photos (workshop_id, original_hash, renditions, alt_ko, alt_en, created_at) "
         "VALUES (:w, :h, :r, :ak, :ae, :now) ON CONFLICT (workshop_id, original_hash) DO NOTHING",
      soci::use(workshop_id), soci::use(original_hash), soci::use(renditions_json), soci::use(alt_ko),
      soci::use(alt_en), soci::use(now);
}

Result<void> remove_workshop_photo(soci::session& sql, long long workshop_id, long long photo_id) {
  long long owner = 0;
  sql << "SELECT workshop_id FROM workshop_photos WHERE id = :id", soci::use(photo_id), soci::into(owner);
  if (!sql.got_data() || owner != workshop_id) return Error::not_found("photo");
  sql << "DELETE FROM workshop_photos WHERE id = :id", soci::use(photo_id);
  return {};
}

}  // namespace brilliant::vendors::repo
