// Brilliant Studio's items (issue 17): one physical piece the hub holds, with its serial, what was
// measured at intake and its history of station events. Values and rules only (no SQL, no HTTP).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace brilliant::studio {

enum class Station { intake, studio, qa, packing, returns, fair };
std::string to_string(Station station);
std::optional<Station> station_of(const std::string& text);
inline constexpr Station all_stations[] = {Station::intake,  Station::studio,  Station::qa,
                                           Station::packing, Station::returns, Station::fair};

// The event kinds a station records: intake "received"; studio "photographed"; QA "qa_passed" or
// "qa_failed"; packing "packed", "shipped"; returns "return_received", "inspected", "restocked",
// "returned_to_workshop"; a joint exhibition (issue 19) "sent_to_fair", "back_from_fair", "sold_at_fair"
// (the event's note names the fair by its slug).
const std::vector<std::string>& kinds_at(Station station);
bool kind_allowed(Station station, const std::string& kind);

// For hub-held pieces, how a variant's stock moves when an item goes from `from` (its status, "" when
// new) to `to`: +1 onto the shelf (received, photographed, QA passed, listed, restocked, back from a
// fair), -1 off it (QA failed, returned to the workshop, sent to a fair), 0 when packed (the order took the
// unit at checkout), when sold at a fair (it left the shelf when it was sent) and otherwise.
int stock_delta(const std::string& from, const std::string& to);

// "IT-XXXX-XXXX": printable, 40 random bits.
std::string new_serial();
bool valid_serial(const std::string& text);

// A weight typed at intake ("3.25", grams, at most two decimals, 0.01 to 10,000 g) in 0.01 g.
Result<int> read_weight_cg(const std::string& text);
// More than 10 % away from the stated weight (mg); a stated weight of 0 flags nothing.
bool weight_far_off(int weight_cg, long long expected_mg);
// "3.25 g"
std::string grams(int weight_cg);

struct Item {
  long long id = 0;
  std::string serial;
  long long variant_id = 0, product_id = 0, workshop_id = 0;
  std::string sku, product_slug, title_ko, title_en, workshop_ko, workshop_en;
  int weight_cg = 0;
  long long expected_mg = 0;
  bool weight_flag = false;
  std::string hallmark, inscription, status, created_at;
};

struct ItemPhoto {
  long long id = 0, event_id = 0;
  std::string view, hash, thumb_hash, phash;
  int width = 0, height = 0;
  long long log_index = 0;
  std::string voided_at, void_reason, created_at;
  int shot_no = 1;          // the n of {SKU}_{view}_{n}
  std::string colour_note;  // a grey card's reading (media/colour.hpp), on "card" shots
};

struct ItemEvent {
  long long id = 0;
  std::string kind, station, actor, note;
  long long log_index = 0;
  std::string created_at;
  std::vector<ItemPhoto> photos;
};

// The log entry of an item event: canonical JSON with the serial, kind, station, actor and time.
std::string event_entry(const Item& item, const std::string& kind, Station station, long long actor,
                        const std::string& at);
// The log entry of an evidence photo: its SHA-256 and perceptual hash, the serial, the event and view.
std::string photo_entry(const std::string& serial, long long event_id, const std::string& view,
                        const std::string& sha256, const std::string& phash, const std::string& at);

}  // namespace brilliant::studio
