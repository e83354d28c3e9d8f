// Packing at the studio (issue 17): a session packs one order's parcel. Scanned serials are checked
// against the parcel's lines (a piece not in the parcel, one too many, or one already packed is a loud
// refusal); the open box and the sealed parcel must be photographed; closing ships the parcel with its
// waybill through the orders module and records "shipped" on each item. Values here; the work is in
// Studio (service.hpp).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace brilliant::studio {

struct ParcelLine {
  long long variant_id = 0;
  int quantity = 0;
  std::string sku, title;
  int packed = 0;        // filled by the session
  std::string title_en;  // (title: the Korean one)
};

// One workshop's parcel of an order, as the orders module tells it.
struct Parcel {
  std::string order_number;
  long long fulfilment_id = 0, workshop_id = 0;
  std::string workshop;
  bool ready = false;  // paid and not shipped
  std::vector<ParcelLine> lines;
  std::string workshop_slug, workshop_en, paid_at;  // paid_at: UTC
};

// A return on its way back to the studio: approved (the shopper is to send it) or sent back with a waybill.
struct Returning {
  std::string order_number, workshop, workshop_en, status, carrier,
      tracking;                   // status: approved|shipped_back
  std::string pieces, pieces_en;  // the returned pieces' titles, in Korean and English
};

// A workshop's parcels waiting to ship (the packing station's filter).
struct WaitingCount {
  std::string slug, workshop, workshop_en;
  long long parcels = 0;
};

// What the studio asks of the orders module (wired by the app).
struct OrderLink {
  // The parcel of `number` for the workshop `workshop_slug` (empty: the order's only parcel).
  std::function<std::optional<Parcel>(const std::string& number, const std::string& workshop_slug)> parcel;
  std::function<Result<void>(const std::string& number, long long workshop_id, long long actor,
                             const std::string& carrier, const std::string& tracking)>
      ship;
  // The parcels paid and waiting to ship, the longest waiting first, at most `limit` orders' (only the
  // order `number`'s when one is given, only the workshop `workshop_slug`'s when one is given).
  std::function<std::vector<Parcel>(int limit, const std::string& number, const std::string& workshop_slug)>
      waiting;
  // How many parcels of each workshop wait, the most first.
  std::function<std::vector<WaitingCount>()> waiting_counts;
  // The returns on their way back, sent back first, then the longest approved.
  std::function<std::vector<Returning>(int limit)> returning;
};

inline constexpr const char* required_packing_views[] = {"box", "sealed"};

// A piece packed in the session, with the views of it shot on its "packed" event (piece_views in
// returns.hpp: the piece and its serial close-up are needed before the session closes).
struct PackedPiece {
  std::string serial;
  long long item_id = 0, variant_id = 0, event_id = 0;
  std::vector<std::string> views;
  bool has_view(const std::string& view) const;
};

struct PackingPhoto {
  long long id = 0;
  std::string view, hash, thumb_hash, phash;
  long long log_index = 0;
};

struct PackingSession {
  long long id = 0;
  Parcel parcel;
  long long holder_id = 0;
  std::string holder, status, carrier, tracking, created_at, closed_at;
  std::vector<PackedPiece> pieces;  // packed
  std::vector<PackingPhoto> photos;
  bool complete() const;  // every line packed in full
  bool has_view(const std::string& view) const;
  // The first shot still missing: the box or sealed parcel, or a piece's view ("serial IT-..."); empty
  // when every required shot is there.
  std::string missing_shot() const;
};

}  // namespace brilliant::studio
