// The studio's shoot (Studio's members declared in service.hpp; the shoot list in shoot.hpp): shots
// named {SKU}_{view}_{n} onto an item's "photographed" event, a grey card's reading, channel renditions
// in a zip, and publishing the stills and the 360° frames to the product.
#include <algorithm>
#include <boost/json.hpp>

#include "db/database.hpp"
#include "media/blob_store.hpp"
#include "media/colour.hpp"
#include "media/packshot.hpp"
#include "media/photos.hpp"
#include "media/zip.hpp"
#include "studio/repo.hpp"
#include "studio/service.hpp"
#include "trust/jcs.hpp"
#include "trust/log.hpp"

namespace brilliant::studio {

namespace {

// The grey card's gains for photos of `event_id`, from that event's latest card shot.
std::array<double, 3> card_gains(media::BlobStore& blobs, const std::vector<ItemPhoto>& photos,
                                 long long event_id) {
  const ItemPhoto* card = nullptr;
  for (const auto& p : photos)
    if (p.event_id == event_id && p.view == "card" && p.voided_at.empty()) card = &p;
  if (!card) return {1.0, 1.0, 1.0};
  auto bytes = blobs.get(card->hash);
  auto check = bytes ? media::check_grey_card(*bytes) : Result<media::ColourCheck>(Error::not_found("card"));
  return check && check->cast() ? check->gains : std::array<double, 3>{1.0, 1.0, 1.0};
}

constexpr const char* still_views[] = {"front", "side", "back", "detail", "worn"};

}  // namespace

Result<std::vector<std::string>> Studio::packshots_of(const ItemPhoto& photo, const std::vector<int>& sides,
                                                      const std::vector<ItemPhoto>& event_photos) {
  auto original = blobs_.get(photo.hash);
  if (!original) return Error::not_found("photo");
  std::vector<std::string> out;
  for (auto& shot :
       TRY(media::make_packshots(*original, sides, 0.85, card_gains(blobs_, event_photos, photo.event_id))))
    out.push_back(std::move(shot.jpeg));
  return out;
}

Result<ItemPhoto> Studio::add_studio_shot(long long actor, const std::string& serial, const std::string& view,
                                          int n, const std::string& file_name, std::string_view bytes) {
  auto item = this->item(serial);
  if (!item) return Error::invalid("serial", "serial_unknown", "no item has the serial " + serial);
  ShotName shot{view, n};
  if (auto named = parse_shot_name(file_name, item->sku)) shot = *named;
  const auto* spec = shot_spec(shot.view);
  if (!spec)
    return Error::invalid("view", "view_invalid",
                          "a studio shot is front, side, back, detail, worn, spin or card, or a file named " +
                              shot_name(item->sku, "front", 1) + ".jpg");
  if (shot.n < 0 || shot.n > spec->wanted)
    return Error::invalid("n", "n_invalid", shot.view + " has frames 1 to " + std::to_string(spec->wanted));
  std::string note;
  if (shot.view == "card") {
    const auto check = TRY(media::check_grey_card(bytes));
    if (!check.card) return Error::rule_broken("photo", "no_card", "no grey card stands out in this photo");
    note = media::describe(check);
  }
  auto [event_id, kind] = db_.read([&](soci::session& sql) { return repo::last_event(sql, item->id); });
  if (kind != "photographed") event_id = TRY(record(actor, serial, Station::studio, "photographed", "")).id;
  if (shot.n == 0) {  // the next free frame of that view
    const auto shoot = TRY(product_shoot(item->product_slug));
    const auto* done = shoot.list.entry(shot.view);
    shot.n = std::min(spec->wanted, (done ? done->done : 0) + 1);
  }
  return add_photo(serial, event_id, shot.view, bytes, shot.n, note);
}

Result<ProductShoot> Studio::product_shoot(const std::string& product_slug) {
  return db_.read([&](soci::session& sql) -> Result<ProductShoot> {
    auto ref = repo::product_ref(sql, product_slug);
    if (!ref) return Error::not_found("product");
    ProductShoot out{
        ref->id, ref->slug, ref->title_ko, ref->title_en, ref->sku, repo::product_studio_photos(sql, ref->id),
        {},      0};
    out.list = shoot_list(out.photos);
    out.spin_published = static_cast<int>(repo::spin_hashes(sql, product_slug).size());
    return out;
  });
}

Result<std::string> Studio::shoot_zip(const std::string& product_slug, const std::string& channel) {
  if (!channel.empty() && !media::channel_spec(channel)) return Error::not_found("channel");
  const auto shoot = TRY(product_shoot(product_slug));
  std::vector<const media::ChannelSpec*> channels;
  std::vector<int> sides;
  for (const auto& spec : media::channel_specs)
    if (channel.empty() || channel == spec.channel) {
      channels.push_back(&spec);
      sides.push_back(spec.side);
    }
  // Each still is decoded and flattened once for every channel; each channel has its own folder when
  // the archive holds them all.
  std::vector<std::pair<std::string, std::string>> files;
  for (const char* view : still_views)
    if (const auto* e = shoot.list.entry(view))
      for (const auto& p : e->photos) {
        auto jpegs = TRY(packshots_of(p, sides, shoot.photos));
        for (size_t i = 0; i < channels.size(); ++i)
          files.emplace_back((channel.empty() ? std::string(channels[i]->channel) + "/" : "") +
                                 shot_name(shoot.sku, view, p.shot_no) + ".jpg",
                             std::move(jpegs[i]));
      }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (files.empty()) return Error::rule_broken("view", "no_shots", "nothing of this product is shot yet");
  return media::zip_files(files);
}

Result<int> Studio::publish(long long actor, const std::string& product_slug) {
  const auto shoot = TRY(product_shoot(product_slug));
  if (!shoot.list.ready()) {
    for (const auto& e : shoot.list.entries)
      if (e.required && e.done < e.wanted)
        return Error::rule_broken("view", "shot_missing", "shoot the " + e.view + " view first");
  }
  if (!photos_) return Error::not_found("photos");
  // Everything is processed before anything changes: a bad frame leaves the product as it was.
  std::vector<std::pair<std::string, std::string>> stills;  // (jpeg, view)
  for (const char* view : still_views)
    if (const auto* e = shoot.list.entry(view))
      for (const auto& p : e->photos)
        stills.emplace_back(TRY(packshots_of(p, {2400}, shoot.photos)).front(), view);
  std::vector<std::string> spin;
  if (const auto* e = shoot.list.entry("spin"); e && e->done >= min_spin_frames)
    for (const auto& p : e->photos) {
      const auto processed = TRY(photos_->add_public(TRY(packshots_of(p, {1000}, shoot.photos)).front()));
      for (const auto& r : processed.renditions)
        if (r.name == "listing" && r.format == "jpeg") spin.push_back(r.hash);
    }
  int added = 0;
  for (const auto& [jpeg, view] : stills) {
    TRY(photos_->add(shoot.product_id, jpeg, actor, shoot.title_ko, shoot.title_en));
    ++added;
  }
  const auto now = format_utc(clock_.now());
  db_.write([&](soci::session& sql) {
    repo::replace_spin(sql, shoot.product_id, spin, now);
    trust::TransparencyLog::append(sql,
                                   trust::canonical_json(boost::json::object{{"event", "studio.published"},
                                                                             {"product", product_slug},
                                                                             {"photos", added},
                                                                             {"spin_frames", spin.size()},
                                                                             {"actor", actor},
                                                                             {"at", now}})
                                       .value(),
                                   now);
  });
  return added;
}

std::vector<std::string> Studio::spin_frames(const std::string& product_slug) {
  return db_.read([&](soci::session& sql) { return repo::spin_hashes(sql, product_slug); });
}

}  // namespace brilliant::studio
