#include "media/photos.hpp"

#include <cstdio>

namespace brilliant::media {

std::string hex64(uint64_t value) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

Photos::Photos(db::Database& db, BlobStore& blobs, PhotoPipeline& pipeline, const Clock& clock)
    : db_(db), blobs_(blobs), pipeline_(pipeline), clock_(clock) {}

Result<StoredPhoto> Photos::add(long long product_id, std::string bytes, long long user_id,
                                const std::string& alt_ko, const std::string& alt_en) {
  auto processed = TRY(pipeline_.submit(std::move(bytes)).get());
  const auto now = format_utc(clock_.now());
  const auto phash = hex64(processed.perceptual_hash);
  const long long id = db_.write([&](soci::session& sql) {
    long long existing = 0;
    sql << "SELECT id FROM product_photos WHERE product_id = :p AND original_hash = :h",
        soci::use(product_id), soci::use(processed.original_hash), soci::into(existing);
    if (sql.got_data()) return existing;
    int position = 0;
    soci::indicator ind;
    sql << "SELECT MAX(position) + 1 FROM product_photos WHERE product_id = :p", soci::use(product_id),
        soci::into(position, ind);
    if (ind != soci::i_ok) position = 0;
    long long photo = 0;
    soci::indicator user_ind = user_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO product_photos (product_id, position, original_hash, perceptual_hash, width, height, "
           "alt_ko, "
           "alt_en, uploaded_by, created_at) VALUES (:p, :pos, :h, :ph, :w, :hh, :ako, :aen, :u, :now) "
           "RETURNING id",
        soci::use(product_id), soci::use(position), soci::use(processed.original_hash), soci::use(phash),
        soci::use(processed.width), soci::use(processed.height), soci::use(alt_ko), soci::use(alt_en),
        soci::use(user_id, user_ind), soci::use(now), soci::into(photo);
    for (const auto& r : processed.renditions)
      sql << "INSERT INTO photo_renditions (photo_id, name, format, width, height, hash) VALUES (:p, :n, :f, "
             ":w, :h, :hash)",
          soci::use(photo), soci::use(r.name), soci::use(r.format), soci::use(r.width), soci::use(r.height),
          soci::use(r.hash);
    return photo;
  });
  for (auto& p : of_product(product_id))
    if (p.id == id) return p;
  return Error::not_found("photo");
}

std::vector<StoredPhoto> Photos::of_product(long long product_id) {
  return db_.read([&](soci::session& sql) {
    std::vector<StoredPhoto> out;
    soci::rowset<soci::row> photos =
        (sql.prepare
             << "SELECT id, position, width, height, perceptual_hash, alt_ko, alt_en FROM product_photos "
                "WHERE product_id = :p ORDER BY position, id",
         soci::use(product_id));
    for (const auto& r : photos)
      out.push_back({db::row_int(r, 0),
                     product_id,
                     static_cast<int>(db::row_int(r, 1)),
                     static_cast<int>(db::row_int(r, 2)),
                     static_cast<int>(db::row_int(r, 3)),
                     db::row_text(r, 4),
                     db::row_text(r, 5),
                     db::row_text(r, 6),
                     {}});
    for (auto& p : out) {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT name, format, width, height, hash FROM photo_renditions WHERE photo_id = "
                          ":id ORDER BY width, format",
           soci::use(p.id));
      for (const auto& r : rows)
        p.renditions.push_back({db::row_text(r, 0), db::row_text(r, 1), static_cast<int>(db::row_int(r, 2)),
                                static_cast<int>(db::row_int(r, 3)), db::row_text(r, 4), 0});
    }
    return out;
  });
}

std::optional<std::pair<std::string, std::string>> Photos::rendition(const std::string& hash) {
  if (!valid_hash(hash)) return std::nullopt;
  const auto format = db_.read([&](soci::session& sql) -> std::optional<std::string> {
    std::string f;
    sql << "SELECT format FROM photo_renditions WHERE hash = :h", soci::use(hash), soci::into(f);
    if (!sql.got_data()) return std::nullopt;
    return f;
  });
  if (!format) return std::nullopt;
  auto bytes = blobs_.get(hash);
  if (!bytes) return std::nullopt;
  return std::make_pair(std::move(*bytes),
                        *format == "webp" ? std::string("image/webp") : std::string("image/jpeg"));
}

}  // namespace brilliant::media
