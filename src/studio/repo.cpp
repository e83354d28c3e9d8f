#include "studio/repo.hpp"

#include "db/database.hpp"

namespace brilliant::studio::repo {
using db::row_int;
using db::row_text;

namespace {

constexpr char item_columns[] =
    "SELECT i.id, i.serial, i.variant_id, i.product_id, i.workshop_id, v.sku, p.slug, p.title_ko, "
    "p.title_en, "
    "w.name, i.weight_cg, i.expected_mg, i.weight_flag, i.hallmark, i.inscription, i.status, i.created_at, "
    "w.name_en FROM items i JOIN variants v ON v.id = i.variant_id JOIN products p ON p.id = i.product_id "
    "JOIN workshops w ON w.id = i.workshop_id ";

constexpr char photo_columns[] =
    "SELECT id, event_id, view, hash, thumb_hash, phash, width, height, log_index, voided_at, void_reason, "
    "created_at, shot_no, colour_note FROM item_photos ";

Item item_from(const soci::row& r) {
  Item i;
  i.id = row_int(r, 0);
  i.serial = row_text(r, 1);
  i.variant_id = row_int(r, 2);
  i.product_id = row_int(r, 3);
  i.workshop_id = row_int(r, 4);
  i.sku = row_text(r, 5);
  i.product_slug = row_text(r, 6);
  i.title_ko = row_text(r, 7);
  i.title_en = row_text(r, 8);
  i.workshop_ko = row_text(r, 9);
  i.weight_cg = static_cast<int>(row_int(r, 10));
  i.expected_mg = row_int(r, 11);
  i.weight_flag = row_int(r, 12) != 0;
  i.hallmark = row_text(r, 13);
  i.inscription = row_text(r, 14);
  i.status = row_text(r, 15);
  i.created_at = row_text(r, 16);
  i.workshop_en = row_text(r, 17);
  return i;
}

ItemPhoto photo_from(const soci::row& r) {
  return {row_int(r, 0),
          row_int(r, 1),
          row_text(r, 2),
          row_text(r, 3),
          row_text(r, 4),
          row_text(r, 5),
          static_cast<int>(row_int(r, 6)),
          static_cast<int>(row_int(r, 7)),
          row_int(r, 8),
          row_text(r, 9),
          row_text(r, 10),
          row_text(r, 11),
          static_cast<int>(row_int(r, 12)),
          row_text(r, 13)};
}

}  // namespace

std::optional<VariantRef> variant_by_sku(soci::session& sql, const std::string& sku) {
  VariantRef v;
  sql << "SELECT v.id, p.id, p.workshop_id, CASE WHEN v.weight_mg > 0 THEN v.weight_mg ELSE p.weight_mg END "
         "FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = :s",
      soci::use(sku), soci::into(v.variant_id), soci::into(v.product_id), soci::into(v.workshop_id),
      soci::into(v.expected_mg);
  if (!sql.got_data()) return std::nullopt;
  return v;
}

bool serial_taken(soci::session& sql, const std::string& serial) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM items WHERE serial = :s", soci::use(serial), soci::into(n);
  return n > 0;
}

long long insert_item(soci::session& sql, const Item& i) {
  long long id = 0;
  const int flag = i.weight_flag;
  sql << "INSERT INTO items (serial, variant_id, product_id, workshop_id, weight_cg, expected_mg, "
         "weight_flag, "
         "hallmark, inscription, status, created_at) VALUES (:s, :v, :p, :w, :cg, :mg, :f, :h, :i, :st, :at) "
         "RETURNING id",
      soci::use(i.serial), soci::use(i.variant_id), soci::use(i.product_id), soci::use(i.workshop_id),
      soci::use(i.weight_cg), soci::use(i.expected_mg), soci::use(flag), soci::use(i.hallmark),
      soci::use(i.inscription), soci::use(i.status), soci::use(i.created_at), soci::into(id);
  return id;
}

std::optional<Item> item(soci::session& sql, const std::string& serial) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(item_columns) + "WHERE i.serial = :s", soci::use(serial));
  for (const auto& r : rows) return item_from(r);
  return std::nullopt;
}

