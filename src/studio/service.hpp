// Brilliant Studio's work (issue 17, first part): intake gives a piece its serial, stations record
// events with evidence photos, and every event and photo is appended to the transparency log in the same
// transaction as the row that records it. Photos go through the photo pipeline: the original kept
// content-addressed with its SHA-256, a perceptual hash for matching, a thumbnail for pages. Thread safe.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/text.hpp"
#include "db/fwd.hpp"
#include "studio/evidence.hpp"
#include "studio/item.hpp"
#include "studio/packing.hpp"
#include "studio/returns.hpp"
#include "studio/shoot.hpp"
#include "web/principal.hpp"

namespace brilliant::trust {
class TransparencyLog;
}
namespace brilliant::media {
class BlobStore;
class PhotoPipeline;
class Photos;
}  // namespace brilliant::media

namespace brilliant::studio {

class Studio {
 public:
  Studio(db::Database& db, media::BlobStore& blobs, media::PhotoPipeline& pipeline, const Clock& clock);

  // Intake: the variant by its SKU (as scanned from the workshop's tag), the weight in grams, the
  // hallmark and any stone inscription. Errors name the field: sku unknown, weight unreadable.
  Result<Item> intake(long long actor, const std::string& sku, const std::string& weight,
                      const std::string& hallmark, const std::string& inscription);
  std::optional<Item> item(const std::string& serial);
  std::vector<ItemEvent> history(const Item& item);
  std::vector<Item> recent(int limit);
  // An event at a station; a kind that station does not record is refused naming "kind".
  Result<ItemEvent> record(long long actor, const std::string& serial, Station station,
                           const std::string& kind, const std::string& note);
  // An evidence photo of an event of the item (view: front, side, back, detail, serial, box, sealed, ...).
  Result<ItemPhoto> add_photo(const std::string& serial, long long event_id, const std::string& view,
                              std::string_view bytes, int shot_no = 1, const std::string& colour_note = "");
  // A mistaken photo is never deleted: it is voided with a reason, and the void is logged.
  Result<void> void_photo(long long actor, long long photo_id, const std::string& reason);
  // The photo's bytes: the original or its thumbnail.
  std::optional<std::string> photo_bytes(long long photo_id, bool thumb);
  // The photo made ready for a sales channel (naver, coupang, amazon): background flattened to white,
  // the piece trimmed and centred (media/packshot.hpp), as JPEG.
  Result<std::string> channel_photo(long long photo_id, const std::string& channel);

  // Told the product whose stock an item event moved (hub-held pieces: stock follows the items), after
  // the transaction; the app refreshes the store's counts.
  void on_stock(std::function<void(long long product_id)> listener) { on_stock_ = std::move(listener); }

  // --- packing ---
  void set_orders(OrderLink link) { orders_ = std::move(link); }
  // Opens (or resumes, for its holder) the packing of an order's parcel; refused while another person
  // holds it (conflict naming them) or when the parcel is not paid and waiting to ship.
  Result<PackingSession> open_packing(const web::Principal& who, const std::string& order_number,
                                      const std::string& workshop_slug);
  Result<PackingSession> packing(long long session_id);
  // What the returns station expects: returns approved or sent back, not yet received.
  std::vector<Returning> returns_on_the_way(int limit = 50) const {
    return orders_.returning ? orders_.returning(limit) : std::vector<Returning>{};
  }
  // What the packing station has to pack: parcels paid and waiting to ship, the longest waiting first
  // (only order `number`'s when one is given, only workshop `workshop_slug`'s when one is given).
  std::vector<Parcel> waiting_parcels(const std::string& number = "", const std::string& workshop_slug = "",
                                      int limit = 50) const {
    return orders_.waiting
               ? orders_.waiting(limit, std::string(trim(number)), std::string(trim(workshop_slug)))
               : std::vector<Parcel>{};
  }
  std::vector<WaitingCount> waiting_counts() const {
    return orders_.waiting_counts ? orders_.waiting_counts() : std::vector<WaitingCount>{};
  }
  // A scanned serial into the session: refused when the piece is not in the parcel, the parcel already
  // has enough of it, or the item was packed before.
  Result<PackingSession> pack(const web::Principal& who, long long session_id, const std::string& serial);
  // A packing shot: the open box ("box") or the sealed parcel with its waybill ("sealed"), or a packed
  // piece's own shot ("piece", "serial": its serial close-up) naming that piece's serial.
  Result<PackingPhoto> add_packing_photo(long long session_id, const std::string& view,
                                         std::string_view bytes, const std::string& serial = "");
  // Needs every line packed, the box and sealed shots and each piece's; ships the parcel with the waybill.
  Result<PackingSession> close_packing(const web::Principal& who, long long session_id,
                                       const std::string& carrier, const std::string& tracking);
  // The packing shots of an order's parcels (for the shopper's order page).
  std::vector<PackingPhoto> packing_photos_of(const std::string& order_number);

