#include "studio/service.hpp"

#include "db/database.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "core/checks.hpp"
#include "media/blob_store.hpp"
#include "media/packshot.hpp"
#include "media/photo_pipeline.hpp"
#include "studio/repo.hpp"
#include "trust/jcs.hpp"
#include "trust/log.hpp"

namespace brilliant::studio {

namespace {

// An evidence photo through the pipeline: the original kept by its SHA-256, a thumbnail for pages
// (JPEG when there is one), the piece's perceptual hash as 16 hex digits.
struct Shot {
  std::string hash, thumb, phash;
  int width = 0, height = 0;
};

Result<Shot> evidence_shot(media::PhotoPipeline& pipeline, std::string_view bytes) {
  const auto processed = TRY(pipeline.evidence(bytes));
  Shot shot{processed.original_hash, "", "", processed.width, processed.height};
  // The piece's own hash (trimmed and centred first) so that a return's shots compare with the packing
  // ones however the piece lay; the frame's when nothing stands out.
  auto piece = media::piece_hash(bytes);
  char phash[17];
  std::snprintf(phash, sizeof phash, "%016llx",
                static_cast<unsigned long long>(piece ? *piece : processed.perceptual_hash));
  shot.phash = phash;
  for (const auto& r : processed.renditions)
    if (r.name == "thumb" && (shot.thumb.empty() || r.format == "jpeg")) shot.thumb = r.hash;
  return shot;
}

bool view_ok(const std::string& view) {
  if (view.empty() || view.size() > 20) return false;
  for (char c : view)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

Studio::Studio(db::Database& db, media::BlobStore& blobs, media::PhotoPipeline& pipeline, const Clock& clock)
    : db_(db), blobs_(blobs), pipeline_(pipeline), clock_(clock) {}

Result<Item> Studio::intake(long long actor, const std::string& sku, const std::string& weight,
                            const std::string& hallmark, const std::string& inscription) {
  const int cg = TRY(read_weight_cg(std::string(trim(weight))));
  TRY(check_text("hallmark", hallmark, false, 200));
  TRY(check_text("inscription", inscription, false, 200));
  const auto now = format_utc(clock_.now());
  auto made = db_.write([&](soci::session& sql) -> Result<Item> {
    const std::string code(trim(sku));
    auto variant = repo::variant_by_sku(sql, code);
    if (!variant) return Error::invalid("sku", "sku_unknown", "no piece has the SKU " + code);
    Item item;
    do item.serial = new_serial();
    while (repo::serial_taken(sql, item.serial));
    item.variant_id = variant->variant_id;
    item.product_id = variant->product_id;
    item.workshop_id = variant->workshop_id;
    item.weight_cg = cg;
    item.expected_mg = variant->expected_mg;
    item.weight_flag = weight_far_off(cg, variant->expected_mg);
    item.hallmark = std::string(trim(hallmark));
    item.inscription = std::string(trim(inscription));
    item.status = "received";
    item.created_at = now;
    item.id = repo::insert_item(sql, item);
    const auto index =
        trust::TransparencyLog::append(sql, event_entry(item, "received", Station::intake, actor, now), now);
    repo::insert_event(sql, item.id, "received", "intake", actor, "", static_cast<long long>(index), now);
    // The piece is at the hub now: its product's stock follows the items on the shelf.
    repo::make_hub_held(sql, item.product_id);
    repo::adjust_stock(sql, item.variant_id, stock_delta("", "received"));
    return *repo::item(sql, item.serial);
  });
  if (made && on_stock_) on_stock_(made->product_id);
  return made;
}

std::optional<Item> Studio::item(const std::string& serial) {
  if (!valid_serial(serial)) return std::nullopt;
  return db_.read([&](soci::session& sql) { return repo::item(sql, serial); });
}

std::vector<ItemEvent> Studio::history(const Item& item) {
  return db_.read([&](soci::session& sql) { return repo::events(sql, item.id); });
}

std::vector<Item> Studio::recent(int limit) {
  return db_.read([&](soci::session& sql) { return repo::recent_items(sql, limit); });
}

Result<ItemEvent> Studio::record(long long actor, const std::string& serial, Station station,
                                 const std::string& kind, const std::string& note) {
  if (!kind_allowed(station, kind))
    return Error::invalid("kind", "kind_invalid",
                          "the " + to_string(station) + " station does not record " + kind);
  TRY(check_text("note", note, false));
  if (station == Station::fair && (trim(note).empty() || !single_line(note) || note.size() > 60))
    return Error::invalid("note", "fair_required", "note names the fair by its slug, e.g. bangkok-gems-fair");
  const auto now = format_utc(clock_.now());
  long long moved = 0;  // the product whose stock moved
  auto event = db_.write([&](soci::session& sql) -> Result<ItemEvent> {
    auto item = valid_serial(serial) ? repo::item(sql, serial) : std::nullopt;
    if (!item) return Error::invalid("serial", "serial_unknown", "no item has the serial " + serial);
    const auto index =
        trust::TransparencyLog::append(sql, event_entry(*item, kind, station, actor, now), now);
    const auto id = repo::insert_event(sql, item->id, kind, to_string(station), actor, note,
                                       static_cast<long long>(index), now);
    repo::set_status(sql, item->id, kind);
    if (const int delta = stock_delta(item->status, kind);
        delta != 0 && repo::hub_held(sql, item->product_id)) {
      repo::adjust_stock(sql, item->variant_id, delta);
      moved = item->product_id;
    }
    return ItemEvent{id, kind, to_string(station), "", note, static_cast<long long>(index), now, {}};
  });
  if (event && moved && on_stock_) on_stock_(moved);
  return event;
}

Result<ItemPhoto> Studio::add_photo(const std::string& serial, long long event_id, const std::string& view,
                                    std::string_view bytes, int shot_no, const std::string& colour_note) {
  if (!view_ok(view))
    return Error::invalid("view", "view_invalid", "view is a short name: front, side, box, ...");
  auto found = item(serial);
  if (!found) return Error::invalid("serial", "serial_unknown", "no item has the serial " + serial);
  // The original and its renditions are stored first (content-addressed): a crash after this leaves
  // unreferenced blobs, never a row or a log entry without its bytes.
  const auto shot = TRY(evidence_shot(pipeline_, bytes));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<ItemPhoto> {
    if (repo::event_item(sql, event_id) != found->id)
      return Error::invalid("event", "event_unknown", "that event is not this item's");
    ItemPhoto p{0,           event_id, view, shot.hash, shot.thumb, shot.phash, shot.width,
                shot.height, 0,        "",   "",        now,        shot_no,    colour_note};
    p.log_index = static_cast<long long>(
        trust::TransparencyLog::append(sql, photo_entry(serial, event_id, view, p.hash, p.phash, now), now));
    p.id = repo::insert_photo(sql, found->id, event_id, p);
    return p;
  });
}

Result<void> Studio::void_photo(long long actor, long long photo_id, const std::string& reason) {
  TRY(check_text("reason", reason, true));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto p = repo::photo(sql, photo_id);
    if (!p) return Error::not_found("photo");
    if (!p->voided_at.empty()) return Error::conflict("photo", "photo_voided", "the photo is already void");
    trust::TransparencyLog::append(sql,
                                   trust::canonical_json(boost::json::object{{"event", "item.photo_void"},
                                                                             {"sha256", p->hash},
                                                                             {"actor", actor},
                                                                             {"reason", reason},
                                                                             {"at", now}})
                                       .value(),
                                   now);
    repo::void_photo(sql, photo_id, reason, now);
    return {};
  });
}

