// Brilliant Studio's returns station (Studio's members declared in service.hpp): a returned piece is
// scanned, weighed and shot again; its shots are compared with its packing shots; a person decides.
#include <boost/json.hpp>

#include "core/checks.hpp"
#include "db/database.hpp"
#include "studio/repo.hpp"
#include "studio/service.hpp"
#include "trust/jcs.hpp"
#include "trust/log.hpp"

namespace brilliant::studio {

namespace {

// The latest photo of each piece view on an event, voided ones left out.
void latest_views(const std::vector<ItemEvent>& events, long long event_id, std::vector<ViewMatch>& views,
                  bool returned) {
  for (const auto& e : events) {
    if (e.id != event_id) continue;
    for (const auto& p : e.photos) {
      if (!p.voided_at.empty()) continue;
      for (auto& v : views)
        if (v.view == p.view)
          (returned ? v.returned_id : v.packed_id) = p.id,
                                      (returned ? v.returned_phash : v.packed_phash) = p.phash;
    }
  }
}

}  // namespace

Result<ReturnInspection> Studio::load_inspection(soci::session& sql, long long id) {
  auto r = repo::inspection(sql, id);
  if (!r) return Error::not_found("return");
  const auto events = repo::events(sql, r->item_id);
  std::vector<ViewMatch> views;
  for (const char* view : piece_views) views.push_back({view});
  latest_views(events, repo::latest_event(sql, r->item_id, "packed"), views, false);
  latest_views(events, r->event_id, views, true);
  r->match = compare_return(std::move(views), r->packed_cg, r->weight_cg);
  return *r;
}

Result<ReturnInspection> Studio::open_return(long long actor, const std::string& serial,
                                             const std::string& weight) {
  const std::string code(trim(serial));
  const int cg = TRY(read_weight_cg(std::string(trim(weight))));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<ReturnInspection> {
    auto item = valid_serial(code) ? repo::item(sql, code) : std::nullopt;
    if (!item) return Error::invalid("serial", "serial_unknown", "no item has the serial " + code);
    if (auto open = repo::open_inspection(sql, item->id)) return load_inspection(sql, *open);
    auto order = repo::shipped_order_of(sql, item->id);
    if (!order)
      return Error::rule_broken("serial", "not_shipped",
                                code + " was not shipped in any order: nothing to return");
    const auto index = static_cast<long long>(trust::TransparencyLog::append(
        sql, event_entry(*item, "return_received", Station::returns, actor, now), now));
    ReturnInspection r;
    r.item_id = item->id;
    r.order_number = *order;
    r.weight_cg = cg;
    r.created_at = now;
    r.event_id = repo::insert_event(sql, item->id, "return_received", "returns", actor,
                                    *order + " · " + grams(cg), index, now);
    repo::set_status(sql, item->id, "return_received");
    return load_inspection(sql, repo::insert_inspection(sql, r, actor));
  });
}

Result<ReturnInspection> Studio::inspection(long long id) {
  return db_.read([&](soci::session& sql) { return load_inspection(sql, id); });
}

std::vector<ReturnInspection> Studio::returns_of_order(const std::string& order_number) {
  return db_.read([&](soci::session& sql) {
    std::vector<ReturnInspection> out;
    for (auto id : repo::inspections_of_order(sql, order_number))
      if (auto r = load_inspection(sql, id); r.ok()) out.push_back(std::move(r).value());
    return out;
  });
}

std::vector<ReturnInspection> Studio::recent_returns(int limit) {
  return db_.read([&](soci::session& sql) { return repo::recent_inspections(sql, limit); });
}

Result<ItemPhoto> Studio::add_return_photo(long long inspection_id, const std::string& view,
                                           std::string_view bytes) {
  if (!is_piece_view(view))
    return Error::invalid("view", "view_invalid",
                          "a return shot is the piece (piece) or its serial close-up (serial)");
  const auto r = TRY(inspection(inspection_id));
  if (!r.open()) return Error::conflict("view", "return_decided", "this return is decided");
  return add_photo(r.serial, r.event_id, view, bytes);
}

Result<ReturnInspection> Studio::decide(long long actor, long long inspection_id, const std::string& decision,
                                        const std::string& reason) {
  const auto chosen = decision_of(decision);
  if (!chosen)
    return Error::invalid("decision", "decision_invalid", "decision is accept, reject or escalate");
  TRY(check_text("reason", reason, false));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<ReturnInspection> {
    auto r = TRY(load_inspection(sql, inspection_id));
    if (!r.open())
      return Error::conflict("decision", "return_decided", "this return is decided: " + r.decision);
    for (const auto& v : r.match.views)
      if (!v.returned_id && *chosen != Decision::escalate)
        return Error::rule_broken("view", "shot_missing",
                                  "take the " + v.view + " photo of the returned piece first");
    if (trim(reason).empty() && !(*chosen == Decision::accept && r.match.match))
      return Error::invalid("reason", "reason_required",
                            "say why (the piece does not match its packing photos)");
    const auto index = static_cast<long long>(
        trust::TransparencyLog::append(sql,
                                       trust::canonical_json(boost::json::object{{"event", "return.decided"},
                                                                                 {"serial", r.serial},
                                                                                 {"order", r.order_number},
                                                                                 {"decision", decision},
                                                                                 {"score", r.match.score},
                                                                                 {"reason", reason},
                                                                                 {"actor", actor},
                                                                                 {"at", now}})
                                           .value(),
                                       now));
    repo::insert_event(sql, r.item_id, "inspected", "returns", actor,
                       decision + (trim(reason).empty() ? "" : ": " + std::string(trim(reason))), index, now);
    repo::set_status(sql, r.item_id, "inspected");
    repo::decide(sql, r.id, decision, std::string(trim(reason)), r.match.score, actor, index, now);
    return load_inspection(sql, r.id);
  });
}

}  // namespace brilliant::studio
