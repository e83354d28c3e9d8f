#include "studio/service.hpp"

#include "db/database.hpp"

#include <boost/json.hpp>
#include <cstdio>

#include "core/text.hpp"
#include "media/blob_store.hpp"
#include "media/packshot.hpp"
#include "media/photo_pipeline.hpp"
#include "studio/repo.hpp"
#include "trust/jcs.hpp"
#include "trust/log.hpp"

namespace brilliant::studio {

namespace {

Result<void> check_text(const char* field, const std::string& text, size_t max) {
  if (text.size() > max || !valid_utf8(text))
    return Error::invalid(field, "text_invalid",
                          std::string(field) + ": at most " + std::to_string(max) + " bytes of text");
  return {};
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
  TRY(check_text("hallmark", hallmark, 200));
  TRY(check_text("inscription", inscription, 200));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Item> {
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
    return *repo::item(sql, item.serial);
  });
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
  TRY(check_text("note", note, 2000));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<ItemEvent> {
    auto item = valid_serial(serial) ? repo::item(sql, serial) : std::nullopt;
    if (!item) return Error::invalid("serial", "serial_unknown", "no item has the serial " + serial);
    const auto index =
        trust::TransparencyLog::append(sql, event_entry(*item, kind, station, actor, now), now);
    const auto id = repo::insert_event(sql, item->id, kind, to_string(station), actor, note,
                                       static_cast<long long>(index), now);
    repo::set_status(sql, item->id, kind);
    return ItemEvent{id, kind, to_string(station), "", note, static_cast<long long>(index), now, {}};
  });
}

Result<ItemPhoto> Studio::add_photo(const std::string& serial, long long event_id, const std::string& view,
                                    std::string_view bytes) {
  if (!view_ok(view))
    return Error::invalid("view", "view_invalid", "view is a short name: front, side, box, ...");
  auto found = item(serial);
  if (!found) return Error::invalid("serial", "serial_unknown", "no item has the serial " + serial);
  // The original and its renditions are stored first (content-addressed): a crash after this leaves
  // unreferenced blobs, never a row or a log entry without its bytes.
  const auto processed = TRY(pipeline_.process(bytes));
  char phash[17];
  std::snprintf(phash, sizeof phash, "%016llx", static_cast<unsigned long long>(processed.perceptual_hash));
  std::string thumb;
  for (const auto& r : processed.renditions)
    if (r.name == "thumb" && (thumb.empty() || r.format == "jpeg")) thumb = r.hash;
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<ItemPhoto> {
    if (repo::event_item(sql, event_id) != found->id)
      return Error::invalid("event", "event_unknown", "that event is not this item's");
    ItemPhoto p{
        0,  event_id, view, processed.original_hash, thumb, phash, processed.width, processed.height, 0,
        "", "",       now};
    p.log_index = static_cast<long long>(
        trust::TransparencyLog::append(sql, photo_entry(serial, event_id, view, p.hash, p.phash, now), now));
    p.id = repo::insert_photo(sql, found->id, event_id, p);
    return p;
  });
}

Result<void> Studio::void_photo(long long actor, long long photo_id, const std::string& reason) {
  if (trim(reason).empty()) return Error::invalid("reason", "reason_required", "say why the photo is void");
  TRY(check_text("reason", reason, 2000));
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
  auto original = photo_bytes(photo_id, false);
  if (!original) return Error::not_found("photo");
  return TRY(media::make_packshot(*original, spec->side)).jpeg;
}

std::optional<std::string> Studio::photo_bytes(long long photo_id, bool thumb) {
  auto p = db_.read([&](soci::session& sql) { return repo::photo(sql, photo_id); });
  if (!p) return std::nullopt;
  return blobs_.get(thumb && !p->thumb_hash.empty() ? p->thumb_hash : p->hash);
}

}  // namespace brilliant::studio