Result<std::string> Studio::channel_photo(long long photo_id, const std::string& channel) {
  const auto* spec = media::channel_spec(channel);
  if (!spec) return Error::not_found("channel");
  auto found =
      db_.read([&](soci::session& sql) -> std::optional<std::pair<ItemPhoto, std::vector<ItemPhoto>>> {
        auto p = repo::photo(sql, photo_id);
        auto item = p ? repo::photo_item(sql, photo_id) : std::nullopt;
        if (!p || !item) return std::nullopt;
        std::vector<ItemPhoto> same_event;
        for (const auto& e : repo::events(sql, *item))
          if (e.id == p->event_id) same_event = e.photos;
        return std::pair{*p, same_event};
      });
  if (!found) return Error::not_found("photo");
  return TRY(packshots_of(found->first, {spec->side}, found->second)).front();
}

std::optional<std::string> Studio::photo_bytes(long long photo_id, bool thumb) {
  auto p = db_.read([&](soci::session& sql) { return repo::photo(sql, photo_id); });
  if (!p) return std::nullopt;
  return blobs_.get(thumb && !p->thumb_hash.empty() ? p->thumb_hash : p->hash);
}

// --- packing ---------------------------------------------------------------------------------------

bool PackingSession::complete() const {
  for (const auto& l : parcel.lines)
    if (l.packed < l.quantity) return false;
  return !parcel.lines.empty();
}

