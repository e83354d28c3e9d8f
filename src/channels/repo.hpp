// SQL for the channels' feeds (issue 19): what the catalog's snapshot lacks (stories, the photos' square
// renditions), the operator's category mapping, and what each piece last looked like in the feeds.
#pragma once
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "db/database.hpp"

namespace brilliant::channels::repo {

struct Extras {
  std::unordered_map<long long, std::string> stories;               // published product -> story (ko)
  std::unordered_map<long long, std::vector<std::string>> squares;  // -> its photos' square JPEG hashes
};
Extras extras(soci::session& sql);

// (channel, our category) -> the channel's category.
using Mapping = std::map<std::pair<std::string, std::string>, std::string>;
Mapping mapping(soci::session& sql);
// An empty `external` removes the entry.
void set_mapping(soci::session& sql, const std::string& channel, const std::string& category,
                 const std::string& external, const std::string& now);

struct Seen {
  std::string fingerprint;
  char change = 'I';
  std::string changed_at;
};
std::unordered_map<long long, Seen> seen(soci::session& sql);
void save_seen(soci::session& sql, long long product_id, const Seen& seen, bool known_before);
// Pieces whose feed row changed at or after `since` (UTC), in the order they changed.
std::vector<std::pair<long long, Seen>> changed_since(soci::session& sql, const std::string& since);

}  // namespace brilliant::channels::repo