std::vector<Item> recent_items(soci::session& sql, int limit) {
  std::vector<Item> out;
  const long long after = 0;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(item_columns) + "WHERE i.id > :k ORDER BY i.id DESC LIMIT " +
                          std::to_string(limit),
       soci::use(after));
  for (const auto& r : rows) out.push_back(item_from(r));
  return out;
}

void set_status(soci::session& sql, long long item_id, const std::string& status) {
  sql << "UPDATE items SET status = :s WHERE id = :id", soci::use(status), soci::use(item_id);
}

bool make_hub_held(soci::session& sql, long long product_id) {
  if (hub_held(sql, product_id)) return false;
  sql << "UPDATE products SET hub_held = 1 WHERE id = :p", soci::use(product_id);
  sql << "UPDATE variants SET stock = 0 WHERE product_id = :p", soci::use(product_id);
  return true;
}

bool hub_held(soci::session& sql, long long product_id) {
  int held = 0;
  sql << "SELECT hub_held FROM products WHERE id = :p", soci::use(product_id), soci::into(held);
  return held != 0;
}

void adjust_stock(soci::session& sql, long long variant_id, int delta) {
  if (delta == 0) return;
  sql << "UPDATE variants SET stock = CASE WHEN stock + :d < 0 THEN 0 ELSE stock + :d2 END WHERE id = :v",
      soci::use(delta), soci::use(delta), soci::use(variant_id);
}

long long insert_event(soci::session& sql, long long item_id, const std::string& kind,
                       const std::string& station, long long actor_id, const std::string& note,
                       long long log_index, const std::string& at) {
  long long id = 0;
  soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO item_events (item_id, kind, station, actor_id, note, log_index, created_at) VALUES "
         "(:i, :k, "
         ":s, :a, :n, :l, :at) RETURNING id",
      soci::use(item_id), soci::use(kind), soci::use(station), soci::use(actor_id, actor_ind),
      soci::use(note), soci::use(log_index), soci::use(at), soci::into(id);
  return id;
}

std::vector<ItemEvent> events(soci::session& sql, long long item_id) {
  std::vector<ItemEvent> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT e.id, e.kind, e.station, COALESCE(u.name, ''), e.note, e.log_index, e.created_at "
              "FROM item_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.item_id = :i ORDER BY e.id",
       soci::use(item_id));
  for (const auto& r : rows)
    out.push_back({row_int(r, 0),
                   row_text(r, 1),
                   row_text(r, 2),
                   row_text(r, 3),
                   row_text(r, 4),
                   row_int(r, 5),
                   row_text(r, 6),
                   {}});
  soci::rowset<soci::row> photos =
      (sql.prepare << std::string(photo_columns) + "WHERE item_id = :i ORDER BY id", soci::use(item_id));
  for (const auto& r : photos) {
    auto p = photo_from(r);
    for (auto& e : out)
      if (e.id == p.event_id) e.photos.push_back(p);
  }
  return out;
}

std::optional<long long> event_item(soci::session& sql, long long event_id) {
  long long item = 0;
  sql << "SELECT item_id FROM item_events WHERE id = :e", soci::use(event_id), soci::into(item);
  if (!sql.got_data()) return std::nullopt;
  return item;
}

long long insert_photo(soci::session& sql, long long item_id, long long event_id, const ItemPhoto& p) {
  long long id = 0;
  sql << "INSERT INTO item_photos (item_id, event_id, view, hash, thumb_hash, phash, width, height, "
         "log_index, created_at, shot_no, colour_note) VALUES (:i, :e, :v, :h, :t, :p, :w, :hh, :l, :at, :n, "
         ":c) RETURNING id",
      soci::use(item_id), soci::use(event_id), soci::use(p.view), soci::use(p.hash), soci::use(p.thumb_hash),
      soci::use(p.phash), soci::use(p.width), soci::use(p.height), soci::use(p.log_index),
      soci::use(p.created_at), soci::use(p.shot_no), soci::use(p.colour_note), soci::into(id);
  return id;
}

std::optional<ItemPhoto> photo(soci::session& sql, long long id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(photo_columns) + "WHERE id = :id", soci::use(id));
  for (const auto& r : rows) return photo_from(r);
  return std::nullopt;
}

std::optional<long long> photo_item(soci::session& sql, long long id) {
  long long item = 0;
  sql << "SELECT item_id FROM item_photos WHERE id = :id", soci::use(id), soci::into(item);
  if (!sql.got_data()) return std::nullopt;
  return item;
}