bool PackingSession::has_view(const std::string& view) const {
  for (const auto& p : photos)
    if (p.view == view) return true;
  return false;
}

bool PackedPiece::has_view(const std::string& view) const {
  return std::find(views.begin(), views.end(), view) != views.end();
}

std::string PackingSession::missing_shot() const {
  for (const auto& piece : pieces)
    for (const char* view : piece_views)
      if (!piece.has_view(view)) return std::string(view) + " " + piece.serial;
  for (const char* view : required_packing_views)
    if (!has_view(view)) return view;
  return "";
}

Result<PackingSession> Studio::load_session(soci::session& sql, long long session_id) {
  auto row = repo::session_row(sql, session_id);
  if (!row || !orders_.parcel) return Error::not_found("packing session");
  auto parcel = orders_.parcel(row->order_number, "");
  if (!parcel || parcel->fulfilment_id != row->fulfilment_id) {
    // The order has several parcels: find this session's one by its workshop.
    parcel = orders_.parcel(row->order_number, repo::workshop_slug(sql, row->workshop_id));
  }
  if (!parcel) return Error::not_found("parcel");
  PackingSession s{row->id,
                   *parcel,
                   row->holder_id,
                   row->holder,
                   row->status,
                   row->carrier,
                   row->tracking,
                   row->created_at,
                   row->closed_at,
                   repo::packed_items(sql, row->id),
                   repo::packing_photos(sql, row->id)};
  for (const auto& piece : s.pieces)
    for (auto& l : s.parcel.lines)
      if (l.variant_id == piece.variant_id) ++l.packed;
  return s;
}

Result<PackingSession> Studio::open_packing(const web::Principal& who, const std::string& order_number,
                                            const std::string& workshop_slug) {
  if (!orders_.parcel) return Error::not_found("order");
  const std::string number(trim(order_number));
  auto parcel = orders_.parcel(number, std::string(trim(workshop_slug)));
  if (!parcel)
    return Error::invalid("order", "parcel_unknown", "no parcel of that order (and workshop) to pack");
  if (!parcel->ready)
    return Error::conflict("order", "parcel_not_ready", "the parcel is not paid and waiting to ship");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<PackingSession> {
    if (auto held = repo::open_session_for(sql, parcel->fulfilment_id)) {
      if (held->holder_id != who.user_id)
        return Error::conflict("order", "parcel_held",
                               "being packed by " + held->holder + " at another station");
      return load_session(sql, held->id);
    }
    const auto id =
        repo::insert_session(sql, number, parcel->fulfilment_id, parcel->workshop_id, who.user_id, now);
    trust::TransparencyLog::append(sql,
                                   trust::canonical_json(boost::json::object{{"event", "packing.opened"},
                                                                             {"order", number},
                                                                             {"session", id},
                                                                             {"actor", who.user_id},
                                                                             {"at", now}})
                                       .value(),
                                   now);
    return load_session(sql, id);
  });
}

Result<PackingSession> Studio::packing(long long session_id) {
  return db_.read([&](soci::session& sql) { return load_session(sql, session_id); });
}

Result<PackingSession> Studio::pack(const web::Principal& who, long long session_id,
                                    const std::string& serial) {
  const std::string code(trim(serial));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<PackingSession> {
    auto s = TRY(load_session(sql, session_id));
    if (s.status != "open")
      return Error::conflict("serial", "session_closed", "this packing session is closed");
    if (s.holder_id != who.user_id)
      return Error::conflict("serial", "parcel_held", "being packed by " + s.holder + " at another station");
    auto item = valid_serial(code) ? repo::item(sql, code) : std::nullopt;
    if (!item) return Error::invalid("serial", "serial_unknown", "no item has the serial " + code);
    if (repo::is_packed(sql, item->id))
      return Error::conflict("serial", "item_packed", code + " is already packed");
    ParcelLine* line = nullptr;
    for (auto& l : s.parcel.lines)
      if (l.variant_id == item->variant_id) line = &l;
    if (!line)
      return Error::rule_broken("serial", "item_not_in_parcel",
                                code + " (" + item->sku + ") is not in this parcel");
    if (line->packed >= line->quantity)
      return Error::rule_broken("serial", "parcel_line_full", "the parcel already has every " + item->sku);
    repo::insert_packing_item(sql, session_id, item->id, item->variant_id);
    const auto index = trust::TransparencyLog::append(
        sql, event_entry(*item, "packed", Station::packing, who.user_id, now), now);
    repo::insert_event(sql, item->id, "packed", "packing", who.user_id, s.parcel.order_number,
                       static_cast<long long>(index), now);
    repo::set_status(sql, item->id, "packed");
    return load_session(sql, session_id);
  });
}