  // --- returns (return_service.cpp) ---
  // A returned piece scanned at the returns station: its serial (it must have been shipped in an order)
  // and its weight now. Records "return_received" and opens an inspection; resumes the open one.
  Result<ReturnInspection> open_return(long long actor, const std::string& serial, const std::string& weight);
  // The inspection with its packing and return shots compared as they stand.
  Result<ReturnInspection> inspection(long long id);
  std::vector<ReturnInspection> recent_returns(int limit);
  // The returns station's inspections of an order's pieces (with their match as it stands), oldest first.
  std::vector<ReturnInspection> returns_of_order(const std::string& order_number);
  // A return shot (piece_views) on the inspection's event; refused once decided.
  Result<ItemPhoto> add_return_photo(long long inspection_id, const std::string& view,
                                     std::string_view bytes);
  // accept / reject / escalate with a reason (needed unless accepting a match); logged. An escalated
  // return is decided again; accept and reject are final.
  Result<ReturnInspection> decide(long long actor, long long inspection_id, const std::string& decision,
                                  const std::string& reason);

  // --- the studio's shoot (shoot_service.cpp) ---
  void set_photos(media::Photos& photos) { photos_ = &photos; }
  // A studio shot of the item on its "photographed" event (recorded now if the item's latest event is
  // another): the view and frame from `file_name` when it is named {SKU}_{view}_{n}, else `view` and `n`
  // (0: the next free frame). A grey card shot ("card") has its colour checked.
  Result<ItemPhoto> add_studio_shot(long long actor, const std::string& serial, const std::string& view,
                                    int n, const std::string& file_name, std::string_view bytes);
  Result<ProductShoot> product_shoot(const std::string& product_slug);
  // The product's stills made ready for a channel (naver, coupang, amazon; "" for every channel in its
  // own folder) and named {SKU}_{view}_{n}.jpg, in one zip archive.
  Result<std::string> shoot_zip(const std::string& product_slug, const std::string& channel);
  // The stills become the product's photos (white background, centred) in shoot-list order and the spin
  // frames its 360° view; refused until every required view is shot. Returns how many photos were added.
  Result<int> publish(long long actor, const std::string& product_slug);
  // The product's 360° frames (public rendition hashes, in order); empty when it has none.
  std::vector<std::string> spin_frames(const std::string& product_slug);

  // --- evidence (evidence.cpp) ---
  // The items packed into an order's parcels (of one workshop's when workshop_id > 0).
  std::vector<Item> order_items(const std::string& order_number, long long workshop_id = 0);
  // The order's evidence (one workshop's parcel when workshop_id > 0); empty when nothing was packed.
  Evidence evidence(const std::string& order_number, long long workshop_id = 0);
  // JSON for `brilliant verify`: the checkpoint, and for every entry the evidence rests on, its text and
  // audit path; the photos with the entries that name them.
  Result<std::string> evidence_bundle(const Evidence& evidence, trust::TransparencyLog& log,
                                      const std::string& public_key);
  // An evidence photo's bytes (its original, or thumbnail) by its SHA-256, when it is that order's (and
  // of that workshop's parcel when workshop_id > 0).
  std::optional<std::string> evidence_photo(const std::string& order_number, const std::string& sha256,
                                            bool thumb, long long workshop_id = 0);

 private:
  Result<PackingSession> load_session(soci::session& sql, long long session_id);
  Result<ReturnInspection> load_inspection(soci::session& sql, long long id);
  // The photo's channel renditions (JPEG, one per side) with the light of its event's grey card corrected.
  Result<std::vector<std::string>> packshots_of(const ItemPhoto& photo, const std::vector<int>& sides,
                                                const std::vector<ItemPhoto>& event_photos);
  db::Database& db_;
  media::BlobStore& blobs_;
  media::PhotoPipeline& pipeline_;
  const Clock& clock_;
  OrderLink orders_;
  media::Photos* photos_ = nullptr;
  std::function<void(long long)> on_stock_;
};

}  // namespace brilliant::studio