void void_photo(soci::session& sql, long long id, const std::string& reason, const std::string& at) {
  sql << "UPDATE item_photos SET voided_at = :at, void_reason = :r WHERE id = :id", soci::use(at),
      soci::use(reason), soci::use(id);
}

namespace {
constexpr char session_columns[] =
    "SELECT s.id, s.fulfilment_id, s.workshop_id, s.holder_id, s.order_number, u.name, s.status, s.carrier, "
    "s.tracking, s.created_at, s.closed_at FROM packing_sessions s JOIN users u ON u.id = s.holder_id ";
SessionRow session_from(const soci::row& r) {
  return {row_int(r, 0),  row_int(r, 1),  row_int(r, 2),  row_int(r, 3),  row_text(r, 4), row_text(r, 5),
          row_text(r, 6), row_text(r, 7), row_text(r, 8), row_text(r, 9), row_text(r, 10)};
}
}  // namespace

std::optional<SessionRow> open_session_for(soci::session& sql, long long fulfilment_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(session_columns) + "WHERE s.fulfilment_id = :f AND s.status = 'open'",
       soci::use(fulfilment_id));
  for (const auto& r : rows) return session_from(r);
  return std::nullopt;
}

std::optional<SessionRow> session_row(soci::session& sql, long long id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(session_columns) + "WHERE s.id = :id", soci::use(id));
  for (const auto& r : rows) return session_from(r);
  return std::nullopt;
}

std::vector<SessionRow> order_sessions(soci::session& sql, const std::string& order_number,
                                       long long workshop_id) {
  std::vector<SessionRow> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(session_columns) +
                          "WHERE s.order_number = :n AND (:w = 0 OR s.workshop_id = :w2) ORDER BY s.id",
       soci::use(order_number), soci::use(workshop_id), soci::use(workshop_id));
  for (const auto& r : rows) out.push_back(session_from(r));
  return out;
}

long long insert_session(soci::session& sql, const std::string& order_number, long long fulfilment_id,
                         long long workshop_id, long long holder_id, const std::string& at) {
  long long id = 0;
  sql << "INSERT INTO packing_sessions (order_number, fulfilment_id, workshop_id, holder_id, status, "
         "created_at) "
         "VALUES (:n, :f, :w, :h, 'open', :at) RETURNING id",
      soci::use(order_number), soci::use(fulfilment_id), soci::use(workshop_id), soci::use(holder_id),
      soci::use(at), soci::into(id);
  return id;
}

std::vector<PackedPiece> packed_items(soci::session& sql, long long session_id) {
  std::vector<PackedPiece> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT i.serial, i.id, p.variant_id, (SELECT MAX(e.id) FROM item_events e WHERE "
                      "e.item_id = i.id AND e.kind = 'packed') FROM packing_items p JOIN items i ON i.id = "
                      "p.item_id WHERE p.session_id = :s ORDER BY i.serial",
       soci::use(session_id));
  for (const auto& r : rows) out.push_back({row_text(r, 0), row_int(r, 1), row_int(r, 2), row_int(r, 3), {}});
  for (auto& piece : out) {
    soci::rowset<soci::row> views =
        (sql.prepare
             << "SELECT DISTINCT view FROM item_photos WHERE event_id = :e AND voided_at = '' ORDER BY "
                "view",
         soci::use(piece.event_id));
    for (const auto& v : views) piece.views.push_back(row_text(v, 0));
  }
  return out;
}

bool is_packed(soci::session& sql, long long item_id) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM packing_items WHERE item_id = :i", soci::use(item_id), soci::into(n);
  return n > 0;
}

void insert_packing_item(soci::session& sql, long long session_id, long long item_id, long long variant_id) {
  sql << "INSERT INTO packing_items (session_id, item_id, variant_id) VALUES (:s, :i, :v)",
      soci::use(session_id), soci::use(item_id), soci::use(variant_id);
}

