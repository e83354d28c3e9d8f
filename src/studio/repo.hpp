// Brilliant Studio's SQL (migration 018): the one owner of items, item_events and item_photos.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/fwd.hpp"
#include "studio/item.hpp"
#include "studio/packing.hpp"
#include "studio/returns.hpp"
#include "studio/shoot.hpp"

namespace brilliant::studio::repo {

struct VariantRef {
  long long variant_id = 0, product_id = 0, workshop_id = 0, expected_mg = 0;
};
std::optional<VariantRef> variant_by_sku(soci::session& sql, const std::string& sku);
bool serial_taken(soci::session& sql, const std::string& serial);
long long insert_item(soci::session& sql, const Item& item);
std::optional<Item> item(soci::session& sql, const std::string& serial);
std::vector<Item> recent_items(soci::session& sql, int limit);
void set_status(soci::session& sql, long long item_id, const std::string& status);
// Makes the product hub-held if it was not, its variants' stock starting from 0; true when it flipped.
bool make_hub_held(soci::session& sql, long long product_id);
bool hub_held(soci::session& sql, long long product_id);
void adjust_stock(soci::session& sql, long long variant_id, int delta);
long long insert_event(soci::session& sql, long long item_id, const std::string& kind,
                       const std::string& station, long long actor_id, const std::string& note,
                       long long log_index, const std::string& at);
// The item's events, oldest first, each with its photos.
std::vector<ItemEvent> events(soci::session& sql, long long item_id);
std::optional<long long> event_item(soci::session& sql, long long event_id);
long long insert_photo(soci::session& sql, long long item_id, long long event_id, const ItemPhoto& photo);
std::optional<ItemPhoto> photo(soci::session& sql, long long id);
std::optional<long long> photo_item(soci::session& sql, long long id);
void void_photo(soci::session& sql, long long id, const std::string& reason, const std::string& at);

// --- packing (migration 019) ---
struct SessionRow {
  long long id = 0, fulfilment_id = 0, workshop_id = 0, holder_id = 0;
  std::string order_number, holder, status, carrier, tracking, created_at, closed_at;
};
std::optional<SessionRow> open_session_for(soci::session& sql, long long fulfilment_id);
std::optional<SessionRow> session_row(soci::session& sql, long long id);
long long insert_session(soci::session& sql, const std::string& order_number, long long fulfilment_id,
                         long long workshop_id, long long holder_id, const std::string& at);
// The items packed in the session, each with its latest "packed" event and the views shot on it.
std::vector<PackedPiece> packed_items(soci::session& sql, long long session_id);
bool is_packed(soci::session& sql, long long item_id);
void insert_packing_item(soci::session& sql, long long session_id, long long item_id, long long variant_id);
long long insert_packing_photo(soci::session& sql, long long session_id, const PackingPhoto& photo,
                               const std::string& at);
std::vector<PackingPhoto> packing_photos(soci::session& sql, long long session_id);
void close_session(soci::session& sql, long long id, const std::string& carrier, const std::string& tracking,
                   const std::string& at);
std::vector<long long> sessions_of_order(soci::session& sql, const std::string& order_number);
std::string workshop_slug(soci::session& sql, long long workshop_id);
std::string workshop_name(soci::session& sql, long long workshop_id);

// --- returns and evidence (return_repo.cpp, migration 020) ---
// The order a shipped item went out in (its closed packing session's), if any.
std::optional<std::string> shipped_order_of(soci::session& sql, long long item_id);
// The serials packed into an order's closed sessions (of one workshop's parcel when workshop_id > 0).
std::vector<std::string> order_serials(soci::session& sql, const std::string& order_number,
                                       long long workshop_id);
// The order's packing sessions (of one workshop's parcel when workshop_id > 0).
std::vector<SessionRow> order_sessions(soci::session& sql, const std::string& order_number,
                                       long long workshop_id);
long long insert_inspection(soci::session& sql, const ReturnInspection& r, long long opened_by);
std::optional<ReturnInspection> inspection(soci::session& sql, long long id);
// The item's inspection still open (undecided or escalated), if any.
std::optional<long long> open_inspection(soci::session& sql, long long item_id);
std::vector<long long> inspections_of_order(soci::session& sql, const std::string& order_number);
std::vector<ReturnInspection> recent_inspections(soci::session& sql, int limit);
void decide(soci::session& sql, long long id, const std::string& decision, const std::string& reason,
            int score, long long actor, long long log_index, const std::string& at);
// The item's latest event of a kind (0: none).
long long latest_event(soci::session& sql, long long item_id, const std::string& kind);
// An item photo's or packing photo's original and thumbnail hashes by the original's SHA-256, when the
// photo belongs to that order's evidence (of one workshop's parcel when workshop_id > 0).
std::optional<std::pair<std::string, std::string>> evidence_photo(soci::session& sql,
                                                                  const std::string& order_number,
                                                                  const std::string& sha256,
                                                                  long long workshop_id);

// --- the studio's shoot (migration 021) ---
struct ProductRef {
  long long id = 0;
  std::string slug, title_ko, title_en, sku;  // sku: its first variant's
};
std::optional<ProductRef> product_ref(soci::session& sql, const std::string& slug);
// The photos on "photographed" events of the product's items, oldest first.
std::vector<ItemPhoto> product_studio_photos(soci::session& sql, long long product_id);
// The item's latest event (id, kind); {0, ""} when none.
std::pair<long long, std::string> last_event(soci::session& sql, long long item_id);
void replace_spin(soci::session& sql, long long product_id, const std::vector<std::string>& hashes,
                  const std::string& at);
std::vector<std::string> spin_hashes(soci::session& sql, const std::string& product_slug);

}  // namespace brilliant::studio::repo