Result<PackingPhoto> Studio::add_packing_photo(long long session_id, const std::string& view,
                                               std::string_view bytes, const std::string& serial) {
  if (view != "box" && view != "sealed" && !is_piece_view(view))
    return Error::invalid("view", "view_invalid",
                          "a packing shot is the open box (box), the sealed parcel (sealed), or a packed "
                          "piece (piece) and its serial close-up (serial)");
  auto s = TRY(packing(session_id));
  if (s.status != "open") return Error::conflict("view", "session_closed", "this packing session is closed");
  if (is_piece_view(view)) {
    const std::string code(trim(serial));
    auto piece =
        std::find_if(s.pieces.begin(), s.pieces.end(), [&](const auto& p) { return p.serial == code; });
    if (piece == s.pieces.end())
      return Error::invalid("serial", "serial_not_packed", "scan the piece into this parcel first: " + code);
    const auto p = TRY(add_photo(code, piece->event_id, view, bytes));
    return PackingPhoto{p.id, p.view, p.hash, p.thumb_hash, p.phash, p.log_index};
  }
  const auto shot = TRY(evidence_shot(pipeline_, bytes));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<PackingPhoto> {
    auto row = repo::session_row(sql, session_id);
    if (!row) return Error::not_found("packing session");
    PackingPhoto p{0, view, shot.hash, shot.thumb, shot.phash, 0};
    p.log_index = static_cast<long long>(
        trust::TransparencyLog::append(sql,
                                       trust::canonical_json(boost::json::object{{"event", "packing.photo"},
                                                                                 {"order", row->order_number},
                                                                                 {"session", session_id},
                                                                                 {"view", view},
                                                                                 {"sha256", p.hash},
                                                                                 {"phash", p.phash},
                                                                                 {"at", now}})
                                           .value(),
                                       now));
    p.id = repo::insert_packing_photo(sql, session_id, p, now);
    return p;
  });
}

Result<PackingSession> Studio::close_packing(const web::Principal& who, long long session_id,
                                             const std::string& carrier, const std::string& tracking) {
  auto s = TRY(packing(session_id));
  if (s.status != "open")
    return Error::conflict("session", "session_closed", "this packing session is closed");
  if (s.holder_id != who.user_id)
    return Error::conflict("session", "parcel_held", "being packed by " + s.holder + " at another station");
  if (!s.complete())
    return Error::rule_broken("serial", "parcel_incomplete", "scan every piece of the parcel first");
  if (const auto missing = s.missing_shot(); !missing.empty())
    return Error::rule_broken("view", "shot_missing", "take the " + missing + " photo first");
  // The orders module ships (its own transaction, the shopper mailed); then the session closes and each
  // item records "shipped". A failure in between leaves the session open to close again.
  TRY(orders_.ship(s.parcel.order_number, s.parcel.workshop_id, who.user_id, carrier, tracking));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<PackingSession> {
    repo::close_session(sql, session_id, carrier, tracking, now);
    for (const auto& piece : s.pieces) {
      auto item = repo::item(sql, piece.serial);
      if (!item) continue;
      const auto index = trust::TransparencyLog::append(
          sql, event_entry(*item, "shipped", Station::packing, who.user_id, now), now);
      repo::insert_event(sql, item->id, "shipped", "packing", who.user_id, tracking,
                         static_cast<long long>(index), now);
      repo::set_status(sql, item->id, "shipped");
    }
    return load_session(sql, session_id);
  });
}

std::vector<PackingPhoto> Studio::packing_photos_of(const std::string& order_number) {
  return db_.read([&](soci::session& sql) {
    std::vector<PackingPhoto> out;
    for (auto id : repo::sessions_of_order(sql, order_number))
      for (auto& p : repo::packing_photos(sql, id)) out.push_back(std::move(p));
    return out;
  });
}

}  // namespace brilliant::studio
