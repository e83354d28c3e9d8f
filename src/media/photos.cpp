#include "media/photos.hpp"

#include "db/database.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/text.hpp"

namespace brilliant::media {

std::string hex64(uint64_t value) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

Result<std::string> check_alt(std::string_view text, const std::string& field) {
  if (!valid_utf8(text)) return Error::invalid(field, "text_invalid", "the text is not valid UTF-8");
  std::string alt(trim(text));
  if (utf8_length(alt) > max_alt_chars)
    return Error::invalid(field, "alt_too_long",
                          "alt text is at most " + std::to_string(max_alt_chars) + " characters");
  return alt;
}

Result<void> check_order(const std::vector<long long>& current, const std::vector<long long>& requested) {
  const std::set<long long> have(current.begin(), current.end()), want(requested.begin(), requested.end());
  if (want.size() != requested.size())
    return Error::invalid("order", "order_repeats", "the order names a photo twice");
  for (long long id : requested)
    if (!have.contains(id)) return Error::not_found("photo " + std::to_string(id));
  if (want.size() != have.size())
    return Error::invalid("order", "order_incomplete", "the order must name every photo of the piece");
  return {};
}

std::vector<long long> with_cover(std::vector<long long> order, long long id) {
  auto it = std::find(order.begin(), order.end(), id);
  if (it != order.end()) std::rotate(order.begin(), it, it + 1);
  return order;
}

std::vector<long long> moved(std::vector<long long> order, long long id, int delta) {
  auto it = std::find(order.begin(), order.end(), id);
  if (it == order.end()) return order;
  const auto at = it - order.begin();
  const auto to = at + delta;
  if (to >= 0 && to < static_cast<long>(order.size())) std::swap(order[at], order[to]);
  return order;
}

Photos::Photos(db::Database& db, BlobStore& blobs, PhotoPipeline& pipeline, const Clock& clock)
    : db_(db), blobs_(blobs), pipeline_(pipeline), clock_(clock) {}

Result<StoredPhoto> Photos::add(long long product_id, std::string bytes, long long user_id,
                                const std::string& raw_alt_ko, const std::string& raw_alt_en) {
  const auto alt_ko = TRY(check_alt(raw_alt_ko, "alt_ko"));
  const auto alt_en = TRY(check_alt(raw_alt_en, "alt_en"));
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

namespace {

std::vector<long long> photo_ids(soci::session& sql, long long product_id) {
  std::vector<long long> ids;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id FROM product_photos WHERE product_id = :p ORDER BY position, id",
       soci::use(product_id));
  for (const auto& r : rows) ids.push_back(db::row_int(r, 0));
  return ids;
}

void write_positions(soci::session& sql, const std::vector<long long>& order) {
  for (size_t i = 0; i < order.size(); ++i) {
    const int position = static_cast<int>(i);
    sql << "UPDATE product_photos SET position = :pos WHERE id = :id", soci::use(position),
        soci::use(order[i]);
  }
}

}  // namespace

Result<void> Photos::reorder(long long product_id, const std::vector<long long>& order) {
  return db_.write([&](soci::session& sql) -> Result<void> {
    TRY(check_order(photo_ids(sql, product_id), order));
    write_positions(sql, order);
    return {};
  });
}

Result<void> Photos::set_alt(long long product_id, long long photo_id, const std::string& alt_ko,
                             const std::string& alt_en) {
  const auto ko = TRY(check_alt(alt_ko, "alt_ko_" + std::to_string(photo_id)));
  const auto en = TRY(check_alt(alt_en, "alt_en_" + std::to_string(photo_id)));
  return db_.write([&](soci::session& sql) -> Result<void> {
    const auto ids = photo_ids(sql, product_id);
    if (std::find(ids.begin(), ids.end(), photo_id) == ids.end())
      return Error::not_found("photo " + std::to_string(photo_id));
    sql << "UPDATE product_photos SET alt_ko = :ko, alt_en = :en WHERE id = :id", soci::use(ko),
        soci::use(en), soci::use(photo_id);
    return {};
  });
}

Result<void> Photos::remove(long long product_id, long long photo_id) {
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto ids = photo_ids(sql, product_id);
    auto it = std::find(ids.begin(), ids.end(), photo_id);
    if (it == ids.end()) return Error::not_found("photo " + std::to_string(photo_id));
    sql << "DELETE FROM photo_renditions WHERE photo_id = :id", soci::use(photo_id);
    sql << "DELETE FROM product_photos WHERE id = :id", soci::use(photo_id);
    ids.erase(it);
    write_positions(sql, ids);
    return {};
  });
}

Result<ProcessedPhoto> Photos::add_public(std::string bytes) {
  auto processed = TRY(pipeline_.submit(std::move(bytes)).get());
  db_.write([&](soci::session& sql) {
    for (const auto& r : processed.renditions) {
      const std::string type = r.format == "webp" ? "image/webp" : "image/jpeg";
      sql << "INSERT INTO public_blobs (hash, content_type) VALUES (:h, :t) ON CONFLICT (hash) DO NOTHING",
          soci::use(r.hash), soci::use(type);
    }
  });
  return processed;
}

std::optional<std::pair<std::string, std::string>> Photos::rendition(const std::string& hash) {
  if (!valid_hash(hash)) return std::nullopt;
  const auto format = db_.read([&](soci::session& sql) -> std::optional<std::string> {
    std::string f;
    sql << "SELECT format FROM photo_renditions WHERE hash = :h", soci::use(hash), soci::into(f);
    if (sql.got_data()) return f;
    std::string type;
    sql << "SELECT content_type FROM public_blobs WHERE hash = :h", soci::use(hash), soci::into(type);
    if (sql.got_data()) return type == "image/webp" ? std::string("webp") : std::string("jpeg");
    return std::nullopt;
  });
  if (!format) return std::nullopt;
  auto bytes = blobs_.get(hash);
  if (!bytes) return std::nullopt;
  return std::make_pair(std::move(*bytes),
                        *format == "webp" ? std::string("image/webp") : std::string("image/jpeg"));
}

}  // namespace brilliant::media
