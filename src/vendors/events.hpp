// The history a workshop application and a workshop each keep (application_events, workshop_events: the
// same columns, keyed by the application or by the workshop): who did what, when, and why. One shape for
// both, written, read and shown by the same code.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "db/fwd.hpp"

namespace boost::json {
class array;  // declared only: the domain headers that name VendorEvent need no Boost.JSON
}

namespace brilliant::vendors {

struct VendorEvent {
  std::string kind, message, author, created_at;  // author: the user's name, empty for the system
};

// Which history: its table and the column naming whose history a row belongs to.
struct EventLog {
  const char* table;
  const char* owner;
};
inline constexpr EventLog application_log{"application_events", "application_id"};
inline constexpr EventLog workshop_log{"workshop_events", "workshop_id"};

// Appends one event inside the caller's transaction; author 0 is stored as no one (the system).
void record_event(soci::session& sql, EventLog log, long long owner, long long author,
                  const std::string& kind, const std::string& message, const std::string& now);
// One owner's events in the order they happened, or newest first.
std::vector<VendorEvent> read_events(soci::session& sql, EventLog log, long long owner, bool newest_first);

// The events for a page's model and the API alike: `text` names a kind in the request's locale (given the
// kind), the time in Seoul's; `message` only when there is one (an empty one would still open
// {{#message}} in a template).
boost::json::array events_json(const std::vector<VendorEvent>& events,
                               const std::function<std::string(const std::string& kind)>& text);

}  // namespace brilliant::vendors
