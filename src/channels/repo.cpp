#include "channels/repo.hpp"

namespace brilliant::channels::repo {

Extras extras(soci::session& sql) {
  Extras out;
  soci::rowset<soci::row> stories = sql.prepare
                                    << "SELECT id, story_ko FROM products WHERE status = 'published'";
  for (const auto& r : stories) out.stories[db::row_int(r, 0)] = db::row_text(r, 1);
  soci::rowset<soci::row> squares =
      sql.prepare
      << "SELECT p.product_id, r.hash FROM product_photos p JOIN products pr ON pr.id = "
         "p.product_id JOIN photo_renditions r ON r.photo_id = p.id AND r.name = 'square' AND "
         "r.format = 'jpeg' WHERE pr.status = 'published' ORDER BY p.product_id, p.position, p.id";
  for (const auto& r : squares) out.squares[db::row_int(r, 0)].push_back(db::row_text(r, 1));
  return out;
}

Mapping mapping(soci::session& sql) {
  Mapping out;
  soci::rowset<soci::row> rows = sql.prepare << "SELECT channel, category, external FROM channel_categories";
  for (const auto& r : rows) out[{db::row_text(r, 0), db::row_text(r, 1)}] = db::row_text(r, 2);
  return out;
}

void set_mapping(soci::session& sql, const std::string& channel, const std::string& category,
                 const std::string& external, const std::string& now) {
  sql << "DELETE FROM channel_categories WHERE channel = :c AND category = :k", soci::use(channel),
      soci::use(category);
  if (external.empty()) return;
  sql << "INSERT INTO channel_categories (channel, category, external, updated_at) VALUES (:c, :k, :e, :n)",
      soci::use(channel), soci::use(category), soci::use(external), soci::use(now);
}

namespace {
Seen seen_of(const soci::row& r) {
  const auto change = db::row_text(r, 2);
  return {db::row_text(r, 1), change.empty() ? 'U' : change[0], db::row_text(r, 3)};
}
}  // namespace

std::unordered_map<long long, Seen> seen(soci::session& sql) {
  std::unordered_map<long long, Seen> out;
  soci::rowset<soci::row> rows = sql.prepare
                                 << "SELECT product_id, fingerprint, change, changed_at FROM feed_items";
  for (const auto& r : rows) out[db::row_int(r, 0)] = seen_of(r);
  return out;
}

void save_seen(soci::session& sql, long long product_id, const Seen& seen, bool known_before) {
  const std::string change(1, seen.change);
  if (known_before)
    sql << "UPDATE feed_items SET fingerprint = :f, change = :c, changed_at = :a WHERE product_id = :p",
        soci::use(seen.fingerprint), soci::use(change), soci::use(seen.changed_at), soci::use(product_id);
  else
    sql << "INSERT INTO feed_items (product_id, fingerprint, change, changed_at) VALUES (:p, :f, :c, :a)",
        soci::use(product_id), soci::use(seen.fingerprint), soci::use(change), soci::use(seen.changed_at);
}

std::vector<std::pair<long long, Seen>> changed_since(soci::session& sql, const std::string& since) {
  std::vector<std::pair<long long, Seen>> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT product_id, fingerprint, change, changed_at FROM feed_items WHERE changed_at >= "
              ":s ORDER BY changed_at, product_id",
       soci::use(since));
  for (const auto& r : rows) out.emplace_back(db::row_int(r, 0), seen_of(r));
  return out;
}

}  // namespace brilliant::channels::repo
