// The evidence of an order (Studio's members declared in service.hpp; values in evidence.hpp).
#include "studio/evidence.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "db/database.hpp"
#include "media/blob_store.hpp"
#include "studio/repo.hpp"
#include "studio/service.hpp"
#include "trust/proof_json.hpp"

namespace brilliant::studio {
namespace json = boost::json;

namespace {

std::string stage_of(const std::string& kind) {
  if (kind == "packed") return "packing";
  if (kind == "return_received") return "return";
  return "studio";
}

}  // namespace

std::vector<long long> Evidence::log_indexes() const {
  std::set<long long> out;
  for (const auto& p : photos) out.insert(p.log_index);
  for (const auto& i : items)
    for (const auto& e : i.events) out.insert(e.log_index);
  for (const auto& r : returns)
    if (r.log_index >= 0) out.insert(r.log_index);
  return {out.begin(), out.end()};
}

namespace {

std::vector<Item> items_of(soci::session& sql, const std::string& order_number, long long workshop_id) {
  std::vector<Item> out;
  for (const auto& serial : repo::order_serials(sql, order_number, workshop_id))
    if (auto item = repo::item(sql, serial)) out.push_back(std::move(*item));
  return out;
}

}  // namespace

std::vector<Item> Studio::order_items(const std::string& order_number, long long workshop_id) {
  return db_.read([&](soci::session& sql) { return items_of(sql, order_number, workshop_id); });
}

Evidence Studio::evidence(const std::string& order_number, long long workshop_id) {
  return db_.read([&](soci::session& sql) {
    Evidence out{order_number, {}, {}, {}, {}};
    for (const auto& s : repo::order_sessions(sql, order_number, workshop_id)) {
      out.parcels.push_back(
          {repo::workshop_name(sql, s.workshop_id), s.carrier, s.tracking, s.holder, s.closed_at, s.status});
      for (const auto& p : repo::packing_photos(sql, s.id))
        out.photos.push_back(
            {"packing", "", p.view, p.hash, p.thumb_hash, p.phash, "", "", s.closed_at, p.log_index});
    }
    for (auto& item : items_of(sql, order_number, workshop_id)) {
      EvidenceItem entry{item, repo::events(sql, item.id)};
      for (const auto& e : entry.events)
        for (const auto& p : e.photos)
          out.photos.push_back({stage_of(e.kind), item.serial, p.view, p.hash, p.thumb_hash, p.phash,
                                p.voided_at, p.void_reason, p.created_at, p.log_index});
      out.items.push_back(std::move(entry));
    }
    for (auto id : repo::inspections_of_order(sql, order_number)) {
      auto r = load_inspection(sql, id);
      if (r && std::any_of(out.items.begin(), out.items.end(),
                           [&](const auto& i) { return i.item.id == r->item_id; }))
        out.returns.push_back(std::move(*r));
    }
    return out;
  });
}

Result<std::string> Studio::evidence_bundle(const Evidence& evidence, trust::TransparencyLog& log,
                                            const std::string& public_key) {
  if (evidence.empty()) return Error::not_found("evidence");
  const auto checkpoint = log.checkpoint(format_utc(clock_.now()));
  json::array entries, photos;
  for (auto index : evidence.log_indexes()) {
    const auto at = static_cast<uint64_t>(index);
    if (index < 0 || at >= checkpoint.size) continue;
    entries.push_back(trust::inclusion_json(log, at, checkpoint.size));
  }
  for (const auto& p : evidence.photos)
    photos.push_back(json::object{{"sha256", p.hash},
                                  {"stage", p.stage},
                                  {"serial", p.serial},
                                  {"view", p.view},
                                  {"voided", !p.voided_at.empty()},
                                  {"leaf_index", p.log_index}});
  return json::serialize(json::object{{"type", "BrilliantOrderEvidence"},
                                      {"order", evidence.order_number},
                                      {"public_key", public_key},
                                      {"checkpoint", trust::checkpoint_json(checkpoint)},
                                      {"entries", std::move(entries)},
                                      {"photos", std::move(photos)}});
}

std::optional<std::string> Studio::evidence_photo(const std::string& order_number, const std::string& sha256,
                                                  bool thumb, long long workshop_id) {
  auto found = db_.read(
      [&](soci::session& sql) { return repo::evidence_photo(sql, order_number, sha256, workshop_id); });
  if (!found) return std::nullopt;
  return blobs_.get(thumb && !found->second.empty() ? found->second : found->first);
}

}  // namespace brilliant::studio
