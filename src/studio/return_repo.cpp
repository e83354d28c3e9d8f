// Brilliant Studio's SQL for returns and evidence (migration 020; declared in repo.hpp).
#include "db/database.hpp"
#include "studio/repo.hpp"

namespace brilliant::studio::repo {
using db::row_int;
using db::row_text;

namespace {

constexpr char inspection_columns[] =
    "SELECT r.id, r.item_id, r.event_id, i.serial, r.order_number, v.sku, p.title_ko, i.weight_cg, "
    "r.weight_cg, o.name, r.decision, r.reason, COALESCE(d.name, ''), r.created_at, r.decided_at, r.score, "
    "r.log_index, p.title_en FROM return_inspections r JOIN items i ON i.id = r.item_id JOIN variants v ON "
    "v.id = "
    "i.variant_id JOIN products p ON p.id = i.product_id JOIN users o ON o.id = r.opened_by LEFT JOIN users "
    "d "
    "ON d.id = r.decided_by ";

ReturnInspection inspection_from(const soci::row& r) {
  ReturnInspection out;
  out.id = row_int(r, 0);
  out.item_id = row_int(r, 1);
  out.event_id = row_int(r, 2);
  out.serial = row_text(r, 3);
  out.order_number = row_text(r, 4);
  out.sku = row_text(r, 5);
  out.title = row_text(r, 6);
  out.packed_cg = static_cast<int>(row_int(r, 7));
  out.weight_cg = static_cast<int>(row_int(r, 8));
  out.opened_by = row_text(r, 9);
  out.decision = row_text(r, 10);
  out.reason = row_text(r, 11);
  out.decided_by = row_text(r, 12);
  out.created_at = row_text(r, 13);
  out.decided_at = row_text(r, 14);
  out.score = static_cast<int>(row_int(r, 15));
  out.log_index = row_int(r, 16);
  out.title_en = row_text(r, 17);
  return out;
}

}  // namespace

std::optional<std::string> shipped_order_of(soci::session& sql, long long item_id) {
  std::string number;
  sql << "SELECT s.order_number FROM packing_items p JOIN packing_sessions s ON s.id = p.session_id WHERE "
         "p.item_id = :i AND s.status = 'closed'",
      soci::use(item_id), soci::into(number);
  if (!sql.got_data()) return std::nullopt;
  return number;
}

std::vector<std::string> order_serials(soci::session& sql, const std::string& order_number,
                                       long long workshop_id) {
  std::vector<std::string> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT i.serial FROM packing_items p JOIN packing_sessions s ON s.id = p.session_id "
                      "JOIN items i ON i.id = p.item_id WHERE s.order_number = :n AND (:w = 0 OR "
                      "s.workshop_id = :w2) ORDER BY i.serial",
       soci::use(order_number), soci::use(workshop_id), soci::use(workshop_id));
  for (const auto& r : rows) out.push_back(row_text(r, 0));
  return out;
}

long long insert_inspection(soci::session& sql, const ReturnInspection& r, long long opened_by) {
  long long id = 0;
  sql << "INSERT INTO return_inspections (item_id, order_number, event_id, weight_cg, opened_by, created_at) "
         "VALUES (:i, :n, :e, :w, :o, :at) RETURNING id",
      soci::use(r.item_id), soci::use(r.order_number), soci::use(r.event_id), soci::use(r.weight_cg),
      soci::use(opened_by), soci::use(r.created_at), soci::into(id);
  return id;
}

std::optional<ReturnInspection> inspection(soci::session& sql, long long id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(inspection_columns) + "WHERE r.id = :id", soci::use(id));
  for (const auto& r : rows) return inspection_from(r);
  return std::nullopt;
}

std::optional<long long> open_inspection(soci::session& sql, long long item_id) {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(id) FROM return_inspections WHERE item_id = :i AND decision IN ('', 'escalate')",
      soci::use(item_id), soci::into(id, ind);
  if (ind != soci::i_ok) return std::nullopt;
  return id;
}

std::vector<long long> inspections_of_order(soci::session& sql, const std::string& order_number) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id FROM return_inspections WHERE order_number = :n ORDER BY id",
       soci::use(order_number));
  for (const auto& r : rows) out.push_back(row_int(r, 0));
  return out;
}

std::vector<ReturnInspection> recent_inspections(soci::session& sql, int limit) {
  std::vector<ReturnInspection> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(inspection_columns) + "ORDER BY r.id DESC LIMIT :l", soci::use(limit));
  for (const auto& r : rows) out.push_back(inspection_from(r));
  return out;
}

void decide(soci::session& sql, long long id, const std::string& decision, const std::string& reason,
            int score, long long actor, long long log_index, const std::string& at) {
  sql << "UPDATE return_inspections SET decision = :d, reason = :r, score = :s, decided_by = :a, log_index = "
         ":l, decided_at = :at WHERE id = :id",
      soci::use(decision), soci::use(reason), soci::use(score), soci::use(actor), soci::use(log_index),
      soci::use(at), soci::use(id);
}

long long latest_event(soci::session& sql, long long item_id, const std::string& kind) {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(id) FROM item_events WHERE item_id = :i AND kind = :k", soci::use(item_id),
      soci::use(kind), soci::into(id, ind);
  return ind == soci::i_ok ? id : 0;
}

std::optional<std::pair<std::string, std::string>> evidence_photo(soci::session& sql,
                                                                  const std::string& order_number,
                                                                  const std::string& sha256,
                                                                  long long workshop_id) {
  // A packing shot of one of the order's sessions, or a shot of one of its items (packed in it); of one
  // workshop's parcel when workshop_id > 0.
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT p.hash, p.thumb_hash FROM packing_photos p JOIN packing_sessions s ON s.id = "
              "p.session_id WHERE s.order_number = :n AND p.hash = :h AND (:w = 0 OR s.workshop_id = :w2) "
              "UNION ALL SELECT f.hash, f.thumb_hash FROM item_photos f JOIN packing_items pi ON "
              "pi.item_id = f.item_id JOIN packing_sessions s2 ON s2.id = pi.session_id WHERE "
              "s2.order_number = :n2 AND f.hash = :h2 AND (:w3 = 0 OR s2.workshop_id = :w4)",
       soci::use(order_number), soci::use(sha256), soci::use(workshop_id), soci::use(workshop_id),
       soci::use(order_number), soci::use(sha256), soci::use(workshop_id), soci::use(workshop_id));
  for (const auto& r : rows) return std::pair{row_text(r, 0), row_text(r, 1)};
  return std::nullopt;
}

}  // namespace brilliant::studio::repo
