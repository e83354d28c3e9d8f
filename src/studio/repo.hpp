// Brilliant Studio's SQL (migration 018): the one owner of items, item_events and item_photos.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/fwd.hpp"
#include "studio/item.hpp"

namespace brilliant::studio::repo {

struct VariantRef {
  long long variant_id = 0, product_id = 0, workshop_id = 0, expected_mg = 0;
};
std::optional<VariantRef> variant_by_sku(soci::session& sql, const std::string& sku);
bool serial_taken(soci::session& sql, const std::string& serial);
long long insert_item(soci::session& sql, const Item& item);
std::optional<Item> item(soci::session& sql, const std::string& serial);
std::vector<Item> recent_items(soci::session& sql, int limit);
void set_status(soci::session& sql, long long item_id, const std::string& status);
long long insert_event(soci::session& sql, long long item_id, const std::string& kind,
                       const std::string& station, long long actor_id, const std::string& note,
                       long long log_index, const std::string& at);
// The item's events, oldest first, each with its photos.
std::vector<ItemEvent> events(soci::session& sql, long long item_id);
std::optional<long long> event_item(soci::session& sql, long long event_id);
long long insert_photo(soci::session& sql, long long item_id, long long event_id, const ItemPhoto& photo);
std::optional<ItemPhoto> photo(soci::session& sql, long long id);
std::optional<long long> photo_item(soci::session& sql, long long id);
void void_photo(soci::session& sql, long long id, const std::string& reason, const std::string& at);

}  // namespace brilliant::studio::repo
