#include "studio/views.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "media/packshot.hpp"

namespace brilliant::studio {
namespace json = boost::json;
using web::Request;

json::object item_json(const Item& i, const web::Renderer& r, const Request& req) {
  const bool en = req.locale == "en";
  return {{"serial", i.serial},
          {"status_text", r.message(req.locale, "studio.kind." + i.status)},
          {"sku", i.sku},
          {"product", json::object{{"slug", i.product_slug}, {"title", en ? i.title_en : i.title_ko}}},
          {"workshop", in_language(en, i.workshop_ko, i.workshop_en)},
          {"weight_cg", i.weight_cg},
          {"weight_text", grams(i.weight_cg)},
          {"expected_text", grams(static_cast<int>(i.expected_mg / 10))},
          {"weight_flag", i.weight_flag},
          {"hallmark", i.hallmark},
          {"inscription", i.inscription},
          {"status", i.status},
          {"received_at", i.created_at},
          {"url", "/operator/items/" + i.serial}};
}

json::array events_json(const std::vector<ItemEvent>& events, const web::Renderer& r, const Request& req) {
  json::array out;
  for (const auto& e : events) {
    json::array photos;
    for (const auto& p : e.photos)
      photos.push_back(
          json::object{{"id", p.id},
                       {"view", p.view},
                       {"sha256", p.hash},
                       {"phash", p.phash},
                       {"log_index", p.log_index},
                       {"voided", !p.voided_at.empty()},
                       {"void_reason", p.void_reason},
                       {"url", "/operator/items/photos/" + std::to_string(p.id)},
                       {"thumb_url", "/operator/items/photos/" + std::to_string(p.id) + "?thumb=1"}});
    out.push_back(json::object{{"id", e.id},
                               {"kind", e.kind},
                               {"kind_text", r.message(req.locale, "studio.kind." + e.kind)},
                               {"station", e.station},
                               {"station_text", r.message(req.locale, "studio.station." + e.station)},
                               {"actor", e.actor},
                               {"note", e.note},
                               {"log_index", e.log_index},
                               {"at", e.created_at},
                               {"at_text", format_seoul(e.created_at)},
                               {"photos", std::move(photos)}});
  }
  return out;
}

json::object session_json(const PackingSession& s, const web::Renderer& r, const Request& req) {
  json::array lines, photos, pieces, missing;
  for (const auto& l : s.parcel.lines)
    lines.push_back(json::object{{"variant_id", l.variant_id},
                                 {"sku", l.sku},
                                 {"title", in_language(req.locale == "en", l.title, l.title_en)},
                                 {"quantity", l.quantity},
                                 {"packed", l.packed},
                                 {"done", l.packed >= l.quantity}});
  for (const auto& p : s.photos)
    photos.push_back(json::object{
        {"id", p.id}, {"view", p.view}, {"sha256", p.hash}, {"phash", p.phash}, {"log_index", p.log_index}});
  for (const auto& piece : s.pieces) {
    json::array views;
    for (const char* view : piece_views) {
      const bool done = piece.has_view(view);
      views.push_back(json::object{{"view", view},
                                   {"text", r.message(req.locale, std::string("studio.view.") + view)},
                                   {"done", done},
                                   {"attach", "/api/v1/packing/sessions/" + std::to_string(s.id) +
                                                  "/photos?view=" + view + "&serial=" + piece.serial}});
      if (!done)
        missing.push_back(json::object{
            {"view", view},
            {"text", r.message(req.locale, std::string("studio.view.") + view) + " " + piece.serial}});
    }
    pieces.push_back(json::object{{"serial", piece.serial}, {"views", std::move(views)}});
  }
  json::array parcel_shots;
  for (const char* view : required_packing_views) {
    const auto text = r.message(req.locale, std::string("studio.view.") + view);
    parcel_shots.push_back(json::object{
        {"view", view},
        {"text", text},
        {"done", s.has_view(view)},
        {"attach", "/api/v1/packing/sessions/" + std::to_string(s.id) + "/photos?view=" + view}});
    if (!s.has_view(view)) missing.push_back(json::object{{"view", view}, {"text", text}});
  }
  json::array serials;
  for (const auto& piece : s.pieces) serials.emplace_back(piece.serial);
  return {{"id", s.id},
          {"order", s.parcel.order_number},
          {"workshop", in_language(req.locale == "en", s.parcel.workshop, s.parcel.workshop_en)},
          {"holder", s.holder},
          {"status", s.status},
          {"open", s.status == "open"},
          {"complete", s.complete()},
          {"lines", std::move(lines)},
          {"serials", std::move(serials)},
          {"pieces", std::move(pieces)},
          {"parcel_shots", std::move(parcel_shots)},
          {"status_text", r.message(req.locale, "studio.session." + s.status)},
          {"photos", std::move(photos)},
          {"has_missing_shots", !missing.empty()},
          {"missing_shots", std::move(missing)},
          {"carrier", s.carrier},
          {"tracking", s.tracking}};
}

json::object return_json(const ReturnInspection& x, const web::Renderer& r, const Request& req) {
  json::array views;
  for (const auto& v : x.match.views) {
    auto photo = [](long long id) {
      return id ? json::value("/operator/items/photos/" + std::to_string(id) + "?thumb=1")
                : json::value(nullptr);
    };
    views.push_back(
        json::object{{"view", v.view},
                     {"text", r.message(req.locale, "studio.view." + v.view)},
                     {"packed_thumb_url", photo(v.packed_id)},
                     {"returned_thumb_url", photo(v.returned_id)},
                     {"has_packed", v.packed_id != 0},
                     {"has_returned", v.returned_id != 0},
                     {"packed_phash", v.packed_phash},
                     {"returned_phash", v.returned_phash},
                     {"distance", v.distance},
                     {"match", v.match},
                     {"attach", "/api/v1/returns/" + std::to_string(x.id) + "/photos?view=" + v.view}});
  }
  const int diff = x.match.weight_diff_cg;
  return {{"id", x.id},
          {"serial", x.serial},
          {"order", x.order_number},
          {"sku", x.sku},
          {"title", in_language(req.locale == "en", x.title, x.title_en)},
          {"packed_weight_cg", x.packed_cg},
          {"weight_cg", x.weight_cg},
          {"packed_weight_text", grams(x.packed_cg)},
          {"weight_text", grams(x.weight_cg)},
          {"weight_diff_text", (diff < 0 ? "-" : "+") + grams(diff < 0 ? -diff : diff)},
          {"weight_ok", x.match.weight_ok},
          {"views", std::move(views)},
          {"score", x.match.score},
          {"match", x.match.match},
          {"open", x.open()},
          {"decision", x.decision},
          {"decision_text", x.decision.empty() ? "" : r.message(req.locale, "studio.decision." + x.decision)},
          {"reason", x.reason},
          {"decided_score", x.score},
          {"opened_by", x.opened_by},
          {"decided_by", x.decided_by},
          {"opened_at", x.created_at},
          {"decided_at", x.decided_at},
          {"opened_at_text", format_seoul(x.created_at)},
          {"decided_at_text", format_seoul(x.decided_at)},
          {"log_index", x.log_index},
          {"url", "/station/returns/" + std::to_string(x.id)}};
}

json::object shoot_json(const ProductShoot& shoot, const web::Renderer& r, const Request& req,
                        const std::string& serial) {
  json::array entries;
  for (const auto& e : shoot.list.entries) {
    json::array photos;
    for (const auto& p : e.photos)
      photos.push_back(
          json::object{{"id", p.id},
                       {"n", p.shot_no},
                       {"name", shot_name(shoot.sku, e.view, p.shot_no)},
                       {"thumb_url", "/operator/items/photos/" + std::to_string(p.id) + "?thumb=1"},
                       {"colour_note", p.colour_note}});
    entries.push_back(json::object{{"view", e.view},
                                   {"text", r.message(req.locale, "studio.view." + e.view)},
                                   {"wanted", e.wanted},
                                   {"done", e.done},
                                   {"required", e.required},
                                   {"complete", e.done >= e.wanted},
                                   {"photos", std::move(photos)},
                                   {"attach", "/api/v1/items/" + serial + "/shots?view=" + e.view}});
  }
  json::array zips;
  for (const auto& spec : media::channel_specs)
    zips.push_back(json::object{
        {"channel", spec.channel},
        {"url", "/station/studio/products/" + shoot.slug + "/shoot.zip?channel=" + spec.channel}});
  return {{"product", shoot.slug},
          {"title", req.locale == "en" ? shoot.title_en : shoot.title_ko},
          {"sku", shoot.sku},
          {"entries", std::move(entries)},
          {"ready", shoot.list.ready()},
          {"spin_published", shoot.spin_published},
          {"bulk_attach", "/api/v1/items/" + serial + "/shots?view="},
          {"zip_url", "/station/studio/products/" + shoot.slug + "/shoot.zip"},
          {"zips", std::move(zips)},
          {"publish_url", "/station/studio/products/" + shoot.slug + "/publish"}};
}

json::object evidence_json(const Evidence& e, const web::Renderer& r, const Request& req,
                           const std::string& base, const std::string& query, bool staff) {
  auto url = [&](const std::string& hash, bool thumb) {
    std::string params = thumb ? "thumb=1" : "";
    if (!query.empty()) params += (params.empty() ? "" : "&") + query;
    return base + "/photos/" + hash + (params.empty() ? "" : "?" + params);
  };
  json::array parcels, photos, items, returns;
  for (const auto& p : e.parcels)
    parcels.push_back(json::object{
        {"workshop", p.workshop},
        {"carrier", p.carrier},
        {"carrier_text", p.carrier.empty() ? "" : r.message(req.locale, "orders.carrier." + p.carrier)},
        {"tracking", p.tracking},
        {"packed_by", staff ? p.packed_by : ""},
        {"closed_at", p.closed_at},
        {"status", p.status}});
  for (const auto& p : e.photos)
    photos.push_back(json::object{{"stage", p.stage},
                                  {"stage_text", r.message(req.locale, "studio.stage." + p.stage)},
                                  {"serial", p.serial},
                                  {"view", p.view},
                                  {"view_text", r.message(req.locale, "studio.view." + p.view)},
                                  {"sha256", p.hash},
                                  {"phash", p.phash},
                                  {"log_index", p.log_index},
                                  {"at", p.at},
                                  {"at_text", format_seoul(p.at)},
                                  {"voided", !p.voided_at.empty()},
                                  {"void_reason", p.void_reason},
                                  {"url", url(p.hash, false)},
                                  {"thumb_url", url(p.hash, true)}});
  for (const auto& i : e.items) {
    auto events = events_json(i.events, r, req);
    for (auto& ev : events) {
      auto& o = ev.as_object();
      if (!staff) o["actor"] = "";
      for (auto& p : o["photos"].as_array()) {  // staff-only URLs become the order's own
        auto& photo = p.as_object();
        const std::string hash(photo["sha256"].as_string());
        photo["url"] = url(hash, false);
        photo["thumb_url"] = url(hash, true);
      }
    }
    items.push_back(json::object{{"serial", i.item.serial},
                                 {"sku", i.item.sku},
                                 {"title", req.locale == "en" ? i.item.title_en : i.item.title_ko},
                                 {"weight_text", grams(i.item.weight_cg)},
                                 {"events", std::move(events)}});
  }
  for (const auto& x : e.returns) {
    auto o = return_json(x, r, req);
    o.erase("views");  // the station's photo links; the photos are listed above
    o.erase("url");
    if (!staff) o["opened_by"] = "", o["decided_by"] = "";
    returns.push_back(std::move(o));
  }
  return {{"order", e.order_number},
          {"parcels", std::move(parcels)},
          {"photos", std::move(photos)},
          {"items", std::move(items)},
          {"has_returns", !returns.empty()},
          {"returns", std::move(returns)},
          {"log_entries", e.log_indexes().size()},
          {"proof_url", base + "/proof.json" + (query.empty() ? "" : "?" + query)}};
}

}  // namespace brilliant::studio
