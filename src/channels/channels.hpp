// The sales channels' feeds (issue 19): Naver Shopping (full and incremental EP), Google Merchant Center
// and Kakao, built from the catalog's snapshot (published pieces of active workshops) keeping only those
// in stock, with the operator's category mapping. A feed is built once and reused until the catalog or
// the mapping changes (at most five minutes, so a node that missed another's mapping change catches up).
// Each build also records what changed per piece (feed_items), from which Naver's incremental feed is
// made. Pieces without a photograph are shown with their drawn picture made into a JPEG on white.
// Thread safe.
#pragma once
#include <chrono>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/service.hpp"
#include "channels/feeds.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"

namespace brilliant::channels {

enum class Feed { naver, google, kakao };
inline constexpr const char* channel_names[] = {"naver", "google", "kakao"};

// What the feeds need from the rest of the platform.
struct Sources {
  std::function<std::string(const std::string& locale, const std::string& key)> words;  // locale texts
  std::function<Shop()> shop;                              // the brand's name, address, tagline
  std::function<long long(long long price)> shipping_for;  // won to ship a piece of that price alone
};

struct MappingRow {
  std::string category, name;                   // ours, in the asked language
  std::map<std::string, std::string> external;  // channel -> the channel's category ("" when not mapped)
};

struct FeedSummary {
  long long listed = 0;        // pieces in the feeds
  long long out_of_stock = 0;  // published pieces left out for having no stock
  long long with_photos = 0;   // of those listed, shown with a studio photograph
  long long no_picture = 0;    // in stock but left out: no photograph and no drawn picture
  std::string built_at;        // UTC of the build the feeds come from
};

class Channels {
 public:
  Channels(db::Database& db, const Clock& clock, catalog::Catalog& catalog, Sources sources);

  std::string feed(Feed kind);
  // Changes at or after `since` (Seoul time "YYYY-MM-DDTHH:MM"; empty: since today began in Seoul).
  Result<std::string> naver_incremental(const std::string& since);
  FeedSummary summary();

  std::vector<MappingRow> mapping(const std::string& locale);
  // Errors name the field: channel, category or external.
  Result<void> set_mapping(const std::string& channel, const std::string& category,
                           const std::string& external);

  // The JPEG a feed links for a piece without photographs: its drawn picture on white, 1000 px square.
  // Only for a picture of a piece the feeds list; kept in memory (the last 256).
  Result<std::string> image(long long image_id);

 private:
  struct Built {
    long long version = -1, mapping_generation = -1;
    TimePoint at{};
    std::vector<FeedItem> items;  // as Naver shows them (links and categories are adapted per feed)
    std::vector<std::string> slugs;
    std::vector<std::string> categories;
    std::map<std::pair<std::string, std::string>, std::string> mapping;  // (channel, category) -> theirs
    FeedSummary summary;
    std::map<Feed, std::string> bodies;
  };
  std::shared_ptr<const Built> current();
  std::shared_ptr<Built> build();
  void record_changes(const Built& built);
  std::vector<FeedItem> for_channel(const Built& built, Feed kind) const;

  db::Database& db_;
  const Clock& clock_;
  catalog::Catalog& catalog_;
  Sources sources_;
  std::mutex mutex_;
  std::shared_ptr<Built> built_;
  long long mapping_generation_ = 0;
  std::mutex images_mutex_;
  std::list<std::pair<long long, std::string>> images_;  // most recent first
};

}  // namespace brilliant::channels
