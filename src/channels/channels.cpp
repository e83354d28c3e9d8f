#include "channels/channels.hpp"

#include <algorithm>
#include <unordered_set>

#include "catalog/rules.hpp"
#include "channels/repo.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "media/packshot.hpp"

namespace brilliant::channels {
namespace {

constexpr auto max_age = std::chrono::minutes(5);
constexpr size_t images_kept = 256;

const char* medium_of(Feed kind) { return kind == Feed::kakao ? "catalog_feed" : "shopping_feed"; }
const char* name_of(Feed kind) { return channel_names[static_cast<int>(kind)]; }

bool digits(const std::string& text, size_t most) {
  return !text.empty() && text.size() <= most &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The piece's words for a channel's search: purity, colour, metal, category and stones, in Korean.
std::string tags_of(const catalog::Card& c, const Sources& s) {
  std::string out = catalog::purity_label(c.metal, c.purity) + " " +
                    s.words("ko", "catalog.metal." + c.metal) + " " +
                    s.words("ko", "catalog.category." + c.category);
  for (const auto& stone : c.stone_kinds) out += " " + s.words("ko", "catalog.stone." + stone);
  return out;
}

// "YYYY-MM-DD HH:MM:SS" in Seoul of a stored UTC time.
std::string update_time(const std::string& utc) {
  TimePoint t;
  if (!parse_utc(utc, t)) return utc;
  const auto seoul = format_seoul(t);  // "YYYY-MM-DD HH:MM"
  return seoul + ":00";
}

}  // namespace

Channels::Channels(db::Database& db, const Clock& clock, catalog::Catalog& catalog, Sources sources)
    : db_(db), clock_(clock), catalog_(catalog), sources_(std::move(sources)) {}

std::shared_ptr<Channels::Built> Channels::build() {
  auto b = std::make_shared<Built>();
  const auto snap = catalog_.snapshot();
  const auto extras = db_.read([](soci::session& sql) { return repo::extras(sql); });
  b->mapping = db_.read([](soci::session& sql) { return repo::mapping(sql); });
  b->version = snap->version;
  b->mapping_generation = mapping_generation_;
  b->at = clock_.now();
  b->summary.built_at = format_utc(b->at);
  const auto shop = sources_.shop();
  for (const auto& c : snap->cards) {
    if (!c.in_stock) {
      ++b->summary.out_of_stock;
      continue;
    }
    FeedItem i;
    i.id = c.id;
    i.title = c.title_ko;
    if (auto it = extras.stories.find(c.id); it != extras.stories.end()) i.description = it->second;
    i.price = c.price;
    i.brand = c.workshop_ko;
    i.category_ko = sources_.words("ko", "catalog.category." + c.category);
    i.category_en = sources_.words("en", "catalog.category." + c.category);
    i.search_tags = tags_of(c, sources_);
    i.shipping = sources_.shipping_for(c.price);
    if (auto it = extras.squares.find(c.id); it != extras.squares.end() && !it->second.empty()) {
      i.image_link = shop.base_url + "/media/photos/" + it->second.front();
      for (size_t n = 1; n < it->second.size(); ++n)
        i.more_images.push_back(shop.base_url + "/media/photos/" + it->second[n]);
      ++b->summary.with_photos;
    } else if (c.image_id) {
      i.image_link = shop.base_url + "/feeds/images/" + std::to_string(c.image_id);
    } else {
      ++b->summary.no_picture;  // no channel takes a piece without a picture
      continue;
    }
    b->items.push_back(std::move(i));
    b->slugs.push_back(c.slug);
    b->categories.push_back(c.category);
  }
  b->summary.listed = static_cast<long long>(b->items.size());
  for (Feed kind : {Feed::naver, Feed::google, Feed::kakao}) {
    const auto items = for_channel(*b, kind);
    b->bodies[kind] = kind == Feed::naver    ? naver_full(items)
                      : kind == Feed::google ? google_rss(shop, items)
                                             : kakao_xml(shop, items);
  }
  return b;
}

std::vector<FeedItem> Channels::for_channel(const Built& b, Feed kind) const {
  std::vector<FeedItem> out = b.items;
  const auto base = sources_.shop().base_url;
  for (size_t n = 0; n < out.size(); ++n) {
    out[n].link = tracked_link(base, b.slugs[n], name_of(kind), medium_of(kind));
    const auto it = b.mapping.find({name_of(kind), b.categories[n]});
    out[n].external_category = it == b.mapping.end() ? "" : it->second;
  }
  return out;
}

// What changed since the last build, per piece: I (new or back), U (its row changed), D (gone).
void Channels::record_changes(const Built& b) {
  const auto items = for_channel(b, Feed::naver);
  const auto now = format_utc(clock_.now());
  db_.write([&](soci::session& sql) {
    auto seen = repo::seen(sql);
    std::unordered_set<long long> listed;
    for (const auto& item : items) {
      listed.insert(item.id);
      const auto print = fingerprint(item);
      const auto it = seen.find(item.id);
      if (it == seen.end())
        repo::save_seen(sql, item.id, {print, 'I', now}, false);
      else if (it->second.change == 'D')
        repo::save_seen(sql, item.id, {print, 'I', now}, true);
      else if (it->second.fingerprint != print)
        repo::save_seen(sql, item.id, {print, 'U', now}, true);
    }
    for (const auto& [id, s] : seen)
      if (s.change != 'D' && !listed.count(id)) repo::save_seen(sql, id, {"", 'D', now}, true);
  });
}

std::shared_ptr<const Channels::Built> Channels::current() {
  std::lock_guard lock(mutex_);
  const auto version = catalog_.snapshot()->version;
  if (built_ && built_->version == version && built_->mapping_generation == mapping_generation_ &&
      clock_.now() - built_->at < max_age)
    return built_;
  built_ = build();
  record_changes(*built_);
  return built_;
}

std::string Channels::feed(Feed kind) { return current()->bodies.at(kind); }

FeedSummary Channels::summary() { return current()->summary; }

Result<std::string> Channels::naver_incremental(const std::string& since) {
  TimePoint from;
  if (since.empty()) {
    TimePoint today;
    parse_seoul_input(format_seoul(clock_.now()).substr(0, 10) + "T00:00", today);
    from = today;
  } else if (!parse_seoul_input(since, from)) {
    return Error::invalid("since", "since_invalid", "since must be a Seoul time like 2026-12-01T09:00");
  }
  const auto built = current();
  const auto items = for_channel(*built, Feed::naver);
  std::unordered_map<long long, const FeedItem*> by_id;
  for (const auto& i : items) by_id[i.id] = &i;
  const auto changed =
      db_.read([&](soci::session& sql) { return repo::changed_since(sql, format_utc(from)); });
  std::vector<FeedChange> out;
  for (const auto& [id, seen] : changed) {
    FeedChange c;
    c.change = seen.change;
    c.at = update_time(seen.changed_at);
    if (seen.change == 'D') {
      c.item.id = id;
    } else {
      const auto it = by_id.find(id);
      if (it == by_id.end()) continue;  // gone since: the next build records it
      c.item = *it->second;
    }
    out.push_back(std::move(c));
  }
  return channels::naver_incremental(out);
}

std::vector<MappingRow> Channels::mapping(const std::string& locale) {
  const auto stored = db_.read([](soci::session& sql) { return repo::mapping(sql); });
  std::vector<MappingRow> out;
  for (const auto& category : catalog::categories) {
    MappingRow row{category, sources_.words(locale, "catalog.category." + category), {}};
    for (const char* channel : channel_names) {
      const auto it = stored.find({channel, category});
      row.external[channel] = it == stored.end() ? "" : it->second;
    }
    out.push_back(std::move(row));
  }
  return out;
}

Result<void> Channels::set_mapping(const std::string& channel, const std::string& category,
                                   const std::string& raw) {
  if (std::find(std::begin(channel_names), std::end(channel_names), channel) == std::end(channel_names))
    return Error::invalid("channel", "channel_unknown", "channel must be naver, google or kakao");
  if (!catalog::known(catalog::categories, category))
    return Error::invalid("category", "category_unknown", "category is not one of the catalog's");
  const std::string external(trim(raw));
  if (!external.empty()) {
    if (channel != "kakao" && !digits(external, 10))
      return Error::invalid("external", "external_invalid",
                            channel == "naver" ? "Naver's category is its number, like 50000436"
                                               : "Google's product category is its number, like 200");
    if (!valid_utf8(external) || !single_line(external) || utf8_length(external) > 250)
      return Error::invalid("external", "external_invalid", "the category must be one line of 250 at most");
  }
  db_.write([&](soci::session& sql) {
    repo::set_mapping(sql, channel, category, external, format_utc(clock_.now()));
  });
  std::lock_guard lock(mutex_);
  ++mapping_generation_;
  return {};
}

Result<std::string> Channels::image(long long image_id) {
  const auto snap = catalog_.snapshot();
  const bool listed = std::any_of(snap->cards.begin(), snap->cards.end(),
                                  [&](const catalog::Card& c) { return c.image_id == image_id; });
  if (!listed) return Error::not_found("image");
  {
    std::lock_guard lock(images_mutex_);
    for (auto it = images_.begin(); it != images_.end(); ++it)
      if (it->first == image_id) {
        images_.splice(images_.begin(), images_, it);
        return it->second;
      }
  }
  const auto drawn = catalog_.image(image_id);
  if (!drawn) return Error::not_found("image");
  auto jpeg = TRY(media::square_on_white(drawn->body, 1000));
  std::lock_guard lock(images_mutex_);
  images_.emplace_front(image_id, jpeg);
  if (images_.size() > images_kept) images_.pop_back();
  return jpeg;
}

}  // namespace brilliant::channels