long long insert_packing_photo(soci::session& sql, long long session_id, const PackingPhoto& p,
                               const std::string& at) {
  long long id = 0;
  sql << "INSERT INTO packing_photos (session_id, view, hash, thumb_hash, phash, log_index, created_at) "
         "VALUES (:s, "
         ":v, :h, :t, :p, :l, :at) RETURNING id",
      soci::use(session_id), soci::use(p.view), soci::use(p.hash), soci::use(p.thumb_hash),
      soci::use(p.phash), soci::use(p.log_index), soci::use(at), soci::into(id);
  return id;
}

std::vector<PackingPhoto> packing_photos(soci::session& sql, long long session_id) {
  std::vector<PackingPhoto> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT id, view, hash, thumb_hash, phash, log_index FROM packing_photos WHERE session_id = :s "
              "ORDER BY id",
       soci::use(session_id));
  for (const auto& r : rows)
    out.push_back(
        {row_int(r, 0), row_text(r, 1), row_text(r, 2), row_text(r, 3), row_text(r, 4), row_int(r, 5)});
  return out;
}

void close_session(soci::session& sql, long long id, const std::string& carrier, const std::string& tracking,
                   const std::string& at) {
  sql << "UPDATE packing_sessions SET status = 'closed', carrier = :c, tracking = :t, closed_at = :at WHERE "
         "id = :id",
      soci::use(carrier), soci::use(tracking), soci::use(at), soci::use(id);
}

std::vector<long long> sessions_of_order(soci::session& sql, const std::string& order_number) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id FROM packing_sessions WHERE order_number = :n ORDER BY id",
       soci::use(order_number));
  for (const auto& r : rows) out.push_back(row_int(r, 0));
  return out;
}

std::string workshop_slug(soci::session& sql, long long workshop_id) {
  std::string slug;
  sql << "SELECT slug FROM workshops WHERE id = :w", soci::use(workshop_id), soci::into(slug);
  return slug;
}

std::string workshop_name(soci::session& sql, long long workshop_id) {
  std::string name;
  sql << "SELECT name FROM workshops WHERE id = :w", soci::use(workshop_id), soci::into(name);
  return name;
}

std::optional<ProductRef> product_ref(soci::session& sql, const std::string& slug) {
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT p.id, p.slug, p.title_ko, p.title_en, COALESCE((SELECT v.sku FROM variants v WHERE "
              "v.product_id = p.id ORDER BY v.id LIMIT 1), '') FROM products p WHERE p.slug = :s",
       soci::use(slug));
  for (const auto& r : rows)
    return ProductRef{row_int(r, 0), row_text(r, 1), row_text(r, 2), row_text(r, 3), row_text(r, 4)};
  return std::nullopt;
}

std::vector<ItemPhoto> product_studio_photos(soci::session& sql, long long product_id) {
  std::vector<ItemPhoto> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << std::string(photo_columns) +
                  "WHERE event_id IN (SELECT e.id FROM item_events e JOIN items i ON i.id = e.item_id WHERE "
                  "i.product_id = :p AND e.kind = 'photographed') ORDER BY id",
       soci::use(product_id));
  for (const auto& r : rows) out.push_back(photo_from(r));
  return out;
}

std::pair<long long, std::string> last_event(soci::session& sql, long long item_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, kind FROM item_events WHERE item_id = :i ORDER BY id DESC LIMIT 1",
       soci::use(item_id));
  for (const auto& r : rows) return {row_int(r, 0), row_text(r, 1)};
  return {0, ""};
}

void replace_spin(soci::session& sql, long long product_id, const std::vector<std::string>& hashes,
                  const std::string& at) {
  sql << "DELETE FROM product_spin_frames WHERE product_id = :p", soci::use(product_id);
  for (int i = 0; i < static_cast<int>(hashes.size()); ++i) {
    const auto& hash = hashes[static_cast<size_t>(i)];
    sql << "INSERT INTO product_spin_frames (product_id, position, hash, created_at) VALUES (:p, :n, :h, "
           ":at)",
        soci::use(product_id), soci::use(i), soci::use(hash), soci::use(at);
  }
}

std::vector<std::string> spin_hashes(soci::session& sql, const std::string& product_slug) {
  std::vector<std::string> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT f.hash FROM product_spin_frames f JOIN products p ON p.id = f.product_id WHERE "
                      "p.slug = :s ORDER BY f.position",
       soci::use(product_slug));
  for (const auto& r : rows) out.push_back(row_text(r, 0));
  return out;
}

}  // namespace brilliant::studio::repo
